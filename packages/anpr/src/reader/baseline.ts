// The yardstick the issue names: plain PP-OCRv4 (detector at PaddleOCR's default 960 px limit,
// every box recognised over the full alphabet, no grammar), all text joined. A plate counts as found
// when the joined, normalised text contains it. Kept here so the benchmark measures both the same way.
import { normalise } from '../grammar/format';
import { detectText } from './detect';
import { loadImage, warpQuad, type Rgb } from './image';
import type { Models } from './models';
import { recogniseLines, REC_HEIGHT, REC_MAX_WIDTH } from './recognise';

/** Joined normalised text of every line plain PP-OCRv4 finds, top to bottom. */
export async function baselineText(models: Models, input: Buffer | string | Rgb): Promise<string> {
  const img = typeof input === 'string' || Buffer.isBuffer(input) ? await loadImage(input) : input;
  const boxes = (await detectText(models.det, img, 960)).sort((a, b) => a.cy - b.cy || a.cx - b.cx);
  const lines = boxes.map((b) => {
    const width = Math.max(16, Math.min(REC_MAX_WIDTH, Math.round((REC_HEIGHT * b.w) / Math.max(1, b.h))));
    return warpQuad(img, b.quad, width, REC_HEIGHT);
  });
  // One line per call, as PaddleOCR's default batch of 6 mostly is for a few boxes.
  let text = '';
  for (const l of lines) text += (await recogniseLines(models.rec, models.chars, [l], true))[0].raw;
  return normalise(text);
}
