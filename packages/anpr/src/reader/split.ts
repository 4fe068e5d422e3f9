// Where to cut a two-line plate the detector saw as one blob: the row between the lines carries
// almost no vertical strokes, while rows through characters carry many.
import { toGray, type Rgb } from './image';

/** Fraction of the height (0.3..0.7) at the quietest row between the two text lines. */
export function splitRow(img: Rgb): number {
  const g = toGray(img);
  const { width: w, height: h } = img;
  const rows = new Float32Array(h);
  for (let y = 0; y < h; y++) {
    let s = 0;
    for (let x = 1; x < w - 1; x++) s += Math.abs(g[y * w + x + 1] - g[y * w + x - 1]);
    rows[y] = s;
  }
  // Smooth over 3 rows so a single clean scanline inside a character cannot win.
  let best = Math.round(h / 2);
  let bestV = Infinity;
  for (let y = Math.round(h * 0.3); y <= Math.round(h * 0.7); y++) {
    const v = rows[y - 1] + rows[y] + rows[y + 1];
    // Prefer the centre slightly when the profile is flat.
    const score = v * (1 + 0.5 * Math.abs(y / h - 0.5));
    if (score < bestV) { bestV = score; best = y; }
  }
  return best / h;
}
