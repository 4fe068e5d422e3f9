import type { SegmentRecord } from './ports';

/** Segments closer than this are one continuous span. */
export const GAP_TOLERANCE_MS = 1500;

export interface Span {
  startMs: number;
  endMs: number;
  segments: number;
}

/** Groups segments into continuous spans and lists the gaps between them inside [from, to]. */
export function spansOf(segments: readonly SegmentRecord[], fromMs: number, toMs: number) {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs);
  const spans: Span[] = [];
  for (const s of sorted) {
    const last = spans[spans.length - 1];
    if (last && s.startMs - last.endMs <= GAP_TOLERANCE_MS) {
      last.endMs = Math.max(last.endMs, s.endMs);
      last.segments += 1;
    } else spans.push({ startMs: s.startMs, endMs: s.endMs, segments: 1 });
  }
  const gaps: { startMs: number; endMs: number }[] = [];
  let cursor = fromMs;
  for (const sp of spans) {
    if (sp.startMs - cursor > GAP_TOLERANCE_MS) gaps.push({ startMs: cursor, endMs: Math.min(sp.startMs, toMs) });
    cursor = Math.max(cursor, sp.endMs);
  }
  if (toMs - cursor > GAP_TOLERANCE_MS) gaps.push({ startMs: cursor, endMs: toMs });
  return { spans, gaps: gaps.filter((g) => g.endMs > g.startMs) };
}
