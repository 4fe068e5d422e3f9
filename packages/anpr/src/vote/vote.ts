// Combines the reads of one tracked vehicle across frames. Reads are grouped by shape (the
// grammar template and length), the shape with the most confidence wins, and each character is
// then voted position by position, weighted by the confidence of the read it came from; so one
// clear frame outweighs two blurred ones, and a single misread character is outvoted.
import { parsePlate } from '../grammar/format';

/** The part of a plate read that voting needs. */
export interface VoteInput {
  text: string;
  confidence: number;
  lines?: 1 | 2;
}

/** The track's plate, its confidence (0..1) and how many reads agreed with its shape. */
export interface VoteResult {
  text: string;
  display: string;
  confidence: number;
  votes: number;
}

/** Votes the reads of one vehicle into one plate, or null when no read is a valid plate. */
export function voteTrack(reads: VoteInput[]): VoteResult | null {
  const shapes = new Map<string, { weight: number; reads: VoteInput[] }>();
  for (const r of reads) {
    const info = parsePlate(r.text);
    if (!info || !(r.confidence > 0)) continue;
    const key = `${info.template}/${info.text.length}`;
    const s = shapes.get(key) ?? { weight: 0, reads: [] };
    s.weight += r.confidence;
    s.reads.push(r);
    shapes.set(key, s);
  }
  const best = [...shapes.values()].sort((a, b) => b.weight - a.weight)[0];
  if (!best) return null;
  const total = [...shapes.values()].reduce((s, x) => s + x.weight, 0);
  const len = best.reads[0].text.length;
  let text = '';
  let agreement = 1;
  for (let i = 0; i < len; i++) {
    const w = new Map<string, number>();
    for (const r of best.reads) w.set(r.text[i], (w.get(r.text[i]) ?? 0) + r.confidence);
    const [ch, cw] = [...w.entries()].sort((a, b) => b[1] - a[1])[0];
    text += ch;
    agreement = Math.min(agreement, cw / best.weight);
  }
  // Voting letter by letter can assemble an invalid plate (a province no read had); fall back to
  // the most confident whole read of the winning shape then.
  let info = parsePlate(text);
  if (!info || info.template !== parsePlate(best.reads[0].text)?.template) {
    const top = [...best.reads].sort((a, b) => b.confidence - a.confidence)[0];
    info = parsePlate(top.text)!;
    text = info.text;
    agreement = best.reads.filter((r) => r.text === text).reduce((s, r) => s + r.confidence, 0) / best.weight;
  }
  const meanConf = best.weight / best.reads.length;
  // Confidence: how sure the average read was, times how much the reads agreed on every position
  // and on the shape.
  const confidence = Math.round(meanConf * agreement * (best.weight / total) * 1000) / 1000;
  return { text, display: info.display, confidence, votes: best.reads.length };
}
