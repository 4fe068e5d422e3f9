// PP-OCRv4 line recognition with a CTC decode restricted to what plates can show. The general
// model knows 6,623 characters; keeping only digits, Latin letters and separators stops a plate
// "0" turning into a CJK glyph, and keeping each position's runner-up letters lets the grammar
// choose between "8" and "B" with the model's own odds.
import ort from 'onnxruntime-node';
import type { Slot } from '../grammar/correct';
import type { Rgb } from './image';

/** Recognition input height the model was trained on. */
export const REC_HEIGHT = 48;
/** Widest line fed to the model; plates never need more at 48 px high. */
export const REC_MAX_WIDTH = 320;

/** A decoded line: character slots with alternatives, and the plain best-path string. */
export interface LineRead {
  slots: Slot[];
  /** Centre of each slot on the line image, in pixels (from the frames the character spans). */
  xs: number[];
  text: string;
  /** Raw best path over the full alphabet, for the baseline and debugging ('' unless asked for). */
  raw: string;
}

/** Class indices grouped by the plate character they stand for (lowercase folds into uppercase). */
interface Alphabet {
  groups: Array<{ char: string; idx: number[] }>;
  separators: number[];
}

const cache = new WeakMap<string[], Alphabet>();

function alphabetOf(chars: string[]): Alphabet {
  let a = cache.get(chars);
  if (a) return a;
  const groups: Alphabet['groups'] = [];
  const wanted = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const ch of wanted) {
    const idx: number[] = [];
    chars.forEach((c, i) => {
      if (i > 0 && (c === ch || c === ch.toLowerCase())) idx.push(i);
    });
    groups.push({ char: ch, idx });
  }
  const separators: number[] = [];
  chars.forEach((c, i) => {
    if (i > 0 && (c === '-' || c === '.' || c === ' ' || c === '·' || c === ':' || c === '—')) separators.push(i);
  });
  a = { groups, separators };
  cache.set(chars, a);
  return a;
}

/**
 * Recognises line images and decodes each. Lines of similar width share a batch: a batch is padded
 * to its widest line, so mixing a 90 px line with a 300 px one would triple the narrow line's cost.
 */
export async function recogniseLines(sess: ort.InferenceSession, chars: string[], lines: Rgb[], raw = false): Promise<LineRead[]> {
  const order = lines.map((l, i) => i).sort((a, b) => lines[a].width - lines[b].width);
  const out: LineRead[] = new Array(lines.length);
  for (let s = 0; s < order.length; ) {
    let e = s + 1;
    while (e < order.length && lines[order[e]].width <= lines[order[s]].width * 1.3) e++;
    const reads = await recogniseBatch(sess, chars, order.slice(s, e).map((i) => lines[i]), raw);
    order.slice(s, e).forEach((i, k) => (out[i] = reads[k]));
    s = e;
  }
  return out;
}

async function recogniseBatch(sess: ort.InferenceSession, chars: string[], lines: Rgb[], raw: boolean): Promise<LineRead[]> {
  const W = Math.min(REC_MAX_WIDTH, Math.max(...lines.map((l) => l.width)));
  const plane = REC_HEIGHT * W;
  const input = new Float32Array(lines.length * 3 * plane);
  lines.forEach((img, b) => {
    const base = b * 3 * plane;
    const d = img.data;
    for (let y = 0; y < REC_HEIGHT; y++) {
      for (let x = 0; x < Math.min(W, img.width); x++) {
        const j = (y * img.width + x) * 3;
        const i = y * W + x;
        // BGR slots, scaled to [-1, 1]; padding stays 0 as in PaddleOCR.
        input[base + i] = d[j + 2] / 127.5 - 1;
        input[base + plane + i] = d[j + 1] / 127.5 - 1;
        input[base + 2 * plane + i] = d[j] / 127.5 - 1;
      }
    }
  });
  const out = await sess.run({ x: new ort.Tensor('float32', input, [lines.length, 3, REC_HEIGHT, W]) });
  const t = Object.values(out)[0];
  const [B, T, C] = t.dims as number[];
  const probs = t.data as Float32Array;
  const reads: LineRead[] = [];
  for (let b = 0; b < B; b++) {
    const read = ctcDecode(probs.subarray(b * T * C, (b + 1) * T * C), T, C, chars, raw);
    // Frames are evenly spaced over the padded batch width; lines sit at its left edge.
    reads.push({ ...read, xs: read.xs.map((t) => ((t + 0.5) * W) / T) });
  }
  return reads;
}

/**
 * Best-path CTC over the plate alphabet; each emitted character keeps its top 3 alternatives. The
 * raw best path over all 6,625 classes is decoded only when asked (the baseline): it is most of the
 * decode's cost.
 */
export function ctcDecode(p: Float32Array, T: number, C: number, chars: string[], withRaw = true): LineRead {
  const { groups, separators } = alphabetOf(chars);
  const slots: Slot[] = [];
  const xs: number[] = [];
  // First and last frame of the current run (ctcDecode's xs are frame indices; recogniseBatch maps them to pixels).
  let first = 0;
  let last = 0;
  let raw = '';
  let rawPrev = -1;
  let prev = -1; // previous frame's winning group (-1 blank/separator)
  let cur: Float32Array | null = null; // per-group max probability across the current run
  const flush = () => {
    if (!cur) return;
    const alts = groups.map((g, k) => ({ char: g.char, p: cur![k] })).sort((a, b) => b.p - a.p).slice(0, 3);
    slots.push(alts);
    xs.push((first + last) / 2);
    cur = null;
  };
  for (let t = 0; t < T; t++) {
    const row = t * C;
    if (withRaw) {
      // Raw best path over every class, for the unconstrained baseline.
      let rb = 0;
      for (let c = 1; c < C; c++) if (p[row + c] > p[row + rb]) rb = c;
      if (rb !== rawPrev && rb !== 0) raw += chars[rb] ?? '';
      rawPrev = rb;
    }

    const gp = new Float32Array(groups.length);
    let best = -1;
    let bestP = p[row]; // blank
    for (const s of separators) bestP = Math.max(bestP, p[row + s]);
    for (let k = 0; k < groups.length; k++) {
      let s = 0;
      for (const i of groups[k].idx) s += p[row + i];
      gp[k] = s;
      if (s > bestP) { bestP = s; best = k; }
    }
    if (best === -1) {
      flush();
    } else if (best !== prev) {
      flush();
      cur = gp;
      first = t;
    } else if (cur) {
      for (let k = 0; k < gp.length; k++) cur[k] = Math.max(cur[k], gp[k]);
    }
    if (best !== -1) last = t;
    prev = best;
  }
  flush();
  return { slots, xs, text: slots.map((s) => s[0].char).join(''), raw };
}
