import type { ObjectClass, Point, Rule, Schedule } from '@vigil/types';
import { VEHICLE_CLASSES } from '@vigil/types';
import { inPolygon, toPx, type Box } from '../geometry';
import type { TrackView } from '../track/tracker';
import { LineWatch } from './line-watch';
import type { RuleEvaluator, RuleHit, RuleInput } from './types';

type Of<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

const applies = (rule: Rule, c: ObjectClass, fallback: readonly ObjectClass[] | null = null) =>
  rule.classes.length ? rule.classes.includes(c) : !fallback || fallback.includes(c);

function hit(rule: Rule, t: TrackView, at: number, details: Record<string, unknown> = {}): RuleHit {
  return { ruleId: rule.id, ruleName: rule.name, kind: rule.kind, trackId: t.id, class: t.class, at, box: t.box, speedKmh: t.speedKmh, details };
}

/** Whether local time `at` falls in the schedule (windows past midnight wrap). */
export function inSchedule(s: Schedule | null, at: number): boolean {
  if (!s) return true;
  const d = new Date(at);
  const mins = d.getHours() * 60 + d.getMinutes();
  const [fh, fm] = s.from.split(':').map(Number);
  const [th, tm] = s.to.split(':').map(Number);
  const from = fh * 60 + fm;
  const to = th * 60 + tm;
  const inWindow = from <= to ? mins >= from && mins < to : mins >= from || mins < to;
  return s.days.includes(d.getDay()) && inWindow;
}

/** Per-track memory that forgets tracks gone for 10 s. */
class Memory<T> {
  private m = new Map<number, { v: T; at: number }>();
  get(id: number): T | undefined {
    return this.m.get(id)?.v;
  }
  set(id: number, v: T, at: number): void {
    this.m.set(id, { v, at });
  }
  touch(tracks: TrackView[], at: number): void {
    for (const t of tracks) {
      const e = this.m.get(t.id);
      if (e) e.at = at;
    }
    for (const [id, e] of this.m) if (at - e.at > 10_000) this.m.delete(id);
  }
}

const seg = (line: Point[], w: number, h: number) => toPx(line, w, h);

export function lineRule(rule: Of<'line'>, w: number, h: number): RuleEvaluator {
  const [a, b] = seg(rule.line, w, h);
  const watch = new LineWatch(a, b);
  return {
    rule,
    step(i: RuleInput) {
      const out: RuleHit[] = [];
      for (const t of i.tracks) {
        const dir = watch.step(t.id, t.anchor, i.at, t.origin);
        if (!dir || !t.confirmed || !applies(rule, t.class)) continue;
        if (rule.direction === 'forward' && dir < 0) continue;
        if (rule.direction === 'backward' && dir > 0) continue;
        out.push(hit(rule, t, i.at, { direction: dir > 0 ? 'forward' : 'backward' }));
      }
      watch.prune(i.at);
      return out;
    },
  };
}

/** Zone intrusion (entry), dwell (inside longer than T), parking (stationary inside longer than T). */
export function zoneRule(rule: Of<'zone'> | Of<'dwell'> | Of<'parking'>, w: number, h: number): RuleEvaluator {
  const poly = toPx(rule.polygon, w, h);
  const mem = new Memory<{ enter: number; fired: boolean }>();
  return {
    rule,
    step(i: RuleInput) {
      const out: RuleHit[] = [];
      for (const t of i.tracks) {
        const inside = inPolygon(t.anchor, poly);
        let s = mem.get(t.id);
        if (!inside) {
          if (s) mem.set(t.id, { enter: 0, fired: false }, i.at);
          continue;
        }
        if (!s || s.enter === 0) {
          s = { enter: i.at, fired: false };
          mem.set(t.id, s, i.at);
        }
        if (s.fired || !t.confirmed) continue;
        if (rule.kind === 'zone') {
          if (!applies(rule, t.class) || !inSchedule(rule.schedule, i.at)) continue;
          s.fired = true;
          out.push(hit(rule, t, i.at));
        } else if (rule.kind === 'dwell') {
          if (!applies(rule, t.class) || i.at - s.enter < rule.seconds * 1000) continue;
          s.fired = true;
          out.push(hit(rule, t, i.at, { seconds: Math.round((i.at - s.enter) / 1000) }));
        } else {
          if (!applies(rule, t.class, VEHICLE_CLASSES) || t.stillSince === null) continue;
          const since = Math.max(t.stillSince, s.enter);
          if (i.at - since < rule.seconds * 1000) continue;
          s.fired = true;
          out.push(hit(rule, t, i.at, { seconds: Math.round((i.at - since) / 1000) }));
        }
      }
      mem.touch(i.tracks, i.at);
      return out;
    },
  };
}

export function wrongWayRule(rule: Of<'wrong_way'>, w: number, h: number): RuleEvaluator {
  const poly = toPx(rule.polygon, w, h);
  const [a, b] = seg(rule.direction, w, h);
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const minSpeed = 0.02 * w;
  const mem = new Memory<{ n: number; fired: boolean }>();
  return {
    rule,
    step(i: RuleInput) {
      const out: RuleHit[] = [];
      for (const t of i.tracks) {
        const s = mem.get(t.id) ?? { n: 0, fired: false };
        mem.set(t.id, s, i.at);
        const against = inPolygon(t.anchor, poly) && t.speedPx > minSpeed && (t.vx * ux + t.vy * uy) / t.speedPx < -0.5;
        s.n = against ? s.n + 1 : 0;
        if (s.fired || s.n < rule.frames || !t.confirmed || !applies(rule, t.class, VEHICLE_CLASSES)) continue;
        s.fired = true;
        out.push(hit(rule, t, i.at, { frames: s.n }));
      }
      mem.touch(i.tracks, i.at);
      return out;
    },
  };
}

/** Red-light running and stop-line encroachment share the stop line and the signal phase. */
export function signalRule(rule: Of<'red_light'> | Of<'stop_line'>, w: number, h: number): RuleEvaluator {
  const [a, b] = seg(rule.stopLine, w, h);
  const watch = new LineWatch(a, b);
  const want = rule.direction === 'forward' ? 1 : -1;
  const fired = new Memory<boolean>();
  let last: string | null = null;
  let redSince = 0;
  return {
    rule,
    step(i: RuleInput) {
      const out: RuleHit[] = [];
      const phase = i.phases.get(rule.id) ?? 'unknown';
      if (phase === 'red' && last !== 'red') redSince = i.at;
      if (phase !== 'unknown') last = phase;
      const redFor = phase === 'red' ? (i.at - redSince) / 1000 : -1;
      for (const t of i.tracks) {
        const dir = watch.step(t.id, t.anchor, i.at, t.origin);
        if (!t.confirmed || !applies(rule, t.class, VEHICLE_CLASSES) || fired.get(t.id)) continue;
        if (rule.kind === 'red_light') {
          if (dir !== want || redFor < rule.amberGrace) continue;
        } else {
          const past = watch.distance(t.anchor) * want > 4 && watch.along(t.anchor) >= 0 && watch.along(t.anchor) <= 1;
          if (!past || redFor < 0 || t.stillSince === null || i.at - t.stillSince < rule.seconds * 1000) continue;
        }
        fired.set(t.id, true, i.at);
        out.push(hit(rule, t, i.at, { phase, redForSeconds: Math.round(redFor * 10) / 10 }));
      }
      fired.touch(i.tracks, i.at);
      watch.prune(i.at);
      return out;
    },
  };
}

export function crowdRule(rule: Of<'crowd'>, w: number, h: number): RuleEvaluator {
  const poly = toPx(rule.polygon, w, h);
  let above = false;
  return {
    rule,
    step(i: RuleInput) {
      const members = i.tracks.filter((t) => t.confirmed && applies(rule, t.class, ['person']) && inPolygon(t.anchor, poly));
      const now = members.length >= rule.threshold;
      const rising = now && !above;
      above = now;
      if (!rising) return [];
      const box: Box = union(members.map((m) => m.box));
      return [{ ruleId: rule.id, ruleName: rule.name, kind: rule.kind, trackId: 0, class: members[0].class, at: i.at, box, speedKmh: null, details: { count: members.length } }];
    },
  };
}

function union(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
