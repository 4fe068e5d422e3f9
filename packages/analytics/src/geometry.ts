/** Plane geometry in pixels (x right, y down) shared by motion, tracking and rules. */
export interface Pt {
  x: number;
  y: number;
}
/** Axis-aligned box in pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.w, b.x + b.w);
  const y2 = Math.min(a.y + a.h, b.y + b.h);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** The point of a box that touches the ground: bottom centre. */
export const anchor = (b: Box): Pt => ({ x: b.x + b.w / 2, y: b.y + b.h });
export const centre = (b: Box): Pt => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Ray-casting point-in-polygon test. */
export function inPolygon(p: Pt, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Cross product sign: > 0 when p lies right of a->b (y down), < 0 left. */
export function side(a: Pt, b: Pt, p: Pt): number {
  return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

/** Whether segments p1-p2 and q1-q2 intersect (touching counts). */
export function segmentsIntersect(p1: Pt, p2: Pt, q1: Pt, q2: Pt): boolean {
  const d1 = side(q1, q2, p1);
  const d2 = side(q1, q2, p2);
  const d3 = side(p1, p2, q1);
  const d4 = side(p1, p2, q2);
  if (d1 === 0 && d2 === 0) return false;
  return d1 * d2 <= 0 && d3 * d4 <= 0;
}

/** Scales normalised points to a frame of w x h pixels. */
export const toPx = (pts: readonly Pt[], w: number, h: number): Pt[] => pts.map((p) => ({ x: p.x * w, y: p.y * h }));

/** Whether the box's area overlaps the polygon (any corner, centre or anchor inside). */
export function boxTouches(b: Box, poly: readonly Pt[]): boolean {
  const probes = [anchor(b), centre(b), { x: b.x, y: b.y }, { x: b.x + b.w, y: b.y }, { x: b.x, y: b.y + b.h }, { x: b.x + b.w, y: b.y + b.h }];
  return probes.some((p) => inPolygon(p, poly));
}
