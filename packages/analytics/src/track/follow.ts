import type { Box } from '../geometry';
import type { Frame } from '../frame';

/** A grey picture at half resolution, for following boxes from one frame to the next. */
export interface Grey {
  w: number;
  h: number;
  data: Uint8Array;
}

/** 2x2-averaged luma of a frame (640x360 -> 320x180). */
export function greyHalf(f: Frame): Grey {
  const w = f.width >> 1;
  const h = f.height >> 1;
  const out = new Uint8Array(w * h);
  const d = f.data;
  const row = f.width * 3;
  for (let y = 0; y < h; y++) {
    let i = y * 2 * row;
    let o = y * w;
    for (let x = 0; x < w; x++, i += 6, o++) {
      const j = i + row;
      // (R + 2G + B) / 4 over four pixels.
      const s = d[i] + 2 * d[i + 1] + d[i + 2] + d[i + 3] + 2 * d[i + 4] + d[i + 5] + d[j] + 2 * d[j + 1] + d[j + 2] + d[j + 3] + 2 * d[j + 4] + d[j + 5];
      out[o] = s >> 4;
    }
  }
  return { w, h, data: out };
}

export interface FollowResult {
  box: Box;
  /** Mean absolute grey difference of the best match (0..255). */
  cost: number;
  /** Cost of the same patch left where it was. */
  stayCost: number;
}

/**
 * Where the picture inside `box` of `prev` went in `cur`: block matching (sum of absolute
 * differences on a sparse grid of at most ~14x14 samples of the box and a small margin) over
 * +-`radius` px around `guess`, coarse step then refined. Boxes in full-frame pixels.
 */
export function follow(prev: Grey, cur: Grey, box: Box, guess: Box, radius: number): FollowResult | null {
  // The template is the inner part of the box (15% of the shorter side off each edge at full
  // resolution): a detector box's corners are mostly road, which would pull a fast road user's
  // match back to where it stood.
  const pad = -Math.round((Math.min(box.w, box.h) * 0.15) / 2);
  const x0 = Math.round(box.x / 2) - pad;
  const y0 = Math.round(box.y / 2) - pad;
  const pw = Math.round(box.w / 2) + 2 * pad;
  const ph = Math.round(box.h / 2) + 2 * pad;
  if (box.w < 6 || box.h < 6) return null;
  const sx = Math.max(1, Math.floor(pw / 14));
  const sy = Math.max(1, Math.floor(ph / 14));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.max(0, y0); y < Math.min(prev.h, y0 + ph); y += sy) ys.push(y);
  for (let x = Math.max(0, x0); x < Math.min(prev.w, x0 + pw); x += sx) xs.push(x);
  if (xs.length < 3 || ys.length < 3) return null;
  const n = xs.length * ys.length;
  const ref = new Uint8Array(n);
  let k = 0;
  for (const y of ys) for (const x of xs) ref[k++] = prev.data[y * prev.w + x];
  const cost = (dx: number, dy: number): number => {
    // Samples that fall off the frame count as a large difference, so a box is not pushed out.
    let s = 0;
    let i = 0;
    for (const y of ys) {
      const yy = y + dy;
      if (yy < 0 || yy >= cur.h) {
        s += 64 * xs.length;
        i += xs.length;
        continue;
      }
      const rowAt = yy * cur.w;
      for (const x of xs) {
        const xx = x + dx;
        s += xx < 0 || xx >= cur.w ? 64 : Math.abs(cur.data[rowAt + xx] - ref[i]);
        i++;
      }
    }
    return s / n;
  };
  const gx = Math.round((guess.x - box.x) / 2);
  const gy = Math.round((guess.y - box.y) / 2);
  const r = Math.max(2, Math.round(radius / 2));
  let best = { dx: 0, dy: 0, c: cost(0, 0) };
  const stayCost = best.c;
  for (let dy = gy - r; dy <= gy + r; dy += 2)
    for (let dx = gx - r; dx <= gx + r; dx += 2) {
      const c = cost(dx, dy);
      if (c < best.c) best = { dx, dy, c };
    }
  const coarse = best;
  for (let dy = coarse.dy - 1; dy <= coarse.dy + 1; dy++)
    for (let dx = coarse.dx - 1; dx <= coarse.dx + 1; dx++) {
      if (dx === coarse.dx && dy === coarse.dy) continue;
      const c = cost(dx, dy);
      if (c < best.c) best = { dx, dy, c };
    }
  return { box: { ...box, x: box.x + best.dx * 2, y: box.y + best.dy * 2 }, cost: best.c, stayCost };
}
