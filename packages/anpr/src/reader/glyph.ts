// A shape check for the one confusion the grammar cannot settle: on Vietnamese plates both `C1`
// and `C7` are valid motorbike series, and the plate font's `1` (a vertical stem with a short flag
// at its top left) reads as `7` or `T` to a general-purpose recogniser. The three differ in two
// plain ways once the character is binarised: a `1`'s stem is vertical and its top is no wider
// than stem and flag; a `7` has a bar across its whole top and a stem that slants to the left as it
// goes down; a `T` has the full bar and a vertical stem.
import type { Slot } from '../grammar/correct';
import { forEachComponent, greyHistogram, otsu, type Component } from './binarise';
import type { Rgb } from './image';

/** What the shape says, or null when it is not clear. */
export type OneSevenT = '1' | '7' | 'T' | null;

/** The characters this check tells apart. */
const CONFUSED = '17T';
/** A slot is looked at when the runner-ups among 1/7/T carry at least this much probability. */
const MIN_DOUBT = 0.02;

/** Measures a character's shape: how its stem slants and how full its top rows are. */
export interface GlyphShape {
  /** Horizontal shift of the stem per row going down (negative: slanting left), in pixels. */
  slope: number;
  /** Widest ink run of the top and of the bottom rows, as a fraction of the glyph's height. */
  top: number;
  bottom: number;
  /** Glyph width over height. */
  aspect: number;
}

/**
 * The shape of the character centred at column `cx` of a rectified line: the line is binarised at
 * its Otsu threshold with the minority class as ink, and the largest ink component near `cx` that
 * is at least half the line high is measured. Null when no such component is found.
 */
export function glyphShape(line: Rgb, cx: number): GlyphShape | null {
  const { width: w, height: h } = line;
  const n = w * h;
  const { grey: g, hist } = greyHistogram(line);
  const { t } = otsu(hist, n);
  let dark = 0;
  for (let i = 0; i <= t; i++) dark += hist[i];
  const inkDark = dark <= n / 2;
  // Window of about a character and a half around the slot's centre.
  const x0 = Math.max(0, Math.round(cx - 0.45 * h));
  const x1 = Math.min(w, Math.round(cx + 0.45 * h));
  const ww = x1 - x0;
  if (ww < 4) return null;
  const ink = new Uint8Array(ww * h);
  for (let y = 0; y < h; y++) for (let x = x0; x < x1; x++) ink[y * ww + x - x0] = (g[y * w + x] <= t) === inkDark ? 1 : 0;
  clipToBand(ink, ww, h, cx - x0);
  const comp = largestNear(ink, ww, h, cx - x0);
  if (!comp) return null;
  const { pts, x0: bx0, x1: bx1, y0: by0, y1: by1 } = comp;
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  if (bh < 0.5 * h) return null;
  // Per row: ink count and mean column.
  const cnt = new Float64Array(bh);
  const sum = new Float64Array(bh);
  for (let k = 0; k < pts.length; k += 2) {
    cnt[pts[k + 1] - by0]++;
    sum[pts[k + 1] - by0] += pts[k];
  }
  // Stem: least-squares slope of the row centres over the lower part of the glyph.
  let sy = 0, sx = 0, syy = 0, sxy = 0, m = 0;
  for (let r = Math.floor(0.4 * bh); r < Math.ceil(0.92 * bh); r++) {
    if (!cnt[r]) continue;
    const c = sum[r] / cnt[r];
    sy += r; sx += c; syy += r * r; sxy += r * c; m++;
  }
  if (m < 4) return null;
  const slope = (m * sxy - sy * sx) / Math.max(1e-9, m * syy - sy * sy);
  let top = 0;
  let bottom = 0;
  const band = Math.max(1, Math.round(0.15 * bh));
  for (let r = 0; r < band; r++) {
    top = Math.max(top, cnt[r] / bh);
    bottom = Math.max(bottom, cnt[bh - 1 - r] / bh);
  }
  return { slope, top, bottom, aspect: bw / bh };
}

/**
 * Blanks the rows above and below the character's own band: from the middle row, up and down while
 * the columns near the slot's centre still carry ink. A plate border or the other line's characters,
 * joined to the glyph by blur, would otherwise bend its stem.
 */
function clipToBand(ink: Uint8Array, w: number, h: number, cx: number): void {
  const a = Math.max(0, Math.round(cx - 0.2 * h));
  const b = Math.min(w, Math.round(cx + 0.2 * h));
  const inked = (y: number) => ink.subarray(y * w + a, y * w + b).some((v) => v === 1);
  const mid = h >> 1;
  if (!inked(mid)) return;
  let r0 = mid;
  let r1 = mid;
  while (r0 > 0 && inked(r0 - 1)) r0--;
  while (r1 < h - 1 && inked(r1 + 1)) r1++;
  ink.fill(0, 0, r0 * w);
  ink.fill(0, (r1 + 1) * w);
}

/**
 * The 4-connected ink component at least half the line high whose horizontal centre is nearest
 * `cx`, within a third of `h` (a wider neighbour must not win over the slot's own narrow 1).
 */
function largestNear(ink: Uint8Array, w: number, h: number, cx: number): Component | null {
  let best: Component | null = null;
  let bestOff = Infinity;
  forEachComponent(ink, w, h, (c) => {
    const off = Math.abs((c.x0 + c.x1) / 2 - cx);
    // Not touching the window's sides (a neighbour cut in two), tall, and centred near the slot.
    if (c.x0 === 0 || c.x1 === w - 1 || c.y1 - c.y0 + 1 < h / 2 || off > h / 3) return;
    if (!best || off < bestOff) {
      best = c;
      bestOff = off;
    }
  }, true);
  return best;
}

/** What a measured shape says: a vertical stem under a narrow top is a 1, a full top bar over a left-slanting stem a 7. */
export function classify(s: GlyphShape): OneSevenT {
  const vertical = Math.abs(s.slope) <= 0.08;
  if (vertical && s.top < 0.38) return '1';
  if (vertical && s.top >= 0.42 && s.bottom < 0.3) return 'T';
  if (s.slope <= -0.2 && s.top >= 0.4 && s.aspect <= 0.8) return '7';
  return null;
}

/** Whether a slot hesitates between 1, 7 and T (its best option one of them, another in the running). */
export function doubtsOneSeven(slot: Slot): boolean {
  return CONFUSED.includes(slot[0].char) && slot.slice(1).some((o) => CONFUSED.includes(o.char) && o.p >= MIN_DOUBT);
}

/**
 * Re-ranks a 1/7/T slot by the glyph's shape: the character the shape names takes the probability
 * of all three, so the grammar sees the shape's verdict with the recogniser's confidence.
 */
export function settleOneSeven(slot: Slot, verdict: Exclude<OneSevenT, null>): Slot {
  const mass = slot.filter((o) => CONFUSED.includes(o.char)).reduce((a, o) => a + o.p, 0);
  const rest = slot.filter((o) => !CONFUSED.includes(o.char));
  return [{ char: verdict, p: mass }, ...rest].sort((a, b) => b.p - a.p);
}
