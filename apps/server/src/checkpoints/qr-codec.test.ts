import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';
import { renderFrame } from './frame-gen';
import { decodeImage, encodeQr } from './qr-codec';
import { runQrCli } from './qr-cli';
import { DEMO_PERSONS } from './seed';
import { demoCheckpoint, type DemoCheckpoint } from './test-helpers';

let v: TestVigil;
let admin: Record<string, string>;
let cp: DemoCheckpoint;
const dir = mkdtempSync(join(tmpdir(), 'vigil-qr-'));

before(async () => {
  v = await createTestVigil();
  admin = await v.login();
  cp = await demoCheckpoint(v, admin);
});
after(async () => {
  await v.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A multipart body with one file field, built by hand (no form-data library needed). */
function multipart(field: string, file: Buffer, type: string, extra: Record<string, string> = {}) {
  const boundary = `----vigil${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, val] of Object.entries(extra)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${val}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="frame"\r\nContent-Type: ${type}\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('server decode: generated codes in 720p frames, rotated, tilted, blurred, noisy, with glare', async () => {
  const cases = [
    { size: 300, angle: 0 },
    { size: 220, angle: 25, noise: 18 },
    { size: 260, angle: -40, tilt: 0.25, blur: 1.2 },
    { size: 240, angle: 10, glare: 0.6, noise: 10, cx: 0.3, cy: 0.6 },
  ];
  for (const [i, c] of cases.entries()) {
    const frame = await renderFrame({ text: DEMO_PERSONS.ok, seed: i + 1, ...c });
    const res = await decodeImage(frame);
    assert.equal(res.width, 1280);
    assert.deepEqual(res.codes, [{ text: DEMO_PERSONS.ok, format: 'QR_CODE' }], JSON.stringify(c));
  }
});

test('POST scans with a multipart photo decodes, checks and keeps a thumbnail; frames endpoint takes raw JPEG', async () => {
  const frame = await renderFrame({ text: DEMO_PERSONS.wanted, size: 260, angle: 15, noise: 8 });
  const scanId = randomUUID();
  const mp = multipart('image', frame, 'image/jpeg', { scanId });
  const res = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: { ...admin, ...mp.headers }, payload: mp.payload });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.verdict, 'deny');
  assert.equal(body.scanId, scanId);
  assert.ok(body.decodeMs > 0);
  const thumb = await v.app.inject({ method: 'GET', url: `/api/checkpoints/scans/${scanId}/thumbnail.jpg`, headers: admin });
  assert.equal(thumb.statusCode, 200);
  assert.equal(thumb.headers['content-type'], 'image/jpeg');
  assert.ok(thumb.rawPayload.length < 20_000);

  const blank = multipart('image', await renderFrame({ text: 'x', size: 1, noise: 5 }), 'image/jpeg');
  const none = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: { ...admin, ...blank.headers }, payload: blank.payload });
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().field, 'image');

  const raw = await renderFrame({ text: DEMO_PERSONS.permitExpired, size: 240, angle: -20 });
  const fr = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/frames`, headers: { ...admin, 'content-type': 'image/jpeg' }, payload: raw });
  assert.equal(fr.statusCode, 200, fr.body);
  assert.equal(fr.json().codes.length, 1);
  assert.equal(fr.json().results[0].verdict, 'officer');
  // The next frame with the same code in view is the same scan, not a new log line.
  const fr2 = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/frames`, headers: { ...admin, 'content-type': 'image/jpeg' }, payload: raw });
  assert.equal(fr2.json().results[0].duplicate, true);
  const empty = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/frames`, headers: { ...admin, 'content-type': 'image/png' }, payload: await renderFrame({ text: 'x', size: 1, format: 'png' }) });
  assert.deepEqual(empty.json().results, []);
  const junk = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/frames`, headers: { ...admin, 'content-type': 'image/jpeg' }, payload: Buffer.from('not an image') });
  assert.equal(junk.statusCode, 400);
});

test('CLI: one JSON line per file, errors for unreadable files, exit code 1, batch continues', async () => {
  const good = join(dir, 'good.png');
  writeFileSync(good, await encodeQr('VGD1.abc.def', { scale: 6 }));
  const bad = join(dir, 'bad.jpg');
  writeFileSync(bad, 'this is not a jpeg');
  const empty = join(dir, 'empty.png');
  writeFileSync(empty, await renderFrame({ text: 'x', size: 1, format: 'png', width: 64, height: 64 }));
  const lines: string[] = [];
  const code = await runQrCli([good, bad, join(dir, 'missing.png'), empty], (l) => lines.push(l));
  assert.equal(code, 1);
  const out = lines.map((l) => JSON.parse(l));
  assert.deepEqual(out[0], { file: good, codes: [{ text: 'VGD1.abc.def', format: 'QR_CODE' }] });
  assert.equal(out[1].file, bad);
  assert.match(out[1].error, /image/);
  assert.deepEqual(out[1].codes, []);
  assert.equal(out[2].error, 'file not found');
  assert.deepEqual(out[3], { file: empty, codes: [] });
  const lines2: string[] = [];
  assert.equal(await runQrCli([good], (l) => lines2.push(l)), 0);
});
