import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { plateColour } from './colour';
import { normaliseContrast } from './enhance';
import type { Rgb } from './image';
import { lineLikeness } from './likeness';

async function svgLine(body: string, width: number, height = 48): Promise<Rgb> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

test('a plate line has character-shaped marks; a window grid and a blank patch have none', async () => {
  const text = await svgLine('<rect width="240" height="48" fill="#eee"/><text x="8" y="40" font-family="DejaVu Sans" font-weight="bold" font-size="36">51F-12345</text>', 240);
  assert.ok(lineLikeness(text).marks >= 6, `text marks ${lineLikeness(text).marks}`);
  const windows = await svgLine(`<rect width="240" height="48" fill="#b8a890"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="${10 + i * 46}" y="8" width="30" height="32" fill="#3c4a5a"/>`).join('')}`, 240);
  assert.equal(lineLikeness(windows).marks, 0);
  const blank = await svgLine('<rect width="240" height="48" fill="#777"/>', 240);
  assert.equal(lineLikeness(blank).marks, 0);
  // Light text on a blue plate counts the same.
  const blue = await svgLine('<rect width="240" height="48" fill="#1f4fa0"/><text x="8" y="40" font-family="DejaVu Sans" font-weight="bold" font-size="36" fill="#fff">80A-12345</text>', 240);
  assert.ok(lineLikeness(blue).marks >= 6);
});

test('local contrast normalisation stretches a dark frame to the full range', async () => {
  const dark = await svgLine('<rect width="256" height="128" fill="#101010"/><rect x="40" y="40" width="120" height="40" fill="#303030"/>', 256, 128);
  const out = normaliseContrast(dark);
  let max = 0;
  for (const v of out.data) max = Math.max(max, v);
  assert.ok(max > 200, `max after stretch ${max}`);
  assert.equal(out.width, dark.width);
});

test('plate colour is judged against the plate\'s own brightness (a yellow plate at night is yellow)', async () => {
  const night = await svgLine('<rect width="64" height="32" fill="rgb(70,52,0)"/>', 64, 32);
  assert.equal(plateColour(night), 'yellow');
  const white = await svgLine('<rect width="64" height="32" fill="rgb(70,66,58)"/>', 64, 32);
  assert.equal(plateColour(white), 'white');
});
