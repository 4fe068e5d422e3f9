import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CameraRules } from '@vigil/types';
import { cropAndInput, motionRegion, ruleRegion } from './roi';

const rules = CameraRules.parse({
  fps: 5,
  rules: [
    { id: 'l', name: 'l', kind: 'line', line: [{ x: 0.25, y: 0.5 }, { x: 0.5, y: 0.5 }] },
    { id: 'z', name: 'z', kind: 'zone', polygon: [{ x: 0.5, y: 0.6 }, { x: 0.6, y: 0.6 }, { x: 0.6, y: 0.7 }] },
    {
      id: 'r', name: 'r', kind: 'red_light', stopLine: [{ x: 0.3, y: 0.4 }, { x: 0.4, y: 0.4 }],
      signal: { type: 'region', polygon: [{ x: 0.9, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 0.1 }] },
    },
  ],
}).rules;

test('rule region spans lines, stop lines and polygons (not signal heads), grown and clipped', () => {
  // x 0.25..0.6 of 640 = 160..384, y 0.4..0.7 of 360 = 144..252; margin 20.
  assert.deepEqual(ruleRegion(rules, 640, 360, 20), { x: 140, y: 124, w: 264, h: 148 });
  const big = ruleRegion(rules, 640, 360, 400)!;
  assert.deepEqual(big, { x: 0, y: 0, w: 640, h: 360 });
  assert.equal(ruleRegion([], 640, 360, 20), null);
});

test('motion region: union of grown motion boxes inside the rule region, null without motion there', () => {
  const rule = { x: 100, y: 100, w: 300, h: 100 };
  assert.equal(motionRegion(rule, [], 10), null);
  assert.equal(motionRegion(rule, [{ x: 500, y: 10, w: 20, h: 20 }], 10), null);
  assert.deepEqual(motionRegion(rule, [{ x: 150, y: 150, w: 20, h: 20 }], 10), { x: 140, y: 140, w: 40, h: 40 });
  // Two boxes, one sticking out of the rule region: union, clipped to it.
  assert.deepEqual(motionRegion(rule, [{ x: 150, y: 150, w: 20, h: 20 }, { x: 380, y: 180, w: 50, h: 50 }], 10), { x: 140, y: 140, w: 260, h: 60 });
});

test('crop is whole pixels in the frame; input scales it, rounded up to the stride, capped', () => {
  const { crop, input } = cropAndInput({ x: 10.4, y: 20.6, w: 300.2, h: 99.1 }, 640, 360, 0.6);
  assert.deepEqual(crop, { x: 10, y: 20, w: 301, h: 100 });
  assert.deepEqual(input, { w: 192, h: 64 }); // 180.6 -> 192, 60 -> 64
  assert.deepEqual(cropAndInput({ x: 0, y: 0, w: 5, h: 5 }, 640, 360, 0.6).input, { w: 32, h: 32 });
  assert.deepEqual(cropAndInput({ x: 0, y: 0, w: 640, h: 360 }, 640, 360, 1).input, { w: 512, h: 384 });
});
