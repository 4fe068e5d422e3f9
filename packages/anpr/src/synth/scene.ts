// A procedural street for pasting plates into: buildings with shop signs (text, phone numbers and
// codes that look like plate fragments), a road with markings and vehicle bodies. The distractors
// are there so a reader that accepts any text on a scene is caught out by the benchmark.
import type { Rng } from './spec';

const WORDS = ['PHO 24', 'CAFE', 'BANH MI', 'SALE 50%', 'HOTEL', 'NHA THUOC', 'TAPHOA', 'GIAM GIA', 'SPA', 'BIA HOI', 'ATM', 'KARAOKE', 'COM TAM'];
const FONTS = ['DejaVu Sans', 'Liberation Sans', 'DejaVu Serif', 'Liberation Serif'];

function sign(r: Rng): string {
  const k = r.int(0, 3);
  if (k === 0) return `0${r.int(900, 999)} ${r.int(100, 999)} ${r.int(100, 999)}`; // phone number
  if (k === 1) return `${r.int(10, 999)} ${r.pick(['Le Loi', 'Tran Hung Dao', 'Nguyen Hue', 'Hai Ba Trung'])}`;
  return r.pick(WORDS);
}

/** SVG of a W x H street scene. */
export function sceneSvg(W: number, H: number, r: Rng): string {
  const parts: string[] = [];
  const sky = r.pick(['#9cc3e6', '#c9d6df', '#e8d8b0', '#5a6b7d']);
  parts.push(`<rect width="${W}" height="${H}" fill="${sky}"/>`);
  // Buildings along the top third, each with windows and a sign.
  let x = 0;
  while (x < W) {
    const bw = r.range(120, 300);
    const bh = r.range(H * 0.25, H * 0.5);
    const col = r.pick(['#b8a890', '#d0c8b8', '#8f8f8f', '#c4b29a', '#e0dcd0', '#7d6e5c']);
    parts.push(`<rect x="${x}" y="${H * 0.5 - bh}" width="${bw}" height="${bh}" fill="${col}"/>`);
    for (let wy = H * 0.5 - bh + 15; wy < H * 0.42; wy += 45) {
      for (let wx = x + 12; wx < x + bw - 30; wx += 40) {
        parts.push(`<rect x="${wx}" y="${wy}" width="22" height="26" fill="#3c4a5a" opacity="0.8"/>`);
      }
    }
    const sw = bw * r.range(0.6, 0.95);
    const sh = r.range(22, 50);
    const sy = H * 0.5 - r.range(40, 90);
    parts.push(`<rect x="${x + (bw - sw) / 2}" y="${sy}" width="${sw}" height="${sh}" fill="${r.pick(['#c62828', '#1565c0', '#f9a825', '#2e7d32', '#fafafa'])}"/>`);
    parts.push(
      `<text x="${x + bw / 2}" y="${sy + sh * 0.75}" font-family="${r.pick(FONTS)}" font-weight="bold" font-size="${sh * 0.7}" ` +
        `text-anchor="middle" fill="${r.pick(['#ffffff', '#111111', '#ffeb3b'])}" textLength="${sw * 0.9}" lengthAdjust="spacingAndGlyphs">${sign(r)}</text>`,
    );
    x += bw + r.range(0, 20);
  }
  // Road and markings.
  parts.push(`<rect x="0" y="${H * 0.5}" width="${W}" height="${H * 0.5}" fill="${r.pick(['#4a4a4a', '#5b5b5b', '#3a3a3a'])}"/>`);
  for (let lx = r.range(0, 80); lx < W; lx += 160) {
    parts.push(`<rect x="${lx}" y="${H * 0.72}" width="80" height="8" fill="#e0e0e0"/>`);
  }
  // Vehicle bodies without plates, some with lettering, as false-positive bait.
  for (let i = 0; i < r.int(2, 6); i++) {
    const vw = r.range(120, 320);
    const vh = vw * r.range(0.5, 0.9);
    const vx = r.range(0, W - vw);
    const vy = r.range(H * 0.45, H - vh);
    parts.push(`<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" rx="18" fill="${r.pick(['#d9d9d9', '#222', '#8a1c1c', '#f5f5f5', '#1f3a66'])}"/>`);
    parts.push(`<rect x="${vx + vw * 0.1}" y="${vy + vh * 0.1}" width="${vw * 0.8}" height="${vh * 0.3}" fill="#2a3440"/>`);
    if (r.chance(0.4)) {
      parts.push(`<text x="${vx + vw / 2}" y="${vy + vh * 0.75}" font-family="DejaVu Sans" font-weight="bold" font-size="${vh * 0.14}" text-anchor="middle" fill="#111">${r.pick(['TAXI', 'GRAB', 'VINASUN', 'MAI LINH', `HOTLINE 1900 ${r.int(1000, 9999)}`])}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}
