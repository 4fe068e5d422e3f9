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
