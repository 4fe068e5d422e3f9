import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runAnprCli } from '../cli/cli';
import { isValidPlate } from '../grammar/format';
import { generateSet, type SynthItem } from '../synth/dataset';
import { ImageError, loadImage } from './image';
import { PlateReader } from './plate-reader';

let reader: PlateReader;
const items: SynthItem[] = [];
const dir = mkdtempSync(join(tmpdir(), 'anpr-test-'));

before(async () => {
  reader = await PlateReader.create();
  // One of every format, two of them as whole scenes; daylight so the test is stable, the
  // benchmark covers the hard conditions.
  for await (const it of generateSet({ n: 9, seed: 7, sceneShare: 2 / 9, mild: true })) items.push(it);
});

test('the reader reads a small generated set exactly (every format, crops and scenes)', async () => {
  const wrong: string[] = [];
  for (const it of items) {
    const plates = await reader.read(it.sample.image);
    const p = plates[0];
    if (p?.text !== it.spec.plate.text) wrong.push(`${it.id}: want ${it.spec.plate.text} got ${plates.map((x) => x.text).join(',')}`);
    else {
      assert.equal(p.display, it.spec.plate.display);
      assert.equal(p.kind, it.spec.plate.kind);
      assert.equal(p.colour, it.spec.colour, `${it.id} colour`);
      assert.ok(isValidPlate(p.text));
      // The reported box must overlap the true plate.
      const [x, y, w, h] = p.box;
      const [tx, ty, tw, th] = it.sample.box;
      assert.ok(x < tx + tw && tx < x + w && y < ty + th && ty < y + h, `${it.id} box ${p.box} vs ${it.sample.box}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('loadImage gives clear, coded errors for missing, non-image and corrupt files', async () => {
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'this is not an image\n');
  const good = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const corrupt = join(dir, 'broken.jpg');
  writeFileSync(corrupt, Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x55)]));
  const cases: Array<[string, string, RegExp]> = [
    [join(dir, 'missing.jpg'), 'ANPR_ERR_NOT_FOUND', /no such file/],
    [text, 'ANPR_ERR_NOT_IMAGE', /not an image/],
    [corrupt, 'ANPR_ERR_CORRUPT_IMAGE', /corrupt JPEG/],
  ];
  for (const [file, code, msg] of cases) {
    await assert.rejects(loadImage(file), (e: unknown) => e instanceof ImageError && e.code === code && msg.test(e.message));
  }
  await assert.rejects(loadImage(Buffer.alloc(0)), /empty/);
});

test('CLI: one JSON line per file, errors per file, batch continues, exit 1 when any failed', async () => {
  const files: string[] = [];
  for (const it of items.slice(0, 3)) {
    const f = join(dir, `${it.id}.jpg`);
    writeFileSync(f, it.sample.image);
    files.push(f);
  }
  const bad = join(dir, 'bad.png');
  writeFileSync(bad, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')); // PNG header, then nothing
  const lines: string[] = [];
  const code = await runAnprCli([files[0], bad, files[1], files[2]], { json: true, reader }, (l) => lines.push(l));
  assert.equal(code, 1);
  assert.equal(lines.length, 4);
  const out = lines.map((l) => JSON.parse(l));
  assert.equal(out[1].file, bad);
  assert.deepEqual(out[1].plates, []);
  assert.match(out[1].error, /corrupt PNG/);
  for (const [i, k] of [[0, 0], [2, 1], [3, 2]]) {
    assert.equal(out[i].file, files[k]);
    assert.equal(out[i].plates[0]?.text, items[k].spec.plate.text);
    assert.deepEqual(Object.keys(out[i].plates[0]).slice(0, 5), ['text', 'display', 'confidence', 'box', 'colour']);
  }
  const ok: string[] = [];
  assert.equal(await runAnprCli(files.slice(0, 1), { json: true, reader }, (l) => ok.push(l)), 0);
  assert.equal(ok.length, 1);
});
