import type { FragmentInfo } from '../fmp4/fragment';
import type { InitInfo } from '../fmp4/init';

/** A consumer of one camera's stream: live viewers, the recorder, the analytics sampler. */
export interface StreamSubscriber {
  /** A (new) init segment: the source (re)connected. Every later fragment belongs to it. */
  onInit(init: Buffer, info: InitInfo): void;
  /** One moof+mdat, in order. */
  onFragment(fragment: Buffer, info: FragmentInfo, receivedAt: number): void;
  /** The source went away (the hub stays; a new init follows on reconnect). */
  onEnd?(reason: string): void;
}

export interface HubStats {
  online: boolean;
  codec: string | null;
  width: number;
  height: number;
  /** Frames per second over the last few seconds. */
  fps: number;
  bitrateKbps: number;
  bytesTotal: number;
  framesTotal: number;
  lastDataAt: number | null;
  subscribers: number;
  generation: number;
  /** Media time per wall-clock time since the stream (re)started, once 30 s have passed. */
  mediaRate: number | null;
}

/**
 * Fan-out point of one camera: holds the init segment and the fragments since the last keyframe
 * (so a new viewer starts at once, on a keyframe), and passes every fragment to each subscriber.
 * One source feeds it; any number of consumers read from it.
 */
export class StreamHub {
  private init: Buffer | null = null;
  private info: InitInfo | null = null;
  private gop: { data: Buffer; info: FragmentInfo; at: number }[] = [];
  private gopBytes = 0;
  private subs = new Set<StreamSubscriber>();
  private generation = 0;
  private bytesTotal = 0;
  private framesTotal = 0;
  private lastDataAt: number | null = null;
  private window: { at: number; frames: number; bytes: number }[] = [];
  private clockStart: { at: number; media: number } | null = null;
  private mediaTotal = 0;

  constructor(
    readonly id: string,
    private readonly maxGopBytes = 16 * 1024 * 1024,
  ) {}

  get initInfo(): InitInfo | null {
    return this.info;
  }

  setInit(init: Buffer, info: InitInfo): void {
    this.init = init;
    this.info = info;
    this.gop = [];
    this.gopBytes = 0;
    this.generation += 1;
    this.clockStart = null;
    for (const s of this.subs) this.safe(s, () => s.onInit(init, info));
  }

  pushFragment(data: Buffer, info: FragmentInfo, at = Date.now()): void {
    if (!this.init) return;
    if (info.keyframe) {
      this.gop = [];
      this.gopBytes = 0;
    }
    if (this.gopBytes + data.length <= this.maxGopBytes && (info.keyframe || this.gop.length > 0)) {
      this.gop.push({ data, info, at });
      this.gopBytes += data.length;
    }
    this.bytesTotal += data.length;
    this.framesTotal += info.samples;
    this.mediaTotal += info.duration / (this.info?.timescale || 90_000);
    this.clockStart ??= { at, media: this.mediaTotal };
    this.lastDataAt = at;
    this.window.push({ at, frames: info.samples, bytes: data.length });
    while (this.window.length && at - this.window[0].at > 5000) this.window.shift();
    for (const s of this.subs) this.safe(s, () => s.onFragment(data, info, at));
  }

  /** The source ended; consumers are told, the cached picture is dropped. */
  end(reason: string): void {
    if (!this.init) return;
    this.init = null;
    this.info = null;
    this.gop = [];
    this.gopBytes = 0;
    for (const s of this.subs) this.safe(s, () => s.onEnd?.(reason));
  }

  /** Adds a subscriber; it receives the current init and GOP at once, then live fragments. */
  subscribe(sub: StreamSubscriber): () => void {
    this.subs.add(sub);
    if (this.init && this.info) {
      sub.onInit(this.init, this.info);
      for (const f of this.gop) sub.onFragment(f.data, f.info, f.at);
    }
    return () => this.subs.delete(sub);
  }

  /** Init segment plus the current GOP: enough to decode the latest picture. */
  latestGop(): { init: Buffer; fragments: Buffer[] } | null {
    if (!this.init || this.gop.length === 0) return null;
    return { init: this.init, fragments: this.gop.map((f) => f.data) };
  }

  stats(now = Date.now()): HubStats {
    const recent = this.window.filter((w) => now - w.at <= 5000);
    const span = recent.length > 1 ? (recent[recent.length - 1].at - recent[0].at) / 1000 : 0;
    const frames = recent.slice(1).reduce((n, w) => n + w.frames, 0);
    const bytes = recent.slice(1).reduce((n, w) => n + w.bytes, 0);
    return {
      online: this.init !== null,
      codec: this.info?.codec ?? null,
      width: this.info?.width ?? 0,
      height: this.info?.height ?? 0,
      fps: span > 0 ? +(frames / span).toFixed(2) : 0,
      bitrateKbps: span > 0 ? Math.round((bytes * 8) / span / 1000) : 0,
      bytesTotal: this.bytesTotal,
      framesTotal: this.framesTotal,
      lastDataAt: this.lastDataAt,
      subscribers: this.subs.size,
      generation: this.generation,
      mediaRate: this.clockStart && now - this.clockStart.at >= 30_000 ? (this.mediaTotal - this.clockStart.media) / ((now - this.clockStart.at) / 1000) : null,
    };
  }

  /** A failing consumer must not break the others or the source: it is dropped and reported. */
  private safe(sub: StreamSubscriber, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.subs.delete(sub);
      sub.onEnd?.(`subscriber failed: ${(err as Error).message}`);
    }
  }
}
