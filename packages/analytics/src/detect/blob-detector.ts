import type { ObjectClass } from '@vigil/types';
import type { Box } from '../geometry';
import type { Frame } from '../frame';
import type { Detection, Detector } from './detector';

/**
 * Motion blobs as objects, classed by shape and size. No model: for generated scenes (coloured
 * shapes no neural detector recognises) and as the fallback when no model loads.
 */
export class BlobDetector implements Detector {
  readonly name = 'motion-blobs';

  async detect(frame: Frame, blobs: Box[]): Promise<Detection[]> {
    return blobs.map((box) => ({ box, class: classify(box, frame), score: 0.5 }));
  }
}

/** Tall and narrow: a person; by area relative to the frame: motorbike, car, bus/truck. */
export function classify(b: Box, f: { width: number; height: number }): ObjectClass {
  const area = (b.w * b.h) / (f.width * f.height);
  if (b.h > b.w * 1.3) return 'person';
  if (area > 0.04) return 'bus';
  if (area > 0.004) return 'car';
  return 'motorcycle';
}
