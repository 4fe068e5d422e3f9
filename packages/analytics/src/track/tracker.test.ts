import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Detection } from '../detect/detector';
import { greyHalf } from './follow';
import { texturedFrame } from './test-frame';
import { Tracker } from './tracker';

const det = (x: number, y: number, w = 40, h = 30): Detection => ({ box: { x, y, w, h }, class: 'car', score: 0.6 });
const box = (x: number, y: number, w = 40, h = 30) => ({ x, y, w, h });

const frame = texturedFrame;

test('a track the detector misses for a while comes back under its id, within lostMs', () => {
  const tr = new Tracker({ width: 640, height: 360 });
  let id = 0;
  for (let i = 0; i < 4; i++) id = tr.update([det(100 + i * 10, 200)], i * 200, [box(100 + i * 10, 200)])[0].id;
  // Missed for 800 ms while it moves on (motion there, no detection): unseen, not ended.
  for (let i = 4; i < 8; i++) assert.equal(tr.update([], i * 200, [box(100 + i * 10, 200)]).length, 0);
  const back = tr.update([det(180, 200)], 8 * 200, [box(180, 200)]);
  assert.deepEqual(back.map((t) => t.id), [id]);
  // Gone longer than lostMs: a detection there starts a new track.
  for (let i = 9; i < 17; i++) tr.update([], i * 200, [box(180, 200)]);
  assert.notEqual(tr.update([det(260, 200)], 17 * 200, [box(260, 200)])[0].id, id);
});

test('an established track missing its detection does not take over a neighbour', () => {
  const tr = new Tracker({ width: 640, height: 360 });
  let id = 0;
  for (let i = 0; i < 5; i++) id = tr.update([det(300, 150 + i)], i * 200, [box(300, 150)])[0].id;
  // Its own detection missed; another road user 30 px below is detected.
  const views = tr.update([det(300, 185)], 1000, [box(300, 150, 40, 65)]);
  assert.ok(views.every((t) => t.id !== id), JSON.stringify(views));
});

test('with pictures, a moving track the detector misses follows its picture and stays visible', () => {
  const tr = new Tracker({ width: 640, height: 360 });
  let prev = greyHalf(frame(100, 100));
  let id = 0;
  for (let i = 0; i < 3; i++) {
    const cur = greyHalf(frame(100 + i * 12, 100));
    id = tr.update([det(100 + i * 12, 100)], i * 200, [box(100 + i * 12, 100)], { prev, cur })[0].id;
    prev = cur;
  }
  const cur = greyHalf(frame(136, 100));
  const views = tr.update([], 600, [box(130, 100, 50, 30)], { prev, cur });
  assert.equal(views.length, 1);
  assert.equal(views[0].id, id);
  assert.ok(Math.abs(views[0].box.x - 136) <= 2, JSON.stringify(views[0].box));
});

test('a road user first detected after skipped frames is followed back through them: velocity and origin', () => {
  const tr = new Tracker({ width: 640, height: 360 });
  // Moving 24 px a frame; the detector skipped frames 1-3 and first sees it at frame 4.
  const xs = [100, 124, 148, 172, 196];
  const greys = xs.map((x) => greyHalf(frame(x, 200)));
  const past = [3, 2, 1].map((i) => ({ grey: greys[i], at: i * 200 }));
  const [v] = tr.update([det(196, 200)], 800, [box(190, 200, 50, 30)], { prev: greys[3], cur: greys[4] }, past);
  assert.ok(v.origin && Math.abs(v.origin.x - (124 + 20)) <= 3, `origin ${JSON.stringify(v.origin)}: the anchor on frame 1`);
  assert.ok(Math.abs(v.vx - 120) < 15 && Math.abs(v.vy) < 15, `velocity ${v.vx}, ${v.vy} px/s`);
  // The origin is given once, at birth; a plain detection later has none.
  const [w] = tr.update([det(220, 200)], 1000, [box(214, 200, 50, 30)]);
  assert.equal(w.id, v.id);
  assert.equal(w.origin, null);
  // Without skipped frames (ungated) nothing is followed back.
  const [u] = new Tracker({ width: 640, height: 360 }).update([det(196, 200)], 800, [box(190, 200, 50, 30)], { prev: greys[3], cur: greys[4] });
  assert.equal(u.origin, null);
});
