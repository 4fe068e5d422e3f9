import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderFrame } from '../synth/scene';
import { trafficScenario } from '../synth/traffic-scenario';
import { TfjsDetector } from './tfjs-detector';

test('CenterNet on TF.js WASM loads and runs on a generated frame', async () => {
  const sc = trafficScenario({ seed: 1, duration: 20 });
  const det = await TfjsDetector.create('centernet');
  try {
    const out = await det.detect(renderFrame(sc.scene, 5, 0, 25), []);
    assert.ok(Array.isArray(out));
    for (const d of out) assert.ok(d.score >= det.minScore && d.box.w > 0 && d.box.h > 0);
  } finally {
    await det.close();
  }
});
