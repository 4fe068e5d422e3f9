// Times in the operations centre are shown in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no DST)
// whatever the browser's own zone is.
export const VN_TZ = 'Asia/Ho_Chi_Minh';

const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const hmFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const dateTimeFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VN_TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: VN_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

export const fmtTime = (t: number | string | Date): string => timeFmt.format(new Date(t));
export const fmtHm = (t: number | string | Date): string => hmFmt.format(new Date(t));
export const fmtDateTime = (t: number | string | Date): string => dateTimeFmt.format(new Date(t));

/** The calendar day (YYYY-MM-DD) in Vietnam of an instant. */
export const vnDay = (t: number | Date = Date.now()): string => dayFmt.format(new Date(t));

/** Epoch ms of 00:00 Vietnam time on `day` (YYYY-MM-DD). */
export const vnDayStart = (day: string): number => Date.parse(`${day}T00:00:00+07:00`);

export const DAY_MS = 24 * 3600 * 1000;
