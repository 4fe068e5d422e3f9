import type { Box } from '../geometry';

/** Draws a rectangle outline (RGB24) in place: the evidence frame shows what fired. */
export function drawBox(data: Uint8Array, width: number, height: number, b: Box, colour: [number, number, number] = [255, 40, 40], thick = 3): void {
  const x0 = Math.max(0, Math.round(b.x));
  const y0 = Math.max(0, Math.round(b.y));
  const x1 = Math.min(width - 1, Math.round(b.x + b.w));
  const y1 = Math.min(height - 1, Math.round(b.y + b.h));
  const put = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    data[i] = colour[0];
    data[i + 1] = colour[1];
    data[i + 2] = colour[2];
  };
  for (let t = 0; t < thick; t++) {
    for (let x = x0; x <= x1; x++) {
      if (y0 + t <= y1) put(x, y0 + t);
      if (y1 - t >= y0) put(x, y1 - t);
    }
    for (let y = y0; y <= y1; y++) {
      if (x0 + t <= x1) put(x0 + t, y);
      if (x1 - t >= x0) put(x1 - t, y);
    }
  }
}
