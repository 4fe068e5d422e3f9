import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { classify, doubtsOneSeven, glyphShape, settleOneSeven } from './glyph';
import type { Rgb } from './image';

/** A 48-px-high line: "5" as a block, then the glyph drawn by `path` at x 40..64, dark on white. */
async function line(path: string): Promise<Rgb> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48"><rect width="96" height="48" fill="#f4f4f4"/>` +
    `<rect x="8" y="8" width="18" height="32" fill="none" stroke="#111" stroke-width="5"/>` +
    `<path d="${path}" fill="none" stroke="#111" stroke-width="5" stroke-linejoin="miter"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

test('a flagged 1 reads as 1, a 7 with its bar and slanted stem as 7, a T as neither', async () => {
  const one = glyphShape(await line('M 44 16 L 54 8 L 54 40'), 50);
  const seven = glyphShape(await line('M 38 9 L 62 9 L 46 40'), 50);
  const tee = glyphShape(await line('M 38 9 L 62 9 M 50 9 L 50 40'), 50);
  assert.ok(one && seven && tee);
  assert.equal(classify(one), '1', JSON.stringify(one));
  assert.equal(classify(seven), '7', JSON.stringify(seven));
  assert.notEqual(classify(tee), '1', JSON.stringify(tee));
  assert.notEqual(classify(tee), '7', JSON.stringify(tee));
});

test('the slot\'s own narrow 1 wins over a wider character next to it', async () => {
  // A "C" right before the 1, its centre within reach of the slot's centre.
  const shape = glyphShape(await line('M 45 10 L 31 10 L 31 38 L 45 38 M 50 16 L 56 9 L 56 40'), 54);
  assert.ok(shape);
  assert.equal(classify(shape), '1', JSON.stringify(shape));
});

test('only 1/7/T doubts are settled, and the verdict takes their probability', () => {
  const slot = [{ char: '7', p: 0.6 }, { char: 'T', p: 0.3 }, { char: '1', p: 0.08 }];
  assert.equal(doubtsOneSeven(slot), true);
  assert.equal(doubtsOneSeven([{ char: '8', p: 0.6 }, { char: 'B', p: 0.4 }]), false);
  assert.equal(doubtsOneSeven([{ char: '1', p: 0.99 }, { char: '7', p: 0.005 }]), false);
  const settled = settleOneSeven(slot, '1');
  assert.equal(settled[0].char, '1');
  assert.ok(Math.abs(settled[0].p - 0.98) < 1e-9);
  assert.equal(settled.length, 1);
});

test('no character near the column gives no shape', async () => {
  const blank: Rgb = { data: new Uint8Array(96 * 48 * 3).fill(240), width: 96, height: 48 };
  assert.equal(glyphShape(blank, 50), null);
});
