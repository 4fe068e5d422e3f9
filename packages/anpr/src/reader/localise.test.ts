import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinOverlapping } from './localise';

test('overlapping proposals are joined when the union is hardly larger, others are kept apart', () => {
  // The two lines of a tilted plate, found as two overlapping blobs: one region.
  const joined = joinOverlapping([
    { box: [885, 395, 145, 73], score: 10 },
    { box: [855, 435, 145, 73], score: 8 },
    { box: [100, 100, 120, 60], score: 9 },
  ]);
  assert.deepEqual(joined.map((p) => p.box), [[855, 395, 175, 113], [100, 100, 120, 60]]);
  assert.equal(joined[0].score, 18);
  // Overlapping, but the union would be far longer than either: kept apart.
  const apart = joinOverlapping([{ box: [0, 0, 100, 40], score: 2 }, { box: [90, 0, 100, 40], score: 1 }]);
  assert.equal(apart.length, 2);
  // Touching is not overlapping.
  assert.equal(joinOverlapping([{ box: [0, 0, 50, 40], score: 2 }, { box: [50, 0, 50, 40], score: 1 }]).length, 2);
});
