import type { CameraRules, SignalPhase } from '@vigil/types';
import { homography } from '../track/calibration';
import type { Detector } from '../detect/detector';
import type { Frame } from '../frame';
import { iou, toPx } from '../geometry';
import { MotionDetector } from '../motion/background';
import { RuleEngine } from '../rules/engine';
import { readSignal } from '../rules/signal';
import type { RuleHit } from '../rules/types';
import { Tracker, type TrackView } from '../track/tracker';

export interface AnalyzerOptions {
  config: CameraRules;
  detector: Detector;
  width: number;
  height: number;
  /** Run the detector only on frames with unexplained motion (default true). */
  gate?: boolean;
  /** Phase pushed from outside, for rules whose signal source is `external`. */
  externalPhase?: () => SignalPhase;
  /** With a model detector, frames whose motion is all explained by known tracks may skip it, up to this many in a row. */
  maxSkip?: number;
}

export interface AnalyzedFrame {
  hits: RuleHit[];
  tracks: TrackView[];
  ranDetector: boolean;
  motionFraction: number;
}

/**
 * One camera's pipeline over decoded frames: motion gate -> detector -> tracker -> rules. Frames
 * must arrive in time order; the analyzer keeps all state (background, tracks, rule memory).
 */
export class CameraAnalyzer {
  private readonly motion: MotionDetector;
  private readonly tracker: Tracker;
  private readonly engine: RuleEngine;
  private readonly gate: boolean;
  private readonly modelDetector: boolean;
  private sinceDetect = Infinity;
  private last: TrackView[] = [];
  detectorRuns = 0;
  frames = 0;

  constructor(private readonly o: AnalyzerOptions) {
    this.motion = new MotionDetector({ masks: o.config.masks });
    const cal = o.config.calibration;
    const ground = cal ? homography(toPx(cal.image, o.width, o.height), cal.ground) : null;
    this.tracker = new Tracker({ width: o.width, height: o.height, ground });
    this.engine = new RuleEngine(o.config.rules, o.width, o.height);
    this.gate = o.gate ?? true;
    this.modelDetector = o.detector.name !== 'motion-blobs';
  }

  /** Per-class line counts: ruleId -> "class:direction" -> n. */
  get counts() {
    return this.engine.counts;
  }

  async process(frame: Frame): Promise<AnalyzedFrame> {
    if (frame.width !== this.o.width || frame.height !== this.o.height) throw new Error(`frame is ${frame.width}x${frame.height}, analyzer expects ${this.o.width}x${this.o.height}`);
    this.frames += 1;
    const m = this.motion.update(frame);
    let tracks: TrackView[];
    let ran = false;
    if (this.gate && m.blobs.length === 0) {
      tracks = this.tracker.hold(frame.at);
    } else if (this.gate && this.modelDetector && this.sinceDetect < (this.o.maxSkip ?? 4) && this.explained(m.blobs)) {
      // Motion where we already track something: follow the blobs, save the model run.
      const prev = this.last;
      const dets = m.blobs.map((box) => ({ box, class: prev.reduce((best, t) => (iou(t.box, box) > iou(best.box, box) ? t : best)).class, score: 0.5 }));
      tracks = this.tracker.update(dets, frame.at, m.blobs);
      this.sinceDetect += 1;
    } else {
      const dets = await this.o.detector.detect(frame, m.blobs);
      tracks = this.tracker.update(dets, frame.at, m.blobs);
      ran = true;
      this.detectorRuns += 1;
      this.sinceDetect = 0;
    }
    const phases = new Map<string, SignalPhase>();
    for (const r of this.o.config.rules) {
      if (r.kind !== 'red_light' && r.kind !== 'stop_line') continue;
      phases.set(r.id, r.signal.type === 'region' ? readSignal(frame, r.signal.polygon) : (this.o.externalPhase?.() ?? 'unknown'));
    }
    this.last = tracks;
    const hits = this.engine.step({ at: frame.at, width: frame.width, height: frame.height, tracks, phases });
    return { hits, tracks, ranDetector: ran, motionFraction: m.fraction };
  }

  /** Every blob overlaps a track of the previous frame. */
  private explained(blobs: { x: number; y: number; w: number; h: number }[]): boolean {
    return this.last.length > 0 && blobs.every((b) => this.last.some((t) => iou(t.box, b) > 0.3));
  }
}
