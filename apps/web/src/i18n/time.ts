// Times as our users read them: Vietnamese style (24 h, day before month) in Vietnam's time zone,
// whatever the browser's own locale (a headless or English-language browser shows 12:00 AM, 11/24).
const ZONE = 'Asia/Ho_Chi_Minh';
const dateTime = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'medium' });
const hourMinute = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** "14:05:09 24/11/2026" style. */
export const formatDateTime = (t: string | number | Date): string => dateTime.format(new Date(t));
/** "14:05". */
export const formatHourMinute = (t: string | number | Date): string => hourMinute.format(new Date(t));
