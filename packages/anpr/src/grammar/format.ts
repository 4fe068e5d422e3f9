// The shapes a Vietnamese civilian plate can take, as slot templates. Both validation and
// correction walk the same templates, so a corrected read can never fall outside the grammar.
import { provinceOf } from './provinces';

/** Vehicle kind implied by the plate's series. */
export type PlateKind = 'car' | 'motorbike';
/** Background colour: white private, blue state, yellow commercial, red military/special. */
export type PlateColour = 'white' | 'blue' | 'yellow' | 'red';
/** How the characters are laid out on the plate. */
export type PlateLayout = 'one-line' | 'two-line';

/** Series letters: A-Z without I, J, O, Q, W (too easily confused with 1, 0 and each other). */
export const SERIES_LETTERS = 'ABCDEFGHKLMNPRSTUVXYZ';
export const DIGITS = '0123456789';
const ALL_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The series digit on motorbike plates (B1, K2 ...) is never 0. */
export const SERIES_DIGITS = '123456789';
/** Two-letter series issued to cars of special owners (joint ventures, economic zones, diplomats ...). */
export const SPECIAL_SERIES = new Set(['LD', 'KT', 'DA', 'NG', 'QT', 'NN', 'CV', 'CD']);

/** One way to fill the province+series part of a plate. */
export interface Template {
  name: 'car' | 'car-special' | 'motorbike' | 'motorbike-2letter' | 'electric';
  kind: PlateKind;
  /** Allowed characters per slot for province + series. */
  head: string[];
  /** Extra check on the series string (the head after the province). */
  seriesOk: (series: string) => boolean;
  /** Serial lengths this template was issued with. */
  serials: number[];
}

export const TEMPLATES: Template[] = [
  { name: 'car', kind: 'car', head: [DIGITS, DIGITS, SERIES_LETTERS], seriesOk: () => true, serials: [5, 4] },
  {
    // Special series may use letters ordinary series avoid (the Q of QT).
    name: 'car-special', kind: 'car', head: [DIGITS, DIGITS, ALL_LETTERS, ALL_LETTERS],
    seriesOk: (s) => SPECIAL_SERIES.has(s), serials: [5, 4],
  },
  {
    name: 'motorbike', kind: 'motorbike', head: [DIGITS, DIGITS, SERIES_LETTERS, SERIES_DIGITS], seriesOk: () => true,
    serials: [5, 4],
  },
  {
    // Two ordinary letters (AA, AB ...) are recent motorbike series, so always with 5-digit serials.
    name: 'motorbike-2letter', kind: 'motorbike', head: [DIGITS, DIGITS, SERIES_LETTERS, SERIES_LETTERS],
    seriesOk: (s) => !SPECIAL_SERIES.has(s), serials: [5],
  },
  {
    name: 'electric', kind: 'motorbike', head: [DIGITS, DIGITS, 'M', 'D', SERIES_DIGITS], seriesOk: () => true,
    serials: [5],
  },
];

/** Serials have 5 digits on new plates and 4 on plates issued before 2010-2014. */
export const SERIAL_LENGTHS = [5, 4] as const;

/** A plate that passed the grammar, in every form callers need. */
export interface PlateInfo {
  /** Normalised: uppercase letters and digits only, MĐ written MD ("51F12345", "29B112345"). */
  text: string;
  /** As printed: "51F-123.45", "29-B1 123.45", "51F-1234". */
  display: string;
  kind: PlateKind;
  template: Template['name'];
  /** Legacy province code ("51"). */
  code: string;
  province: string;
  /** Province after the 2025 merger. */
  merged: string;
  series: string;
  serial: string;
}

/** Uppercases, maps Đ to D and drops separators (spaces, dashes, dots) so any printed form parses. */
export function normalise(raw: string): string {
  return raw.toUpperCase().replace(/Đ/g, 'D').replace(/[^0-9A-Z]/g, '');
}

function matchesHead(t: Template, head: string): boolean {
  if (head.length !== t.head.length) return false;
  for (let i = 0; i < head.length; i++) if (!t.head[i].includes(head[i])) return false;
  return provinceOf(head.slice(0, 2)) !== undefined && t.seriesOk(head.slice(2));
}

function displayOf(t: Template, code: string, series: string, serial: string): string {
  const s = serial.length === 5 ? `${serial.slice(0, 3)}.${serial.slice(3)}` : serial;
  if (t.kind === 'car') return `${code}${series}-${s}`;
  const shown = t.name === 'electric' ? `MĐ${series.slice(2)}` : series;
  return `${code}-${shown} ${s}`;
}

/** Builds the PlateInfo for a head (province+series) and serial under one template, or null. */
export function build(t: Template, head: string, serial: string): PlateInfo | null {
  if (!matchesHead(t, head)) return null;
  if (!t.serials.includes(serial.length) || !/^\d+$/.test(serial)) return null;
  const code = head.slice(0, 2);
  const series = head.slice(2);
  const p = provinceOf(code)!;
  return {
    text: head + serial, display: displayOf(t, code, series, serial), kind: t.kind, template: t.name,
    code, province: p.province, merged: p.merged, series, serial,
  };
}

/**
 * Every reading of a plate string that fits the grammar. A normalised string can be ambiguous
 * ("56P19074" is car 56P-190.74 or motorbike 56-P1 9074); separators ("56-P1 9074") or the
 * line split settle it, so pass `lines` when the plate was read as two lines.
 */
export function parseAll(raw: string | string[]): PlateInfo[] {
  const lines = Array.isArray(raw) ? raw.map(normalise) : null;
  const text = lines ? lines.join('') : normalise(raw as string);
  // A printed form splits head from serial with "-" (cars) or a space (motorbikes); honour it.
  const printed = Array.isArray(raw) ? null : /^\s*([0-9A-ZĐ]{2}-?[0-9A-ZĐ]{1,3})[-\s]+([0-9.]{4,6})\s*$/i.exec(raw);
  const out: PlateInfo[] = [];
  for (const t of TEMPLATES) {
    const headLen = t.head.length;
    if (lines && lines.length === 2 && lines[0].length !== headLen) continue;
    if (printed && normalise(printed[1]).length !== headLen) continue;
    const info = build(t, text.slice(0, headLen), text.slice(headLen));
    if (info) out.push(info);
  }
  return out;
}

/** The plate a string most likely denotes (cars before motorbikes when ambiguous), or null when invalid. */
export function parsePlate(raw: string | string[]): PlateInfo | null {
  return parseAll(raw)[0] ?? null;
}

/** Whether a string is a valid plate in any printed or normalised form. */
export function isValidPlate(raw: string | string[]): boolean {
  return parseAll(raw).length > 0;
}
