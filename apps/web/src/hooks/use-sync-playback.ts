// Synchronised playback of up to four cameras. One clock (wall time, ms) drives every <video>;
// each camera plays `play.mp4` windows (from the keyframe at or before the clock's time to the end
// of its recorded span, at most an hour) and is nudged back when it drifts more than a little from
// the clock.
import { useCallback, useEffect, useRef, useState } from 'react';
import { videoApi, videoUrls } from '../api/video';

export interface Span {
  start: number;
  end: number;
}

export interface Track {
  cameraId: string;
  spans: Span[];
}

export type TrackState = 'idle' | 'loading' | 'ready' | 'gap' | 'error';

interface Win {
  /** Wall time of the window's first picture (a keyframe), i.e. of the video's time 0. */
  from: number;
  to: number;
  loadedAt: number;
}

const MAX_WINDOW_MS = 3600_000;
const TICK_MS = 250;
/** Drift beyond which a follower is moved to the clock (the brief: keep it under 0.5 s). */
const MAX_DRIFT = 0.5;
/** Drift corrected by a slightly faster or slower playbackRate instead of a seek. */
const NUDGE_DRIFT = 0.12;
const LOAD_TIMEOUT_MS = 10_000;

export interface SyncPlayback {
  pos: number;
  playing: boolean;
  rate: number;
  states: Record<string, TrackState>;
  /** Ref callback for the <video> of a camera. */
  attach: (cameraId: string) => (el: HTMLVideoElement | null) => void;
  play: () => void;
  pause: () => void;
  seek: (t: number) => void;
  setRate: (r: number) => void;
  step: (frames: number) => void;
}

function spanAt(spans: Span[], t: number): Span | undefined {
  return spans.find((s) => t >= s.start && t < s.end - 300);
}

/** Clock + per-camera windows; React only sees the periodic snapshot. */
class Engine {
  base = 0;
  at = performance.now();
  playing = false;
  rate = 1;
  tracks: Track[] = [];
  videos = new Map<string, HTMLVideoElement>();
  wins = new Map<string, Win | null>();
  states: Record<string, TrackState> = {};

  constructor(private readonly fps: () => number) {}

  now(): number {
    return this.base + (this.playing ? (performance.now() - this.at) * this.rate : 0);
  }

  rebase(t: number): void {
    this.base = t;
    this.at = performance.now();
  }

  wallOf(cameraId: string): number | null {
    const v = this.videos.get(cameraId);
    const w = this.wins.get(cameraId);
    if (!v || !w || v.readyState < 2) return null;
    return w.from + v.currentTime * 1000;
  }

  load(cameraId: string, t: number): void {
    const v = this.videos.get(cameraId);
    const track = this.tracks.find((x) => x.cameraId === cameraId);
    if (!v || !track) return;
    const span = spanAt(track.spans, t);
    if (!span) {
      this.wins.set(cameraId, null);
      this.states[cameraId] = 'gap';
      if (v.getAttribute('src')) {
        v.removeAttribute('src');
        v.load();
      }
      return;
    }
    const w = { from: t, to: Math.min(span.end, t + MAX_WINDOW_MS), loadedAt: performance.now() };
    this.wins.set(cameraId, w);
    this.states[cameraId] = 'loading';
    v.muted = true;
    // The old window goes at once, so the clock and drift checks see a loading video, not the old one.
    v.removeAttribute('src');
    v.load();
    // Stream copy starts on a keyframe: ask which one holds `t`, load from there and seek to `t`.
    void videoApi
      .keyframe(cameraId, new Date(t))
      .then(
        (k) => Math.min(t, Date.parse(k.keyframe)),
        (err: unknown) => {
          console.debug('playback: keyframe unknown, the window starts near it', err);
          return t;
        },
      )
      .then((from) => {
        if (this.wins.get(cameraId) !== w) return;
        w.from = from;
        v.src = videoUrls.play(cameraId, new Date(from), new Date(w.to));
        v.playbackRate = this.rate;
        if (from < t) v.addEventListener('loadeddata', () => this.wins.get(cameraId) === w && (v.currentTime = (t - from) / 1000), { once: true });
        if (this.playing) v.play().catch((e: unknown) => console.debug('playback: play() refused', e));
      });
  }

  seek(t: number): void {
    this.rebase(t);
    for (const tr of this.tracks) this.load(tr.cameraId, t);
  }

  setPlaying(on: boolean): void {
    this.rebase(this.now());
    this.playing = on;
    for (const [id, v] of this.videos) {
      if (!this.wins.get(id)) continue;
      if (on) v.play().catch((err: unknown) => console.debug('playback: play() refused', err));
      else v.pause();
    }
  }

  setRate(r: number): void {
    this.rebase(this.now());
    this.rate = r;
    for (const v of this.videos.values()) v.playbackRate = r;
  }

  step(frames: number): void {
    this.setPlaying(false);
    const dt = frames / Math.max(1, this.fps());
    for (const [id, v] of this.videos) if (this.wins.get(id) && v.readyState >= 2) v.currentTime = Math.max(0, v.currentTime + dt);
    this.rebase(this.now() + dt * 1000);
  }

  /** One reconciliation pass: follow the leading video, keep the others on the clock, roll windows. */
  tick(): void {
    let t = this.now();
    const latest = Math.max(0, ...this.tracks.flatMap((tr) => tr.spans.map((s) => s.end)));
    if (this.playing && latest && t > latest) {
      this.setPlaying(false);
      this.rebase(latest);
      t = latest;
    }
    const inWin = (id: string) => {
      const w = this.wins.get(id);
      return !!w && t >= w.from - 500 && t < w.to - 200;
    };
    // A camera still opening its window holds the clock, so all start on the same picture.
    const now = performance.now();
    const waiting = this.tracks.some((tr) => {
      const w = this.wins.get(tr.cameraId);
      const v = this.videos.get(tr.cameraId);
      if (!w || !v || !inWin(tr.cameraId) || v.readyState >= 2) return false;
      if (now - w.loadedAt > LOAD_TIMEOUT_MS) {
        this.states[tr.cameraId] = 'error';
        return false;
      }
      return true;
    });
    if (waiting) {
      this.rebase(t);
      return;
    }
    const leader = this.tracks.find((tr) => {
      const v = this.videos.get(tr.cameraId);
      return inWin(tr.cameraId) && v && !v.paused && !v.ended && v.readyState >= 3;
    });
    if (this.playing && leader) {
      const lt = this.wallOf(leader.cameraId);
      if (lt !== null && Math.abs(lt - t) < 3000) t = lt;
      this.rebase(t);
    }
    for (const tr of this.tracks) this.follow(tr, t, tr === leader);
  }

  private follow(tr: Track, t: number, isLeader: boolean): void {
    const id = tr.cameraId;
    const v = this.videos.get(id);
    if (!v) return;
    const w = this.wins.get(id);
    if (!w || t < w.from - 500 || t >= w.to - 200) {
      // Outside the loaded window: next span, or a gap until the clock reaches one.
      if (w || spanAt(tr.spans, t) || this.states[id] !== 'gap') this.load(id, t);
      return;
    }
    if (v.readyState < 2) return;
    if (this.states[id] !== 'error') this.states[id] = 'ready';
    if (this.playing && v.paused && !v.ended) v.play().catch((err: unknown) => console.debug('playback: play() refused', err));
    if (!this.playing && !v.paused) v.pause();
    if (isLeader) {
      v.playbackRate = this.rate;
      return;
    }
    const drift = ((this.wallOf(id) ?? t) - t) / 1000;
    const target = (t - w.from) / 1000;
    if (Math.abs(drift) > 3 && !bufferedAt(v, target)) this.load(id, t);
    else if (Math.abs(drift) > MAX_DRIFT || (!this.playing && Math.abs(drift) > 0.05)) v.currentTime = Math.max(0, target);
    else if (this.playing && Math.abs(drift) > NUDGE_DRIFT) v.playbackRate = this.rate * (drift > 0 ? 0.9 : 1.1);
    else v.playbackRate = this.rate;
  }
}

function bufferedAt(v: HTMLVideoElement, time: number): boolean {
  for (let i = 0; i < v.buffered.length; i++) if (time >= v.buffered.start(i) && time <= v.buffered.end(i)) return true;
  return false;
}

export function useSyncPlayback(tracks: Track[], fps: number): SyncPlayback {
  const fpsRef = useRef(fps);
  fpsRef.current = fps;
  const engineRef = useRef<Engine | null>(null);
  if (!engineRef.current) engineRef.current = new Engine(() => fpsRef.current);
  const engine = engineRef.current;
  const [snap, setSnap] = useState({ pos: 0, playing: false, rate: 1, states: {} as Record<string, TrackState> });

  const publish = useCallback(() => {
    setSnap({ pos: engine.now(), playing: engine.playing, rate: engine.rate, states: { ...engine.states } });
  }, [engine]);

  useEffect(() => {
    const known = new Set(engine.tracks.map((x) => x.cameraId));
    engine.tracks = tracks;
    // A camera added later joins at the clock's time.
    for (const tr of tracks) if (!known.has(tr.cameraId) && engine.base) engine.load(tr.cameraId, engine.now());
  }, [engine, tracks]);

  useEffect(() => {
    const id = window.setInterval(() => {
      engine.tick();
      publish();
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [engine, publish]);

  // One stable ref callback per camera: a new function each render would detach and re-attach.
  const refs = useRef(new Map<string, (el: HTMLVideoElement | null) => void>());
  const attach = useCallback(
    (cameraId: string) => {
      let fn = refs.current.get(cameraId);
      if (!fn) {
        fn = (el: HTMLVideoElement | null) => {
          if (el) {
            engine.videos.set(cameraId, el);
            if (engine.base && !engine.wins.get(cameraId)) engine.load(cameraId, engine.now());
            return;
          }
          const v = engine.videos.get(cameraId);
          v?.removeAttribute('src');
          v?.load();
          engine.videos.delete(cameraId);
          engine.wins.delete(cameraId);
          refs.current.delete(cameraId);
        };
        refs.current.set(cameraId, fn);
      }
      return fn;
    },
    [engine],
  );

  const act = useCallback(
    (fn: () => void) => () => {
      fn();
      publish();
    },
    [publish],
  );
  return {
    ...snap,
    attach,
    play: act(() => engine.setPlaying(true)),
    pause: act(() => engine.setPlaying(false)),
    seek: (t: number) => act(() => engine.seek(t))(),
    setRate: (r: number) => act(() => engine.setRate(r))(),
    step: (frames: number) => act(() => engine.step(frames))(),
  };
}
