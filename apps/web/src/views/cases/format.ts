// Formatting shared by the cases pages: Vietnam time, money, deadline text.
import type { Deadline } from '../../api/cases';
import type { Translate } from '../../i18n/i18n';

const fmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

/** Dates are shown in Vietnam time whatever the browser's zone, as the law counts them. */
export const vnTime = (iso: string | null | undefined): string => (iso ? fmt.format(new Date(iso)) : '');
export const money = (n: number): string => n.toLocaleString('vi-VN');

export function deadlineText(t: Translate, d: Deadline | null): string {
  if (!d) return '';
  const { due, left } = deadlineParts(t, d);
  return `${due} · ${left}`;
}

/** The deadline as what is due by when, and how long is left (for a two-line table cell). */
export function deadlineParts(t: Translate, d: Deadline): { due: string; left: string } {
  const due = t(d.kind === 'owner' ? 'cases.deadline.owner' : 'cases.deadline.resolve', { date: vnTime(d.dueAt) });
  const left = d.state === 'overdue' ? t('cases.deadline.overdue') : d.daysLeft === 1 ? t('cases.deadline.oneDay') : t('cases.deadline.days', { days: d.daysLeft });
  return { due, left };
}
