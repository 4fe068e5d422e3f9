import type { Box } from './qr-roi';

/**
 * Turns a region of a camera frame into an image zxing can read when the code's modules are only
 * ~2-3 px and softened by focus/motion blur: grey, unsharp-masked at the camera's own resolution
 * (where the blur is a few pixels wide, so the kernel stays small and cheap), then enlarged so a
 * module spans several pixels. Done in plain JS on the crop: sharp's sharpen() converts to LAB
 * (~100 ms on a 720p frame) and a libvips resize round trip costs ~15 ms for an 800 px crop, while
 * this whole step takes a few ms.
 */

export interface EnhanceOptions {
  /** Gaussian sigma of the unsharp mask, in frame pixels; 0 = no sharpening. */
  sigma: number;
  /** Unsharp amount: out = v + amount * (v - blur(v)). */
  amount: number;
  /** Long side of the enlarged crop, px (the factor is capped at `maxScale`). */
  target: number;
  maxScale?: number;
}

export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

function kernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(sigma * 3));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += k[i + r];
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Separable Gaussian blur of a float grey image, edges clamped. */
export function gaussianBlur(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const k = kernel(sigma);
  const r = (k.length - 1) >> 1;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) acc += src[row + Math.min(w - 1, Math.max(0, x + i))] * k[i + r];
      tmp[row + x] = acc;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) acc += tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x] * k[i + r];
      out[y * w + x] = acc;
    }
  }
  return out;
}

/** Luma of an RGBA region as floats. */
export function greyCrop(img: RgbaImage, box: Box): { g: Float32Array; w: number; h: number } {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const g = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    let i = ((y + box.y0) * img.width + box.x0) * 4;
    for (let x = 0; x < w; x++, i += 4) g[y * w + x] = (img.data[i] + 2 * img.data[i + 1] + img.data[i + 2]) / 4;
  }
  return { g, w, h };
}

/** The enhanced, enlarged crop as RGBA (what zxing-wasm's ImageData input wants). */
export function enhanceCrop(img: RgbaImage, box: Box, o: EnhanceOptions): RgbaImage {
  const { g, w, h } = greyCrop(img, box);
  const grey = Buffer.alloc(w * h);
  if (o.sigma > 0 && o.amount > 0) {
    const bl = gaussianBlur(g, w, h, o.sigma);
    for (let i = 0; i < g.length; i++) grey[i] = Math.max(0, Math.min(255, Math.round(g[i] + o.amount * (g[i] - bl[i]))));
  } else {
    for (let i = 0; i < g.length; i++) grey[i] = Math.round(g[i]);
  }
  const s = Math.min(o.maxScale ?? 3, Math.max(1, o.target / Math.max(w, h)));
  const W = Math.max(1, Math.round(w * s));
  const H = Math.max(1, Math.round(h * s));
  return upscaleToRgba(grey, w, h, W, H);
}

/**
 * Bilinear enlargement of a grey image straight into RGBA. Bilinear, not cubic: on the benchmark's
 * misses both read the same codes, and cubic ringing on top of the unsharp mask only adds noise.
 */
export function upscaleToRgba(grey: Uint8Array, w: number, h: number, W: number, H: number): RgbaImage {
  const out = new Uint8Array(W * H * 4);
  const sx = w / W;
  const sy = h / H;
  for (let y = 0; y < H; y++) {
    const fy = Math.min(h - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < W; x++) {
      const fx = Math.min(w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = grey[y0 * w + x0] * (1 - tx) + grey[y0 * w + x1] * tx;
      const bot = grey[y1 * w + x0] * (1 - tx) + grey[y1 * w + x1] * tx;
      const v = top * (1 - ty) + bot * ty + 0.5;
      const j = (y * W + x) * 4;
      out[j] = out[j + 1] = out[j + 2] = v;
      out[j + 3] = 255;
    }
  }
  return { data: out, width: W, height: H };
}
