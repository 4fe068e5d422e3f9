// A cheap "could this be plate text?" test, run on each rectified text line before recognition.
// Recognition costs about 1 ms per 1,000 input pixels on one core, the test a few hundredths of
// that; on a street scene most detector blobs are window grids, railings, road markings and
// textures, which carry no character-shaped marks at all. A line passes when, binarised at its own
// Otsu threshold, it holds enough marks of a character's size and shape: at least as tall as 40%
// of the line, narrower than a character can be, and not a solid block (a window, a shadow).
import { forEachComponent, greyHistogram, otsu } from './binarise';
import type { Rgb } from './image';

/** What the test found on one line. */
export interface Likeness {
  /** Character-shaped marks on the line. */
  marks: number;
  /** Difference between the two Otsu class means, 0..255. */
  contrast: number;
}

/** Below this contrast (of 255) a line carries nothing a recogniser could read. */
const MIN_CONTRAST = 12;

/** Counts character-shaped marks on a rectified line image (any height, dark or light text). */
export function lineLikeness(img: Rgb): Likeness {
  const { width: w, height: h } = img;
  const n = w * h;
  const { grey: g, hist } = greyHistogram(img);
  const { t, lo, hi } = otsu(hist, n);
  const contrast = hi - lo;
  if (contrast < MIN_CONTRAST) return { marks: 0, contrast };
  // Count both polarities: dark text on a light plate, light text on blue and red plates, and a
  // light plate that is itself the minority inside a box that caught the vehicle around it.
  const fg = new Uint8Array(n);
  let best = 0;
  for (const dark of [true, false]) {
    for (let i = 0; i < n; i++) fg[i] = (g[i] <= t) === dark ? 1 : 0;
    best = Math.max(best, countMarks(fg, w, h));
  }
  return { marks: best, contrast };
}

/** Connected foreground components with a character's proportions. */
function countMarks(fg: Uint8Array, w: number, h: number): number {
  let marks = 0;
  forEachComponent(fg, w, h, ({ x0, x1, y0, y1, area }) => {
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    // A character: at least 40% of the line high, no wider than 1.3 line heights (two touching
    // glyphs still count once), and not a solid block.
    if (bh >= 0.4 * h && bw <= 1.3 * h && bw >= 0.04 * h && area / (bw * bh) < 0.9) marks++;
  });
  return marks;
}
