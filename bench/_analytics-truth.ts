// Scores line-crossing events on the real clips against hand-checked crossings
// (bench/real-crossings.json: how they were made is written in the file).
import { readFileSync } from 'node:fs';
import type { RuleHit } from '@vigil/analytics';
import type { Variant } from './_analytics-gate';

interface Checked {
  id: number;
  clip: string;
  orientation: 'original' | 'mirrored';
  rule: string;
  direction: string;
  t: number;
  x: number;
  y: number;
  label: 'yes' | 'no' | 'unclear';
}

const FILE = new URL('./real-crossings.json', import.meta.url);
/** Length of each clip as recorded (s): a reversed variant's time t is this minus t. */
const DURATION: Record<string, number> = { vn_intersection_1_085436: 10.48, vn_intersection_3_094904: 7.24 };
/** An event and a checked crossing are the same when this close (time s, anchor px). */
const NEAR_S = 1;
const NEAR_PX = 80;

interface Tally {
  events: number;
  correct: number;
  wrong: number;
  unjudged: number;
  truth: number;
  found: number;
}

const empty = (): Tally => ({ events: 0, correct: 0, wrong: 0, unjudged: 0, truth: 0, found: 0 });

/** Sums, per pipeline, how many checked crossings each run found and how many of its events are right. */
export class TruthScorer {
  private readonly items: Checked[] = (JSON.parse(readFileSync(FILE, 'utf8')) as { items: Checked[] }).items;
  private readonly tallies = new Map<string, Tally>();

  /** One run over one scene: `t0` is the epoch ms of the clip's start (the sampling offset taken out). */
  add(side: string, clip: string, variant: Variant, t0: number, hits: RuleHit[]): void {
    const s = this.tallies.get(side) ?? empty();
    this.tallies.set(side, s);
    const orientation = variant.startsWith('mirrored') ? 'mirrored' : 'original';
    const reversed = variant.includes('reversed');
    const here = this.items.filter((c) => c.clip === clip && c.orientation === orientation);
    const used = new Set<number>();
    for (const h of hits) {
      const tv = (h.at - t0) / 1000;
      const t = reversed ? DURATION[clip] - 0.04 - tv : tv;
      const flip = h.details.direction === 'forward' ? 'backward' : 'forward';
      const direction = reversed ? flip : String(h.details.direction);
      const x = h.box.x + h.box.w / 2;
      const y = h.box.y + h.box.h;
      const near = here
        .filter((c) => c.rule === h.ruleId && c.direction === direction && Math.abs(c.t - t) <= NEAR_S && Math.hypot(c.x - x, c.y - y) <= NEAR_PX)
        .sort((a, b) => Number(used.has(a.id)) - Number(used.has(b.id)) || Math.abs(a.t - t) - Math.abs(b.t - t))[0];
      s.events += 1;
      if (!near || near.label === 'unclear') s.unjudged += 1;
      else if (near.label === 'yes' && !used.has(near.id)) {
        s.correct += 1;
        used.add(near.id);
      } else s.wrong += 1;
    }
    const truth = here.filter((c) => c.label === 'yes');
    s.truth += truth.length;
    s.found += truth.filter((c) => used.has(c.id)).length;
  }

  result() {
    const out: Record<string, Tally & { recall: number; precision: number }> = {};
    for (const [side, s] of this.tallies) out[side] = { ...s, recall: +(s.found / (s.truth || 1)).toFixed(3), precision: +(s.correct / (s.correct + s.wrong || 1)).toFixed(3) };
    return out;
  }
}
