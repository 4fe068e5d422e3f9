// Formatting for the health pages. Times are shown in Vietnam time (UTC+7) whatever the browser's zone.
import { TICKET_STATUSES, type HealthState, type TicketStatus } from '../../api/health';
import type { Translate } from '../../i18n/i18n';

const fmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });

export const vnTime = (iso: string | null | undefined): string => (iso ? fmt.format(new Date(iso)) : '');

/** 95000 -> "1 min 35 s", 7_200_000 -> "2 h 0 min". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export const hours = (ms: number): string => (ms / 3_600_000).toFixed(1);
export const pct = (p: number | null): string => (p === null ? '—' : `${p.toFixed(2)} %`);

/** Colour of each state, shared by badges, map markers and the legend. */
export const STATE_COLOUR: Record<HealthState, string> = {
  online: '#1e9e5a',
  offline: '#c0392b',
  frozen: '#8e44ad',
  black: '#2c3e50',
  tampered: '#d35400',
  degraded: '#d98a00',
  clock_drift: '#2980b9',
  recording_failed: '#e84393',
  disabled: '#8d97a3',
  unknown: '#b7a000',
};

/** Local date (YYYY-MM-DD in UTC+7) of an instant, for date inputs. */
export function localDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

const isTicketStatus = (s: string): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s);

/**
 * A ticket note as the reader's language has it: the server writes a status change as
 * `from -> to[: note]`; that becomes "Đang sửa → Đã sửa, chờ kiểm tra: note". Other notes as written.
 */
export function ticketNoteText(t: Translate, n: { kind: string; text: string }): string {
  const m = n.kind === 'status' ? /^(\w+) -> (\w+)(?:: ([\s\S]*))?$/.exec(n.text) : null;
  if (!m || !isTicketStatus(m[1]) || !isTicketStatus(m[2])) return n.text;
  const change = `${t(`tickets.status.${m[1]}`)} → ${t(`tickets.status.${m[2]}`)}`;
  return m[3] ? `${change}: ${m[3]}` : change;
}
