import type { ObjectClass } from '@vigil/types';
import type { Box } from '../geometry';
import type { TrackView } from '../track/tracker';

/** A clean (no box drawn) RGB24 picture of one object, for the plate reader. */
export interface Crop {
  width: number;
  height: number;
  buf: ArrayBuffer;
}

/** Classes that carry a licence plate. */
const PLATED: ReadonlySet<ObjectClass> = new Set(['car', 'bus', 'truck', 'motorcycle']);
/** Crops kept per track: a plate is voted across several frames, not read once. */
export const CROPS_PER_TRACK = 4;
/** Below this a plate has too few pixels to read. */
const MIN_SIDE = 24;

/** Copies the box (with a margin: plates sit at the bumper edge) out of an RGB24 frame. */
export function cropRgb(data: Uint8Array, width: number, height: number, b: Box, margin = 0.08): Crop | null {
  const mx = b.w * margin;
  const my = b.h * margin;
  const x0 = Math.max(0, Math.floor(b.x - mx));
  const y0 = Math.max(0, Math.floor(b.y - my));
  const x1 = Math.min(width, Math.ceil(b.x + b.w + mx));
  const y1 = Math.min(height, Math.ceil(b.y + b.h + my));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < MIN_SIDE || h < MIN_SIDE) return null;
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) out.set(data.subarray(((y0 + y) * width + x0) * 3, ((y0 + y) * width + x1) * 3), y * w * 3);
  return { width: w, height: h, buf: out.buffer };
}

/**
 * The last few crops of every plated track of one camera, refreshed each analysed frame; a hit on
 * a vehicle takes its track's crops along so the plate can be voted across frames.
 */
export class TrackCrops {
  private readonly byTrack = new Map<number, Crop[]>();

  update(data: Uint8Array, width: number, height: number, tracks: TrackView[]): void {
    const alive = new Set<number>();
    for (const t of tracks) {
      if (!PLATED.has(t.class)) continue;
      alive.add(t.id);
      const c = cropRgb(data, width, height, t.box);
      if (!c) continue;
      const list = this.byTrack.get(t.id) ?? [];
      list.push(c);
      if (list.length > CROPS_PER_TRACK) list.shift();
      this.byTrack.set(t.id, list);
    }
    for (const id of this.byTrack.keys()) if (!alive.has(id)) this.byTrack.delete(id);
  }

  /** Copies of the track's crops (the originals stay for later hits of the same track). */
  take(trackId: number): Crop[] {
    return (this.byTrack.get(trackId) ?? []).map((c) => ({ ...c, buf: c.buf.slice(0) }));
  }
}
