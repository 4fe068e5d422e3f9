// A contact sheet of error cases: each tile shows the image (cropped around the plate when the truth
// box is known, so scene errors are legible) with the truth and what the reader said.
import sharp from 'sharp';

/** One tile of the sheet. */
export interface SheetItem {
  image: Buffer | string;
  label: string;
  /** Optional region [x, y, w, h] to crop to, padded. */
  box?: [number, number, number, number];
}

const TILE_W = 260;
const TILE_H = 150;
const LABEL_H = 34;

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function tile(it: SheetItem): Promise<Buffer> {
  let img = sharp(it.image);
  if (it.box) {
    const meta = await sharp(it.image).metadata();
    const [x, y, w, h] = it.box;
    const left = Math.max(0, Math.round(x - w * 0.6));
    const top = Math.max(0, Math.round(y - h * 0.8));
    const width = Math.min((meta.width ?? 0) - left, Math.round(w * 2.2));
    const height = Math.min((meta.height ?? 0) - top, Math.round(h * 2.6));
    if (width > 0 && height > 0) img = img.extract({ left, top, width, height });
  }
  const pic = await img.resize(TILE_W, TILE_H - LABEL_H, { fit: 'contain', background: '#000' }).png().toBuffer();
  const lines = it.label.split('\n').slice(0, 2);
  const label = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_W}" height="${LABEL_H}"><rect width="100%" height="100%" fill="#fff"/>` +
      lines.map((l, i) => `<text x="4" y="${14 + i * 16}" font-family="DejaVu Sans Mono" font-size="12" fill="${i ? '#b00' : '#060'}">${escape(l)}</text>`).join('') +
      `</svg>`,
  );
  return sharp({ create: { width: TILE_W, height: TILE_H, channels: 3, background: '#000' } })
    .composite([{ input: pic, left: 0, top: 0 }, { input: label, left: 0, top: TILE_H - LABEL_H }])
    .png()
    .toBuffer();
}

/** Writes a PNG grid of up to `max` items to `file`; returns how many were drawn. */
export async function writeContactSheet(items: SheetItem[], file: string, max = 120): Promise<number> {
  const shown = items.slice(0, max);
  const cols = 6;
  const rows = Math.max(1, Math.ceil(shown.length / cols));
  const tiles = await Promise.all(shown.map(tile));
  await sharp({ create: { width: cols * (TILE_W + 4), height: rows * (TILE_H + 4), channels: 3, background: '#333' } })
    .composite(tiles.map((t, i) => ({ input: t, left: (i % cols) * (TILE_W + 4), top: Math.floor(i / cols) * (TILE_H + 4) })))
    .png()
    .toFile(file);
  return shown.length;
}
