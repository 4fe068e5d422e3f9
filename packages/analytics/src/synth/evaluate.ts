import { iou } from '../geometry';
import type { RuleHit } from '../rules/types';
import { actorBox } from './scene';
import type { Scenario } from './traffic-scenario';

export interface RuleScore {
  expected: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
}

/**
 * Scores rule hits against a scenario's ground truth: each hit is attributed to the actor whose
 * true box overlaps it most at that moment, then matched one-to-one to an expected event of the
 * same rule and actor (and direction, for lines) within `tolerance` seconds.
 */
export function scoreHits(sc: Scenario, hits: RuleHit[], epoch: number, tolerance = 2): Record<string, RuleScore> {
  const out: Record<string, RuleScore> = {};
  const ruleIds = new Set([...sc.expected.map((e) => e.ruleId), ...hits.map((h) => h.ruleId)]);
  for (const ruleId of ruleIds) {
    const exp = sc.expected.filter((e) => e.ruleId === ruleId);
    const got = hits.filter((h) => h.ruleId === ruleId);
    const used = new Set<number>();
    let tp = 0;
    for (const h of got) {
      const t = (h.at - epoch) / 1000;
      let actor = -1;
      let best = 0;
      for (const a of sc.scene.actors) {
        const b = actorBox(a, t);
        const o = b ? iou(b, h.box) : 0;
        if (o > best) {
          best = o;
          actor = a.id;
        }
      }
      const k = exp.findIndex((e, i) => !used.has(i) && e.actorId === actor && Math.abs(e.t - t) <= tolerance && (!e.direction || e.direction === h.details.direction));
      if (k >= 0) {
        used.add(k);
        tp += 1;
      }
    }
    out[ruleId] = {
      expected: exp.length,
      found: got.length,
      truePositives: tp,
      precision: got.length ? tp / got.length : 1,
      recall: exp.length ? tp / exp.length : 1,
    };
  }
  return out;
}
