// Region gate geometry: the part of the frame the rules look at (bounding box of every line,
// stop line and polygon, signal heads excluded), grown by about a road user's size, cut down to
// where there is motion, and the network input a crop of it is resized to.
import type { CameraRules } from '@vigil/types';
import type { Box } from '../geometry';

type Norm = { x: number; y: number };

/** Rule geometry points (normalised): lines, stop lines, zones and lanes; not signal heads. */
function rulePoints(rules: CameraRules['rules']): Norm[] {
  const pts: Norm[] = [];
  for (const r of rules) {
    if ('line' in r) pts.push(...r.line);
    if ('stopLine' in r) pts.push(...r.stopLine);
    if ('polygon' in r) pts.push(...r.polygon);
  }
  return pts;
}

/**
 * Bounding box in pixels of all rule geometry, grown by `margin` pixels on every side and clipped
 * to the frame; null without rules (then nothing needs detecting for the rules).
 */
export function ruleRegion(rules: CameraRules['rules'], width: number, height: number, margin: number): Box | null {
  const pts = rulePoints(rules);
  if (!pts.length) return null;
  const xs = pts.map((p) => p.x * width);
  const ys = pts.map((p) => p.y * height);
  return clip({ x: Math.min(...xs) - margin, y: Math.min(...ys) - margin, w: Math.max(...xs) - Math.min(...xs) + 2 * margin, h: Math.max(...ys) - Math.min(...ys) + 2 * margin }, width, height);
}

/**
 * Where to detect this frame: the rule region intersected with the union of the motion boxes
 * (each grown by `margin`, so a road user whose moving part is small is still seen whole); null
 * when no motion touches the rule region.
 */
export function motionRegion(rule: Box, blobs: Box[], margin: number): Box | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of blobs) {
    const bx1 = Math.max(rule.x, b.x - margin);
    const by1 = Math.max(rule.y, b.y - margin);
    const bx2 = Math.min(rule.x + rule.w, b.x + b.w + margin);
    const by2 = Math.min(rule.y + rule.h, b.y + b.h + margin);
    if (bx2 <= bx1 || by2 <= by1) continue;
    x1 = Math.min(x1, bx1);
    y1 = Math.min(y1, by1);
    x2 = Math.max(x2, bx2);
    y2 = Math.max(y2, by2);
  }
  return x2 > x1 ? { x: x1, y: y1, w: x2 - x1, h: y2 - y1 } : null;
}

/**
 * Integer crop of `roi` (whole pixels inside the frame) and the network input for it: `scale`
 * input pixels per frame pixel, each side rounded up to a multiple of `step` (the network's
 * stride), at least one step and at most `max`.
 */
export function cropAndInput(roi: Box, width: number, height: number, scale: number | { x: number; y: number }, step = 32, max = 512) {
  const { x: sx, y: sy } = typeof scale === 'number' ? { x: scale, y: scale } : scale;
  const x = Math.max(0, Math.floor(roi.x));
  const y = Math.max(0, Math.floor(roi.y));
  const crop = { x, y, w: Math.min(width, Math.ceil(roi.x + roi.w)) - x, h: Math.min(height, Math.ceil(roi.y + roi.h)) - y };
  const side = (px: number) => Math.min(max, Math.max(step, Math.ceil(px / step) * step));
  return { crop, input: { w: side(crop.w * sx), h: side(crop.h * sy) } };
}

function clip(b: Box, width: number, height: number): Box | null {
  const x1 = Math.max(0, b.x);
  const y1 = Math.max(0, b.y);
  const x2 = Math.min(width, b.x + b.w);
  const y2 = Math.min(height, b.y + b.h);
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, w: x2 - x1, h: y2 - y1 } : null;
}
