import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeNanoDet } from './nanodet-decode';

test('NanoDet decoding: a confident cell becomes a box at the expected distances', () => {
  const grid = 2;
  const bins = 11;
  const scores = new Float32Array(grid * grid * 80);
  const reg = new Float32Array(grid * grid * 4 * bins).fill(-20);
  // Cell 3 (col 1, row 1; centre 24,24 at stride 16): a car, sides 1, 2, 1, 3 strides away.
  scores[3 * 80 + 2] = 0.8;
  scores[3 * 80 + 9] = 0.95; // traffic light: not a class we keep
  [1, 2, 1, 3].forEach((d, side) => (reg[(3 * 4 + side) * bins + d] = 10));
  scores[0 * 80 + 0] = 0.2; // a person below the threshold
  const out = decodeNanoDet([{ grid, stride: 16, scores, reg }], 0.4, 1, 1);
  assert.equal(out.length, 1);
  assert.equal(out[0].class, 'car');
  const b = out[0].box;
  assert.deepEqual([b.x, b.y, b.w, b.h].map((v) => Math.round(v)), [8, -8, 32, 80]);
});
