import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CameraRules } from '@vigil/types';
import { BlobDetector } from '../detect/blob-detector';
import type { RuleHit } from '../rules/types';
import { renderFrame } from '../synth/scene';
import { scoreHits } from '../synth/evaluate';
import { trafficRules, trafficScenario, type Scenario } from '../synth/traffic-scenario';
import { texturedFrame } from '../track/test-frame';
import { CameraAnalyzer } from './analyzer';

const EPOCH = Date.UTC(2025, 0, 6, 3, 0, 0);

async function play(sc: Scenario, config = sc.rules): Promise<{ hits: RuleHit[]; analyzer: CameraAnalyzer; maxTrackY: number[] }> {
  const analyzer = new CameraAnalyzer({ config, detector: new BlobDetector(), width: sc.scene.width, height: sc.scene.height });
  const hits: RuleHit[] = [];
  const ys: number[] = [];
  for (let i = 0; i < sc.duration * 5; i++) {
    const r = await analyzer.process(renderFrame(sc.scene, i / 5, EPOCH, i));
    hits.push(...r.hits);
    for (const t of r.tracks) ys.push(t.anchor.y);
  }
  return { hits, analyzer, maxTrackY: ys };
}

test('generated traffic: every rule fires exactly once per true event', async () => {
  const sc = trafficScenario({ seed: 3, duration: 45 });
  const { hits, analyzer } = await play(sc);
  const scores = scoreHits(sc, hits, EPOCH);
  for (const rule of ['count', 'wrongway', 'redlight', 'parking']) {
    const s = scores[rule];
    assert.ok(s && s.expected > 0, `${rule} has ground truth`);
    assert.equal(s.found, s.expected, `${rule}: ${JSON.stringify(s)}`);
    assert.equal(s.truePositives, s.expected, `${rule}: ${JSON.stringify(s)}`);
  }
  const counts = [...(analyzer.counts.get('count')?.values() ?? [])].reduce((a, b) => a + b, 0);
  assert.equal(counts, scores.count.expected, 'per-class counts add up');
});

test('nothing fires or is tracked in ignored regions', async () => {
  const sc = trafficScenario({ seed: 3, duration: 30 });
  const input = trafficRules();
  // Ignore lane B (y 190..252) entirely: its westbound traffic must vanish from the counts.
  const config = CameraRules.parse({ ...input, masks: [...(input.masks ?? []), [{ x: 0, y: 0.53 }, { x: 1, y: 0.53 }, { x: 1, y: 0.71 }, { x: 0, y: 0.71 }]] });
  const { hits, maxTrackY } = await play(sc, config);
  const laneB = hits.filter((h) => h.ruleId === 'count' && h.details.direction === 'forward' && h.box.y > 190);
  assert.equal(laneB.length, 0);
  assert.ok(hits.some((h) => h.ruleId === 'count'), 'lane A still counts');
  assert.ok(maxTrackY.every((y) => y < 196 || y > 260), 'no track in the masked lane');
  // The flickering "tree" and the signal head are masked too: no track ever stands there.
  const all = await play(sc);
  assert.ok(all.hits.every((h) => h.box.y > 100), 'nothing from the masked top corners');
});

test('with a detector that can look at part of a frame, the region gate is the default; region: false gives the interval gate', async () => {
  const config = CameraRules.parse({ fps: 5, rules: [{ id: 'l', name: 'l', kind: 'line', line: [{ x: 0.1, y: 0.6 }, { x: 0.9, y: 0.6 }], direction: 'both' }] });
  const calls = { whole: 0, part: 0 };
  const detector = {
    name: 'fake-model',
    detect: async () => (calls.whole++, []),
    detectRegion: async () => (calls.part++, []),
  };
  const run = async (region?: false) => {
    calls.whole = calls.part = 0;
    const a = new CameraAnalyzer({ config, detector, width: 640, height: 360, region });
    // A textured object moving across the rule region, after a still start for the background.
    for (let i = 0; i < 14; i++) await a.process({ ...texturedFrame(i < 4 ? 40 : 40 + (i - 3) * 30, 190), at: i * 200 });
    return { ...calls };
  };
  const byDefault = await run();
  assert.ok(byDefault.part >= 8 && byDefault.whole === 0, JSON.stringify(byDefault));
  const interval = await run(false);
  assert.ok(interval.part === 0 && interval.whole >= 2 && interval.whole <= 4, JSON.stringify(interval));
});
