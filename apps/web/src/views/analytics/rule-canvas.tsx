// The camera snapshot with every rule drawn over it (SVG in the picture's pixel space, points kept
// normalised): zones, lines with the counted direction, lane directions, signal regions, masks.
// Clicks add points to the shape being drawn; the selected rule's corners can be dragged.
import { useRef, useState, type PointerEvent, type ReactElement } from 'react';
import type { Pt, Rule } from '../../api/analytics';
import { clampPt, crossingArrows, getShape, shapesOf, svgPoints, type ShapeKey, type ShapeType } from './rule-model';

export type DragTarget = { rule: number; key: ShapeKey } | { mask: number };

interface Props {
  imageUrl: string;
  rules: Rule[];
  masks: Pt[][];
  selected: number | null;
  drawing: { type: ShapeType; points: Pt[] } | null;
  onAddPoint(p: Pt): void;
  onFinish(): void;
  onMove(target: DragTarget, vertex: number, p: Pt): void;
  onSelect(index: number): void;
  onImageError?(): void;
}

const COLOURS: Record<Rule['kind'], string> = { zone: '#f59e0b', line: '#22c55e', dwell: '#a855f7', parking: '#ef4444', wrong_way: '#f97316', red_light: '#dc2626', stop_line: '#e11d48', crowd: '#0ea5e9' };

export function RuleCanvas({ imageUrl, rules, masks, selected, drawing, onAddPoint, onFinish, onMove, onSelect, onImageError }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ w: 640, h: 360 });
  const drag = useRef<{ target: DragTarget; vertex: number } | null>(null);
  const { w, h } = size;

  const toPt = (e: { clientX: number; clientY: number }): Pt => {
    const r = svgRef.current!.getBoundingClientRect();
    return clampPt({ x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (drag.current) onMove(drag.current.target, drag.current.vertex, toPt(e));
  };
  const startDrag = (target: DragTarget, vertex: number) => (e: PointerEvent<SVGCircleElement>) => {
    if (drawing) return;
    e.stopPropagation();
    svgRef.current?.setPointerCapture(e.pointerId);
    drag.current = { target, vertex };
  };
  const handles = (pts: Pt[] | undefined, target: DragTarget, colour: string) =>
    (pts ?? []).map((p, i) => <circle key={i} className="rule-canvas__handle" cx={p.x * w} cy={p.y * h} r={6} fill={colour} onPointerDown={startDrag(target, i)} data-testid="rule-handle" />);

  return (
    <div className="rule-canvas" data-testid="rule-canvas">
      <img
        src={imageUrl}
        alt=""
        onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth || 640, h: e.currentTarget.naturalHeight || 360 })}
        onError={() => onImageError?.()}
        style={{ aspectRatio: `${w} / ${h}` }}
      />
      <svg
        ref={svgRef}
        viewBox={`0 0 ${w} ${h}`}
        preserveAspectRatio="none"
        className={drawing ? 'rule-canvas__svg rule-canvas__svg--drawing' : 'rule-canvas__svg'}
        onClick={(e) => drawing && onAddPoint(toPt(e))}
        onDoubleClick={() => drawing && onFinish()}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        data-testid="rule-svg"
      >
        <defs>
          <marker id="rule-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
          </marker>
        </defs>
        {masks.map((m, i) => (
          <g key={`m${i}`} data-testid="mask-shape">
            <polygon points={svgPoints(m, w, h)} className="rule-canvas__mask" />
            {!drawing && selected === null && handles(m, { mask: i }, '#64748b')}
          </g>
        ))}
        {rules.map((r, i) => (
          <RuleShapes key={`${r.id}-${i}`} rule={r} w={w} h={h} active={selected === i} onSelect={() => !drawing && onSelect(i)} />
        ))}
        {selected !== null && rules[selected] && !drawing && shapesOf(rules[selected]).map((k) => <g key={k}>{handles(getShape(rules[selected], k), { rule: selected, key: k }, '#fff')}</g>)}
        {drawing && (
          <g data-testid="drawing-shape">
            {drawing.type === 'polygon' ? <polyline points={svgPoints(drawing.points, w, h)} className="rule-canvas__draft" /> : <polyline points={svgPoints(drawing.points, w, h)} className="rule-canvas__draft" markerEnd="url(#rule-arrow)" />}
            {drawing.points.map((p, i) => <circle key={i} cx={p.x * w} cy={p.y * h} r={4} fill="#fff" />)}
          </g>
        )}
      </svg>
    </div>
  );
}

function RuleShapes({ rule, w, h, active, onSelect }: { rule: Rule; w: number; h: number; active: boolean; onSelect(): void }) {
  const colour = COLOURS[rule.kind];
  const cls = `rule-canvas__shape${active ? ' rule-canvas__shape--active' : ''}${rule.enabled ? '' : ' rule-canvas__shape--off'}`;
  const parts: ReactElement[] = [];
  for (const key of shapesOf(rule)) {
    const pts = getShape(rule, key);
    if (!pts?.length) continue;
    if (key === 'polygon' || key === 'signal') {
      parts.push(<polygon key={key} points={svgPoints(pts, w, h)} stroke={colour} fill={colour} className={`${cls} rule-canvas__area`} strokeDasharray={key === 'signal' ? '4 3' : undefined} />);
    } else if (key === 'direction') {
      // The lane's allowed direction: an arrow along the segment.
      parts.push(<line key={key} x1={pts[0]!.x * w} y1={pts[0]!.y * h} x2={pts[1]?.x !== undefined ? pts[1].x * w : pts[0]!.x * w} y2={pts[1]?.y !== undefined ? pts[1].y * h : pts[0]!.y * h} stroke={colour} className={cls} markerEnd="url(#rule-arrow)" strokeDasharray="8 4" data-testid="rule-direction" />);
    } else {
      parts.push(<polyline key={key} points={svgPoints(pts, w, h)} stroke={colour} className={`${cls} rule-canvas__line`} />);
      const dir = rule.kind === 'line' ? (typeof rule.direction === 'string' ? rule.direction : 'both') : rule.direction === 'backward' ? 'backward' : 'forward';
      crossingArrows(pts, dir as 'both' | 'forward' | 'backward', w, h).forEach((a, i) =>
        parts.push(<line key={`${key}-a${i}`} x1={a.from.x} y1={a.from.y} x2={a.to.x} y2={a.to.y} stroke={colour} className={cls} markerEnd="url(#rule-arrow)" data-testid="rule-arrow" />),
      );
    }
  }
  const first = getShape(rule, shapesOf(rule)[0]!)?.[0];
  return (
    <g onClick={onSelect} data-testid="rule-shape" data-rule-id={rule.id} data-kind={rule.kind} style={{ cursor: 'pointer' }}>
      {parts}
      {first && <text x={first.x * w + 6} y={first.y * h - 6} fill={colour} className="rule-canvas__label">{rule.name}</text>}
    </g>
  );
}
