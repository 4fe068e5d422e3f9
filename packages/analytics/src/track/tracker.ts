import type { ObjectClass } from '@vigil/types';
import { anchor, iou, type Box, type Pt } from '../geometry';
import type { Detection } from '../detect/detector';
import { project, type Homography } from './calibration';
import { follow, type Grey } from './follow';

/** What rules see of a track at one instant. */
export interface TrackView {
  id: number;
  class: ObjectClass;
  box: Box;
  anchor: Pt;
  /** Anchor at the previous analysed frame (null on the first). */
  prev: Pt | null;
  /** Velocity of the anchor, px/s (smoothed). */
  vx: number;
  vy: number;
  speedPx: number;
  /** Ground speed when the camera is calibrated. */
  speedKmh: number | null;
  /** Epoch ms since which the track has not moved; null while moving. */
  stillSince: number | null;
  firstSeen: number;
  confirmed: boolean;
  /**
   * A track born at a detector run after frames without one: its anchor on the earliest of those
   * frames, found by following its picture backwards (null otherwise), so rules know which side of
   * a line it came from although no detector saw it there.
   */
  origin: Pt | null;
}

/** A frame the detector skipped: its grey picture and time, newest first when passed on. */
export interface PastFrame {
  grey: Grey;
  at: number;
}

export interface TrackerOptions {
  width: number;
  height: number;
  /** Image pixels -> ground metres. */
  ground?: Homography | null;
  /**
   * How long (ms) a track that is neither detected nor followed lives on, unseen, at its predicted
   * place, so that a road user the detector misses for a while comes back under the same id.
   */
  lostMs?: number;
  /** How long (ms) block matching alone may keep a moving track visible without a detection. */
  followMs?: number;
  /** Matches needed before rules see a track. */
  minHits?: number;
  /** Below this speed (share of frame width per second) a track is stationary. */
  stillSpeed?: number;
}

interface Track {
  id: number;
  box: Box;
  classes: Map<ObjectClass, number>;
  prev: Pt | null;
  vx: number;
  vy: number;
  lastAt: number;
  firstSeen: number;
  /** Last detection, and last sighting of any kind (detection, close follow, held still). */
  detAt: number;
  seenAt: number;
  hits: number;
  missed: number;
  stillSince: number | null;
  kmh: number | null;
  origin: Pt | null;
}

/** Largest mean grey difference (0..255) at which a carried box still follows its picture. */
const CARRY_COST = 24;
/** Search radius (px) around a guess `d` px from where the box stood: wider for a faster mover. */
const searchRadius = (d: number) => Math.min(48, 8 + d * 0.6);
/** A match that counts as seeing the road user: close, or clearly better than where it stood. */
const sighted = (r: { cost: number; stayCost: number }) => r.cost <= 6 || r.cost < r.stayCost * 0.85;
/** Search radius (px) for the first backward step of a new track: no velocity is known yet. */
const RECOVER_RADIUS = 64;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Greedy IoU tracker with a constant-velocity prediction (SORT without the Kalman covariance):
 * boxes are matched to predicted track boxes by IoU, falling back to centre distance for small
 * fast objects. A stationary track that loses its detection is held where it stood while nothing
 * moves there (the motion gate skipped it, or a parked car melted into the background). Lifetimes
 * are in time, not frames, so a track survives the same missed stretch gated or ungated: a moving
 * track the detector misses follows its picture, then lives on unseen for `lostMs` and comes back
 * under its id when a detection turns up near where it should be by then.
 */
export class Tracker {
  private tracks: Track[] = [];
  private nextId = 1;
  private readonly o: Required<Omit<TrackerOptions, 'ground'>> & { ground: Homography | null };

  constructor(o: TrackerOptions) {
    this.o = { ground: null, lostMs: 1200, followMs: 1000, minHits: 2, stillSpeed: 0.012, ...o };
  }

  /** The frame had no motion: every track stays where it is. */
  hold(at: number): TrackView[] {
    for (const t of this.tracks) {
      this.move(t, t.box, at);
      if (t.missed === 0) t.seenAt = at;
    }
    return this.views();
  }

  /**
   * A frame between two detector runs: every track with motion near it follows its own picture
   * from `prev` to `cur` (block matching around its predicted place); a track with no motion near
   * it stays where it is. A good match counts as a sighting, a poor one leaves the track at its
   * prediction until the next detection decides.
   */
  carry(prev: Grey, cur: Grey, at: number, motion: Box[]): TrackView[] {
    for (const t of this.tracks) this.follow(t, prev, cur, at, motion);
    return this.views();
  }

  /** Follows one track by block matching; true when its picture was found again. */
  private follow(t: Track, prev: Grey, cur: Grey, at: number, motion: Box[]): boolean {
    const pred = this.predict(t, at);
    const near = { x: Math.min(t.box.x, pred.x) - 4, y: Math.min(t.box.y, pred.y) - 4, w: t.box.w + Math.abs(pred.x - t.box.x) + 8, h: t.box.h + Math.abs(pred.y - t.box.y) + 8 };
    if (!motion.some((m) => overlaps(m, near))) {
      this.move(t, t.box, at);
      if (t.missed === 0) t.seenAt = at;
      return t.missed === 0;
    }
    // A young track's velocity comes from one or two boxes: search widely around where it stands,
    // and, once it has a velocity, also around its prediction (a fast road user).
    const young = t.hits < 3;
    const guess = young ? t.box : pred;
    const step = Math.hypot(guess.x - t.box.x, guess.y - t.box.y);
    let r = follow(prev, cur, t.box, guess, young ? 48 : searchRadius(step));
    if (young && (t.vx || t.vy)) {
      const r2 = follow(prev, cur, t.box, pred, searchRadius(Math.hypot(pred.x - t.box.x, pred.y - t.box.y)));
      if (r2 && (!r || r2.cost < r.cost)) r = r2;
    }
    if (!r || r.cost > CARRY_COST) {
      this.move(t, guess, at);
      return false;
    }
    // Seen: the picture matched closely, or clearly better than where the track stood.
    const seen = sighted(r);
    if (seen && t.missed === 0) {
      t.hits += 1;
      t.seenAt = at;
    }
    this.move(t, r.box, at);
    return seen;
  }

  /**
   * Matches detections to tracks; `motion` are the foreground boxes of this frame. With `grey`
   * (this frame and the one before) a visible track the detector missed follows its picture, for
   * at most `followMs` since its last detection, so one missed detection does not end it.
   */
  update(dets: Detection[], at: number, motion: Box[], grey?: { prev: Grey; cur: Grey }, past: PastFrame[] = []): TrackView[] {
    const pairs: { t: number; d: number; score: number }[] = [];
    for (let ti = 0; ti < this.tracks.length; ti++) {
      const t = this.tracks[ti];
      const pred = this.predict(t, at);
      // Unseen for a while, a track may have drifted from its prediction.
      const drift = t.missed ? Math.min(0.08 * this.o.width, 0.5 * Math.hypot(t.vx, t.vy) * ((at - t.seenAt) / 1000)) : 0;
      for (let di = 0; di < dets.length; di++) {
        const d = dets[di].box;
        const o = iou(pred, d);
        const dist = Math.hypot(pred.x + pred.w / 2 - d.x - d.w / 2, pred.y + pred.h / 2 - d.y - d.h / 2);
        // Reach: a young track has no velocity yet, so its next box may be a whole body length
        // away; an established one is expected near its prediction, within half a body and its
        // speed's uncertainty, so it does not jump to a neighbour when its own detection is missed.
        const dt = (at - t.lastAt) / 1000;
        const size = Math.max(pred.w, pred.h, d.w, d.h);
        const reach = (t.hits < 3 ? size * 0.75 + (t.hits < 2 ? 0.08 : 0.03) * this.o.width : size * 0.5 + Math.hypot(t.vx, t.vy) * dt * 0.5 + 0.01 * this.o.width) + drift;
        const score = o > 0.1 ? o : dist < reach ? 0.1 * (1 - dist / reach) : 0;
        if (score > 0) pairs.push({ t: ti, d: di, score: t.missed ? score * 0.5 : score });
      }
    }
    pairs.sort((a, b) => b.score - a.score);
    const usedT = new Set<number>();
    const usedD = new Set<number>();
    for (const p of pairs) {
      if (usedT.has(p.t) || usedD.has(p.d)) continue;
      usedT.add(p.t);
      usedD.add(p.d);
      const t = this.tracks[p.t];
      const det = dets[p.d];
      t.classes.set(det.class, (t.classes.get(det.class) ?? 0) + det.score);
      t.hits += 1;
      t.missed = 0;
      t.detAt = t.seenAt = at;
      this.move(t, det.box, at);
    }
    const keep: Track[] = [];
    for (let ti = 0; ti < this.tracks.length; ti++) {
      const t = this.tracks[ti];
      if (!usedT.has(ti)) {
        const stillHere = t.stillSince !== null && !motion.some((m) => iou(m, t.box) > 0.05);
        if (stillHere) {
          this.move(t, t.box, at);
          if (t.missed === 0) t.seenAt = at;
        } else if (grey && t.missed === 0 && at - t.detAt <= this.o.followMs) {
          if (!this.follow(t, grey.prev, grey.cur, at, motion)) t.missed += 1;
        } else t.missed += 1;
      }
      if (at - t.seenAt <= this.o.lostMs) keep.push(t);
    }
    this.tracks = keep;
    for (const t of this.tracks) t.origin = null;
    for (let di = 0; di < dets.length; di++) {
      if (usedD.has(di)) continue;
      const d = dets[di];
      const t: Track = { id: this.nextId++, box: d.box, classes: new Map([[d.class, d.score]]), prev: null, vx: 0, vy: 0, lastAt: at, firstSeen: at, detAt: at, seenAt: at, hits: 1, missed: 0, stillSince: null, kmh: null, origin: null };
      if (grey && past.length) this.recover(t, grey.cur, at, past);
      this.tracks.push(t);
    }
    return this.views();
  }

  /**
   * A road user first detected after frames the detector skipped: follows its picture backwards
   * through those frames, so it starts with a velocity (a fast one is then found again on the next
   * frames) and an origin (which side of a line it came from), as if the detector had run on them.
   */
  private recover(t: Track, cur: Grey, at: number, past: PastFrame[]): void {
    let box = t.box;
    let from = cur;
    let step = { x: 0, y: 0 };
    let earliest: { box: Box; at: number } | null = null;
    for (const p of past) {
      const guess = { ...box, x: box.x + step.x, y: box.y + step.y };
      const r = follow(from, p.grey, box, guess, earliest ? searchRadius(Math.hypot(step.x, step.y)) : RECOVER_RADIUS);
      if (!r || r.cost > CARRY_COST || !sighted(r)) break;
      step = { x: r.box.x - box.x, y: r.box.y - box.y };
      box = r.box;
      from = p.grey;
      earliest = { box, at: p.at };
    }
    if (!earliest) return;
    const a0 = anchor(earliest.box);
    const a1 = anchor(t.box);
    const dt = (at - earliest.at) / 1000;
    t.vx = (a1.x - a0.x) / dt;
    t.vy = (a1.y - a0.y) / dt;
    t.origin = a0;
    t.firstSeen = earliest.at;
  }

  private predict(t: Track, at: number): Box {
    const dt = Math.max(0, (at - t.lastAt) / 1000);
    return { ...t.box, x: t.box.x + t.vx * dt, y: t.box.y + t.vy * dt };
  }

  private move(t: Track, box: Box, at: number): void {
    const dt = (at - t.lastAt) / 1000;
    const before = anchor(t.box);
    const now = anchor(box);
    t.prev = before;
    if (dt > 0) {
      // Exponential smoothing: blob edges jitter by a grid cell from frame to frame.
      const k = t.hits <= 2 ? 1 : 0.5;
      t.vx += ((now.x - before.x) / dt - t.vx) * k;
      t.vy += ((now.y - before.y) / dt - t.vy) * k;
      if (this.o.ground) {
        const g0 = project(this.o.ground, before);
        const g1 = project(this.o.ground, now);
        const kmh = (Math.hypot(g1.x - g0.x, g1.y - g0.y) / dt) * 3.6;
        t.kmh = t.kmh === null ? kmh : t.kmh + (kmh - t.kmh) * 0.5;
      }
    }
    const still = Math.hypot(t.vx, t.vy) < this.o.stillSpeed * this.o.width;
    if (still) t.stillSince ??= at;
    else t.stillSince = null;
    t.box = box;
    t.lastAt = at;
  }

  private views(): TrackView[] {
    return this.tracks
      .filter((t) => t.missed === 0)
      .map((t) => ({
        id: t.id,
        class: [...t.classes.entries()].sort((a, b) => b[1] - a[1])[0][0],
        box: t.box,
        anchor: anchor(t.box),
        prev: t.prev,
        vx: t.vx,
        vy: t.vy,
        speedPx: Math.hypot(t.vx, t.vy),
        speedKmh: t.kmh,
        stillSince: t.stillSince,
        firstSeen: t.firstSeen,
        confirmed: t.hits >= this.o.minHits,
        origin: t.origin,
      }));
  }
}
