import assert from 'node:assert/strict';
import { test } from 'node:test';
import { follow, greyHalf } from './follow';
import { texturedFrame } from './test-frame';

const frame = texturedFrame;

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
