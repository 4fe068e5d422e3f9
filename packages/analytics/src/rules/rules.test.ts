import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CameraRules, Rule, type RuleInput as RuleIn, type SignalPhase } from '@vigil/types';
import type { TrackView } from '../track/tracker';
import { RuleEngine } from './engine';
import { LineWatch } from './line-watch';

const W = 100;
const H = 100;

/** A track at anchor (x, y) moving with (vx, vy) px/s. */
function tv(id: number, x: number, y: number, o: Partial<TrackView> = {}): TrackView {
  const vx = o.vx ?? 0;
  const vy = o.vy ?? 0;
  return { id, class: 'car', box: { x: x - 5, y: y - 5, w: 10, h: 5 }, anchor: { x, y }, prev: null, vx, vy, speedPx: Math.hypot(vx, vy), speedKmh: null, stillSince: null, firstSeen: 0, confirmed: true, ...o, origin: o.origin ?? null };
}

/** Runs a rule over a sequence of frames (one per second) and answers the frame indexes that fired. */
function run(rule: RuleIn, frames: TrackView[][], phases: SignalPhase[] = []): { frame: number; details: Record<string, unknown> }[] {
  const e = new RuleEngine([Rule.parse(rule)], W, H);
  const out: { frame: number; details: Record<string, unknown> }[] = [];
  frames.forEach((tracks, i) => {
    for (const h of e.step({ at: i * 1000, width: W, height: H, tracks, phases: new Map([[rule.id, phases[i] ?? 'unknown']]) })) out.push({ frame: i, details: h.details });
  });
  return out;
}

const P = (x: number, y: number) => ({ x, y });
const vline = { id: 'l', name: 'l', kind: 'line' as const, line: [P(0.5, 0), P(0.5, 1)] };
const box = [P(0.2, 0.2), P(0.8, 0.2), P(0.8, 0.8), P(0.2, 0.8)];

test('line crossing fires once per crossing, with direction, despite jitter on the line', () => {
  const path = [10, 30, 48, 52, 49, 53, 70, 90].map((x) => [tv(1, x, 50, { vx: 20 })]);
  // Line a->b points down; moving right crosses from its right side to its left: backward.
  assert.deepEqual(run({ ...vline, direction: 'both' }, path).map((h) => [h.frame, h.details.direction]), [[6, 'backward']]);
  assert.equal(run({ ...vline, direction: 'forward' }, path).length, 0);
  const back = [90, 70, 40, 20].map((x) => [tv(1, x, 50)]);
  assert.deepEqual(run({ ...vline, direction: 'forward' }, back).map((h) => h.frame), [2]);
  const there = [10, 90, 10, 90].map((x) => [tv(1, x, 50)]);
  assert.equal(run(vline, there).length, 3, 'each of three crossings counts once');
});

test('line crossing outside the drawn segment does not count', () => {
  const short = { ...vline, line: [P(0.5, 0), P(0.5, 0.3)] };
  assert.equal(run(short, [10, 90].map((x) => [tv(1, x, 80)])).length, 0);
  assert.equal(run(short, [10, 90].map((x) => [tv(1, x, 20)])).length, 1);
});

test('unconfirmed tracks and other classes are ignored', () => {
  assert.equal(run(vline, [10, 90].map((x) => [tv(1, x, 50, { confirmed: false })])).length, 0);
  assert.equal(run({ ...vline, classes: ['person'] }, [10, 90].map((x) => [tv(1, x, 50)])).length, 0);
});

test('zone intrusion fires on entry, once per visit; dwell after T seconds', () => {
  const path = [10, 50, 50, 90, 50].map((x) => [tv(1, x, 50)]);
  assert.deepEqual(run({ id: 'z', name: 'z', kind: 'zone', polygon: box }, path).map((h) => h.frame), [1, 4]);
  const stay = [10, 50, 50, 50, 50, 50].map((x) => [tv(1, x, 50)]);
  assert.deepEqual(run({ id: 'd', name: 'd', kind: 'dwell', polygon: box, seconds: 3 }, stay).map((h) => h.frame), [4]);
});

test('zone schedule: no firing outside the window', () => {
  const path = [10, 50].map((x) => [tv(1, x, 50)]);
  const d = new Date(0);
  const hour = d.getHours();
  const other = String((hour + 12) % 24).padStart(2, '0');
  assert.equal(run({ id: 'z', name: 'z', kind: 'zone', polygon: box, schedule: { days: [0, 1, 2, 3, 4, 5, 6], from: `${other}:00`, to: `${other}:30` } }, path).length, 0);
});

test('parking fires once after standing T seconds in the zone; moving through does not', () => {
  const still = (i: number) => (i >= 1 ? 1000 : null);
  const frames = [10, 50, 50, 50, 50, 50, 50].map((x, i) => [tv(1, x, 50, { stillSince: still(i) })]);
  assert.deepEqual(run({ id: 'p', name: 'p', kind: 'parking', polygon: box, seconds: 3 }, frames).map((h) => h.frame), [4]);
  const moving = [10, 30, 50, 70, 90].map((x) => [tv(1, x, 50, { vx: 20 })]);
  assert.equal(run({ id: 'p', name: 'p', kind: 'parking', polygon: box, seconds: 1 }, moving).length, 0);
  const person = [50, 50, 50, 50].map(() => [tv(1, 50, 50, { class: 'person', stillSince: 0 })]);
  assert.equal(run({ id: 'p', name: 'p', kind: 'parking', polygon: box, seconds: 1 }, person).length, 0, 'parking is for vehicles');
});

test('wrong way fires after N frames against the lane, once', () => {
  const lane = { id: 'w', name: 'w', kind: 'wrong_way' as const, polygon: box, direction: [P(0.2, 0.5), P(0.8, 0.5)], frames: 3 };
  const against = [75, 70, 65, 60, 55, 50, 45].map((x) => [tv(1, x, 50, { vx: -20 })]);
  assert.deepEqual(run(lane, against).map((h) => h.frame), [2]);
  const along = [25, 30, 35, 40, 45].map((x) => [tv(1, x, 50, { vx: 20 })]);
  assert.equal(run(lane, along).length, 0);
  const wobble = [75, 70, 72, 65, 67, 60].map((x, i) => [tv(1, x, 50, { vx: i % 2 ? -20 : 20 })]);
  assert.equal(run(lane, wobble).length, 0, 'not N consecutive frames');
});

test('red light: crossing on red after the grace fires; green, amber and grace do not', () => {
  const rule = { id: 'r', name: 'r', kind: 'red_light' as const, stopLine: [P(0.5, 1), P(0.5, 0)], direction: 'forward' as const, signal: { type: 'external' as const }, amberGrace: 1.5 };
  const cross = [30, 40, 60, 70].map((x) => [tv(1, x, 50, { vx: 10 })]);
  const table: [SignalPhase[], number][] = [
    [['red', 'red', 'red', 'red'], 1],
    [['green', 'green', 'green', 'green'], 0],
    [['amber', 'amber', 'amber', 'amber'], 0],
    [['green', 'red', 'red', 'red'], 0], // red for 1 s at the crossing: inside the grace
    [['red', 'red', 'red', 'red'].map(() => 'unknown' as SignalPhase), 0],
  ];
  for (const [phases, n] of table) assert.equal(run(rule, cross, phases).length, n, phases.join(','));
  const backwards = [70, 60, 40, 30].map((x) => [tv(1, x, 50)]);
  assert.equal(run(rule, backwards, ['red', 'red', 'red', 'red']).length, 0);
});

test('stop-line encroachment: standing past the line on red', () => {
  const rule = { id: 's', name: 's', kind: 'stop_line' as const, stopLine: [P(0.5, 1), P(0.5, 0)], signal: { type: 'external' as const }, seconds: 2 };
  const frames = [40, 58, 58, 58, 58, 58].map((x, i) => [tv(1, x, 50, { stillSince: i >= 1 ? 1000 : null })]);
  assert.deepEqual(run(rule, frames, Array(6).fill('red')).map((h) => h.frame), [3]);
  assert.equal(run(rule, frames, Array(6).fill('green')).length, 0);
});

test('crowd fires when the count reaches the threshold, again only after it dropped', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => tv(i + 1, 40 + i, 50, { class: 'person' }));
  const rule = { id: 'c', name: 'c', kind: 'crowd' as const, polygon: box, threshold: 3 };
  assert.deepEqual(run(rule, [people(1), people(3), people(4), people(2), people(3)]).map((h) => [h.frame, h.details.count]), [[1, 3], [4, 3]]);
});

test('bad geometry is refused with clear messages', () => {
  const bad: [unknown, RegExp][] = [
    [{ ...vline, line: [P(0.5, 0)] }, /exactly 2 points/],
    [{ ...vline, line: [P(0.5, 0), P(1.5, 0.5)] }, /outside the frame/],
    [{ ...vline, line: [P(0.5, 0.5), P(0.5, 0.501)] }, /too close/],
    [{ id: 'z', name: 'z', kind: 'zone', polygon: [P(0, 0), P(1, 1)] }, /at least 3 points/],
    [{ id: 'z', name: 'z', kind: 'zone', polygon: [P(0, 0), P(0.5, 0.5), P(1, 1)] }, /no area/],
    [{ id: 'z', name: 'z', kind: 'zone', polygon: [P(0, 0), P(-0.2, 0.5), P(1, 1)] }, /outside the frame/],
  ];
  for (const [rule, msg] of bad) {
    const r = Rule.safeParse(rule);
    assert.equal(r.success, false);
    assert.match(r.error!.issues.map((i) => i.message).join('; '), msg);
  }
  const dup = CameraRules.safeParse({ rules: [{ ...vline }, { ...vline }] });
  assert.equal(dup.success, false);
  assert.match(dup.error!.issues[0].message, /unique/);
});

test('a track born past a line counts as crossing it only when followed back to the other side', () => {
  const w = new LineWatch({ x: 0, y: 100 }, { x: 200, y: 100 });
  // Born 12 px past the line, its origin (frames the detector skipped) 15 px before it.
  assert.equal(w.step(1, { x: 50, y: 88 }, 1000, { x: 50, y: 115 }), -1);
  // Born at the same place without an origin: only its side is noted.
  assert.equal(w.step(2, { x: 50, y: 88 }, 1000), 0);
  // An origin on the same side, or on the line itself, is no crossing.
  assert.equal(w.step(3, { x: 50, y: 88 }, 1000, { x: 50, y: 80 }), 0);
  assert.equal(w.step(4, { x: 50, y: 88 }, 1000, { x: 50, y: 98 }), 0);
});
