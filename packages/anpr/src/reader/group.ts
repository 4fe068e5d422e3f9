// Turns detected text lines into plate candidates. A one-line plate is one text line (or pieces of
// one, when the detector breaks it at the dash); a two-line plate is two lines stacked with their
// centres aligned; a squat single blob is a two-line plate the detector did not separate.
import { quadOf, type TextBox } from './detect';
import type { Quad } from './image';

/** A plate candidate: its outline and the quads of its text lines, top to bottom. */
export interface Candidate {
  quad: Quad;
  lines: Quad[];
  /** Set when the candidate is a single blob to be cut in two at its quietest row. */
  split: boolean;
  /** A line that is also half of a pair: read only when the pair does not give a plate. */
  fallback: boolean;
}

/** Below this length/thickness a text blob is too squat to be one plate line. */
const SQUAT = 2.3;
/** Above this length/thickness a line is long enough to be a whole one-line plate. */
const LONG = 3.2;

/** Union of boxes in the frame of the first box's angle. */
function union(boxes: TextBox[]): TextBox {
  const { angle } = boxes[0];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  for (const b of boxes) {
    for (const [x, y] of b.quad) {
      const u = x * c + y * s;
      const v = -x * s + y * c;
      u0 = Math.min(u0, u); u1 = Math.max(u1, u); v0 = Math.min(v0, v); v1 = Math.max(v1, v);
    }
  }
  const uc = (u0 + u1) / 2;
  const vc = (v0 + v1) / 2;
  const cx = uc * c - vc * s;
  const cy = uc * s + vc * c;
  const w = u1 - u0;
  const h = v1 - v0;
  const score = Math.min(...boxes.map((b) => b.score));
  return { quad: quadOf(cx, cy, w, h, angle), cx, cy, w, h, angle, score };
}

/** Joins pieces of one line: same thickness, same baseline, small gap. */
function mergeLines(boxes: TextBox[]): TextBox[] {
  const lines = [...boxes].sort((a, b) => a.cx - a.w / 2 - (b.cx - b.w / 2));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < lines.length && !merged; i++) {
      for (let j = i + 1; j < lines.length && !merged; j++) {
        const a = lines[i];
        const b = lines[j];
        const hr = Math.max(a.h, b.h) / Math.min(a.h, b.h);
        const gap = Math.max(a.cx - a.w / 2, b.cx - b.w / 2) - Math.min(a.cx + a.w / 2, b.cx + b.w / 2);
        const h = Math.min(a.h, b.h);
        if (hr < 1.4 && Math.abs(a.cy - b.cy) < 0.35 * h && gap < 0.6 * h) {
          lines.splice(j, 1);
          lines[i] = union([a, b]);
          merged = true;
        }
      }
    }
  }
  return lines;
}

/** Whether `b` sits right under `a` as the second line of the same plate. */
function stacked(a: TextBox, b: TextBox): boolean {
  const h = (a.h + b.h) / 2;
  const dy = b.cy - a.cy;
  const wr = Math.max(a.w, b.w) / Math.min(a.w, b.w);
  const hr = Math.max(a.h, b.h) / Math.min(a.h, b.h);
  return dy > 0.55 * h && dy < 1.9 * h && Math.abs(a.cx - b.cx) < 0.3 * Math.max(a.w, b.w) && wr < 2.6 && hr < 1.7;
}

/** Plate candidates from detected text boxes, two-line pairs first. */
export function groupPlates(boxes: TextBox[]): Candidate[] {
  const lines = mergeLines(boxes);
  const out: Candidate[] = [];
  const used = new Set<number>();
  const byY = lines.map((l, i) => ({ l, i })).sort((a, b) => a.l.cy - b.l.cy);
  for (const { l: a, i } of byY) {
    if (used.has(i)) continue;
    for (const { l: b, i: j } of byY) {
      if (j === i || used.has(j) || !stacked(a, b)) continue;
      used.add(i);
      used.add(j);
      out.push({ quad: union([a, b]).quad, lines: [a.quad, b.quad], split: false, fallback: false });
      break;
    }
  }
  // A long line already in a pair is still offered alone (a car plate line can sit above other
  // text); a short one is only ever half of a two-line plate.
  lines.forEach((l, i) => {
    const ar = l.w / l.h;
    if (!used.has(i) || ar > LONG) out.push({ quad: l.quad, lines: [l.quad], split: ar < SQUAT, fallback: used.has(i) });
  });
  return out;
}
