import type { HealthReason, HealthSettings, HealthState } from '@vigil/types';
import { frameMetrics, meanAbsDiff, sceneSimilarity, type FrameMetrics } from './frame-metrics';
import { healthReason, healthReasonText } from './reasons';

/** What the monitor knows about a camera at one tick. */
export interface Observation {
  now: number;
  ingest: 'connecting' | 'online' | 'offline' | 'stopped';
  ingestSince: number;
  lastDataAt: number | null;
  fps: number;
  bitrateKbps: number;
  /** Sample pictures decoded since the last tick (grey, width x height). */
  samples: { at: number; px: Uint8Array }[];
  sampleSize: { width: number; height: number };
  /** Free text (shown as `recording: <text>`) or an already coded reason (e.g. disk almost full). */
  recordingError: string | HealthReason | null;
  /** Media time per wall time over the last minute (1 = in step), when known. */
  mediaRate: number | null;
}

export interface HealthTransition {
  from: HealthState;
  to: HealthState;
  /** When the new state really began (e.g. the last data received before going offline). */
  since: number;
  reasons: string[];
  /** The same reasons as codes with values, in the same order. */
  reasonCodes: HealthReason[];
}

type Condition = Exclude<HealthState, 'online' | 'disabled' | 'unknown'>;
/** Worst first: the state shown is the worst condition that has lasted long enough. */
const PRIORITY: Condition[] = ['offline', 'recording_failed', 'black', 'frozen', 'tampered', 'degraded', 'clock_drift'];

/**
 * Turns observations of one camera into states, with per-condition persistence so a flicker is not
 * a state change. Pure: time comes in with the observation.
 */
export class HealthTracker {
  state: HealthState = 'unknown';
  stateSince = 0;
  reasons: string[] = [];
  reasonCodes: HealthReason[] = [];
  private pending = new Map<Condition, { since: number; reason: HealthReason }>();
  private prev: Uint8Array | null = null;
  private reference: Float32Array | null = null;
  private refSharpness = 0;
  private healthySamples = 0;
  private normalFps = 0;
  private normalKbps = 0;
  private onlineSince: number | null = null;
  private sampleFlags = new Map<Condition, HealthReason>();
  private watchedSince: number | null = null;

  constructor(public settings: HealthSettings) {}

  update(o: Observation): HealthTransition | null {
    const s = this.settings;
    const seen = new Map<Condition, HealthReason>();
    // A camera just added has had no chance to send data: its clock starts when watching starts.
    this.watchedSince ??= o.now;
    const lastSeen = o.lastDataAt ?? this.watchedSince;
    const dataAge = o.now - lastSeen;
    // Rates are judged only on a stream that has been flowing for a while.
    if (o.ingest === 'online' && dataAge < s.offlineAfterSec * 1000) this.onlineSince ??= o.now;
    else this.onlineSince = null;
    if (dataAge >= s.offlineAfterSec * 1000) {
      seen.set('offline', o.lastDataAt === null ? healthReason('no_data_since_start', { ingest: o.ingest }) : healthReason('no_data_for', { seconds: Math.round(dataAge / 1000), ingest: o.ingest }));
    }
    if (o.recordingError) seen.set('recording_failed', typeof o.recordingError === 'string' ? healthReason('recording_error', { error: o.recordingError }) : o.recordingError);
    // Pictures arrive about once per GOP, not every tick: the verdict of the latest one holds until the next.
    for (const sample of o.samples) this.sampleFlags = this.inspect(sample.px, o.sampleSize);
    if (seen.has('offline')) {
      this.sampleFlags = new Map();
      this.prev = null;
    }
    for (const [c, r] of this.sampleFlags) seen.set(c, r);
    this.inspectRates(o, seen);

    const now = o.now;
    for (const c of [...this.pending.keys()]) if (!seen.has(c)) this.pending.delete(c);
    for (const [c, reason] of seen) {
      const p = this.pending.get(c);
      if (p) p.reason = reason;
      else this.pending.set(c, { since: c === 'offline' ? Math.min(now, lastSeen) : now, reason });
    }
    const active = PRIORITY.find((c) => {
      const p = this.pending.get(c);
      return p && (c === 'offline' || now - p.since >= this.delay(c));
    });
    const next: HealthState = active ?? (o.ingest === 'online' && o.lastDataAt !== null ? 'online' : this.state === 'offline' ? 'offline' : 'unknown');
    this.reasonCodes = active ? [...this.pending.entries()].filter(([c]) => c === active || now - this.pending.get(c)!.since >= this.delay(c)).map(([, p]) => p.reason) : [];
    this.reasons = this.reasonCodes.map(healthReasonText);
    if (next === this.state) return null;
    const t: HealthTransition = { from: this.state, to: next, since: active ? this.pending.get(active)!.since : now, reasons: this.reasons, reasonCodes: this.reasonCodes };
    this.state = next;
    this.stateSince = t.since;
    return t;
  }

  private delay(c: Condition): number {
    const s = this.settings;
    switch (c) {
      case 'offline':
        return s.offlineAfterSec * 1000;
      case 'recording_failed':
        return 0;
      case 'black':
        return s.blackAfterSec * 1000;
      case 'frozen':
        return s.freezeAfterSec * 1000;
      case 'tampered':
        return s.tamperAfterSec * 1000;
      default:
        return s.degradedAfterSec * 1000;
    }
  }

  private inspect(px: Uint8Array, size: { width: number; height: number }): Map<Condition, HealthReason> {
    const flags = new Map<Condition, HealthReason>();
    const m: FrameMetrics = frameMetrics(px, size.width, size.height);
    const black = m.mean < 24 && m.stddev < 10;
    if (black) flags.set('black', healthReason('black', { brightness: Number(m.mean.toFixed(0)) }));
    // A uniform picture (black, covered) cannot be judged frozen: those faults are named instead.
    if (m.stddev >= 6 && this.prev && this.prev.length === px.length && meanAbsDiff(this.prev, px) < this.settings.freezeDiff) flags.set('frozen', healthReason('frozen'));
    this.prev = px;
    if (black) return flags;
    if (this.reference) {
      const ref = Uint8Array.from(this.reference, (v) => Math.round(v));
      const sim = sceneSimilarity(ref, px, size.width, size.height);
      const covered = m.stddev < 6;
      const defocused = m.sharpness < this.refSharpness * 0.3;
      if (sim < 0.35 || covered || defocused) {
        flags.set('tampered', covered ? healthReason('covered') : defocused ? healthReason('out_of_focus') : healthReason('scene_changed', { similarity: Number(sim.toFixed(2)) }));
        return flags;
      }
      if (sim > 0.6) {
        // Follow slow changes of light and season, never a sudden swap.
        for (let i = 0; i < px.length; i++) this.reference[i] = this.reference[i] * 0.9 + px[i] * 0.1;
        this.refSharpness = this.refSharpness * 0.9 + m.sharpness * 0.1;
      }
    } else if (!flags.has('frozen')) {
      this.healthySamples += 1;
      if (this.healthySamples >= 3) {
        this.reference = Float32Array.from(px);
        this.refSharpness = m.sharpness;
      }
    }
    return flags;
  }

  private inspectRates(o: Observation, seen: Map<Condition, HealthReason>): void {
    if (o.ingest !== 'online' || this.onlineSince === null || o.fps <= 0) return;
    const s = this.settings;
    const settled = o.now - this.onlineSince > 10_000;
    if (settled && this.normalFps > 0) {
      if (o.fps < this.normalFps * s.degradedRatio) seen.set('degraded', healthReason('low_frame_rate', { fps: Number(o.fps.toFixed(1)), normalFps: Number(this.normalFps.toFixed(1)) }));
      else if (this.normalKbps > 0 && o.bitrateKbps < this.normalKbps * s.degradedRatio) seen.set('degraded', healthReason('low_bitrate', { kbps: o.bitrateKbps, normalKbps: Math.round(this.normalKbps) }));
    }
    if (settled && !seen.has('degraded')) {
      // Learn what normal is only from healthy periods.
      this.normalFps = this.normalFps === 0 ? o.fps : this.normalFps * 0.95 + o.fps * 0.05;
      this.normalKbps = this.normalKbps === 0 ? o.bitrateKbps : this.normalKbps * 0.95 + o.bitrateKbps * 0.05;
    }
    if (o.mediaRate !== null && Math.abs(o.mediaRate - 1) * 100 > s.driftPercent) {
      seen.set('clock_drift', healthReason('clock_drift', { direction: o.mediaRate > 1 ? 'fast' : 'slow', percent: Number((Math.abs(o.mediaRate - 1) * 100).toFixed(1)) }));
    }
  }
}
