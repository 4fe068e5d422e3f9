import { side, type Pt } from '../geometry';

/**
 * Which side of a segment each track stands on, with hysteresis: a track must move more than
 * `margin` px past the line before its side changes; a track just past it (closer than 2.5 margins)
 * must be seen there twice in a row, so box jitter on the line (a detector box that grows and
 * shrinks) never counts as a crossing while a clear jump across counts at once.
 */
export class LineWatch {
  private sides = new Map<number, { sign: number; pending: number; at: number }>();
  private readonly len: number;

  constructor(
    private readonly a: Pt,
    private readonly b: Pt,
    private readonly margin = 4,
  ) {
    this.len = Math.hypot(b.x - a.x, b.y - a.y);
  }

  /** Signed distance of p from the line, px (> 0: right of a->b with y down). */
  distance(p: Pt): number {
    return side(this.a, this.b, p) / this.len;
  }

  /** Position of p's projection along a->b (0 at a, 1 at b). */
  along(p: Pt): number {
    const dx = this.b.x - this.a.x;
    const dy = this.b.y - this.a.y;
    return ((p.x - this.a.x) * dx + (p.y - this.a.y) * dy) / (this.len * this.len);
  }

  /** +1 crossed forward (left to right of a->b), -1 backward, 0 no crossing this step. */
  step(trackId: number, p: Pt, at: number, origin: Pt | null = null): number {
    const d = this.distance(p);
    // A new track followed back to where it came from starts on that side.
    if (origin && !this.sides.has(trackId)) {
      const d0 = this.distance(origin);
      if (Math.abs(d0) >= this.margin) this.sides.set(trackId, { sign: d0 > 0 ? 1 : -1, pending: 0, at });
    }
    const last = this.sides.get(trackId);
    if (last) last.at = at;
    if (Math.abs(d) < this.margin) return 0;
    const sign = d > 0 ? 1 : -1;
    if (!last) {
      this.sides.set(trackId, { sign, pending: 0, at });
      return 0;
    }
    if (last.sign === sign) {
      last.pending = 0;
      return 0;
    }
    last.pending += 1;
    if (last.pending < 2 && Math.abs(d) < this.margin * 2.5) return 0;
    last.sign = sign;
    last.pending = 0;
    const t = this.along(p);
    if (t < -0.05 || t > 1.05) return 0;
    return sign;
  }

  /** Forgets tracks unseen for `ms`. */
  prune(at: number, ms = 10_000): void {
    for (const [id, s] of this.sides) if (at - s.at > ms) this.sides.delete(id);
  }
}
