/**
 * Where in a camera frame a QR code probably is, when zxing could not even locate it.
 *
 * A QR code is the densest patch of sharp black/white edges in a checkpoint frame: the road, car
 * and clothes behind the person are smooth by comparison, and sensor noise is spread evenly over
 * the whole frame. So we sum the pixel-to-pixel gradient per cell, take the frame's median cell as
 * the noise floor, and grow a region (hysteresis, like Canny) from the strongest cell. Costs a few
 * milliseconds on a 720p frame in plain JS, which is why it only runs after zxing's own pass fails.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RoiOptions {
  /** Cell side in pixels; about one finder pattern of the smallest code we care about. */
  cell?: number;
  /** How many regions to return, strongest first. */
  max?: number;
}

/** Gradient energy per cell of an RGBA (or grey, channels=1) image. */
export function cellEnergy(data: Uint8Array, width: number, height: number, channels: number, cell: number): { e: Float64Array; cw: number; ch: number } {
  const cw = Math.floor(width / cell);
  const ch = Math.floor(height / cell);
  const e = new Float64Array(cw * ch);
  const stride = width * channels;
  // Green channel: closest to luma, and one byte read per pixel keeps this at a few ms.
  const g = channels >= 3 ? 1 : 0;
  for (let y = 1; y < ch * cell; y++) {
    const row = y * stride + g;
    const cy = ((y / cell) | 0) * cw;
    for (let x = 1; x < cw * cell; x++) {
      const i = row + x * channels;
      const v = data[i];
      e[cy + ((x / cell) | 0)] += Math.abs(v - data[i - channels]) + Math.abs(v - data[i - stride]);
    }
  }
  return { e, cw, ch };
}

/**
 * Candidate code regions, strongest first, in pixel coordinates (with a margin for the quiet zone
 * and for cells the blur or a glare spot left weak). Empty when nothing stands out from the noise.
 */
export function findCodeRegions(data: Uint8Array, width: number, height: number, channels: number, opts: RoiOptions = {}): Box[] {
  const cell = opts.cell ?? 16;
  const { e, cw, ch } = cellEnergy(data, width, height, channels, cell);
  if (e.length === 0) return [];
  const sorted = Float64Array.from(e).sort();
  const floor = sorted[sorted.length >> 1];
  const taken = new Uint8Array(e.length);
  const boxes: Box[] = [];
  for (let n = 0; n < (opts.max ?? 2); n++) {
    let seed = -1;
    for (let i = 0; i < e.length; i++) if (!taken[i] && (seed < 0 || e[i] > e[seed])) seed = i;
    if (seed < 0) break;
    const peak = e[seed];
    // A code's cells carry several times the noise floor's energy; a frame of noise alone does not.
    if (peak < floor * 2.5 || peak - floor < 40 * cell * cell * 0.25) break;
    const low = floor + (peak - floor) * 0.25;
    let cx0 = cw;
    let cy0 = ch;
    let cx1 = -1;
    let cy1 = -1;
    let cells = 0;
    const stack = [seed];
    taken[seed] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % cw;
      const y = (i / cw) | 0;
      cells++;
      if (x < cx0) cx0 = x;
      if (x > cx1) cx1 = x;
      if (y < cy0) cy0 = y;
      if (y > cy1) cy1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
          const j = ny * cw + nx;
          if (!taken[j] && e[j] >= low) {
            taken[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    // A lone bright edge (a car's chrome) is not a code: a code spans several cells both ways.
    if (cells < 4 || cx1 === cx0 || cy1 === cy0) continue;
    const side = Math.max(cx1 - cx0 + 1, cy1 - cy0 + 1) * cell;
    const m = cell + side * 0.12;
    boxes.push({
      x0: Math.max(0, Math.floor(cx0 * cell - m)),
      y0: Math.max(0, Math.floor(cy0 * cell - m)),
      x1: Math.min(width, Math.ceil((cx1 + 1) * cell + m)),
      y1: Math.min(height, Math.ceil((cy1 + 1) * cell + m)),
    });
  }
  return boxes;
}
