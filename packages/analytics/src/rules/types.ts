import type { ObjectClass, Rule, RuleKind, SignalPhase } from '@vigil/types';
import type { Box } from '../geometry';
import type { TrackView } from '../track/tracker';

/** One firing of a rule, before it is stored: box in frame pixels. */
export interface RuleHit {
  ruleId: string;
  ruleName: string;
  kind: RuleKind;
  trackId: number;
  class: ObjectClass;
  at: number;
  box: Box;
  speedKmh: number | null;
  details: Record<string, unknown>;
}

/** Everything a rule sees at one analysed frame. */
export interface RuleInput {
  at: number;
  width: number;
  height: number;
  tracks: TrackView[];
  /** Signal phase per rule id (red light, stop line rules). */
  phases: Map<string, SignalPhase>;
}

/** A rule compiled for one frame size, with its own per-track state. */
export interface RuleEvaluator {
  readonly rule: Rule;
  step(input: RuleInput): RuleHit[];
}
