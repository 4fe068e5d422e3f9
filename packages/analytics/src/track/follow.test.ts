import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame } from '../frame';
import { follow, greyHalf } from './follow';

/** A 640x360 frame with a textured 40x30 object at (x, y). */
function frame(x: number, y: number): Frame {
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

test('block matching follows a moving object to its new place', () => {
  const a = greyHalf(frame(100, 100));
  const b = greyHalf(frame(124, 92));
  const box = { x: 100, y: 100, w: 40, h: 30 };
  const r = follow(a, b, box, { ...box, x: 116 }, 24);
  assert.ok(r);
  assert.ok(Math.abs(r.box.x - 124) <= 2 && Math.abs(r.box.y - 92) <= 2, JSON.stringify(r.box));
  assert.ok(r.cost < 6 && r.stayCost > r.cost * 2, `${r.cost} vs ${r.stayCost}`);
});

test('a still object stays; a box too small to match answers null', () => {
  const a = greyHalf(frame(300, 200));
  const r = follow(a, a, { x: 300, y: 200, w: 40, h: 30 }, { x: 300, y: 200, w: 40, h: 30 }, 16);
  assert.deepEqual([r?.box.x, r?.box.y, r?.cost], [300, 200, 0]);
  assert.equal(follow(a, a, { x: 10, y: 10, w: 2, h: 2 }, { x: 10, y: 10, w: 2, h: 2 }, 8), null);
});
