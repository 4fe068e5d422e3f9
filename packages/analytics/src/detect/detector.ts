import type { ObjectClass } from '@vigil/types';
import type { Box } from '../geometry';
import type { Frame } from '../frame';

/** One detected object, box in frame pixels. */
export interface Detection {
  box: Box;
  class: ObjectClass;
  score: number;
}

/** Anything that finds objects in a frame: a neural model or the motion-blob fallback. */
export interface Detector {
  readonly name: string;
  /**
   * Objects in the frame. `blobs` are the motion gate's foreground boxes for this frame; detectors
   * that need them (the blob detector) use them, models ignore them.
   */
  detect(frame: Frame, blobs: Box[]): Promise<Detection[]>;
  /**
   * Objects in one part of the frame only (`crop`, whole pixels), the crop resized to a network
   * input of `input` pixels; boxes in frame pixels. Only models that take other input sizes.
   */
  detectRegion?(frame: Frame, crop: Box, input: { w: number; h: number }): Promise<Detection[]>;
  close?(): Promise<void>;
}

/** COCO ids (0-based, 80-class list) of the classes that matter to traffic and security. */
export const COCO_CLASSES: Record<number, ObjectClass> = { 0: 'person', 1: 'bicycle', 2: 'car', 3: 'motorcycle', 5: 'bus', 7: 'truck' };

/** Greedy non-maximum suppression per class. */
export function nms(dets: Detection[], iouMax = 0.5): Detection[] {
  const out: Detection[] = [];
  const sorted = [...dets].sort((a, b) => b.score - a.score);
  for (const d of sorted) {
    const clash = out.some((o) => o.class === d.class && boxIou(o.box, d.box) > iouMax);
    if (!clash) out.push(d);
  }
  return out;
}

/**
 * Drops the riders: a person whose box stands on a motorbike or bicycle (centre over it, feet
 * inside it) is part of that vehicle, not a pedestrian, and would otherwise be counted twice.
 */
export function dropRiders(dets: Detection[]): Detection[] {
  const bikes = dets.filter((d) => d.class === 'motorcycle' || d.class === 'bicycle');
  if (!bikes.length) return dets;
  return dets.filter((d) => {
    if (d.class !== 'person') return true;
    const cx = d.box.x + d.box.w / 2;
    const feet = d.box.y + d.box.h;
    return !bikes.some((b) => cx > b.box.x && cx < b.box.x + b.box.w && feet > b.box.y && feet < b.box.y + b.box.h * 1.15 && d.box.y < b.box.y + b.box.h / 2);
  });
}

function boxIou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  return inter / (a.w * a.h + b.w * b.h - inter || 1);
}
