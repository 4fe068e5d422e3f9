import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderFrame } from '../synth/scene';
import { trafficScenario } from '../synth/traffic-scenario';
import type { HitWithFrame } from './protocol';
import { AnalysisPool } from './pool';

const until = async (cond: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

test('frames are analysed off the main thread; a crashed worker is restarted with its cameras', async () => {
  const sc = trafficScenario({ seed: 3, duration: 20 });
  const hits: HitWithFrame[] = [];
  const pool = new AnalysisPool({ onHits: (_id, h) => hits.push(...h), restartMs: 50 });
  try {
    pool.configure({ cameraId: 'cam', config: sc.rules, width: 640, height: 360, detector: { kind: 'blobs' } });
    const feed = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await until(() => pool.alive && pool.submit('cam', renderFrame(sc.scene, i / 5, 0, i)));
      }
      const want = to - from;
      const base = pool.stats.get('cam')?.analysed ?? 0;
      await until(() => (pool.stats.get('cam')?.analysed ?? 0) >= base || want === 0);
    };
    await feed(0, 40);
    await until(() => hits.some((h) => h.ruleId === 'count'));
    assert.ok(hits[0].snapshot.buf.byteLength === 640 * 360 * 3, 'the hit carries its frame');
    // A busy camera drops rather than queues.
    assert.equal(pool.submit('cam', renderFrame(sc.scene, 8, 0, 40)) && pool.submit('cam', renderFrame(sc.scene, 8.2, 0, 41)), false);
    assert.ok(pool.stats.get('cam')!.dropped >= 1);

    pool.crashForTest();
    await until(() => pool.restarts === 1);
    await until(() => pool.alive);
    const before = hits.length;
    await feed(42, 100);
    await until(() => hits.length > before);
    assert.equal(pool.restarts, 1);
  } finally {
    await pool.close();
  }
});
