// Draws a plate as SVG at 2 px per millimetre; sharp rasterises it with fontconfig's fonts. Text is
// fitted with textLength so every font fills the plate the way the condensed plate typeface does.
import type { PlateSpec } from './spec';

/** Physical plate sizes in millimetres (Circular 24/2023): long one-line, car two-line, motorbike. */
export const PLATE_MM = {
  'one-line': [520, 110],
  'car-square': [330, 165],
  motorbike: [190, 140],
} as const;

const COLOURS = {
  white: { bg: '#f2f2ee', fg: '#161616' },
  yellow: { bg: '#f0c419', fg: '#161616' },
  blue: { bg: '#1d4fa3', fg: '#f4f4f4' },
  red: { bg: '#c62a24', fg: '#f4f4f4' },
} as const;

/** Plate size in millimetres for a spec. */
export function plateSize(spec: PlateSpec): readonly [number, number] {
  if (spec.layout === 'one-line') return PLATE_MM['one-line'];
  return spec.plate.kind === 'car' ? PLATE_MM['car-square'] : PLATE_MM.motorbike;
}

/** Mean advance width of plate characters (digits, capitals, dash, dot) per em, per font. */
const ADVANCE: Record<string, number> = {
  'DejaVu Sans Condensed': 0.58,
  'Liberation Sans Narrow': 0.47,
  'DejaVu Sans Mono': 0.6,
  'Liberation Sans': 0.57,
  'DejaVu Sans': 0.64,
};

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The text lines as printed: one line, or head over serial. */
export function printedLines(spec: PlateSpec): string[] {
  const d = spec.plate.display;
  if (spec.layout === 'one-line') return [d];
  if (spec.plate.kind === 'car') return [d.slice(0, d.indexOf('-')), d.slice(d.indexOf('-') + 1)];
  return d.split(' ');
}

/** SVG source of the plate, `scale` pixels per millimetre. */
export function plateSvg(spec: PlateSpec, scale = 2): { svg: string; width: number; height: number } {
  const [mw, mh] = plateSize(spec);
  const W = Math.round(mw * scale);
  const H = Math.round(mh * scale);
  const { bg, fg } = COLOURS[spec.colour];
  const lines = printedLines(spec);
  const weight = spec.bold ? 'bold' : 'normal';
  const border = 4 * scale;
  // Millimetres per character, so short lines ("51F") are not stretched across the plate.
  const perChar = spec.layout === 'one-line' ? 52 : spec.plate.kind === 'car' ? 62 : 36;
  const textW = (n: number) => Math.min(W - 16 * scale, n * perChar * scale);
  const rows =
    lines.length === 1
      ? [{ t: lines[0], y: H * 0.78, size: H * 0.74 }]
      : [
          { t: lines[0], y: H * 0.44, size: H * 0.38 },
          { t: lines[1], y: H * 0.88, size: H * 0.38 },
        ];
  // librsvg ignores textLength, so each line is squeezed to its width with a horizontal scale
  // computed from the font's typical advance (em fraction per character).
  const advance = ADVANCE[spec.font] ?? 0.6;
  const text = rows
    .map((r) => {
      const sx = textW(r.t.length) / (r.t.length * advance * (spec.bold ? 1.08 : 1) * r.size);
      return (
        `<g transform="translate(${W / 2} ${r.y}) scale(${sx.toFixed(3)} 1)"><text x="0" y="0" font-family="${spec.font}" ` +
        `font-weight="${weight}" font-size="${r.size}" text-anchor="middle" fill="${fg}">${escape(r.t)}</text></g>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
    `<rect x="0" y="0" width="${W}" height="${H}" rx="${6 * scale}" fill="${bg}"/>` +
    `<rect x="${border}" y="${border}" width="${W - 2 * border}" height="${H - 2 * border}" rx="${4 * scale}" ` +
    `fill="none" stroke="${fg}" stroke-width="${2.5 * scale}"/>${text}</svg>`;
  return { svg, width: W, height: H };
}
