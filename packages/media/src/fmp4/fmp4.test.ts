import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runFfmpeg } from '../ffmpeg/spawn';
import { BoxReader } from './boxes';
import { fmp4DurationMs, moofWithDecodeTime, parseMoof } from './fragment';
import { parseInit } from './init';

const dir = mkdtempSync(join(tmpdir(), 'vigil-fmp4-'));
let file: Buffer;
before(async () => {
  // 3 s at 10 fps, keyframe every 10 frames, one fragment per frame: what the ingest pipe carries.
  const out = join(dir, 'f.mp4');
  await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10:duration=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-bf', '0', '-pix_fmt', 'yuv420p', '-f', 'mp4', '-movflags', '+frag_every_frame+empty_moov+default_base_moof', out]);
  file = readFileSync(out);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('boxes split the same whatever the chunking of the pipe', () => {
  const whole = new BoxReader().push(file).map((b) => b.type);
  const reader = new BoxReader();
  const pieces: string[] = [];
  for (let i = 0; i < file.length; i += 777) pieces.push(...reader.push(file.subarray(i, i + 777)).map((b) => b.type));
  assert.deepEqual(pieces, whole);
  assert.deepEqual(whole.slice(0, 4), ['ftyp', 'moov', 'moof', 'mdat']);
});

test('init gives the MSE codec string, size and timescale; moofs give keyframes and durations', () => {
  const boxes = new BoxReader().push(file);
  const info = parseInit(boxes.find((b) => b.type === 'moov')!.data);
  assert.match(info.codec, /^avc1\.[0-9a-f]{6}$/);
  assert.equal(info.width, 320);
  assert.equal(info.height, 240);
  assert.equal(info.browserPlayable, true);
  const moofs = boxes.filter((b) => b.type === 'moof').map((b) => parseMoof(b.data));
  assert.equal(moofs.length, 30);
  assert.deepEqual(moofs.map((m, i) => (m.keyframe ? i : -1)).filter((i) => i >= 0), [0, 10, 20]);
  const total = moofs.reduce((n, m) => n + m.duration, 0) / info.timescale;
  assert.ok(Math.abs(total - 3) < 0.15, `total ${total}`);
  assert.ok(moofs[5].decodeTime > moofs[4].decodeTime);
});

test('a moof can be re-timed without touching the original; file duration is read back', async () => {
  const boxes = new BoxReader().push(file);
  const i = boxes.findIndex((b) => b.type === 'moof' && parseMoof(b.data).decodeTime > 0);
  const frag = Buffer.concat([boxes[i].data, boxes[i + 1].data]);
  const before = parseMoof(boxes[i].data).decodeTime;
  const moof = moofWithDecodeTime(frag, 0);
  assert.equal(parseMoof(moof).decodeTime, 0);
  assert.equal(parseMoof(boxes[i].data).decodeTime, before);
  const ms = await fmp4DurationMs(join(dir, 'f.mp4'));
  assert.ok(Math.abs(ms - 3000) < 150, `${ms} ms`);
});
