// The rules editor's model: which shapes each rule kind has, defaults for a new rule, switching
// kinds without losing what was drawn, and the arrow that shows a line's counted direction.
import type { Pt, Rule, RuleKind } from '../../api/analytics';

/** A drawable part of a rule. */
export type ShapeKey = 'polygon' | 'line' | 'stopLine' | 'direction' | 'signal';
export type ShapeType = 'polygon' | 'segment';

export const SHAPE_TYPE: Record<ShapeKey, ShapeType> = { polygon: 'polygon', line: 'segment', stopLine: 'segment', direction: 'segment', signal: 'polygon' };

/** The shapes a rule of this kind needs, in drawing order. */
export function shapesOf(rule: Rule): ShapeKey[] {
  switch (rule.kind) {
    case 'zone':
    case 'dwell':
    case 'parking':
    case 'crowd':
      return ['polygon'];
    case 'line':
      return ['line'];
    case 'wrong_way':
      return ['polygon', 'direction'];
    case 'red_light':
    case 'stop_line':
      return rule.signal?.type === 'region' ? ['stopLine', 'signal'] : ['stopLine'];
  }
}

export function getShape(rule: Rule, key: ShapeKey): Pt[] | undefined {
  if (key === 'signal') return rule.signal?.type === 'region' ? rule.signal.polygon : undefined;
  if (key === 'direction') return Array.isArray(rule.direction) ? rule.direction : undefined;
  return rule[key];
}

export function setShape(rule: Rule, key: ShapeKey, pts: Pt[]): Rule {
  if (key === 'signal') return { ...rule, signal: { type: 'region', polygon: pts } };
  return { ...rule, [key]: pts };
}

/** Server field path of a shape, to show its error beside the draw button. */
export function shapeField(index: number, key: ShapeKey): string {
  return key === 'signal' ? `rules.${index}.signal.polygon` : `rules.${index}.${key}`;
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
export const clampPt = (p: Pt): Pt => ({ x: round(p.x), y: round(p.y) });

/** A new rule of `kind`, keeping the base fields and any geometry of `from` that still fits. */
export function ruleOfKind(kind: RuleKind, from: Pick<Rule, 'id' | 'name'> & Partial<Rule>): Rule {
  const base = { id: from.id, name: from.name, enabled: from.enabled ?? true, classes: from.classes ?? [], kind };
  const polygon = from.polygon;
  const segment = from.line ?? from.stopLine;
  const violation = kind === 'red_light' || kind === 'wrong_way' || kind === 'parking';
  const createCase = from.kind === kind ? (from.createCase ?? violation) : violation;
  switch (kind) {
    case 'zone':
      return { ...base, createCase, polygon, schedule: from.schedule ?? null };
    case 'line':
      return { ...base, createCase, line: segment, direction: typeof from.direction === 'string' ? from.direction : 'both' };
    case 'dwell':
      return { ...base, createCase, polygon, seconds: from.seconds ?? 60 };
    case 'parking':
      return { ...base, createCase, polygon, seconds: from.seconds ?? 120 };
    case 'wrong_way':
      return { ...base, createCase, polygon, direction: Array.isArray(from.direction) ? from.direction : undefined, frames: from.frames ?? 4 };
    case 'red_light':
      return { ...base, createCase, stopLine: segment, direction: from.direction === 'backward' ? 'backward' : 'forward', signal: from.signal ?? { type: 'external' }, amberGrace: from.amberGrace ?? 1 };
    case 'stop_line':
      return { ...base, createCase, stopLine: segment, direction: from.direction === 'backward' ? 'backward' : 'forward', signal: from.signal ?? { type: 'external' }, seconds: from.seconds ?? 2 };
    case 'crowd':
      return { ...base, createCase, polygon, threshold: from.threshold ?? 10 };
  }
}

/** A fresh rule id not used yet on this camera. */
export function newRuleId(existing: Rule[], kind: RuleKind): string {
  const used = new Set(existing.map((r) => r.id));
  for (let i = 1; ; i++) {
    const id = `${kind.replace('_', '-')}-${i}`;
    if (!used.has(id)) return id;
  }
}

/**
 * Arrows showing which crossing of segment a->b counts, in pixel space. `forward` = from the left
 * of a->b to its right; with y pointing down that is the normal (-dy, dx).
 */
export function crossingArrows(seg: Pt[], dir: 'both' | 'forward' | 'backward', w: number, h: number): { from: Pt; to: Pt }[] {
  if (seg.length < 2) return [];
  const a = { x: seg[0]!.x * w, y: seg[0]!.y * h };
  const b = { x: seg[1]!.x * w, y: seg[1]!.y * h };
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const size = Math.max(18, Math.min(48, len / 3));
  const arrow = (sign: number) => ({ from: { x: mid.x - n.x * size * sign * 0.2, y: mid.y - n.y * size * sign * 0.2 }, to: { x: mid.x + n.x * size * sign, y: mid.y + n.y * size * sign } });
  if (dir === 'forward') return [arrow(1)];
  if (dir === 'backward') return [arrow(-1)];
  return [arrow(1), arrow(-1)];
}

/** Points of an SVG polyline/polygon in pixel space. */
export const svgPoints = (pts: Pt[], w: number, h: number) => pts.map((p) => `${p.x * w},${p.y * h}`).join(' ');

/** Strips fields the server does not know for this kind (left over from switching kinds). */
export function cleanRule(rule: Rule): Rule {
  return ruleOfKind(rule.kind, rule);
}
