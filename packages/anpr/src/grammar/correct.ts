// Grammar-constrained choice of the plate text. Each character position carries the recogniser's
// alternatives; a position-aware look-alike table adds the shapes OCR confuses (0/D, 8/B ...), at a
// penalty. The best-scoring string that fits a template wins, so the result is always valid, and a
// read that was already valid is returned unchanged (any substitution only lowers its score).
import { build, normalise, SERIAL_LENGTHS, TEMPLATES, type PlateInfo } from './format';

/** One alternative for a character position, with its probability (0..1]. */
export interface CharOption {
  char: string;
  p: number;
}
/** The alternatives for one character position, best first. */
export type Slot = CharOption[];

/** What a letter is most likely to be when the position must hold a digit. */
const AS_DIGIT: Record<string, string> = {
  D: '0', O: '0', Q: '0', U: '0', B: '8', T: '1', I: '1', J: '1', L: '1', Z: '2', A: '4', S: '5', G: '6',
};
/** What a digit (or a letter never used in series) most likely is when the position must hold a letter. */
const AS_LETTER: Record<string, string> = {
  '0': 'D', O: 'D', Q: 'D', '8': 'B', '1': 'T', I: 'T', J: 'T', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', W: 'V',
};
/** Probability factor for taking a look-alike instead of what the recogniser saw. */
const LOOKALIKE_PENALTY = 0.05;
/** Probability factor for a motorbike series read off a one-line plate (motorbike plates are two-line). */
const ONE_LINE_MOTORBIKE = 0.05;
/** Probability factor for dropping one character (a dash or a border read as "1"). */
const DROP_PENALTY = 0.02;
/** Alternatives kept per position; 3 keeps the head search under a few hundred combinations. */
const KEEP = 3;

/** A corrected plate with the log-probability of the characters chosen and how many were substituted. */
export interface Correction {
  info: PlateInfo;
  logp: number;
  changed: number;
  /** Look-alike substitutions, dropped characters and layout priors paid for (0 for a clean read). */
  penalties: number;
  /** logp without those penalties: the recogniser's own belief in the chosen characters. */
  modelLogp: number;
}

interface Opt {
  char: string;
  logp: number;
  changed: boolean;
  lookalike: boolean;
}

function optionsFor(slot: Slot, allowed: string): Opt[] {
  const best = new Map<string, Opt>();
  const add = (char: string, logp: number, changed: boolean, lookalike: boolean) => {
    const cur = best.get(char);
    if (!cur || cur.logp < logp) best.set(char, { char, logp, changed, lookalike });
  };
  slot.forEach((o, i) => {
    const lp = Math.log(Math.max(o.p, 1e-6));
    // Only the top option counts as "unchanged": taking a runner-up is a substitution too.
    if (allowed.includes(o.char)) add(o.char, lp, i !== 0, false);
    const map = allowed === '0123456789' || allowed === '123456789' ? AS_DIGIT : AS_LETTER;
    const alt = map[o.char];
    if (alt && allowed.includes(alt)) add(alt, lp + Math.log(LOOKALIKE_PENALTY), true, true);
  });
  return [...best.values()].sort((a, b) => b.logp - a.logp).slice(0, KEEP);
}

/** Best assignment of a head (province+series) under one template; enumerates the few combinations. */
interface Part { logp: number; changed: number; looks: number }

function bestHead(slots: Slot[], tIndex: number): (Part & { head: string }) | null {
  const t = TEMPLATES[tIndex];
  const opts = slots.map((s, i) => optionsFor(s, t.head[i]));
  if (opts.some((o) => o.length === 0)) return null;
  let best: (Part & { head: string }) | null = null;
  const walk = (i: number, head: string, logp: number, changed: number, looks: number) => {
    if (best && logp <= best.logp) return; // log-probs only fall, so this branch cannot win
    if (i === opts.length) {
      if (build(t, head, '00000')) best = { head, logp, changed, looks };
      return;
    }
    for (const o of opts[i]) walk(i + 1, head + o.char, logp + o.logp, changed + (o.changed ? 1 : 0), looks + (o.lookalike ? 1 : 0));
  };
  walk(0, '', 0, 0, 0);
  return best;
}

function bestSerial(slots: Slot[]): (Part & { serial: string }) | null {
  let serial = '';
  let logp = 0;
  let changed = 0;
  let looks = 0;
  for (const s of slots) {
    const o = optionsFor(s, '0123456789')[0];
    if (!o) return null;
    serial += o.char;
    logp += o.logp;
    changed += o.changed ? 1 : 0;
    looks += o.lookalike ? 1 : 0;
  }
  return { serial, logp, changed, looks };
}

/**
 * The most probable valid plate for a read given as one or two lines of character slots
 * (two lines: province+series on top, serial below), or null when no template fits the lengths.
 */
export function correctSlots(lines: Slot[][]): Correction | null {
  // Also try without each character in turn (one spurious read), at a penalty that keeps an
  // exact fit ahead unless the exact fit itself needed unlikely substitutions.
  let best: Correction | null = fitTemplates(lines);
  lines.forEach((line, li) => {
    line.forEach((_, k) => {
      const fewer = lines.map((l, j) => (j === li ? [...l.slice(0, k), ...l.slice(k + 1)] : l));
      const c = fitTemplates(fewer);
      if (c && (!best || c.logp + Math.log(DROP_PENALTY) > best.logp)) {
        best = { ...c, logp: c.logp + Math.log(DROP_PENALTY), changed: c.changed + 1, penalties: c.penalties + 1 };
      }
    });
  });
  return best;
}

function fitTemplates(lines: Slot[][]): Correction | null {
  const all = lines.flat();
  let best: Correction | null = null;
  TEMPLATES.forEach((t, ti) => {
    const headLen = t.head.length;
    if (lines.length === 2 && lines[0].length !== headLen) return;
    const serialLen = all.length - headLen;
    if (!(SERIAL_LENGTHS as readonly number[]).includes(serialLen)) return;
    const head = bestHead(all.slice(0, headLen), ti);
    const serial = bestSerial(all.slice(headLen));
    if (!head || !serial) return;
    const info = build(t, head.head, serial.serial);
    if (!info) return;
    const oneLineBike = lines.length === 1 && t.kind === 'motorbike';
    const prior = oneLineBike ? Math.log(ONE_LINE_MOTORBIKE) : 0;
    const looks = head.looks + serial.looks;
    const c: Correction = {
      info, logp: head.logp + serial.logp + prior, changed: head.changed + serial.changed,
      penalties: looks + (oneLineBike ? 1 : 0), modelLogp: head.logp + serial.logp - looks * Math.log(LOOKALIKE_PENALTY),
    };
    // Strictly better only: on ties the earlier template (car before motorbike) stays.
    if (!best || c.logp > best.logp + 1e-9) best = c;
  });
  return best;
}

/** Slots for a plain string, each character certain: the look-alike table is the only source of change. */
export function slotsOf(text: string): Slot[] {
  return [...normalise(text)].map((char) => [{ char, p: 1 }]);
}

/** Corrects a plain string (or its two lines) to the nearest valid plate, or null when none fits. */
export function correctPlate(raw: string | string[]): Correction | null {
  const lines = Array.isArray(raw) ? raw.map(slotsOf) : [slotsOf(raw)];
  return correctSlots(lines);
}
