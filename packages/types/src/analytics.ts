import { z } from 'zod';

// Analytics (issue 7): rules drawn per camera, the events they raise. Geometry is in frame
// coordinates normalised to 0..1 (x right, y down), so rules survive a resolution change.

/** Object classes the detectors report (COCO names; `object` when a detector cannot tell). */
export const ObjectClass = z.enum(['person', 'bicycle', 'motorcycle', 'car', 'bus', 'truck', 'object']);
export type ObjectClass = z.infer<typeof ObjectClass>;
export const VEHICLE_CLASSES: readonly ObjectClass[] = ['bicycle', 'motorcycle', 'car', 'bus', 'truck', 'object'];

const coord = (axis: 'x' | 'y') =>
  z.number({ error: `${axis} must be a number` }).min(0, { error: `${axis} is outside the frame (must be 0..1)` }).max(1, { error: `${axis} is outside the frame (must be 0..1)` });
export const Point = z.object({ x: coord('x'), y: coord('y') });
export type Point = z.infer<typeof Point>;

/** A closed polygon: at least 3 points, not all on one line. */
export const Polygon = z
  .array(Point)
  .min(3, { error: 'a polygon needs at least 3 points' })
  .max(64, { error: 'a polygon has at most 64 points' })
  .refine((pts) => Math.abs(polygonArea(pts)) > 1e-4, { error: 'the polygon has no area (points on one line or repeated)' });
export type Polygon = z.infer<typeof Polygon>;

/** A segment of two distinct points. */
export const Segment = z
  .array(Point)
  .length(2, { error: 'a line needs exactly 2 points' })
  .refine((p) => p.length === 2 && Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) > 0.01, { error: 'the two points of the line are too close' });
export type Segment = z.infer<typeof Segment>;

/** Shoelace area of a polygon (signed). */
export function polygonArea(pts: { x: number; y: number }[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    const q = pts[(i + 1) % pts.length];
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

export const Schedule = z.object({
  /** Days of week, 0 = Sunday. */
  days: z.array(z.number().int().min(0).max(6)).min(1).default([0, 1, 2, 3, 4, 5, 6]),
  from: z.string().regex(/^\d\d:\d\d$/, { error: 'time must be HH:MM' }),
  to: z.string().regex(/^\d\d:\d\d$/, { error: 'time must be HH:MM' }),
});
export type Schedule = z.infer<typeof Schedule>;

const base = {
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'rule id: letters, digits, - and _ only' }),
  name: z.string().min(1).max(120),
  enabled: z.boolean().default(true),
  /** Classes this rule applies to; empty = every class. */
  classes: z.array(ObjectClass).default([]),
  /** Raise a violation case (red light, wrong way, parking) with the evidence. */
  createCase: z.boolean().default(false),
};

/**
 * Line direction: `forward` counts objects that cross from the left of a->b to its right (with y
 * down, a left-to-right line is crossed forward by objects moving down); `backward` the opposite.
 */
export const LineDirection = z.enum(['both', 'forward', 'backward']);
export type LineDirection = z.infer<typeof LineDirection>;

export const ZoneRule = z.object({ ...base, kind: z.literal('zone'), polygon: Polygon, schedule: Schedule.nullable().default(null) });
export const LineRule = z.object({ ...base, kind: z.literal('line'), line: Segment, direction: LineDirection.default('both') });
export const DwellRule = z.object({ ...base, kind: z.literal('dwell'), polygon: Polygon, seconds: z.number().positive().max(86_400) });
export const ParkingRule = z.object({ ...base, kind: z.literal('parking'), polygon: Polygon, seconds: z.number().positive().max(86_400) });
export const WrongWayRule = z.object({
  ...base,
  kind: z.literal('wrong_way'),
  polygon: Polygon,
  /** The lane's allowed direction of travel, from its first point to its second. */
  direction: Segment,
  /** Consecutive analysed frames moving against the lane before it fires. */
  frames: z.number().int().min(1).max(100).default(4),
});
export const SignalSource = z.discriminatedUnion('type', [
  /** A box around the signal head; the phase is read from its colours. */
  z.object({ type: z.literal('region'), polygon: Polygon }),
  /** Phase pushed by the controller: `POST /api/cameras/:id/signal`. */
  z.object({ type: z.literal('external') }),
]);
export type SignalSource = z.infer<typeof SignalSource>;
export const RedLightRule = z.object({
  ...base,
  kind: z.literal('red_light'),
  stopLine: Segment,
  /** Which crossing of the stop line enters the junction. */
  direction: z.enum(['forward', 'backward']).default('forward'),
  signal: SignalSource,
  /** Seconds after the signal turns red during which crossing is still tolerated. */
  amberGrace: z.number().min(0).max(10).default(1),
});
export const StopLineRule = z.object({
  ...base,
  kind: z.literal('stop_line'),
  stopLine: Segment,
  direction: z.enum(['forward', 'backward']).default('forward'),
  signal: SignalSource,
  /** Seconds the vehicle must stand past the line during red. */
  seconds: z.number().min(0).max(600).default(2),
});
export const CrowdRule = z.object({ ...base, kind: z.literal('crowd'), polygon: Polygon, threshold: z.number().int().min(1).max(10_000) });

export const Rule = z.discriminatedUnion('kind', [ZoneRule, LineRule, DwellRule, ParkingRule, WrongWayRule, RedLightRule, StopLineRule, CrowdRule]);
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;
export type RuleKind = Rule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['zone', 'line', 'dwell', 'parking', 'wrong_way', 'red_light', 'stop_line', 'crowd'];

/** Four image points (normalised) and the same four points on the ground, in metres. */
export const GroundCalibration = z.object({
  image: z.array(Point).length(4, { error: 'calibration needs exactly 4 image points' }),
  ground: z.array(z.object({ x: z.number(), y: z.number() })).length(4, { error: 'calibration needs exactly 4 ground points (metres)' }),
});
export type GroundCalibration = z.infer<typeof GroundCalibration>;

/** Everything analytics needs to know about one camera. */
export const CameraRules = z
  .object({
    rules: z.array(Rule).max(64).default([]),
    /** Regions the motion gate ignores (trees, clocks, the timestamp overlay). */
    masks: z.array(Polygon).max(32).default([]),
    calibration: GroundCalibration.nullable().default(null),
    /** Analysed frames per second. */
    fps: z.number().min(0.5).max(15).default(5),
  })
  .refine((c) => new Set(c.rules.map((r) => r.id)).size === c.rules.length, { error: 'rule ids must be unique', path: ['rules'] });
export type CameraRules = z.infer<typeof CameraRules>;
export type CameraRulesInput = z.input<typeof CameraRules>;

export const SignalPhase = z.enum(['red', 'amber', 'green', 'unknown']);
export type SignalPhase = z.infer<typeof SignalPhase>;
export const SignalInput = z.object({ phase: SignalPhase });

/** Box in normalised coordinates: x, y, w, h. */
export const NormBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const AnalyticsEvent = z.object({
  id: z.string(),
  cameraId: z.string(),
  unitId: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleKind: z.enum(['zone', 'line', 'dwell', 'parking', 'wrong_way', 'red_light', 'stop_line', 'crowd']),
  class: ObjectClass,
  trackId: z.number().int(),
  at: z.string(),
  box: NormBox,
  snapshotUrl: z.string().nullable(),
  clip: z.object({ from: z.string(), to: z.string() }),
  plate: z.string().nullable(),
  speedKmh: z.number().nullable(),
  /** Rule-specific facts: crossing direction, dwell seconds, crowd count, signal phase. */
  details: z.record(z.string(), z.unknown()),
  caseId: z.string().nullable(),
});
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>;

export const EventQuery = z.object({
  cameraId: z.string().optional(),
  unitId: z.string().optional(),
  rule: z.string().optional(),
  class: ObjectClass.optional(),
  plate: z.string().max(20).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EventQuery = z.infer<typeof EventQuery>;
export const EventList = z.object({ items: z.array(AnalyticsEvent), total: z.number() });
