// Calendar buckets in Vietnam time. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since
// 1975), so a fixed offset is exact and avoids depending on the host's ICU time-zone data.

export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export type BucketUnit = 'day' | 'week' | 'month';

/** Local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC instant at which the local bucket containing `ms` starts (weeks start on Monday). */
export function bucketStart(ms: number, unit: BucketUnit): number {
  const local = new Date(ms + OFFSET_MS);
  let startLocal: number;
  if (unit === 'month') startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1);
  else {
    startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    if (unit === 'week') startLocal -= ((local.getUTCDay() + 6) % 7) * DAY_MS;
  }
  return startLocal - OFFSET_MS;
}

function nextBucket(start: number, unit: BucketUnit): number {
  if (unit === 'day') return start + DAY_MS;
  if (unit === 'week') return start + 7 * DAY_MS;
  const local = new Date(start + OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS;
}

/** The local buckets covering [fromMs, toMs), each clipped to the range; key = local start date. */
export function buckets(fromMs: number, toMs: number, unit: BucketUnit): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  for (let s = bucketStart(fromMs, unit); s < toMs; s = nextBucket(s, unit)) {
    const key = unit === 'month' ? localDate(s).slice(0, 7) : localDate(s);
    out.push({ key, start: Math.max(s, fromMs), end: Math.min(nextBucket(s, unit), toMs) });
  }
  return out;
}
