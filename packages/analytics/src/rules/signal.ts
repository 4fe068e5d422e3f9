import type { SignalPhase } from '@vigil/types';
import type { Pt } from '../geometry';
import type { Frame } from '../frame';

/**
 * Reads a signal head's phase from the colours inside a region (normalised polygon, its bounding
 * box is sampled): the lit lamp is the brightest saturated red, amber or green there.
 */
export function readSignal(f: Frame, region: Pt[]): SignalPhase {
  const xs = region.map((p) => p.x * f.width);
  const ys = region.map((p) => p.y * f.height);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(f.width, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(f.height, Math.ceil(Math.max(...ys)));
  let red = 0;
  let amber = 0;
  let green = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * f.width + x) * 3;
      const r = f.data[i];
      const g = f.data[i + 1];
      const b = f.data[i + 2];
      if (r > 150 && g < 110 && b < 110) red += 1;
      else if (r > 170 && g > 110 && b < 90 && r - g < 110) amber += 1;
      else if (g > 130 && g > r + 40 && g >= b) green += 1;
    }
  }
  const n = Math.max(1, (x1 - x0) * (y1 - y0));
  const best = Math.max(red, amber, green);
  if (best < n * 0.02) return 'unknown';
  return best === red ? 'red' : best === amber ? 'amber' : 'green';
}
