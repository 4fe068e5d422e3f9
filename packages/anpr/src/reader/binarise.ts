// Grey levels and Otsu's threshold of a text line, shared by the plate-likeness screen and the
// 1/7/T shape check (both binarise a rectified line at its own threshold).
import type { Rgb } from './image';

/** 8-bit luma of every pixel (integer BT.601 weights) and its histogram. */
export function greyHistogram(img: Rgb): { grey: Uint8Array; hist: Uint32Array } {
  const n = img.width * img.height;
  const { data } = img;
  const grey = new Uint8Array(n);
  const hist = new Uint32Array(256);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const v = (77 * data[j] + 150 * data[j + 1] + 29 * data[j + 2]) >> 8;
    grey[i] = v;
    hist[v]++;
  }
  return { grey, hist };
}

/** Otsu threshold of a grey histogram of `n` pixels, and the means of the two classes. */
export function otsu(hist: Uint32Array, n: number): { t: number; lo: number; hi: number } {
  let total = 0;
  for (let i = 0; i < 256; i++) total += i * hist[i];
  let w0 = 0, s0 = 0, best = -1, t = 127, lo = 0, hi = 255;
  for (let i = 0; i < 256; i++) {
    w0 += hist[i];
    if (w0 === 0) continue;
    const w1 = n - w0;
    if (w1 === 0) break;
    s0 += i * hist[i];
    const m0 = s0 / w0;
    const m1 = (total - s0) / w1;
    const between = w0 * w1 * (m0 - m1) ** 2;
    if (between > best) { best = between; t = i; lo = m0; hi = m1; }
  }
  return { t, lo, hi };
}

/** One 4-connected foreground component: its bounding box, pixel count and (when asked) pixels. */
export interface Component {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  area: number;
  /** x, y pairs; empty unless `keepPoints`. */
  pts: number[];
}

/**
 * Calls `each` for every 4-connected component of the non-zero pixels of `fg` (w x h), clearing
 * them as it goes (`fg` is consumed). Pixels are listed only with `keepPoints`.
 */
export function forEachComponent(fg: Uint8Array, w: number, h: number, each: (c: Component) => void, keepPoints = false): void {
  const stack: number[] = [];
  for (let s = 0; s < w * h; s++) {
    if (!fg[s]) continue;
    const c: Component = { x0: w, x1: 0, y0: h, y1: 0, area: 0, pts: [] };
    fg[s] = 0;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      c.area++;
      if (keepPoints) c.pts.push(x, y);
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x > 0 && fg[i - 1]) { fg[i - 1] = 0; stack.push(i - 1); }
      if (x < w - 1 && fg[i + 1]) { fg[i + 1] = 0; stack.push(i + 1); }
      if (y > 0 && fg[i - w]) { fg[i - w] = 0; stack.push(i - w); }
      if (y < h - 1 && fg[i + w]) { fg[i + w] = 0; stack.push(i + w); }
    }
    each(c);
  }
}
