// The plate pool reads real generated plates in its worker thread and votes them across crops.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateSet } from '@vigil/anpr';
import sharp from 'sharp';
import { PlatePool } from './plate-pool';

const pool = new PlatePool();
after(() => pool.close());

test('reads and votes a plate across the crops of one track, off the event loop', { timeout: 60_000 }, async () => {
  let item: Awaited<ReturnType<ReturnType<typeof generateSet>['next']>>['value'] | undefined;
  for await (const it of generateSet({ n: 1, seed: 7, sceneShare: 0, mild: true })) item = it;
  assert.ok(item);
  const { data, info } = await sharp(item.sample.image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const crop = () => ({ width: info.width, height: info.height, buf: new Uint8Array(data).buffer });
  const plate = await pool.read([crop(), crop(), crop()]);
  assert.ok(plate, 'a plate was read');
  assert.equal(plate.text, item.spec.plate.text);
  assert.equal(plate.votes, 3);
  assert.equal(await pool.read([]), null);
});

test('closing while the models load and a read waits ends the thread without aborting the process', { timeout: 60_000 }, async () => {
  const early = new PlatePool();
  const crop = { width: 64, height: 32, buf: new Uint8Array(64 * 32 * 3).fill(128).buffer };
  const pending = early.read([crop]);
  // The worker is loading its ONNX models now: terminating it here used to abort the whole process.
  await new Promise((r) => setTimeout(r, 200));
  await early.close();
  assert.equal(await pending, null);
  assert.equal(await early.read([crop]), null, 'a closed pool answers null');
});
