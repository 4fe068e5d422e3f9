// PP-OCRv4 text detection (DBNet): a probability map of "text here", turned into oriented boxes.
// Boxes are oriented (from each blob's second moments) so that a tilted plate line is deskewed
// by its own geometry when it is warped for recognition.
import ort from 'onnxruntime-node';
import { warpQuad, type Quad, type Rgb } from './image';

/** A text line found by the detector, in source-image pixels. */
export interface TextBox {
  quad: Quad;
  /** Centre, along-text length, across-text thickness and angle (radians). */
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
  score: number;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
/** Normalised value of each 8-bit level per input channel slot (B, G, R order: see detectText). */
const LUT = MEAN.map((m, c) => Float32Array.from({ length: 256 }, (_, v) => (v / 255 - m) / STD[c]));
/** Pixel threshold and mean-box threshold, PaddleOCR's defaults. */
const THRESH = 0.3;
const BOX_THRESH = 0.5;
/** DBNet shrinks text regions when training; this is its unclip ratio to grow them back. */
const UNCLIP = 1.6;

/** How large the detector's input may be: longer side, and optionally area, in pixels. */
export interface DetLimit {
  side: number;
  area?: number;
}

/**
 * Detects text lines in the image, or in a region [x, y, w, h] of it; the region is scaled down so
 * its longer side and area stay within `limit` (sides rounded to 32). Boxes come back in image pixels.
 */
export async function detectText(
  sess: ort.InferenceSession, img: Rgb, limit: number | DetLimit, region?: [number, number, number, number],
): Promise<TextBox[]> {
  const [rx, ry, rw, rh] = region ?? [0, 0, img.width, img.height];
  const { side, area = Infinity } = typeof limit === 'number' ? { side: limit } : limit;
  // Capped by area as well as by side: a squat two-line plate crop costs as much as its area.
  const scale = Math.min(1, side / Math.max(rw, rh), Math.sqrt(area / (rw * rh)));
  const w = Math.max(32, Math.round((rw * scale) / 32) * 32);
  const h = Math.max(32, Math.round((rh * scale) / 32) * 32);
  // One resampling pass straight from the region to the detector's input size.
  const small = !region && w === img.width && h === img.height ? img
    : warpQuad(img, [[rx, ry], [rx + rw, ry], [rx + rw, ry + rh], [rx, ry + rh]], w, h);
  const plane = w * h;
  const input = new Float32Array(3 * plane);
  const d = small.data;
  // The model was trained on OpenCV's BGR order with ImageNet statistics applied per channel slot.
  const [l0, l1, l2] = LUT;
  for (let i = 0, j = 0; i < plane; i++, j += 3) {
    input[i] = l0[d[j + 2]];
    input[plane + i] = l1[d[j + 1]];
    input[2 * plane + i] = l2[d[j]];
  }
  const out = await sess.run({ x: new ort.Tensor('float32', input, [1, 3, h, w]) });
  const prob = Object.values(out)[0].data as Float32Array;
  return boxesFromMap(prob, w, h, rw / w, rh / h).map((b) => ({
    ...b, cx: b.cx + rx, cy: b.cy + ry, quad: b.quad.map(([x, y]) => [x + rx, y + ry]) as Quad,
  }));
}

/** Connected blobs of the probability map, each fitted with an oriented rectangle. */
export function boxesFromMap(prob: Float32Array, w: number, h: number, sx: number, sy: number): TextBox[] {
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const boxes: TextBox[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start] < THRESH) continue;
    // Flood fill one blob, accumulating moments in source-image coordinates.
    let n = 0, sum = 0, mx = 0, my = 0, mxx = 0, myy = 0, mxy = 0;
    const px: number[] = [];
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = (i % w + 0.5) * sx;
      const y = (Math.floor(i / w) + 0.5) * sy;
      n++; sum += prob[i]; mx += x; my += y; mxx += x * x; myy += y * y; mxy += x * y;
      px.push(x, y);
      const ix = i % w;
      if (ix > 0 && !seen[i - 1] && prob[i - 1] >= THRESH) { seen[i - 1] = 1; stack.push(i - 1); }
      if (ix < w - 1 && !seen[i + 1] && prob[i + 1] >= THRESH) { seen[i + 1] = 1; stack.push(i + 1); }
      if (i >= w && !seen[i - w] && prob[i - w] >= THRESH) { seen[i - w] = 1; stack.push(i - w); }
      if (i < w * (h - 1) && !seen[i + w] && prob[i + w] >= THRESH) { seen[i + w] = 1; stack.push(i + w); }
    }
    if (n < 6 || sum / n < BOX_THRESH) continue;
    const box = fitBox(px, n, mx / n, my / n, mxx / n - (mx / n) ** 2, myy / n - (my / n) ** 2, mxy / n - (mx / n) * (my / n));
    // A blob thinner than 1.5 map pixels is a stroke or an edge, not a line of text.
    if (box.h >= 1.5 * Math.max(sx, sy)) boxes.push({ ...box, score: sum / n });
  }
  return boxes;
}

function fitBox(px: number[], n: number, cx: number, cy: number, vxx: number, vyy: number, vxy: number): Omit<TextBox, 'score'> {
  let angle = 0.5 * Math.atan2(2 * vxy, vxx - vyy);
  // Text lines are near horizontal; a blob taller than wide is still read left to right.
  if (Math.abs(angle) > Math.PI / 4) angle = 0;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const dx = px[2 * k] - cx;
    const dy = px[2 * k + 1] - cy;
    const u = dx * c + dy * s;
    const v = -dx * s + dy * c;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  let bw = u1 - u0;
  let bh = v1 - v0;
  // DB unclip: offset the shrunk polygon outwards by area * ratio / perimeter.
  const dist = (bw * bh * UNCLIP) / (2 * (bw + bh));
  const ucx = cx + ((u0 + u1) / 2) * c - ((v0 + v1) / 2) * s;
  const ucy = cy + ((u0 + u1) / 2) * s + ((v0 + v1) / 2) * c;
  bw += 2 * dist;
  bh += 2 * dist;
  return { quad: quadOf(ucx, ucy, bw, bh, angle), cx: ucx, cy: ucy, w: bw, h: bh, angle };
}

/** Corners of a rotated rectangle, clockwise from top-left. */
export function quadOf(cx: number, cy: number, w: number, h: number, angle: number): Quad {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const pt = (u: number, v: number): [number, number] => [cx + u * c - v * s, cy + u * s + v * c];
  return [pt(-w / 2, -h / 2), pt(w / 2, -h / 2), pt(w / 2, h / 2), pt(-w / 2, h / 2)];
}
