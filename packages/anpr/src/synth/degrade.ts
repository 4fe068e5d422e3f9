// Capture conditions applied to a rendered image: light level and tint, headlight glare, defocus or
// motion blur, sensor noise and JPEG compression, in the order a camera would add them.
import sharp from 'sharp';
import type { Rgb } from '../reader/image';
import type { Conditions, Rng } from './spec';

/** Darkens and tints for dusk and night (sodium-orange or cold LED street light), in place. */
export function applyLight(img: Rgb, light: Conditions['light'], r: Rng): void {
  if (light === 'day') return;
  const gain = light === 'dusk' ? r.range(0.45, 0.7) : r.range(0.22, 0.4);
  const tint = r.chance(0.5) ? [1.1, 0.95, 0.75] : [0.85, 0.95, 1.1];
  const gamma = light === 'night' ? 1.3 : 1.1;
  const d = img.data;
  for (let i = 0; i < d.length; i += 3) {
    for (let k = 0; k < 3; k++) d[i + k] = Math.min(255, 255 * Math.pow(d[i + k] / 255, gamma) * gain * tint[k]);
  }
}

/** Adds a soft white blob (a headlight or sun reflection) centred near (cx, cy), in place. */
export function applyGlare(img: Rgb, cx: number, cy: number, radius: number, strength: number): void {
  const d = img.data;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const q = ((x - cx) ** 2 + (y - cy) ** 2) / (radius * radius);
      if (q > 4) continue;
      const a = strength * Math.exp(-q);
      const o = (y * img.width + x) * 3;
      for (let k = 0; k < 3; k++) d[o + k] = d[o + k] + (255 - d[o + k]) * a;
    }
  }
}

/** Adds Gaussian noise of standard deviation sigma (0..255 scale), in place. */
export function applyNoise(img: Rgb, sigma: number, r: Rng): void {
  if (sigma <= 0) return;
  const d = img.data;
  for (let i = 0; i < d.length; i++) d[i] = Math.max(0, Math.min(255, d[i] + r.gauss() * sigma));
}

/** Blur (defocus or motion along a random direction) then JPEG encoding; returns the JPEG bytes. */
export async function encode(img: Rgb, c: Conditions, r: Rng, blurScale: number): Promise<Buffer> {
  let s = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 3 },
  });
  if (c.blur === 'blur') s = s.blur(Math.max(0.3, r.range(0.8, 1.8) * blurScale));
  if (c.blur === 'motion') {
    const len = Math.max(3, Math.round(r.range(4, 8) * blurScale)) | 1;
    const kernel = motionKernel(len, r.range(0, Math.PI));
    s = s.convolve({ width: len, height: len, kernel });
  }
  return s.jpeg({ quality: c.jpeg }).toBuffer();
}

/** A normalised line kernel of odd size `len` at angle `a`. */
function motionKernel(len: number, a: number): number[] {
  const k = new Array(len * len).fill(0);
  const c = (len - 1) / 2;
  for (let t = -c; t <= c; t += 0.25) {
    const x = Math.round(c + t * Math.cos(a));
    const y = Math.round(c + t * Math.sin(a));
    k[y * len + x] = 1;
  }
  const sum = k.reduce((s, v) => s + v, 0);
  return k.map((v) => v / sum);
}
