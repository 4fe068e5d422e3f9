import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrackView } from '../track/tracker';
import { CROPS_PER_TRACK, cropRgb, TrackCrops } from './track-crops';

const W = 100;
const H = 60;
/** A frame whose every pixel encodes its position: R = x, G = y. */
const frame = () => {
  const d = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) d.set([x, y, 7], (y * W + x) * 3);
  return d;
};
const track = (id: number, cls: TrackView['class'], x = 20): TrackView => ({ id, class: cls, box: { x, y: 10, w: 40, h: 30 }, anchor: { x: 0, y: 0 }, prev: null, vx: 0, vy: 0, speedPx: 0, speedKmh: null, stillSince: null }) as TrackView;

test('a crop copies the box with its margin, clipped to the frame', () => {
  const c = cropRgb(frame(), W, H, { x: 20, y: 10, w: 40, h: 30 }, 0.1)!;
  assert.deepEqual([c.width, c.height], [48, 36]);
  const px = new Uint8Array(c.buf);
  assert.deepEqual([...px.subarray(0, 3)], [16, 7, 7]);
  const edge = cropRgb(frame(), W, H, { x: 70, y: 30, w: 40, h: 40 }, 0)!;
  assert.deepEqual([edge.width, edge.height], [30, 30]);
  assert.equal(cropRgb(frame(), W, H, { x: 0, y: 0, w: 5, h: 5 }), null);
});

test('crops are kept per plated track, the last few only, and dropped when the track ends', () => {
  const crops = new TrackCrops();
  for (let i = 0; i < CROPS_PER_TRACK + 2; i++) crops.update(frame(), W, H, [track(1, 'car', 10 + i), track(2, 'person')]);
  const got = crops.take(1);
  assert.equal(got.length, CROPS_PER_TRACK);
  assert.equal(crops.take(2).length, 0, 'people carry no plate');
  // take() hands out copies: the kept crops stay usable for the next hit of the track.
  assert.equal(crops.take(1).length, CROPS_PER_TRACK);
  crops.update(frame(), W, H, []);
  assert.equal(crops.take(1).length, 0);
});
