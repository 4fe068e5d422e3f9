import sharp, { type OverlayOptions } from 'sharp';
import { seededRandom } from '@vigil/core';
import { encodeQr } from './qr-codec';

/** How a QR code is held in front of a barrier camera (tests and the benchmark). */
export interface FrameSpec {
  text: string;
  width?: number;
  height?: number;
  /** Side of the code in pixels (distance from the camera). */
  size: number;
  /** In-plane rotation, degrees. */
  angle?: number;
  /** Tilt away from the camera: 0 (facing) .. 0.4 (strongly tilted), as an affine shear + squash. */
  tilt?: number;
  /** Gaussian blur sigma (focus, motion). */
  blur?: number;
  /** Noise amplitude, 0..60 grey levels. */
  noise?: number;
  /** Glare spot opacity over the code, 0..1. */
  glare?: number;
  /** Where the code's centre is, as a fraction of the frame. */
  cx?: number;
  cy?: number;
  seed?: number;
  format?: 'jpeg' | 'png';
}

/** Small deterministic PRNG so a benchmark run can be repeated exactly. */
export const mulberry32 = seededRandom;

/** A synthetic camera frame: textured background, the code transformed, glare, blur and noise. */
export async function renderFrame(s: FrameSpec): Promise<Buffer> {
  const W = s.width ?? 1280;
  const H = s.height ?? 720;
  const rnd = mulberry32(s.seed ?? 1);
  const qr = await sharp(await encodeQr(s.text, { scale: 1, ecLevel: 'M' })).resize(s.size, s.size, { kernel: 'nearest' }).png().toBuffer();
  let code = sharp(qr);
  const tilt = s.tilt ?? 0;
  if (tilt) code = code.affine([[1, tilt * 0.5], [0, 1 - tilt]], { background: '#ffffff' });
  let codeBuf = await code.png().toBuffer();
  if (s.angle) codeBuf = await sharp(codeBuf).rotate(s.angle, { background: '#f4f4f0' }).png().toBuffer();
  const meta = await sharp(codeBuf).metadata();
  const left = Math.round(Math.max(0, Math.min(W - meta.width!, (s.cx ?? 0.5) * W - meta.width! / 2)));
  const top = Math.round(Math.max(0, Math.min(H - meta.height!, (s.cy ?? 0.5) * H - meta.height! / 2)));

  // Background: a dim gradient with blocks, like a road and a car window behind the person.
  const bg = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = 70 + ((x * 60) / W + (y * 40) / H) + (((x >> 6) + (y >> 6)) % 2) * 25;
      const i = (y * W + x) * 3;
      bg[i] = v;
      bg[i + 1] = v + 5;
      bg[i + 2] = v + 10;
    }
  }
  const layers: OverlayOptions[] = [{ input: codeBuf, left, top }];
  if (s.glare) {
    const r = Math.round(meta.width! * 0.35);
    const svg = `<svg width="${W}" height="${H}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="${s.glare}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${left + meta.width! * (0.3 + rnd() * 0.4)}" cy="${top + meta.height! * (0.3 + rnd() * 0.4)}" rx="${r}" ry="${r * 0.7}" fill="url(#g)"/></svg>`;
    layers.push({ input: Buffer.from(svg), left: 0, top: 0 });
  }
  let img = sharp(bg, { raw: { width: W, height: H, channels: 3 } }).composite(layers);
  if (s.blur && s.blur >= 0.3) img = sharp(await img.png().toBuffer()).blur(s.blur);
  const { data } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const amp = s.noise ?? 0;
  if (amp > 0) {
    for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + (rnd() + rnd() + rnd() - 1.5) * amp));
  }
  const out = sharp(data, { raw: { width: W, height: H, channels: 3 } });
  return s.format === 'png' ? out.png().toBuffer() : out.jpeg({ quality: 85 }).toBuffer();
}
