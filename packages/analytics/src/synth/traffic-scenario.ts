import type { CameraRules, CameraRulesInput, RuleKind, SignalPhase } from '@vigil/types';
import { CameraRules as CameraRulesSchema } from '@vigil/types';
import { seededRandom } from '@vigil/core';
import type { Actor, SynthScene } from './scene';

/** One event the scenario is built to produce. */
export interface ExpectedEvent {
  ruleId: string;
  kind: RuleKind;
  actorId: number;
  /** Scene time, seconds. */
  t: number;
  direction?: 'forward' | 'backward';
}

export interface Scenario {
  scene: SynthScene;
  rules: CameraRules;
  expected: ExpectedEvent[];
  duration: number;
}

const W = 640;
const H = 360;
const LANE_A_Y = 140; // eastbound, top-left y of vehicles
const LANE_B_Y = 196; // westbound
const PARK_Y = 280;
const COUNT_X = 320;
const STOP_X = 450;
const CYCLE = 20;

/** Signal: green 0-8 s, amber 8-10 s, red 10-20 s of every 20 s. */
export function trafficPhase(t: number): SignalPhase {
  const m = ((t % CYCLE) + CYCLE) % CYCLE;
  return m < 8 ? 'green' : m < 10 ? 'amber' : 'red';
}

/** Deterministic pseudo-random numbers (mulberry32, shared with the other generators). */
export const rng = seededRandom;

const nx = (x: number) => x / W;
const ny = (y: number) => y / H;

/** The rules drawn on the generated traffic scene (normalised coordinates). */
export function trafficRules(): CameraRulesInput {
  return {
    fps: 5,
    masks: [
      [{ x: nx(590), y: ny(10) }, { x: nx(634), y: ny(10) }, { x: nx(634), y: ny(90) }, { x: nx(590), y: ny(90) }],
      [{ x: nx(10), y: ny(10) }, { x: nx(90), y: ny(10) }, { x: nx(90), y: ny(90) }, { x: nx(10), y: ny(90) }],
    ],
    rules: [
      { id: 'count', name: 'Đếm xe', kind: 'line', line: [{ x: nx(COUNT_X), y: ny(130) }, { x: nx(COUNT_X), y: ny(252) }], direction: 'both' },
      { id: 'wrongway', name: 'Đi ngược chiều', kind: 'wrong_way', polygon: [{ x: 0, y: ny(135) }, { x: 1, y: ny(135) }, { x: 1, y: ny(190) }, { x: 0, y: ny(190) }], direction: [{ x: 0.1, y: ny(160) }, { x: 0.9, y: ny(160) }], frames: 3, createCase: true },
      { id: 'redlight', name: 'Vượt đèn đỏ', kind: 'red_light', stopLine: [{ x: nx(STOP_X), y: ny(191) }, { x: nx(STOP_X), y: ny(130) }], direction: 'forward', signal: { type: 'region', polygon: [{ x: nx(600), y: ny(20) }, { x: nx(624), y: ny(20) }, { x: nx(624), y: ny(80) }, { x: nx(600), y: ny(80) }] }, amberGrace: 1, createCase: true },
      { id: 'parking', name: 'Đỗ xe sai quy định', kind: 'parking', polygon: [{ x: nx(58), y: ny(270) }, { x: nx(262), y: ny(270) }, { x: nx(262), y: ny(338) }, { x: nx(58), y: ny(338) }], seconds: 8, createCase: true },
    ],
  };
}

const VEHICLES = [
  { class: 'car', w: 64, h: 34, colour: [192, 48, 48] },
  { class: 'car', w: 58, h: 32, colour: [48, 96, 192] },
  { class: 'motorcycle', w: 22, h: 18, colour: [230, 200, 60] },
  { class: 'bus', w: 120, h: 40, colour: [230, 230, 230] },
] as const;

/**
 * A generated junction approach with known ground truth: eastbound traffic in lane A (some of it
 * running the red, some driving the wrong way), westbound traffic in lane B, a car parking in the
 * no-parking strip now and then, a signal head and a flickering "tree" (both masked).
 */
export function trafficScenario(o: { seed?: number; duration?: number } = {}): Scenario {
  const duration = o.duration ?? 120;
  const r = rng(o.seed ?? 7);
  const actors: Actor[] = [];
  const expected: ExpectedEvent[] = [];
  let id = 1;
  const pick = () => VEHICLES[Math.floor(r() * VEHICLES.length)];

  // Lane A, one vehicle at a time so that wrong-way vehicles never meet oncoming ones.
  for (let t = 1; ; ) {
    const v = pick();
    const wrong = r() < 0.2;
    const speed = 110 + r() * 80;
    const y = LANE_A_Y + 36 - v.h;
    const transit = (W + v.w + 20) / speed;
    let start = t;
    const cross = (x: number) => start + (wrong ? (W + 10 - (x - v.w / 2)) / speed : (x - v.w / 2 + v.w + 10) / speed);
    // Keep red-light crossings clear of the phase edges, where the truth would be a coin toss.
    for (let k = 0; k < 20 && !wrong; k++) {
      const m = cross(STOP_X) % CYCLE;
      if (Math.abs(m - 11) < 0.7 || m > 19.4 || m < 0.6 || Math.abs(m - 8) < 0.5) start += 0.4;
      else break;
    }
    if (start + transit > duration - 1) break;
    const a: Actor = wrong
      ? { id: id++, class: v.class, w: v.w, h: v.h, colour: [...v.colour], keys: [{ t: start, x: W + 10, y }, { t: start + transit, x: -v.w - 10, y }] }
      : { id: id++, class: v.class, w: v.w, h: v.h, colour: [...v.colour], keys: [{ t: start, x: -v.w - 10, y }, { t: start + transit, x: W + 10, y }] };
    actors.push(a);
    const tc = cross(COUNT_X);
    expected.push({ ruleId: 'count', kind: 'line', actorId: a.id, t: tc, direction: wrong ? 'forward' : 'backward' });
    if (wrong) expected.push({ ruleId: 'wrongway', kind: 'wrong_way', actorId: a.id, t: start + 1 });
    else {
      const ts = cross(STOP_X);
      const m = ts % CYCLE;
      if (trafficPhase(ts) === 'red' && m - 10 >= 1) expected.push({ ruleId: 'redlight', kind: 'red_light', actorId: a.id, t: ts });
    }
    t = start + transit + 0.3 + r() * 1.5;
  }

  // Lane B, westbound, vehicles spaced so they never touch.
  for (let t = 2; ; ) {
    const v = pick();
    const speed = 100 + r() * 60;
    const transit = (W + v.w + 20) / speed;
    if (t + transit > duration - 1) break;
    const y = LANE_B_Y + 36 - v.h;
    const a: Actor = { id: id++, class: v.class, w: v.w, h: v.h, colour: [...v.colour], keys: [{ t, x: W + 10, y }, { t: t + transit, x: -v.w - 10, y }] };
    actors.push(a);
    expected.push({ ruleId: 'count', kind: 'line', actorId: a.id, t: t + (W + 10 - (COUNT_X - v.w / 2)) / speed, direction: 'forward' });
    t += (v.w + 80) / speed + 1 + r() * 3;
  }

  // Parking strip: drive in, stand 12 s (the rule fires at 8 s), drive off, every 24 s.
  for (let t = 3; t + 20 < duration; t += 24) {
    const speed = 120;
    const stopX = 110 + Math.round(r() * 60);
    const arrive = t + (stopX + 80) / speed;
    const leave = arrive + 12;
    const a: Actor = { id: id++, class: 'car', w: 62, h: 34, colour: [200, 90, 200], keys: [{ t, x: -80, y: PARK_Y }, { t: arrive, x: stopX, y: PARK_Y }, { t: leave, x: stopX, y: PARK_Y }, { t: leave + (W + 20 - stopX) / speed, x: W + 20, y: PARK_Y }] };
    actors.push(a);
    expected.push({ ruleId: 'parking', kind: 'parking', actorId: a.id, t: arrive + 8 });
  }

  const scene: SynthScene = {
    width: W,
    height: H,
    actors,
    road: { y: 130, h: 122 },
    signal: { box: { x: 600, y: 20, w: 24, h: 60 }, phase: trafficPhase },
    flicker: { x: 20, y: 20, w: 60, h: 60 },
  };
  return { scene, rules: CameraRulesSchema.parse(trafficRules()), expected: expected.sort((a, b) => a.t - b.t), duration };
}
