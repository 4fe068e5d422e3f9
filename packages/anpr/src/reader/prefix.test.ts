import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Slot } from '../grammar/correct';
import { couldStartPlate, PREFIX_WIDTH, prefixOf, worthScreening } from './prefix';

const slot = (...opts: Array<[string, number]>): Slot => opts.map(([char, p]) => ({ char, p }));

test('a line surely starting with letters cannot start a plate; digits and look-alikes can', () => {
  assert.equal(couldStartPlate([slot(['K', 0.99]), slot(['A', 0.99])], true), false);
  assert.equal(couldStartPlate([slot(['5', 0.99]), slot(['1', 0.98])], true), true);
  // B is an 8's look-alike: only a near-certain B with no 8 in the running holds a line back.
  assert.equal(couldStartPlate([slot(['B', 0.9], ['8', 0.08]), slot(['4', 0.9])], true), true);
  assert.equal(couldStartPlate([slot(['B', 0.99]), slot(['A', 0.99])], true), false);
  // A doubtful letter with a digit in the running passes, and so does an empty read.
  assert.equal(couldStartPlate([slot(['H', 0.6], ['4', 0.3])], true), true);
  assert.equal(couldStartPlate([], true), true);
});

test('a sure leading 0 rules out a first line (province codes are 11-99) but not a serial line', () => {
  const phone = [slot(['0', 0.99]), slot(['9', 0.99])];
  assert.equal(couldStartPlate(phone, true), false);
  assert.equal(couldStartPlate(phone, false), true);
  assert.equal(couldStartPlate([slot(['0', 0.9], ['8', 0.08]), slot(['9', 0.99])], true), true);
});

test('the prefix is the left columns of the line, and only wide lines are screened', () => {
  const w = 200;
  const h = 48;
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(y * w + x) * 3] = x;
  const p = prefixOf({ data, width: w, height: h });
  assert.equal(p.width, PREFIX_WIDTH);
  assert.equal(p.height, h);
  assert.equal(p.data[(5 * PREFIX_WIDTH + 10) * 3], 10);
  assert.equal(p.data[(47 * PREFIX_WIDTH + PREFIX_WIDTH - 1) * 3], PREFIX_WIDTH - 1);
  assert.equal(worthScreening({ data, width: w, height: h }), true);
  assert.equal(worthScreening({ data, width: PREFIX_WIDTH * 2, height: h }), false);
});
