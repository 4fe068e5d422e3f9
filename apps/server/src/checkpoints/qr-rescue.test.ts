import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { renderFrame } from './frame-gen';
import { decodeImage } from './qr-codec';
import { enhanceCrop, upscaleToRgba } from './qr-enhance';
import { findCodeRegions } from './qr-roi';

// A compact declaration as long as the signed demo codes (320 characters: version 13 at level M),
// the dense kind the rescue passes exist for.
const DENSE = `VGD1.${'eyJ2IjoxLCJraWQiOiJkZW1vLXN5dC1xbiIsIm5vbmNlIjoi'.repeat(4).slice(0, 228)}.${'s'.repeat(86)}`;

async function rgba(jpeg: Buffer) {
  const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

test('ROI: the strongest edge region frames the code; a frame of noise alone has none', async () => {
  const img = await rgba(await renderFrame({ text: DENSE, size: 200, angle: 20, tilt: 0.2, noise: 15, cx: 0.3, cy: 0.6, seed: 3 }));
  const [box] = findCodeRegions(img.data, img.width, img.height, 4);
  assert.ok(box, 'a region');
  const cx = 0.3 * 1280;
  const cy = 0.6 * 720;
  assert.ok(box.x0 < cx && cx < box.x1 && box.y0 < cy && cy < box.y1, JSON.stringify(box));
  assert.ok(box.x1 - box.x0 >= 200 && box.x1 - box.x0 < 500, JSON.stringify(box));

  const blank = await rgba(await renderFrame({ text: 'x', size: 1, noise: 20, seed: 4 }));
  assert.deepEqual(findCodeRegions(blank.data, blank.width, blank.height, 4), []);
});

test('enhance: grey crop enlarged to the target, RGBA, opaque', () => {
  const grey = new Uint8Array([0, 255, 255, 0]);
  const up = upscaleToRgba(grey, 2, 2, 4, 4);
  assert.equal(up.data.length, 4 * 4 * 4);
  assert.equal(up.data[0], 0);
  assert.equal(up.data[3], 255);
  assert.equal(up.data[(3 * 4 + 0) * 4], 255);
  const img = { data: new Uint8Array(100 * 80 * 4).fill(128), width: 100, height: 80 };
  const out = enhanceCrop(img, { x0: 10, y0: 10, x1: 60, y1: 50 }, { sigma: 1, amount: 3, target: 150 });
  assert.equal(out.width, 150);
  assert.equal(out.height, 120);
  // A flat patch stays flat through the unsharp mask.
  assert.ok(out.data.every((v, i) => (i % 4 === 3 ? v === 255 : v === 128)));
});

test('rescue: a small, tilted, blurred dense code the full-frame pass misses is read', async () => {
  // Like the benchmark's misses: ~2.6 px per module, turned, tilted 0.2, blur 0.9, noise 12.
  const frame = await renderFrame({ text: DENSE, size: 180, angle: -20, tilt: 0.2, blur: 0.9, noise: 12, seed: 5 });
  // Neither the full-frame pass alone (no budget for rescue) nor the first release's decoder reads it.
  assert.deepEqual((await decodeImage(frame, undefined, { budgetMs: 0 })).codes, []);
  assert.deepEqual((await decodeImage(frame, undefined, { mode: 'legacy' })).codes, []);
  const now = await decodeImage(frame, undefined, { budgetMs: 10_000 });
  assert.deepEqual(now.codes, [{ text: DENSE, format: 'QR_CODE' }]);
});

test('rescue: a frame without a code stays empty', async () => {
  const frame = await renderFrame({ text: 'x', size: 1, noise: 10, seed: 6 });
  assert.deepEqual((await decodeImage(frame)).codes, []);
});
