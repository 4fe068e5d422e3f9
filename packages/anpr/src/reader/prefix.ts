// A cheap screen for text-heavy images (street scenes): every line a plate starts with is digits
// (the province code of a one-line plate or a two-line plate's top line, the serial of its bottom
// line), while shop signs and vehicle lettering mostly start with letters and phone numbers with 0.
// Recognition costs in proportion to line width, so the first two characters of every wide candidate
// line are read together in one narrow batch, and only lines whose start could be a plate's are read
// in full. What is held back is still read when nothing else in the image gave a plate.
import type { Slot } from '../grammar/correct';
import type { Rgb } from './image';

/** Width of the prefix read at the recogniser's 48 px height: the margin and about two plate characters. */
export const PREFIX_WIDTH = 56;
/** Lines under 2.5 prefixes wide are read whole: screening them would save too little. */
const MIN_SCREENED_WIDTH = 2.5 * PREFIX_WIDTH;
/** Letters that recognisers confuse with digits (8/B, 1/T/I/J/L, 2/Z, 4/A, 5/S, 6/G, 0/D/O/Q/U). */
const DIGIT_LOOKALIKES = 'BTIJLZASGDOQU';
/**
 * A letter at least this probable, with no digit alternative above MIN_DIGIT, is taken as a letter;
 * a digit's look-alike must be all but certain (a blurred 8 can read as B).
 */
const SURE_LETTER = 0.5;
const MIN_DIGIT = 0.1;
const SURE_LOOKALIKE = 0.95;
const MIN_DIGIT_LOOKALIKE = 0.02;

/** Whether a line is wide enough for a prefix read to be worth it. */
export function worthScreening(line: Rgb): boolean {
  return line.width >= MIN_SCREENED_WIDTH;
}

/** The left PREFIX_WIDTH columns of a rectified line. */
export function prefixOf(line: Rgb): Rgb {
  const w = Math.min(PREFIX_WIDTH, line.width);
  const out = new Uint8Array(w * line.height * 3);
  for (let y = 0; y < line.height; y++) out.set(line.data.subarray(y * line.width * 3, (y * line.width + w) * 3), y * w * 3);
  return { data: out, width: w, height: line.height };
}

/** Whether a slot is surely a letter rather than a digit. */
function sureLetter(slot: Slot): boolean {
  const [top] = slot;
  if (!top || /[0-9]/.test(top.char)) return false;
  const lookalike = DIGIT_LOOKALIKES.includes(top.char);
  const minDigit = lookalike ? MIN_DIGIT_LOOKALIKE : MIN_DIGIT;
  return top.p >= (lookalike ? SURE_LOOKALIKE : SURE_LETTER) && !slot.some((o) => /[0-9]/.test(o.char) && o.p >= minDigit);
}

/** Whether a slot is surely a 0 (no other digit in the running). */
function sureZero(slot: Slot): boolean {
  const [top] = slot;
  return !!top && top.char === '0' && top.p >= SURE_LOOKALIKE && !slot.some((o) => /[1-9]/.test(o.char) && o.p >= MIN_DIGIT_LOOKALIKE);
}

/**
 * Whether a prefix read could be the start of a plate line: false when one of its first two
 * characters is surely a letter, or, for a plate's first line (`first`: it starts with a province
 * code, 11-99), when it surely starts with 0 (phone numbers). An empty or doubtful read passes.
 */
export function couldStartPlate(slots: Slot[], first: boolean): boolean {
  if (first && slots.length > 0 && sureZero(slots[0])) return false;
  return !slots.slice(0, 2).some(sureLetter);
}
