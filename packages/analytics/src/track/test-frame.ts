// Fixture shared by the tracker and follower tests (not a test file itself).
import type { Frame } from '../frame';

/** A grey 640x360 frame with a textured 40x30 object at (x, y). */
export function texturedFrame(x: number, y: number): Frame {
  const f: Frame = { width: 640, height: 360, data: new Uint8Array(640 * 360 * 3).fill(90), at: 0 };
  for (let yy = 0; yy < 30; yy++)
    for (let xx = 0; xx < 40; xx++) {
      // Blocks of 4x4 px, bright or dark by a hash of their place: textured, not periodic
      // (the follower matches the inside of the box, where a chequerboard repeats every 8 px).
      const v = (((xx >> 2) * 73 + (yy >> 2) * 151) * 2654435761) >>> 0 >= 2 ** 31 ? 230 : 20;
      const i = ((y + yy) * 640 + x + xx) * 3;
      f.data[i] = f.data[i + 1] = f.data[i + 2] = v;
    }
  return f;
}
