// Motion gate benchmark pieces for bench/analytics.ts: decoding real clips (and their mirrored and
// time-reversed variants), running one scene ungated and gated, and matching their events.
import { spawnSync } from 'node:child_process';
import { CameraAnalyzer, type Detector, type Frame, type RuleHit } from '@vigil/analytics';
import { CameraRules } from '@vigil/types';

export const REAL = '/work/shared/data/traffic-real-dev';
export const REAL_CLIPS = ['vn_intersection_1_085436', 'vn_intersection_3_094904'];

/** Variants of a real clip: the footage as recorded, mirrored left-right, played backwards, both. */
export const VARIANTS = { original: '', mirrored: 'hflip,', reversed: 'reverse,', 'mirrored+reversed': 'hflip,reverse,' } as const;
export type Variant = keyof typeof VARIANTS;

/** Decodes a video file to 640x360 RGB frames at `fps`. */
export function decode(file: string, fps: number, variant: Variant = 'original', seconds = 60, offset = 0): Frame[] {
  const vf = `${VARIANTS[variant]}fps=${fps},scale=640:360`;
  const r = spawnSync('ffmpeg', ['-loglevel', 'error', '-ss', String(offset), '-t', String(seconds), '-i', file, '-vf', vf, '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'], { maxBuffer: 1 << 30 });
  const size = 640 * 360 * 3;
  const out: Frame[] = [];
  for (let i = 0; i + size <= r.stdout.length; i += size) out.push({ width: 640, height: 360, data: new Uint8Array(r.stdout.subarray(i, i + size)), at: 1_700_000_000_000 + Math.round(offset * 1000 + (out.length * 1000) / fps) });
  return out;
}

export const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Rules drawn on the real intersection (normalised): two lines across the approach (below and on
 * the crosswalk), one across the near road lower down, one along it; the top-left timestamp-ish
 * corner is masked. Lines sit in the near field, where a 640x360 frame shows road users large
 * enough for a COCO detector; the far road (objects of 10-20 px) is left alone.
 */
export const realRules = () =>
  CameraRules.parse({
    fps: 5,
    masks: [[{ x: 0, y: 0 }, { x: 0.4, y: 0 }, { x: 0.4, y: 0.08 }, { x: 0, y: 0.08 }]],
    rules: [
      { id: 'line', name: 'line y.55', kind: 'line', line: [{ x: 0.05, y: 0.55 }, { x: 0.95, y: 0.55 }], direction: 'both' },
      { id: 'crosswalk', name: 'line y.45', kind: 'line', line: [{ x: 0.05, y: 0.45 }, { x: 0.7, y: 0.45 }], direction: 'both' },
      { id: 'near', name: 'line y.75', kind: 'line', line: [{ x: 0.05, y: 0.75 }, { x: 0.6, y: 0.75 }], direction: 'both' },
      { id: 'along', name: 'line x.35', kind: 'line', line: [{ x: 0.35, y: 0.4 }, { x: 0.35, y: 0.95 }], direction: 'both' },
    ],
  });

export interface GateRun {
  frames: number;
  detectorRuns: number;
  cpuSeconds: number;
  framesPerCpuSecond: number;
  events: number;
  hits: RuleHit[];
}

/** One pass over the frames; CPU time of this process (the detector runs in this thread). */
export async function gateRun(frames: Frame[], config: CameraRules, det: Detector, gate: boolean, interval?: number, region?: { scale?: number | { x: number; y: number }; margin?: number } | false): Promise<GateRun> {
  const a = new CameraAnalyzer({ config, detector: det, width: frames[0].width, height: frames[0].height, gate, interval, region });
  const hits: RuleHit[] = [];
  const c0 = cpu();
  for (const f of frames) hits.push(...(await a.process(f)).hits);
  const cpuS = cpu() - c0;
  return { frames: frames.length, detectorRuns: a.detectorRuns, cpuSeconds: cpuS, framesPerCpuSecond: frames.length / cpuS, events: hits.length, hits };
}

/**
 * Reference events that another run's events match one-to-one: same rule, same direction, at most
 * `toleranceMs` apart (default 1 s = 5 frames at 5 fps: the gated run sees a road user's box on
 * every 4th frame, so it decides a crossing up to 3 frames later, plus a frame of box jitter).
 * The largest one-to-one matching (augmenting paths, nearer partners tried first), so the count
 * does not depend on the order events are listed in.
 */
export function matchEvents(ref: RuleHit[], other: RuleHit[], toleranceMs = MATCH_TOLERANCE_MS): number {
  const near = ref.map((u) =>
    other
      .map((x, o) => ({ o, dt: Math.abs(x.at - u.at), ok: x.ruleId === u.ruleId && x.details.direction === u.details.direction }))
      .filter((e) => e.ok && e.dt <= toleranceMs)
      .sort((a, b) => a.dt - b.dt)
      .map((e) => e.o),
  );
  const owner = new Map<number, number>();
  const augment = (r: number, seen: Set<number>): boolean => {
    for (const o of near[r]) {
      if (seen.has(o)) continue;
      seen.add(o);
      const cur = owner.get(o);
      if (cur === undefined || augment(cur, seen)) {
        owner.set(o, r);
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let r = 0; r < ref.length; r++) if (augment(r, new Set())) n += 1;
  return n;
}
export const MATCH_TOLERANCE_MS = 1000;

/** Sums ungated and gated runs over several scenes. */
export function total(runs: { ungated: GateRun; gated: GateRun; matched: number }[]) {
  const sum = (k: 'frames' | 'detectorRuns' | 'cpuSeconds' | 'events', g: 'ungated' | 'gated') => runs.reduce((s, r) => s + r[g][k], 0);
  const side = (g: 'ungated' | 'gated') => ({
    frames: sum('frames', g),
    detectorRuns: sum('detectorRuns', g),
    cpuSeconds: +sum('cpuSeconds', g).toFixed(2),
    framesPerCpuSecond: +(sum('frames', g) / sum('cpuSeconds', g)).toFixed(2),
    events: sum('events', g),
  });
  const ungated = side('ungated');
  const gated = side('gated');
  const matched = runs.reduce((s, r) => s + r.matched, 0);
  return {
    ungated,
    gated,
    throughputGain: +(gated.framesPerCpuSecond / ungated.framesPerCpuSecond).toFixed(2),
    ungatedEventsFoundGated: matched,
    eventsFoundVsUngated: ungated.events ? +(matched / ungated.events).toFixed(3) : null,
  };
}

/**
 * How well a run agrees with itself on the same scenes sampled 100 ms later (`a[i]` and `b[i]` are
 * the same scene): the one-to-one matching of their events, summed over scenes. A largest matching
 * has the same size whichever side is listed first, so one count serves both shares.
 */
export function selfAgreement(a: GateRun[], b: GateRun[]) {
  const events = a.reduce((s, r) => s + r.events, 0);
  const eventsLater = b.reduce((s, r) => s + r.events, 0);
  const matched = a.reduce((s, r, i) => s + matchEvents(r.hits, b[i].hits), 0);
  return { events, eventsSampled100msLater: eventsLater, matched, share: events ? +(matched / events).toFixed(3) : null, shareLater: eventsLater ? +(matched / eventsLater).toFixed(3) : null };
}

export const strip = ({ hits: _h, ...rest }: GateRun) => ({ ...rest, cpuSeconds: +rest.cpuSeconds.toFixed(2), framesPerCpuSecond: +rest.framesPerCpuSecond.toFixed(2) });
