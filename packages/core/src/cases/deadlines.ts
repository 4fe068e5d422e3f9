import type { Deadline } from '@vigil/types';

/** The law counts days on Vietnam's calendar; deadlines end at 23:59:59.999 local time. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';
/** Days to identify the owner and send the notice, counted from detection. */
export const OWNER_DAYS = 10;
/** Days the owner has to come after the notice before the case escalates. */
export const RESOLVE_DAYS = 20;
/** Deadlines this close are flagged "near" in queues and alerts. */
export const NEAR_DAYS = 2;

const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: VN_TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function parts(at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The calendar day in Vietnam (YYYY-MM-DD) of an instant. */
export function vnDate(at: Date): string {
  const p = parts(at);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Offset of Vietnam time from UTC at an instant, in ms (asked of the tz database, not assumed). */
function offsetMs(at: Date): number {
  const p = parts(at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** End of the Vietnam calendar day that lies `days` days after the day of `from`. */
export function endOfVnDayAfter(from: Date, days: number): Date {
  const [y, m, d] = vnDate(from).split('-').map(Number);
  const localEnd = Date.UTC(y, m - 1, d + days, 23, 59, 59, 999);
  const guess = new Date(localEnd);
  return new Date(localEnd - offsetMs(guess));
}

/** Whole Vietnam calendar days from now's day to the due day (negative once passed). */
export function daysLeft(now: Date, due: Date): number {
  const a = Date.parse(`${vnDate(now)}T00:00:00Z`);
  const b = Date.parse(`${vnDate(due)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

export function deadlineOf(kind: Deadline['kind'], due: Date, now: Date): Deadline {
  const left = daysLeft(now, due);
  const state = now.getTime() > due.getTime() ? 'overdue' : left <= NEAR_DAYS ? 'near' : 'ok';
  return { kind, dueAt: due.toISOString(), daysLeft: left, state };
}
