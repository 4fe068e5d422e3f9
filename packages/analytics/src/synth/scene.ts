import type { ObjectClass, SignalPhase } from '@vigil/types';
import type { Box } from '../geometry';
import type { Frame } from '../frame';

/** A moving rectangle: top-left position at key times, linear in between, absent outside them. */
export interface Actor {
  id: number;
  class: ObjectClass;
  w: number;
  h: number;
  colour: [number, number, number];
  keys: { t: number; x: number; y: number }[];
}

/** A generated scene with known ground truth. */
export interface SynthScene {
  width: number;
  height: number;
  actors: Actor[];
  /** Road band, drawn darker. */
  road?: { y: number; h: number };
  /** Signal head with three lamps; phase as a function of scene time (s). */
  signal?: { box: Box; phase(t: number): SignalPhase };
  /** A region that changes colour every frame (a tree in the wind, a clock): should be masked. */
  flicker?: Box;
}

/** Box of an actor at time t (seconds), or null when it is not in the scene. */
export function actorBox(a: Actor, t: number): Box | null {
  const k = a.keys;
  if (t < k[0].t || t > k[k.length - 1].t) return null;
  let i = 0;
  while (i < k.length - 2 && t > k[i + 1].t) i++;
  const p = k[i];
  const q = k[i + 1] ?? p;
  const f = q.t > p.t ? (t - p.t) / (q.t - p.t) : 0;
  return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f, w: a.w, h: a.h };
}

function fill(f: Frame, b: Box, c: readonly [number, number, number]): void {
  const x0 = Math.max(0, Math.round(b.x));
  const y0 = Math.max(0, Math.round(b.y));
  const x1 = Math.min(f.width, Math.round(b.x + b.w));
  const y1 = Math.min(f.height, Math.round(b.y + b.h));
  for (let y = y0; y < y1; y++) {
    let i = (y * f.width + x0) * 3;
    for (let x = x0; x < x1; x++, i += 3) {
      f.data[i] = c[0];
      f.data[i + 1] = c[1];
      f.data[i + 2] = c[2];
    }
  }
}

const LAMPS: Record<string, [number, number, number]> = { red: [235, 30, 30], amber: [240, 170, 20], green: [30, 210, 60] };

/** Renders the scene at time t (seconds) into an RGB frame; `epoch` is the wall time of t = 0. */
export function renderFrame(s: SynthScene, t: number, epoch = 0, frameNo = Math.round(t * 5)): Frame {
  const f: Frame = { width: s.width, height: s.height, data: new Uint8Array(s.width * s.height * 3), at: epoch + Math.round(t * 1000) };
  fill(f, { x: 0, y: 0, w: s.width, h: s.height }, [59, 74, 63]);
  if (s.road) fill(f, { x: 0, y: s.road.y, w: s.width, h: s.road.h }, [80, 80, 84]);
  if (s.flicker) fill(f, s.flicker, frameNo % 2 ? [40, 120, 40] : [150, 200, 90]);
  for (const a of s.actors) {
    const b = actorBox(a, t);
    if (b) fill(f, b, a.colour);
  }
  if (s.signal) {
    const { box } = s.signal;
    fill(f, box, [10, 10, 10]);
    const phase = s.signal.phase(t);
    const lamp = box.h / 3;
    (['red', 'amber', 'green'] as const).forEach((name, i) => {
      const on = phase === name;
      fill(f, { x: box.x + 4, y: box.y + i * lamp + 3, w: box.w - 8, h: lamp - 6 }, on ? LAMPS[name] : [45, 45, 45]);
    });
  }
  return f;
}
