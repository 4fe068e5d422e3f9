import type { Box } from '../geometry';
import { COCO_CLASSES, type Detection } from './detector';

/** One NanoDet output level: per cell 80 class scores, and 4 sides x `bins` distance bins. */
export interface NanoLevel {
  /** Cells per side (input size / stride). */
  grid: number;
  stride: number;
  scores: Float32Array;
  reg: Float32Array;
}

const WANTED = Object.keys(COCO_CLASSES).map(Number);

/**
 * Decodes NanoDet (GFL head) outputs: a cell whose best wanted class scores at least `minScore`
 * becomes a box whose four sides lie at the expectation of a softmax over `bins` distance bins, in
 * strides, from the cell centre. Boxes come out in network input pixels scaled by (sx, sy).
 */
export function decodeNanoDet(levels: NanoLevel[], minScore: number, sx: number, sy: number): Detection[] {
  const out: Detection[] = [];
  for (const l of levels) {
    const cells = l.grid * l.grid;
    const bins = l.reg.length / cells / 4;
    for (let c = 0; c < cells; c++) {
      let best = 0;
      let cls = -1;
      for (const k of WANTED) {
        const s = l.scores[c * 80 + k];
        if (s > best) {
          best = s;
          cls = k;
        }
      }
      if (best < minScore) continue;
      const side = (j: number) => {
        const o = (c * 4 + j) * bins;
        let mx = -Infinity;
        for (let b = 0; b < bins; b++) mx = Math.max(mx, l.reg[o + b]);
        let sum = 0;
        let acc = 0;
        for (let b = 0; b < bins; b++) {
          const e = Math.exp(l.reg[o + b] - mx);
          sum += e;
          acc += e * b;
        }
        return (acc / sum) * l.stride;
      };
      const cx = ((c % l.grid) + 0.5) * l.stride;
      const cy = (Math.floor(c / l.grid) + 0.5) * l.stride;
      const x1 = cx - side(0);
      const y1 = cy - side(1);
      const x2 = cx + side(2);
      const y2 = cy + side(3);
      const box: Box = { x: x1 * sx, y: y1 * sy, w: (x2 - x1) * sx, h: (y2 - y1) * sy };
      out.push({ box, class: COCO_CLASSES[cls], score: best });
    }
  }
  return out;
}
