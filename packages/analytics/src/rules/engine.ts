import type { Rule } from '@vigil/types';
import { crowdRule, lineRule, signalRule, wrongWayRule, zoneRule } from './evaluators';
import type { RuleEvaluator, RuleHit, RuleInput } from './types';

/** Compiles one rule for a frame size. */
export function compileRule(rule: Rule, w: number, h: number): RuleEvaluator {
  // Exhaustive over Rule["kind"]; the final throw only guards data that bypassed the schema.

  switch (rule.kind) {
    case 'line':
      return lineRule(rule, w, h);
    case 'zone':
    case 'dwell':
    case 'parking':
      return zoneRule(rule, w, h);
    case 'wrong_way':
      return wrongWayRule(rule, w, h);
    case 'red_light':
    case 'stop_line':
      return signalRule(rule, w, h);
    case 'crowd':
      return crowdRule(rule, w, h);
  }
  throw new Error(`unknown rule kind ${(rule as Rule).kind}`);
}

/** Every enabled rule of a camera over the track stream; keeps per-class line counts. */
export class RuleEngine {
  private readonly evals: RuleEvaluator[];
  /** ruleId -> "class:direction" -> count. */
  readonly counts = new Map<string, Map<string, number>>();

  constructor(rules: Rule[], w: number, h: number) {
    this.evals = rules.filter((r) => r.enabled).map((r) => compileRule(r, w, h));
  }

  step(input: RuleInput): RuleHit[] {
    const hits = this.evals.flatMap((e) => e.step(input));
    for (const h of hits) {
      if (h.kind !== 'line') continue;
      const m = this.counts.get(h.ruleId) ?? new Map<string, number>();
      const key = `${h.class}:${h.details.direction}`;
      m.set(key, (m.get(key) ?? 0) + 1);
      this.counts.set(h.ruleId, m);
    }
    return hits;
  }
}
