// Availability arithmetic over state periods. Pure functions, so the report maths is tested with
// hand-made state logs (availability.test.ts) and the service only gathers rows.
import type { StatePeriod } from './ports';

export interface Interval {
  start: number;
  end: number;
}

/** Time split of one camera (or a sum of cameras) over a range. */
export interface Tally {
  onlineMs: number;
  /** Any state but online, disabled (and time in maintenance). */
  downMs: number;
  maintenanceMs: number;
  disabledMs: number;
  /** No state known (monitor not running, camera not yet added). */
  unmonitoredMs: number;
  downByState: Record<string, number>;
  /** Longest stretch down in a row, across adjacent down states. */
  longestDownMs: number;
}

export const emptyTally = (): Tally => ({ onlineMs: 0, downMs: 0, maintenanceMs: 0, disabledMs: 0, unmonitoredMs: 0, downByState: {}, longestDownMs: 0 });

/** Sorted, non-overlapping union of intervals (empty ones dropped). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** `seg` minus the merged intervals `holes`. */
export function subtract(seg: Interval, holes: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = seg.start;
  for (const h of holes) {
    if (h.end <= cursor) continue;
    if (h.start >= seg.end) break;
    if (h.start > cursor) out.push({ start: cursor, end: Math.min(h.start, seg.end) });
    cursor = Math.max(cursor, h.end);
    if (cursor >= seg.end) break;
  }
  if (cursor < seg.end) out.push({ start: cursor, end: seg.end });
  return out;
}

const length = (list: readonly Interval[]) => list.reduce((n, i) => n + (i.end - i.start), 0);

/**
 * Splits [range.start, range.end) of one camera into online / down / maintenance / disabled /
 * unmonitored. Maintenance windows win over any state; the open period (endMs null) runs to `nowMs`.
 */
export function tallyCamera(opts: { periods: readonly StatePeriod[]; maintenance: readonly Interval[]; range: Interval; nowMs: number }): Tally {
  const { range } = opts;
  const t = emptyTally();
  if (range.end <= range.start) return t;
  const holes = mergeIntervals(opts.maintenance.map((m) => ({ start: Math.max(m.start, range.start), end: Math.min(m.end, range.end) })));
  t.maintenanceMs = length(holes);
  let covered = 0;
  const downPieces: Interval[] = [];
  for (const p of opts.periods) {
    const seg = { start: Math.max(p.startMs, range.start), end: Math.min(p.endMs ?? opts.nowMs, range.end) };
    if (seg.end <= seg.start) continue;
    const pieces = subtract(seg, holes);
    const ms = length(pieces);
    covered += ms;
    if (p.state === 'online') t.onlineMs += ms;
    else if (p.state === 'disabled') t.disabledMs += ms;
    else {
      t.downMs += ms;
      t.downByState[p.state] = (t.downByState[p.state] ?? 0) + ms;
      downPieces.push(...pieces);
    }
  }
  t.unmonitoredMs = Math.max(0, range.end - range.start - t.maintenanceMs - covered);
  // Adjacent down pieces (offline, then frozen) are one outage; touching intervals merge.
  for (const run of mergeIntervals(downPieces)) t.longestDownMs = Math.max(t.longestDownMs, run.end - run.start);
  return t;
}

/** Sum of tallies; the longest outage is the longest of any one camera. */
export function addTally(a: Tally, b: Tally): Tally {
  const downByState = { ...a.downByState };
  for (const [k, v] of Object.entries(b.downByState)) downByState[k] = (downByState[k] ?? 0) + v;
  return {
    onlineMs: a.onlineMs + b.onlineMs,
    downMs: a.downMs + b.downMs,
    maintenanceMs: a.maintenanceMs + b.maintenanceMs,
    disabledMs: a.disabledMs + b.disabledMs,
    unmonitoredMs: a.unmonitoredMs + b.unmonitoredMs,
    downByState,
    longestDownMs: Math.max(a.longestDownMs, b.longestDownMs),
  };
}

/** Online share of the measured time, in percent with two decimals; null when nothing was measured. */
export function availabilityPct(t: Tally): number | null {
  const measured = t.onlineMs + t.downMs;
  return measured > 0 ? Math.round((t.onlineMs / measured) * 10_000) / 100 : null;
}
