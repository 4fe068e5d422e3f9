// Renders a plate spec as a vehicle crop or pasted into a street scene: the plate is drawn on a
// patch of vehicle body, tilted in 3-D (yaw, pitch, roll), projected, and the capture conditions
// are applied afterwards so blur and noise fall on the plate and its surroundings alike.
import sharp from 'sharp';
import { quadToQuad, type Point, type Quad, type Rgb } from '../reader/image';
import { applyGlare, applyLight, applyNoise, encode } from './degrade';
import { plateSize, plateSvg } from './plate-svg';
import { sceneSvg } from './scene';
import type { PlateSpec, Rng } from './spec';

/** A rendered sample: encoded JPEG, the truth and where the plate is. */
export interface Sample {
  image: Buffer;
  width: number;
  height: number;
  /** Plate bounding box [x, y, w, h]. */
  box: [number, number, number, number];
}

const BODY = ['#d9d9d9', '#2b2b2b', '#8a1c1c', '#f5f5f5', '#1f3a66', '#6b6b6b', '#c0a060', '#0d0d0d'];

/** Plate on a patch of vehicle body, rasterised so the plate is about `plateW` px wide. */
async function bodyPatch(spec: PlateSpec, plateW: number, r: Rng): Promise<{ img: Rgb; plate: Quad }> {
  const [mw, mh] = plateSize(spec);
  const scale = plateW / mw;
  const p = plateSvg(spec, scale);
  const mx = Math.round(p.width * r.range(0.35, 0.7));
  const my = Math.round(p.height * r.range(0.7, 1.3));
  const W = p.width + 2 * mx;
  const H = p.height + 2 * my;
  const body = r.pick(BODY);
  // A bumper line and a lamp or grille slot give the detector the clutter real vehicles have.
  const bumperY = my + p.height + Math.round(r.range(0.1, 0.5) * my);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
    `<rect width="${W}" height="${H}" fill="${body}"/>` +
    `<rect x="0" y="${bumperY}" width="${W}" height="${Math.max(2, Math.round(mh * scale * 0.15))}" fill="#111" opacity="0.6"/>` +
    `<rect x="${Math.round(W * r.range(0.02, 0.2))}" y="${Math.round(my * r.range(0.1, 0.5))}" width="${Math.round(W * 0.2)}" ` +
    `height="${Math.round(my * 0.3)}" rx="4" fill="${r.pick(['#aa1111', '#ffaa33', '#dddddd', '#222222'])}"/>` +
    `<svg x="${mx}" y="${my}" width="${p.width}" height="${p.height}">${p.svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '')}</svg>` +
    `</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: body }).removeAlpha().raw()
    .toBuffer({ resolveWithObject: true });
  const img = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  const plate: Quad = [[mx, my], [mx + p.width, my], [mx + p.width, my + p.height], [mx, my + p.height]];
  return { img, plate };
}

/** Projects the patch corners after rotating it in 3-D about the plate centre. */
function project(patch: Rgb, plate: Quad, spec: PlateSpec): { patchQuad: Quad; plateQuad: Quad } {
  const { yaw, pitch, roll } = spec.conditions;
  const [cx, cy] = [(plate[0][0] + plate[2][0]) / 2, (plate[0][1] + plate[2][1]) / 2];
  const rad = Math.PI / 180;
  const [cyw, syw, cp, sp, cr, sr] = [Math.cos(yaw * rad), Math.sin(yaw * rad), Math.cos(pitch * rad), Math.sin(pitch * rad), Math.cos(roll * rad), Math.sin(roll * rad)];
  const f = 2.5 * (plate[1][0] - plate[0][0]);
  const proj = ([x, y]: Point): Point => {
    let X = x - cx, Y = y - cy, Z = 0;
    [X, Y] = [X * cr - Y * sr, X * sr + Y * cr];
    [X, Z] = [X * cyw + Z * syw, -X * syw + Z * cyw];
    [Y, Z] = [Y * cp - Z * sp, Y * sp + Z * cp];
    return [(f * X) / (f + Z), (f * Y) / (f + Z)];
  };
  const rect: Quad = [[0, 0], [patch.width, 0], [patch.width, patch.height], [0, patch.height]];
  return { patchQuad: rect.map(proj) as Quad, plateQuad: plate.map(proj) as Quad };
}

/** Draws `src` into `dst` so that src's full rectangle lands on `quad` (pixels outside stay). */
function warpInto(dst: Rgb, src: Rgb, quad: Quad): void {
  const back = quadToQuad(quad, [[0, 0], [src.width, 0], [src.width, src.height], [0, src.height]]);
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(dst.width, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(dst.height, Math.ceil(Math.max(...ys)));
  const s = src.data;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [u, v] = back([x + 0.5, y + 0.5]);
      const fx = u - 0.5, fy = v - 0.5;
      if (fx < 0 || fy < 0 || fx > src.width - 1 || fy > src.height - 1) continue;
      const ix = Math.floor(fx), iy = Math.floor(fy);
      const ax = fx - ix, ay = fy - iy;
      const ix1 = Math.min(ix + 1, src.width - 1), iy1 = Math.min(iy + 1, src.height - 1);
      const o = (y * dst.width + x) * 3;
      for (let k = 0; k < 3; k++) {
        const a = s[(iy * src.width + ix) * 3 + k], b = s[(iy * src.width + ix1) * 3 + k];
        const c = s[(iy1 * src.width + ix) * 3 + k], d = s[(iy1 * src.width + ix1) * 3 + k];
        dst.data[o + k] = (a + (b - a) * ax) * (1 - ay) + (c + (d - c) * ax) * ay;
      }
    }
  }
}

const shift = (q: Quad, dx: number, dy: number) => q.map(([x, y]) => [x + dx, y + dy]) as Quad;

function bounds(q: Quad): [number, number, number, number] {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return [x, y, Math.ceil(Math.max(...xs)) - x, Math.ceil(Math.max(...ys)) - y];
}

async function finish(img: Rgb, spec: PlateSpec, r: Rng, plateBox: Sample['box'], blurScale: number): Promise<Sample> {
  const c = spec.conditions;
  applyLight(img, c.light, r);
  if (c.glare) {
    const [x, y, w, h] = plateBox;
    applyGlare(img, x + r.range(0, w), y + r.range(-0.5, 1.5) * h, w * r.range(0.2, 0.45), r.range(0.4, 0.75));
  }
  applyNoise(img, c.noise, r);
  return { image: await encode(img, c, r, blurScale), width: img.width, height: img.height, box: plateBox };
}

/** A vehicle crop around the plate (plate 110-280 px wide). */
export async function renderCrop(spec: PlateSpec, r: Rng): Promise<Sample> {
  const plateW = r.range(110, 280);
  const { img: patch, plate } = await bodyPatch(spec, plateW, r);
  const { patchQuad, plateQuad } = project(patch, plate, spec);
  const [px, py, pw, ph] = bounds(plateQuad);
  // Crop: the plate plus a margin of body, as a vehicle detector's box would give.
  const mx = Math.round(pw * r.range(0.15, 0.5));
  const my = Math.round(ph * r.range(0.3, 1.0));
  const out: Rgb = { data: new Uint8Array((pw + 2 * mx) * (ph + 2 * my) * 3).fill(60), width: pw + 2 * mx, height: ph + 2 * my };
  const dx = mx - px, dy = my - py;
  warpInto(out, patch, shift(patchQuad, dx, dy));
  return finish(out, spec, r, [mx, my, pw, ph], plateW / 180);
}

/** A 1280x720 street scene with the plate 100-250 px wide on one vehicle among distractors. */
export async function renderScene(spec: PlateSpec, r: Rng): Promise<Sample> {
  const W = 1280, H = 720;
  const { data } = await sharp(Buffer.from(sceneSvg(W, H, r))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const scene: Rgb = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: W, height: H };
  const plateW = r.range(100, 250);
  const { img: patch, plate } = await bodyPatch(spec, plateW, r);
  const { patchQuad, plateQuad } = project(patch, plate, spec);
  const [, , pw, ph] = bounds(plateQuad);
  const [ax, ay] = [r.range(pw, W - 2 * pw), r.range(H * 0.35, H - 2 * ph)];
  const [qx, qy] = bounds(plateQuad);
  const dx = ax - qx, dy = ay - qy;
  warpInto(scene, patch, shift(patchQuad, dx, dy));
  const box = bounds(shift(plateQuad, dx, dy));
  return finish(scene, spec, r, box, plateW / 180);
}
