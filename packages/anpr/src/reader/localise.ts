// Classical plate proposals for whole scenes. Running the text detector over a full 1280x720 frame
// costs ~300 ms on one core, so scenes are first searched for what a plate looks like at any
// distance: a compact patch dense in strong vertical strokes (the characters) whose bounding box
// has a plate's proportions (520x110 mm one-line, 330x165 / 190x140 mm two-line, so 0.9-6:1 once
// perspective and margins are allowed). The detector then runs only on those patches.
import type { Rgb } from './image';

/**
 * Scratch arrays reused from frame to frame (zeroed on reuse): a scene allocates several megabytes
 * of maps otherwise, and collecting them was a measurable share of a scene's time. Safe because the
 * search is synchronous; each worker thread has its own module instance.
 */
const scratchPool = new Map<string, Float32Array | Int32Array | Uint8Array>();
function scratch<T extends Float32Array | Int32Array | Uint8Array>(key: string, make: (n: number) => T, n: number): T {
  const cur = scratchPool.get(key) as T | undefined;
  if (cur && cur.length === n) return cur.fill(0) as T;
  const fresh = make(n);
  scratchPool.set(key, fresh);
  return fresh;
}

/** A region worth running the text detector on, [x, y, w, h] in image pixels. */
export interface Proposal {
  box: [number, number, number, number];
  score: number;
}

/** Options for the proposal search. */
export interface ProposalOptions {
  /** Working width the scene is reduced to (default 640). */
  workWidth?: number;
  /** At most this many proposals, best first (default 8). */
  max?: number;
}

/**
 * Finds plate-like regions in a scene, at two scales: the stroke-density window suits characters
 * 8-30 px high at the working scale, so near plates with big characters are found at half that.
 */
export function proposePlates(img: Rgb, opts: ProposalOptions = {}): Proposal[] {
  const f = Math.max(1, Math.round(img.width / (opts.workWidth ?? 640)));
  const max = opts.max ?? 8;
  const byScore = (a: Proposal, b: Proposal) => b.score - a.score;
  // Most plates in traffic are small, so the fine scale gets most of the budget; the coarse scale
  // adds a few near plates. A region found at both scales is proposed once.
  // The coarse scale's grey is the fine one halved, not a second pass over the RGB frame.
  const fineGray = grayShrunk(img, f);
  const fine = joinOverlapping(proposeAt(img, fineGray, f).sort(byScore)).slice(0, max - Math.floor(max / 4));
  const kept: Proposal[] = [...fine];
  for (const p of proposeAt(img, halve(fineGray), 2 * f).sort(byScore)) {
    if (kept.length >= max) break;
    if (!kept.some((k) => covers(k.box, p.box))) kept.push(p);
  }
  return kept;
}

/** A union may be at most this much longer than the longer of the two boxes it joins. */
const JOIN_GROWTH = 1.3;

/**
 * Joins overlapping proposals whose union is hardly larger than either: a tilted two-line plate
 * often gives one blob per line, and detecting each alone cuts the lines at the blobs' edges. The
 * union costs the detector about what the two pieces did.
 */
export function joinOverlapping(ps: Proposal[]): Proposal[] {
  const out = ps.map((p) => ({ ...p, box: [...p.box] as Proposal['box'] }));
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i].box;
      const b = out[j].box;
      const x0 = Math.min(a[0], b[0]), y0 = Math.min(a[1], b[1]);
      const x1 = Math.max(a[0] + a[2], b[0] + b[2]), y1 = Math.max(a[1] + a[3], b[1] + b[3]);
      const inter = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]))
        * Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
      const side = Math.max(a[2], a[3], b[2], b[3]);
      if (inter === 0 || Math.max(x1 - x0, y1 - y0) > JOIN_GROWTH * side) continue;
      out[i] = { box: [x0, y0, x1 - x0, y1 - y0], score: out[i].score + out[j].score };
      out.splice(j, 1);
      j = i; // the grown box may now overlap one already passed
    }
  }
  return out.sort((p, q) => q.score - p.score);
}

/** Whether box a contains the centre of box b. */
function covers(a: Proposal['box'], b: Proposal['box']): boolean {
  const cx = b[0] + b[2] / 2;
  const cy = b[1] + b[3] / 2;
  return cx >= a[0] && cx <= a[0] + a[2] && cy >= a[1] && cy <= a[1] + a[3];
}

/** A grey image at half the size (2x2 means). */
function halve({ g, w, h }: Gray): Gray {
  const w2 = Math.floor(w / 2);
  const h2 = Math.floor(h / 2);
  const out = scratch('half', (k) => new Float32Array(k), w2 * h2);
  for (let y = 0; y < h2; y++) {
    const a = 2 * y * w;
    for (let x = 0; x < w2; x++) {
      const i = a + 2 * x;
      out[y * w2 + x] = (g[i] + g[i + 1] + g[i + w] + g[i + w + 1]) / 4;
    }
  }
  return { g: out, w: w2, h: h2 };
}

interface Gray { g: Float32Array; w: number; h: number }

function proposeAt(img: Rgb, gray: Gray, f: number): Proposal[] {
  const { g, w, h } = gray;
  // Vertical-stroke strength, thresholded against this frame's own contrast so dusk frames work.
  const edge = scratch(`edge${f}`, (k) => new Float32Array(k), w * h);
  let sum = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 1; x < w - 1; x++) {
      const e = Math.abs(g[y * w + x + 1] - g[y * w + x - 1]);
      edge[y * w + x] = e;
      sum += e;
    }
  }
  const mean = sum / (w * h);
  const thr = Math.max(14, mean * 3.5);
  // Density of strong strokes in a window about one character high and three wide.
  const win = { x: 9, y: 4 };
  const ii = scratch(`ii${f}`, (k) => new Int32Array(k), (w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += edge[y * w + x] > thr ? 1 : 0;
      ii[(y + 1) * (w + 1) + x + 1] = ii[y * (w + 1) + x + 1] + row;
    }
  }
  const mask = scratch(`mask${f}`, (k) => new Uint8Array(k), w * h);
  const W1 = w + 1;
  for (let y = 0; y < h; y++) {
    const ya = y - win.y > 0 ? y - win.y : 0;
    const yb = y + win.y + 1 < h ? y + win.y + 1 : h;
    const ra = ya * W1;
    const rb = yb * W1;
    for (let x = 0; x < w; x++) {
      const xa = x - win.x > 0 ? x - win.x : 0;
      const xb = x + win.x + 1 < w ? x + win.x + 1 : w;
      const n = ii[rb + xb] - ii[ra + xb] - ii[rb + xa] + ii[ra + xa];
      if (n > 0.22 * (xb - xa) * (yb - ya)) mask[y * w + x] = 1;
    }
  }
  return components(mask, w, h, f)
    .filter((c) => {
      const bw = c.x1 - c.x0 + 1;
      const bh = c.y1 - c.y0 + 1;
      const ar = bw / bh;
      return bw >= 14 && bw <= 220 && bh >= 7 && bh <= 140 && ar > 0.7 && ar < 8 && c.n / (bw * bh) > 0.45;
    })
    .map((c) => {
      const bw = (c.x1 - c.x0 + 1) * f;
      const bh = (c.y1 - c.y0 + 1) * f;
      // Generous margins: the stroke mask hugs the characters, the plate is larger.
      const mx = bw * 0.25 + 8;
      const my = bh * 0.45 + 8;
      const x = Math.max(0, c.x0 * f - mx);
      const y = Math.max(0, c.y0 * f - my);
      const box: Proposal['box'] = [
        Math.round(x), Math.round(y),
        Math.round(Math.min(img.width, c.x1 * f + f + mx) - x), Math.round(Math.min(img.height, c.y1 * f + f + my) - y),
      ];
      // Score in full-resolution pixels so both scales rank together.
      return { box, score: c.n * f * f };
    });
}

/** Luma averaged over f x f blocks, straight from RGB (one pass, no full-size grey copy). */
function grayShrunk(img: Rgb, f: number): Gray {
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const g = scratch('gray', (k) => new Float32Array(k), w * h);
  const d = img.data;
  const W = img.width;
  const inv = 1 / (f * f);
  for (let y = 0; y < h; y++) {
    for (let dy = 0; dy < f; dy++) {
      let j = ((y * f + dy) * W) * 3;
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let dx = 0; dx < f; dx++, j += 3) s += 0.299 * d[j] + 0.587 * d[j + 1] + 0.114 * d[j + 2];
        g[y * w + x] += s * inv;
      }
    }
  }
  return { g, w, h };
}

interface Comp { x0: number; y0: number; x1: number; y1: number; n: number }

function components(mask: Uint8Array, w: number, h: number, f: number): Comp[] {
  const seen = scratch(`seen${f}`, (k) => new Uint8Array(k), w * h);
  const out: Comp[] = [];
  const stack: number[] = [];
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || seen[s]) continue;
    const c: Comp = { x0: w, y0: h, x1: 0, y1: 0, n: 0 };
    stack.push(s);
    seen[s] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      c.n++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x > 0 && mask[i - 1] && !seen[i - 1]) { seen[i - 1] = 1; stack.push(i - 1); }
      if (x < w - 1 && mask[i + 1] && !seen[i + 1]) { seen[i + 1] = 1; stack.push(i + 1); }
      if (y > 0 && mask[i - w] && !seen[i - w]) { seen[i - w] = 1; stack.push(i - w); }
      if (y < h - 1 && mask[i + w] && !seen[i + w]) { seen[i + w] = 1; stack.push(i + w); }
    }
    out.push(c);
  }
  return out;
}
