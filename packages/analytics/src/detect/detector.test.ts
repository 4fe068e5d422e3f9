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

test('CenterNet on a region: the whole frame at 512x512 gives what detect gives; a smaller input keeps boxes in the crop', async () => {
  const sc = trafficScenario({ seed: 1, duration: 20 });
  const f = renderFrame(sc.scene, 5, 0, 25);
  const det = await TfjsDetector.create('centernet');
  try {
    det.minScore = 0.05;
    const full = await det.detect(f, []);
    assert.deepEqual(await det.detectRegion!(f, { x: 0, y: 0, w: 640, h: 360 }, { w: 512, h: 512 }), full);
    const crop = { x: 100, y: 80, w: 400, h: 200 };
    for (const d of await det.detectRegion!(f, crop, { w: 256, h: 128 })) {
      assert.ok(d.box.w > 0 && d.box.h > 0);
      assert.ok(d.box.x + d.box.w / 2 >= crop.x && d.box.x + d.box.w / 2 <= crop.x + crop.w && d.box.y + d.box.h / 2 >= crop.y && d.box.y + d.box.h / 2 <= crop.y + crop.h);
    }
    // The full-size constants come back for the next full frame.
    assert.deepEqual(await det.detect(f, []), full);
    await assert.rejects(det.detectRegion!(f, crop, { w: 250, h: 128 }), /multiple of 32/);
  } finally {
    await det.close();
  }
});

test('NanoDet offers no region path (its decoding is per grid size), so the analyzer gives it the interval gate', async () => {
  const det = await TfjsDetector.create('nanodet');
  try {
    assert.equal(det.detectRegion, undefined);
  } finally {
    await det.close();
  }
});

test('riders standing on a motorbike are dropped; a pedestrian beside it is kept', async () => {
  const { dropRiders } = await import('./detector');
  const bike = { box: { x: 100, y: 140, w: 30, h: 40 }, class: 'motorcycle' as const, score: 0.6 };
  const rider = { box: { x: 102, y: 100, w: 26, h: 70 }, class: 'person' as const, score: 0.5 };
  const walker = { box: { x: 160, y: 110, w: 20, h: 60 }, class: 'person' as const, score: 0.5 };
  assert.deepEqual(dropRiders([bike, rider, walker]), [bike, walker]);
});
