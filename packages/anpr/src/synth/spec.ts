// Random but reproducible plate specifications: every format, colour, layout and capture condition
// the generator can render, drawn from a seeded generator so a benchmark set is the same every run.
import { build, parsePlate, SERIES_LETTERS, SPECIAL_SERIES, TEMPLATES, type PlateColour, type PlateInfo } from '../grammar/format';
import { PROVINCES } from '../grammar/provinces';
import { seededRandom } from '@vigil/core';

/** Small seeded PRNG (mulberry32): deterministic data sets without a dependency. */
export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal (Box-Muller). */
  gauss(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Plate formats the generator covers, named as the benchmark reports them. */
export const FORMATS = [
  'car-5', 'car-4', 'car-special', 'car-square', 'moto-5', 'moto-4', 'moto-2letter', 'electric',
] as const;
export type SynthFormat = (typeof FORMATS)[number];

/** Capture conditions, reported separately so hard cases cannot hide behind easy ones. */
export interface Conditions {
  light: 'day' | 'dusk' | 'night';
  blur: 'sharp' | 'blur' | 'motion';
  glare: boolean;
  /** Out-of-plane rotation in degrees (yaw, pitch), each up to 25. */
  yaw: number;
  pitch: number;
  /** In-plane rotation in degrees. */
  roll: number;
  noise: number;
  jpeg: number;
}

/** Everything needed to render one sample. */
export interface PlateSpec {
  plate: PlateInfo;
  format: SynthFormat;
  layout: 'one-line' | 'two-line';
  colour: PlateColour;
  font: string;
  /** Weight of the font (some fonts only look like plates in bold). */
  bold: boolean;
  conditions: Conditions;
}

/** Fonts fontconfig finds on the build image (fonts-dejavu-core, fonts-liberation). */
export const FONTS = ['DejaVu Sans Condensed', 'Liberation Sans Narrow', 'DejaVu Sans Mono', 'Liberation Sans', 'DejaVu Sans'];

const CODES = [...PROVINCES.keys()];
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

function plateFor(r: Rng, format: SynthFormat): PlateInfo {
  const code = r.pick(CODES);
  const letter = r.pick([...SERIES_LETTERS]);
  const [template, head, n] = ((): [string, string, number] => {
    switch (format) {
      case 'car-5': return ['car', code + letter, 5];
      case 'car-4': return ['car', code + letter, 4];
      case 'car-square': return ['car', code + letter, 5];
      case 'car-special': return ['car-special', code + r.pick([...SPECIAL_SERIES]), r.chance(0.8) ? 5 : 4];
      case 'moto-5': return ['motorbike', code + letter + r.int(1, 9), 5];
      case 'moto-4': return ['motorbike', code + letter + r.int(1, 9), 4];
      case 'moto-2letter': {
        let s = letter + r.pick([...SERIES_LETTERS]);
        while (SPECIAL_SERIES.has(s)) s = letter + r.pick([...SERIES_LETTERS]);
        return ['motorbike-2letter', code + s, 5];
      }
      case 'electric': return ['electric', code + 'MD' + r.int(1, 9), 5];
    }
  })();
  const info = build(TEMPLATES.find((t) => t.name === template)!, head, digits(r, n));
  if (!info) throw new Error(`generator produced an invalid plate ${head}`);
  return info;
}

/** Draws one sample's specification. */
export function randomSpec(r: Rng, format: SynthFormat = r.pick(FORMATS)): PlateSpec {
  const plate = plateFor(r, format);
  const layout = format.startsWith('car') && format !== 'car-square' ? 'one-line' : 'two-line';
  const colour: PlateColour = r.pick(['white', 'white', 'white', 'white', 'yellow', 'yellow', 'blue', 'red'] as const);
  const light = r.pick(['day', 'day', 'dusk', 'night'] as const);
  const blur = r.pick(['sharp', 'sharp', 'blur', 'motion'] as const);
  return {
    plate, format, layout, colour,
    font: r.pick(FONTS),
    bold: r.chance(0.7),
    conditions: {
      light, blur,
      glare: r.chance(light === 'day' ? 0.1 : 0.35),
      yaw: r.range(-25, 25),
      pitch: r.range(-20, 20),
      roll: r.range(-6, 6),
      noise: r.range(0, light === 'night' ? 14 : 8),
      jpeg: r.int(35, 90),
    },
  };
}

/** Sanity check used by tests: a spec's plate parses back to itself with its layout. */
export function specRoundTrips(s: PlateSpec): boolean {
  return parsePlate(s.plate.display)?.text === s.plate.text;
}
