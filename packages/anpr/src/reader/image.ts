// Raw RGB images and the few pixel operations the reader needs. Resampling is done here in plain
// loops rather than through sharp: the crops are tiny and a sharp round-trip costs more than the work.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/** Interleaved 8-bit RGB pixels. */
export interface Rgb {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A point in image pixels. */
export type Point = [number, number];
/** Four corners, clockwise from top-left. */
export type Quad = [Point, Point, Point, Point];

/** Error codes a caller can branch on when an image cannot be used. */
export type ImageErrorCode = 'ANPR_ERR_NOT_FOUND' | 'ANPR_ERR_NOT_IMAGE' | 'ANPR_ERR_CORRUPT_IMAGE';

/** An input that is not a readable image; the message says which and why. */
export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

// Magic numbers of the formats sharp decodes here; anything else is "not an image" before decoding.
const SIGNATURES: Array<[string, number[]]> = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['webp', [0x52, 0x49, 0x46, 0x46]],
  ['gif', [0x47, 0x49, 0x46]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['bmp', [0x42, 0x4d]],
];

function sniff(buf: Buffer): string | null {
  for (const [name, sig] of SIGNATURES) if (sig.every((b, i) => buf[i] === b)) return name;
  return null;
}

/** Decodes a file path or an encoded buffer to RGB, throwing ImageError with a clear message. */
export async function loadImage(input: Buffer | string): Promise<Rgb> {
  let buf: Buffer;
  if (typeof input === 'string') {
    try {
      buf = await readFile(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ImageError('ANPR_ERR_NOT_FOUND', `cannot read file: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
    }
  } else buf = input;
  if (buf.length === 0) throw new ImageError('ANPR_ERR_NOT_IMAGE', 'not an image: the file is empty');
  const kind = sniff(buf);
  if (!kind) throw new ImageError('ANPR_ERR_NOT_IMAGE', 'not an image: unrecognised format (expected JPEG, PNG, WebP, GIF, TIFF or BMP)');
  try {
    const { data, info } = await sharp(buf, { failOn: 'error' }).rotate().removeAlpha().toColourspace('srgb')
      .raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (e) {
    throw new ImageError('ANPR_ERR_CORRUPT_IMAGE', `corrupt ${kind.toUpperCase()} image: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Luma (0..255) of every pixel. */
export function toGray(img: Rgb): Float32Array {
  const n = img.width * img.height;
  const g = new Float32Array(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) g[i] = 0.299 * d[j] + 0.587 * d[j + 1] + 0.114 * d[j + 2];
  return g;
}

/** Bilinear resize of a whole image. */
export function resize(img: Rgb, width: number, height: number): Rgb {
  const sx = img.width / width;
  const sy = img.height / height;
  return warp(img, width, height, (x, y) => [(x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5]);
}

/** Samples the source at map(x, y) for every output pixel (bilinear, edge-clamped). */
function warp(img: Rgb, width: number, height: number, map: (x: number, y: number) => Point): Rgb {
  const out = new Uint8Array(width * height * 3);
  const { data, width: W, height: H } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let [fx, fy] = map(x, y);
      fx = Math.min(Math.max(fx, 0), W - 1);
      fy = Math.min(Math.max(fy, 0), H - 1);
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(x0 + 1, W - 1);
      const y1 = Math.min(y0 + 1, H - 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const o = (y * width + x) * 3;
      const a = (y0 * W + x0) * 3;
      const b = (y0 * W + x1) * 3;
      const c = (y1 * W + x0) * 3;
      const d = (y1 * W + x1) * 3;
      for (let k = 0; k < 3; k++) {
        const top = data[a + k] + (data[b + k] - data[a + k]) * ax;
        const bot = data[c + k] + (data[d + k] - data[c + k]) * ax;
        out[o + k] = top + (bot - top) * ay;
      }
    }
  }
  return { data: out, width, height };
}

/** Homography mapping the unit square's corners (0,0),(1,0),(1,1),(0,1) onto a quad. */
function squareToQuad(q: Quad): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q;
  const dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3, sy = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = den === 0 ? 0 : (sx * dy2 - dx2 * sy) / den;
  const h = den === 0 ? 0 : (dx1 * sy - sx * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h];
}

/**
 * Rectifies a quad of the image to a width x height picture: crop, deskew and perspective in one
 * pass. Inlined rather than built on `warp`: it runs for every detector input and every text line,
 * and a per-pixel closure returning a point was a measurable share of a crop's time.
 */
export function warpQuad(img: Rgb, quad: Quad, width: number, height: number): Rgb {
  const [a, b, c, d, e, f, g, h] = squareToQuad(quad);
  const out = new Uint8Array(width * height * 3);
  const { data, width: W, height: H } = img;
  const xm = W - 1;
  const ym = H - 1;
  // Rotated rectangles (every detector box and proposal) are affine: no per-pixel division.
  const affine = Math.abs(g) < 1e-12 && Math.abs(h) < 1e-12;
  const du = 1 / width;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    // Source position of this row's first pixel and its step per output pixel (affine case).
    let ax0 = a * 0.5 * du + b * v + c - 0.5;
    let ay0 = d * 0.5 * du + e * v + f - 0.5;
    const sx = a * du;
    const sy = d * du;
    for (let x = 0; x < width; x++, o += 3) {
      let fx: number;
      let fy: number;
      if (affine) {
        fx = ax0;
        fy = ay0;
        ax0 += sx;
        ay0 += sy;
      } else {
        const u = (x + 0.5) * du;
        const w = g * u + h * v + 1;
        fx = (a * u + b * v + c) / w - 0.5;
        fy = (d * u + e * v + f) / w - 0.5;
      }
      fx = fx < 0 ? 0 : fx > xm ? xm : fx;
      fy = fy < 0 ? 0 : fy > ym ? ym : fy;
      const x0 = fx | 0;
      const y0 = fy | 0;
      const dx = x0 < xm ? 3 : 0;
      const dy = y0 < ym ? W * 3 : 0;
      // 8-bit fixed-point weights: integer maths, about half the float version's cost.
      const wx = ((fx - x0) * 256) | 0;
      const wy = ((fy - y0) * 256) | 0;
      const p00 = (y0 * W + x0) * 3;
      const p10 = p00 + dy;
      const p01 = p00 + dx;
      const p11 = p10 + dx;
      const w00 = (256 - wx) * (256 - wy);
      const w01 = wx * (256 - wy);
      const w10 = (256 - wx) * wy;
      const w11 = wx * wy;
      out[o] = (data[p00] * w00 + data[p01] * w01 + data[p10] * w10 + data[p11] * w11) >>> 16;
      out[o + 1] = (data[p00 + 1] * w00 + data[p01 + 1] * w01 + data[p10 + 1] * w10 + data[p11 + 1] * w11) >>> 16;
      out[o + 2] = (data[p00 + 2] * w00 + data[p01 + 2] * w01 + data[p10 + 2] * w10 + data[p11 + 2] * w11) >>> 16;
    }
  }
  return { data: out, width, height };
}

/** Homography from quad `from` to quad `to` as a point map, for the generator's perspective warps. */
export function quadToQuad(from: Quad, to: Quad): (p: Point) => Point {
  const A = squareToQuad(from);
  // Invert A (3x3) to map `from` back to the unit square.
  const m = [A[0], A[1], A[2], A[3], A[4], A[5], A[6], A[7], 1];
  const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  const inv = [
    (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
    (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
    (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
  ];
  const B = squareToQuad(to);
  return ([x, y]) => {
    const w0 = inv[6] * x + inv[7] * y + inv[8];
    const u = (inv[0] * x + inv[1] * y + inv[2]) / w0;
    const v = (inv[3] * x + inv[4] * y + inv[5]) / w0;
    const w = B[6] * u + B[7] * v + 1;
    return [(B[0] * u + B[1] * v + B[2]) / w, (B[3] * u + B[4] * v + B[5]) / w];
  };
}

/** Applies a point map (output -> source) to produce a width x height image; used by the generator. */
export function remap(img: Rgb, width: number, height: number, map: (p: Point) => Point): Rgb {
  return warp(img, width, height, (x, y) => map([x + 0.5, y + 0.5]).map((v) => v - 0.5) as Point);
}

/** Axis-aligned bounds of a quad, clamped to the image, as [x, y, w, h]. */
export function quadBox(q: Quad, W: number, H: number): [number, number, number, number] {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(W, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(H, Math.ceil(Math.max(...ys)));
  return [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
}
