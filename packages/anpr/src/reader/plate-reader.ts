// The plate reader: find text lines (PP-OCRv4 detection over the whole image for crops up to
// 1000 px; over classical stroke-density proposals for larger scenes), group them into plate
// candidates (two stacked lines, one line, or one squat blob cut in two), rectify each line by its
// own oriented box, recognise the lines in width-sorted batches, and keep what the grammar accepts.
import { correctSlots, type Slot } from '../grammar/correct';
import type { PlateColour, PlateKind } from '../grammar/format';
import { plateColour } from './colour';
import { detectText, type DetLimit, type TextBox } from './detect';
import { classify, doubtsOneSeven, glyphShape, settleOneSeven } from './glyph';
import { normaliseContrast } from './enhance';
import { groupPlates, type Candidate } from './group';
import { loadImage, quadBox, warpQuad, type Point, type Quad, type Rgb } from './image';
import { lineLikeness } from './likeness';
import { proposePlates } from './localise';
import { loadModels, type ModelOptions, type Models } from './models';
import { couldStartPlate, prefixOf, worthScreening } from './prefix';
import { recogniseLines, REC_HEIGHT, REC_MAX_WIDTH, type LineRead } from './recognise';
import { splitRow } from './split';

/** One plate found in an image. */
export interface PlateRead {
  /** Normalised text ("51F12345"). */
  text: string;
  /** Printed form ("51F-123.45", "29-B1 123.45"). */
  display: string;
  /** 0..1, geometric mean of the chosen characters' probabilities. */
  confidence: number;
  /** [x, y, w, h] in image pixels. */
  box: [number, number, number, number];
  colour: PlateColour;
  kind: PlateKind;
  /** Province of the legacy code, and the province it belongs to since the 2025 merger. */
  province: string;
  merged: string;
  lines: 1 | 2;
}

/** Reader options beyond model loading. */
export interface ReaderOptions extends ModelOptions {
  /** Plates below this confidence are dropped (default 0.5: one repair on a clear read passes, two do not). */
  minConfidence?: number;
}

/** Images whose longer side exceeds this are scenes: searched with proposals before detection. */
const SCENE_SIDE = 1000;
/**
 * Detector input sides (longer side) for a whole crop and for each scene proposal, per pass. The
 * detector's cost is proportional to its input area; at 480 a crop's plate characters stay over
 * 12 px high on its input. The second pass, run only when the first found nothing, looks closer.
 */
interface DetSides {
  crop: DetLimit;
  proposal: number;
  /** Scene proposals searched. */
  proposals: number;
}
// A crop's detector input is also capped at 110,000 px (a 380x285 gate-camera crop is left whole:
// reading those below that size measurably misplaces line boxes), which trims squat two-line crops.
// The second pass also searches more proposals: a small plate ranks below big shop-sign lettering.
const FIRST: DetSides = { crop: { side: 480, area: 110_000 }, proposal: 224, proposals: 8 };
const SECOND: DetSides = { crop: { side: 640 }, proposal: 384, proposals: 12 };
/** Confidence factor per repair (look-alike, dropped character, one-line motorbike series). */
const REPAIR_FACTOR = 0.6;
/** Extra margin, as a fraction of line height, for the second look at a doubtful read. */
const SECOND_LOOK_PAD = 0.06;

/** A plate read with its box area, for keeping the larger of overlapping reads. */
type Plate = PlateRead & { area: number };

/** A candidate with its rectified line images and whether those carry character-shaped marks. */
interface Prepared {
  cand: Candidate;
  lines: Rgb[];
  likely: boolean;
}

/** Candidates read at once from which the prefix screen pays for itself (a crop has one or two). */
const SCREEN_MIN = 3;

const dropped = <T>(xs: T[], drop: boolean[]) => xs.filter((_, i) => drop[i]);

/** Fewest character-shaped marks on a candidate's best line for it to look like plate text. */
const MIN_MARKS = 2;

function prepare(img: Rgb, cand: Candidate): Prepared {
  const lines = lineImages(img, cand);
  return { cand, lines, likely: lines.some((l) => lineLikeness(l).marks >= MIN_MARKS) };
}

interface LineJob {
  cand: number;
  img: Rgb;
}

/** Reads Vietnamese plates; create once with `PlateReader.create()`, then call `read` per image. */
export class PlateReader {
  private constructor(
    /** The loaded sessions, shared with the benchmark's baseline so both run the same models. */
    readonly models: Models,
    private readonly minConfidence: number,
  ) {}

  /** Loads the models (about half a second) for all later reads. */
  static async create(opts: ReaderOptions = {}): Promise<PlateReader> {
    return new PlateReader(await loadModels(opts), opts.minConfidence ?? 0.5);
  }

  /** Reads every plate in an encoded image or a file; throws ImageError when it is not a usable image. */
  async read(input: Buffer | string): Promise<PlateRead[]> {
    return this.readImage(await loadImage(input));
  }

  /** Reads every plate in a decoded RGB image. */
  async readImage(img: Rgb): Promise<PlateRead[]> {
    let plates = await this.readPass(img, img, FIRST);
    // A second exposure only when the first found no plate at all: dark and glare-washed frames
    // have strokes too faint for the proposal threshold and the detector until stretched locally,
    // and a plate whose lines the detector fused with its border at the first pass's scale is
    // separated at a larger one.
    if (plates.length === 0) plates = await this.readPass(normaliseContrast(img), img, SECOND);
    return dedupe(plates).map(({ area: _a, ...p }) => p);
  }

  /** One pass: text on `src`, colour from `orig` (the unstretched frame keeps the plate's hue). */
  private async readPass(src: Rgb, orig: Rgb, sides: DetSides): Promise<Plate[]> {
    const all = groupPlates(await this.findText(src, sides)).filter(plausible).map((cand) => prepare(src, cand));
    const free = (c: Prepared, found: Plate[]) => !found.some((p) => overlap(p.box, quadBox(c.cand.quad, src.width, src.height)) > 0.3);
    // Candidates whose first characters read as letters: read only when nothing else gave a plate.
    const held: Prepared[] = [];
    const read = async (cs: Prepared[]) => this.readCandidates(src, orig, await this.screen(cs, held));
    // Plate-like pairs and lone lines first; a line that belongs to a pair is read alone only when
    // the pair gave nothing there, which saves most of the recognition work on two-line plates.
    const plates = await read(all.filter((c) => c.likely && !c.cand.fallback));
    plates.push(...(await read(all.filter((c) => c.likely && c.cand.fallback && free(c, plates)))));
    // Blobs without character-shaped marks (window grids, textures: most of a street scene) are
    // read only when nothing plate-like gave a plate: a badly blurred plate can fail the test.
    if (plates.length === 0) {
      plates.push(...(await read(all.filter((c) => !c.likely && !c.cand.fallback))));
      plates.push(...(await read(all.filter((c) => !c.likely && c.cand.fallback && free(c, plates)))));
    }
    if (plates.length === 0) plates.push(...(await this.readCandidates(src, orig, held)));
    return plates;
  }

  /**
   * On text-heavy images (several candidates), reads the first two characters of each wide
   * candidate's first line in one narrow batch and holds back those that surely start with letters
   * (shop signs, vehicle lettering) or, as a plate's first line, with 0: a plate line starts with
   * digits, a province code 11-99 first. Returns the rest.
   */
  private async screen(cs: Prepared[], held: Prepared[]): Promise<Prepared[]> {
    const wide = cs.filter((c) => worthScreening(c.lines[0]));
    if (cs.length < SCREEN_MIN || wide.length === 0) return cs;
    const reads = await recogniseLines(this.models.rec, this.models.chars, wide.map((c) => prefixOf(c.lines[0])));
    const out = dropped(wide, reads.map((r, i) => !couldStartPlate(r.slots, !wide[i].cand.fallback)));
    held.push(...out);
    return cs.filter((c) => !out.includes(c));
  }

  private async readCandidates(img: Rgb, orig: Rgb, prepared: Prepared[]): Promise<Plate[]> {
    if (prepared.length === 0) return [];
    const cands = prepared.map((p) => p.cand);
    const jobs: LineJob[] = [];
    prepared.forEach((p, i) => {
      for (const line of p.lines) jobs.push({ cand: i, img: line });
    });
    const reads = await recogniseLines(this.models.rec, this.models.chars, jobs.map((j) => j.img));
    const perCand: LineRead[][] = cands.map(() => []);
    jobs.forEach((j, k) => perCand[j.cand].push(reads[k]));
    await this.secondLook(img, cands, perCand);
    prepared.forEach((p, i) => settleShapes(p.lines, perCand[i]));
    const plates: Plate[] = [];
    cands.forEach((c, i) => {
      const lines = perCand[i];
      const fix = correctSlots(lines.map((l) => l.slots));
      if (!fix) return;
      const n = lines.reduce((s, l) => s + l.slots.length, 0);
      // The recogniser's mean belief, then a flat factor per repair: averaging a look-alike
      // penalty over nine characters would let a twice-repaired phone number pass as a plate.
      const confidence = Math.exp(fix.modelLogp / Math.max(1, n)) * REPAIR_FACTOR ** fix.penalties;
      if (confidence < this.minConfidence) return;
      const box = quadBox(c.quad, img.width, img.height);
      plates.push({
        text: fix.info.text, display: fix.info.display, confidence: Math.round(confidence * 1000) / 1000, box,
        colour: plateColour(warpQuad(orig, c.quad, 64, 32)), kind: fix.info.kind,
        province: fix.info.province, merged: fix.info.merged, lines: lines.length === 2 ? 2 : 1, area: box[2] * box[3],
      });
    });
    return plates;
  }

  /**
   * Re-reads, from a slightly larger crop, the candidates that read as a plate but with a doubtful
   * character (runner-up above 5%), and averages the two reads' probabilities per position: the
   * two crops fall on different pixels, so a marginal 1/7 or B/8 often settles. Skipped when no
   * doubtful character, taken as its runner-up, would make a different valid plate (an S/5 in a
   * series-letter position is an S either way).
   */
  private async secondLook(img: Rgb, cands: Candidate[], perCand: LineRead[][]): Promise<void> {
    const doubtful = cands
      .map((c, i) => i)
      .filter((i) => doubtMatters(perCand[i].map((l) => l.slots)));
    if (doubtful.length === 0) return;
    const jobs = doubtful.flatMap((i) => lineImages(img, cands[i], SECOND_LOOK_PAD).map((line) => ({ cand: i, img: line })));
    const reads = await recogniseLines(this.models.rec, this.models.chars, jobs.map((j) => j.img));
    const again = new Map<number, LineRead[]>();
    jobs.forEach((j, k) => again.set(j.cand, [...(again.get(j.cand) ?? []), reads[k]]));
    for (const [i, second] of again) {
      const first = perCand[i];
      if (second.length !== first.length || second.some((l, k) => l.slots.length !== first[k].slots.length)) continue;
      perCand[i] = first.map((l, k) => ({ ...l, slots: l.slots.map((s, j) => averageSlot(s, second[k].slots[j])) }));
    }
  }

  private async findText(img: Rgb, sides: DetSides): Promise<TextBox[]> {
    if (Math.max(img.width, img.height) <= SCENE_SIDE) return detectText(this.models.det, img, sides.crop);
    const out: TextBox[] = [];
    for (const p of proposePlates(img, { max: sides.proposals })) {
      // Proposals overlap (two scales, neighbouring blobs): a line seen twice is read once.
      for (const b of await detectText(this.models.det, img, sides.proposal, p.box)) {
        if (!out.some((o) => sameLine(o, b))) out.push(b);
      }
    }
    return out;
  }
}

/** A character the recogniser hesitates over: best under 90%, runner-up over 5%. */
const doubtful = (s: Slot) => s[0].p < 0.9 && (s[1]?.p ?? 0) > 0.05;

/** Whether the lines read as a plate and some doubtful character, taken as an alternative, reads as another plate. */
function doubtMatters(lines: Slot[][]): boolean {
  // Nothing doubtful, nothing to settle: skip the grammar search (the common case).
  if (!lines.some((l) => l.some(doubtful))) return false;
  const base = correctSlots(lines);
  if (!base) return false;
  return lines.some((line, k) => line.some((s, j) => doubtful(s) && s.slice(1).some((o) => {
    const forced = lines.map((l, kk) => (kk !== k ? l : l.map((x, jj) => (jj === j ? [{ char: o.char, p: s[0].p }] : x))));
    const fix = correctSlots(forced);
    return fix !== null && fix.info.text !== base.info.text;
  })));
}

/** Settles 1/7/T doubts by the glyph's shape on the first read's line image. */
function settleShapes(lines: Rgb[], reads: LineRead[]): void {
  reads.forEach((r, k) => {
    r.slots.forEach((slot, j) => {
      if (!doubtsOneSeven(slot) || !lines[k]) return;
      const shape = glyphShape(lines[k], r.xs[j]);
      const verdict = shape && classify(shape);
      // A T verdict only says "not a 1 or a 7": the recogniser's own odds stand.
      if ((verdict === '1' || verdict === '7')) r.slots[j] = settleOneSeven(slot, verdict);
    });
  });
}

function averageSlot(a: Slot, b: Slot): Slot {
  const p = new Map<string, number>();
  for (const o of a) p.set(o.char, (p.get(o.char) ?? 0) + o.p / 2);
  for (const o of b) p.set(o.char, (p.get(o.char) ?? 0) + o.p / 2);
  return [...p.entries()].map(([char, q]) => ({ char, p: q })).sort((x, y) => y.p - x.p).slice(0, 3);
}

function sameLine(a: TextBox, b: TextBox): boolean {
  return Math.abs(a.cx - b.cx) < 0.25 * Math.max(a.w, b.w) && Math.abs(a.cy - b.cy) < 0.4 * Math.max(a.h, b.h)
    && Math.max(a.w, b.w) < 1.4 * Math.min(a.w, b.w);
}

/** Cheap geometry screen before recognition: plate lines are short and not too thin. */
function plausible(c: Candidate): boolean {
  return c.lines.every((q) => {
    const w = dist(q[0], q[1]);
    const h = dist(q[1], q[2]);
    // The longest plate line ("51LD-123.45") is under 8:1 even in a narrow font.
    return h >= 8 && w / h >= (c.split ? 0.8 : 1.2) && w / h <= 8.5;
  });
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Rectified 48-px-high images of a candidate's lines; a squat blob is cut at its quietest row. */
function lineImages(img: Rgb, c: Candidate, padding = 0): Rgb[] {
  const warpLine = (q0: Quad) => {
    const q = padding ? pad(q0, padding) : q0;
    const ratio = dist(q[0], q[1]) / Math.max(1, dist(q[1], q[2]));
    const width = Math.max(16, Math.min(REC_MAX_WIDTH, Math.round(REC_HEIGHT * ratio)));
    return warpQuad(img, q, width, REC_HEIGHT);
  };
  if (!c.split) return c.lines.map(warpLine);
  const q = c.lines[0];
  const whole = warpQuad(img, q, 96, 96);
  const f = splitRow(whole);
  const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const l = lerp(q[0], q[3], f);
  const r = lerp(q[1], q[2], f);
  return [warpLine([q[0], q[1], r, l]), warpLine([l, r, q[2], q[3]])];
}

/** Grows a quad along its own axes by a fraction of its height at each end and a third of that above and below. */
function pad(q: Quad, f: number): Quad {
  const w = dist(q[0], q[1]);
  const h = dist(q[1], q[2]);
  const [ux, uy] = [(q[1][0] - q[0][0]) / w, (q[1][1] - q[0][1]) / w];
  const [vx, vy] = [(q[3][0] - q[0][0]) / h, (q[3][1] - q[0][1]) / h];
  const [e, s] = [f * h, (f * h) / 3];
  const mv = (p: Point, a: number, b: number): Point => [p[0] + a * ux + b * vx, p[1] + a * uy + b * vy];
  return [mv(q[0], -e, -s), mv(q[1], e, -s), mv(q[2], e, s), mv(q[3], -e, s)];
}

/** Keeps the most confident plate among overlapping reads (a line read alone and inside its pair). */
function dedupe<T extends { box: [number, number, number, number]; confidence: number }>(plates: T[]): T[] {
  const sorted = [...plates].sort((a, b) => b.confidence - a.confidence);
  const kept: T[] = [];
  for (const p of sorted) if (!kept.some((k) => overlap(k.box, p.box) > 0.3)) kept.push(p);
  return kept;
}

function overlap(a: number[], b: number[]): number {
  const iw = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  return (iw * ih) / Math.min(a[2] * a[3], b[2] * b[3]);
}
