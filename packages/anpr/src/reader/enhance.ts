// Local contrast normalisation for the second pass over a scene that gave no plate: at night the
// whole frame sits in the bottom quarter of the range, and under headlight glare the plate sits in
// a washed-out patch, so a global threshold finds no strokes in either. Each tile's own dark and
// bright levels (2nd and 98th percentile of luma) are stretched to the full range, interpolated
// between tile centres so tile edges leave no seams (the idea of CLAHE, without its histogram
// clipping: plates are small, so a tile is mostly background and a stretch is what matters).
import type { Rgb } from './image';

/** Tile side in pixels. */
const TILE = 64;
/** A tile whose levels span less than this is stretched by at most 255 / MIN_SPAN (noise stays noise). */
const MIN_SPAN = 28;

function levels(hist: Uint32Array, n: number): [number, number] {
  const lo = n * 0.02;
  const hi = n * 0.98;
  let acc = 0;
  let a = 0;
  let b = 255;
  for (let i = 0; i < 256; i++) {
    acc += hist[i];
    if (acc <= lo) a = i;
    if (acc >= hi) { b = i; break; }
  }
  return [a, b];
}

/** A copy of the image with each region's luma range stretched to 0..255 (hue kept). */
export function normaliseContrast(img: Rgb): Rgb {
  const { width: W, height: H, data } = img;
  const tx = Math.max(1, Math.round(W / TILE));
  const ty = Math.max(1, Math.round(H / TILE));
  const lo = new Float32Array(tx * ty);
  const span = new Float32Array(tx * ty);
  const hist = new Uint32Array(256);
  for (let j = 0; j < ty; j++) {
    for (let i = 0; i < tx; i++) {
      hist.fill(0);
      const x0 = Math.floor((i * W) / tx), x1 = Math.floor(((i + 1) * W) / tx);
      const y0 = Math.floor((j * H) / ty), y1 = Math.floor(((j + 1) * H) / ty);
      // Every second pixel each way: levels need a histogram, not every pixel.
      let n = 0;
      for (let y = y0; y < y1; y += 2) {
        for (let x = x0, k = (y * W + x0) * 3; x < x1; x += 2, k += 6, n++) {
          hist[(77 * data[k] + 150 * data[k + 1] + 29 * data[k + 2]) >> 8]++;
        }
      }
      const [a, b] = levels(hist, n);
      lo[j * tx + i] = a;
      span[j * tx + i] = Math.max(MIN_SPAN, b - a);
    }
  }
  const out = new Uint8Array(data.length);
  // Bilinear weights between tile centres, per column, computed once (no work per pixel but the mix).
  const cw = W / tx;
  const ch = H / ty;
  const ci0 = new Int32Array(W);
  const ci1 = new Int32Array(W);
  const cwx = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    const fx = Math.min(Math.max((x + 0.5) / cw - 0.5, 0), tx - 1);
    ci0[x] = Math.floor(fx);
    ci1[x] = Math.min(ci0[x] + 1, tx - 1);
    cwx[x] = fx - ci0[x];
  }
  for (let y = 0; y < H; y++) {
    const fy = Math.min(Math.max((y + 0.5) / ch - 0.5, 0), ty - 1);
    const r0 = Math.floor(fy) * tx;
    const r1 = Math.min(Math.floor(fy) + 1, ty - 1) * tx;
    const wy = fy - Math.floor(fy);
    for (let x = 0; x < W; x++) {
      const i0 = ci0[x];
      const i1 = ci1[x];
      const wx = cwx[x];
      const a = (lo[r0 + i0] * (1 - wx) + lo[r0 + i1] * wx) * (1 - wy) + (lo[r1 + i0] * (1 - wx) + lo[r1 + i1] * wx) * wy;
      const sp = (span[r0 + i0] * (1 - wx) + span[r0 + i1] * wx) * (1 - wy) + (span[r1 + i0] * (1 - wx) + span[r1 + i1] * wx) * wy;
      const g = 255 / sp;
      const k = (y * W + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = (data[k + c] - a) * g;
        out[k + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return { data: out, width: W, height: H };
}
