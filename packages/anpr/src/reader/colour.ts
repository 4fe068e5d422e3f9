// Plate background colour from a rectified plate crop. The background is the majority of a plate's
// area, so a hue class counts only when enough strongly coloured pixels carry it; otherwise the
// plate is white (including white plates under warm street light, which are only weakly tinted).
import type { PlateColour } from '../grammar/format';
import type { Rgb } from './image';

/** Fraction of the crop that must carry one plate hue for the plate to be that colour. */
const MIN_SHARE = 0.3;

/** Hue (degrees), saturation and value (0..1) of one pixel. */
function hsv(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h *= 60;
    if (h < 0) h += 360;
  }
  return [h, max === 0 ? 0 : d / max, max / 255];
}

/** Classifies the background of a plate crop as white, yellow, blue or red. */
export function plateColour(img: Rgb): PlateColour {
  const counts = { yellow: 0, blue: 0, red: 0 };
  const d = img.data;
  // Skip the outer 10% where the border and the vehicle around the plate live.
  const x0 = Math.floor(img.width * 0.1), x1 = Math.ceil(img.width * 0.9);
  const y0 = Math.floor(img.height * 0.1), y1 = Math.ceil(img.height * 0.9);
  // Brightness is judged against the plate's own brightest pixels, not absolutely: at night a
  // yellow plate is as dark as a shadow is by day, yet still the brightest, most saturated thing there.
  const values: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const j = (y * img.width + x) * 3;
      values.push(Math.max(d[j], d[j + 1], d[j + 2]));
    }
  }
  const n = values.length;
  const ref = Math.max(40, [...values].sort((a, b) => a - b)[Math.floor(n * 0.95)] ?? 255) / 255;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const j = (y * img.width + x) * 3;
      const [h, s, v0] = hsv(d[j], d[j + 1], d[j + 2]);
      const v = v0 / ref;
      if (v < 0.15) continue;
      if (s > 0.45 && h >= 35 && h <= 70 && v > 0.3) counts.yellow++;
      else if (s > 0.4 && h >= 190 && h <= 255) counts.blue++;
      else if (s > 0.45 && (h <= 12 || h >= 340)) counts.red++;
    }
  }
  const [best, c] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 && c / n >= MIN_SHARE ? (best as PlateColour) : 'white';
}
