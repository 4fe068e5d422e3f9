import { inPolygon, type Box, type Pt } from '../geometry';
import type { Frame } from '../frame';

export interface MotionOptions {
  /** Downscale factor for the motion grid (4: 640x360 -> 160x90). */
  scale?: number;
  /** Grey-level difference that counts as foreground. */
  threshold?: number;
  /** Background learning rate per frame; foreground pixels learn 20x slower. */
  alpha?: number;
  /** Smallest blob, in grid cells. */
  minCells?: number;
  /** Ignore masks, polygons in normalised coordinates. */
  masks?: Pt[][];
}

/** Foreground blobs of one frame, in full-frame pixels. */
export interface MotionResult {
  blobs: Box[];
  /** Share of the unmasked grid that is foreground. */
  fraction: number;
}

/**
 * Running-average background subtraction on a small colour grid. Foreground pixels update much more
 * slowly (selective update) so a car that stops stays foreground for a while instead of vanishing
 * into the background at once; masked cells never count.
 */
export class MotionDetector {
  private bg: Float32Array | null = null;
  private mask: Uint8Array | null = null;
  private gw = 0;
  private gh = 0;
  private readonly scale: number;
  private readonly threshold: number;
  private readonly alpha: number;
  private readonly minCells: number;
  private masks: Pt[][];

  constructor(o: MotionOptions = {}) {
    this.scale = o.scale ?? 4;
    this.threshold = o.threshold ?? 28;
    this.alpha = o.alpha ?? 0.05;
    this.minCells = o.minCells ?? 6;
    this.masks = o.masks ?? [];
  }

  setMasks(masks: Pt[][]): void {
    this.masks = masks;
    this.mask = null;
  }

  /**
   * Colour grid of a frame (box-filter downscale, 3 values per cell): grey alone misses a red car
   * on a grey road, so the difference below takes the largest channel change.
   */
  private grid(f: Frame): Float32Array {
    const s = this.scale;
    const gw = Math.floor(f.width / s);
    const gh = Math.floor(f.height / s);
    const out = new Float32Array(gw * gh * 3);
    const d = f.data;
    const n = s * s;
    for (let gy = 0; gy < gh; gy++) {
      for (let gx = 0; gx < gw; gx++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let dy = 0; dy < s; dy++) {
          let i = ((gy * s + dy) * f.width + gx * s) * 3;
          for (let dx = 0; dx < s; dx++, i += 3) {
            r += d[i];
            g += d[i + 1];
            b += d[i + 2];
          }
        }
        const o = (gy * gw + gx) * 3;
        out[o] = r / n;
        out[o + 1] = g / n;
        out[o + 2] = b / n;
      }
    }
    return out;
  }

  private buildMask(): Uint8Array {
    const m = new Uint8Array(this.gw * this.gh);
    if (this.masks.length === 0) return m;
    for (let gy = 0; gy < this.gh; gy++)
      for (let gx = 0; gx < this.gw; gx++) {
        const p = { x: (gx + 0.5) / this.gw, y: (gy + 0.5) / this.gh };
        if (this.masks.some((poly) => inPolygon(p, poly))) m[gy * this.gw + gx] = 1;
      }
    return m;
  }

  /** Feeds one frame; answers its foreground blobs (none on the very first frame). */
  update(f: Frame): MotionResult {
    const g = this.grid(f);
    const gw = Math.floor(f.width / this.scale);
    const gh = Math.floor(f.height / this.scale);
    if (!this.bg || gw !== this.gw || gh !== this.gh) {
      this.bg = g;
      this.gw = gw;
      this.gh = gh;
      this.mask = this.buildMask();
      return { blobs: [], fraction: 0 };
    }
    this.mask ??= this.buildMask();
    const fg = new Uint8Array(gw * gh);
    const bg = this.bg;
    const a = this.alpha;
    let count = 0;
    let open = 0;
    for (let i = 0; i < gw * gh; i++) {
      const o = i * 3;
      const diff = Math.max(Math.abs(g[o] - bg[o]), Math.abs(g[o + 1] - bg[o + 1]), Math.abs(g[o + 2] - bg[o + 2]));
      const isFg = diff > this.threshold;
      const k = isFg ? a / 20 : a;
      bg[o] += (g[o] - bg[o]) * k;
      bg[o + 1] += (g[o + 1] - bg[o + 1]) * k;
      bg[o + 2] += (g[o + 2] - bg[o + 2]) * k;
      if (this.mask[i]) continue;
      open += 1;
      if (isFg) {
        fg[i] = 1;
        count += 1;
      }
    }
    return { blobs: count ? this.components(fg) : [], fraction: open ? count / open : 0 };
  }

  /** 8-connected components of the foreground grid, as boxes in frame pixels. */
  private components(fg: Uint8Array): Box[] {
    const { gw, gh, scale } = this;
    const label = new Int32Array(gw * gh);
    const stack: number[] = [];
    const boxes: Box[] = [];
    let next = 0;
    for (let start = 0; start < fg.length; start++) {
      if (!fg[start] || label[start]) continue;
      next += 1;
      label[start] = next;
      stack.push(start);
      let minX = gw, minY = gh, maxX = -1, maxY = -1, cells = 0;
      while (stack.length) {
        const i = stack.pop()!;
        const x = i % gw;
        const y = (i - x) / gw;
        cells += 1;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
            const j = ny * gw + nx;
            if (fg[j] && !label[j]) {
              label[j] = next;
              stack.push(j);
            }
          }
      }
      if (cells >= this.minCells) boxes.push({ x: minX * scale, y: minY * scale, w: (maxX - minX + 1) * scale, h: (maxY - minY + 1) * scale });
    }
    return boxes;
  }
}
