import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, test } from 'node:test';
import { VigilError } from '@vigil/core';
import { renderFrame } from './frame-gen';
import { QrDecodePool } from './qr-pool';
import { DEMO_PERSONS } from './seed';

const pools: QrDecodePool[] = [];
const pool = (o: ConstructorParameters<typeof QrDecodePool>[0]) => {
  const p = new QrDecodePool(o);
  pools.push(p);
  return p;
};
after(() => Promise.all(pools.map((p) => p.close())));

test('QR pool: decodes in a worker with a thumbnail, the event loop stays free, bad bytes are a 400', async () => {
  const p = pool({ size: 2 });
  await p.warm();
  assert.equal(p.workers().length, 2);
  const frame = await renderFrame({ text: DEMO_PERSONS.ok, size: 260, angle: 20, noise: 10 });
  // Event-loop utilisation of this thread while six frames decode: a decode here would keep it
  // busy nearly all the time. (Utilisation, not timer lag: lag also counts other processes' load.)
  const elu0 = performance.eventLoopUtilization();
  const results = await Promise.all(Array.from({ length: 6 }, () => p.decode(frame, { thumbnail: true })));
  const elu = performance.eventLoopUtilization(elu0).utilization;
  for (const r of results) {
    assert.deepEqual(r.codes, [{ text: DEMO_PERSONS.ok, format: 'QR_CODE' }]);
    assert.ok(r.thumbnail && Buffer.from(r.thumbnail, 'base64').subarray(0, 2).equals(Buffer.from([0xff, 0xd8])), 'a JPEG thumbnail');
  }
  assert.ok(elu < 0.3, `event loop busy ${(elu * 100).toFixed(0)}% of the time`);
  assert.equal((await p.decode(frame)).thumbnail, null, 'no thumbnail unless asked');

  await assert.rejects(p.decode(Buffer.from('not an image')), (e: VigilError) => e.code === 'VALIDATION' && e.field === 'image' && /not a readable/.test(e.message));
});

test('QR pool: a worker that dies mid-frame fails that frame clearly and is replaced; a stuck one times out', async () => {
  const p = pool({ size: 1 });
  await p.warm();
  const frame = await renderFrame({ text: DEMO_PERSONS.wanted, size: 200, angle: 30, blur: 1.2, noise: 15 });
  const [first] = p.workers();
  const pending = p.decode(frame);
  const queued = p.decode(frame);
  await first.terminate();
  await assert.rejects(pending, (e: VigilError) => e.code === 'UNAVAILABLE' && e.status === 503 && /restarted/.test(e.message));
  // The frame that was waiting goes to the replacement worker.
  assert.deepEqual((await queued).codes.map((c) => c.text), [DEMO_PERSONS.wanted]);
  assert.notEqual(p.workers()[0], first);
  assert.equal(p.crashes, 1);

  const slow = pool({ size: 1, timeoutMs: 1 });
  await slow.warm();
  const stuck = slow.workers()[0];
  await assert.rejects(slow.decode(frame), (e: VigilError) => e.code === 'UNAVAILABLE' && /took over 1 ms/.test(e.message));
  const again = pool({ size: 1 });
  assert.equal((await again.decode(frame)).codes.length, 1, 'a cold pool starts its worker on the first frame');
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(!slow.workers().includes(stuck), 'the stuck worker was replaced');
});
