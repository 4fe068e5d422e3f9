import type { Count } from '../../api/cases';

/** Horizontal bars in plain SVG: one row per label, widths relative to the largest count. */
export function BarChart({ rows, testId }: { rows: Count[]; testId?: string }) {
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => r.count));
  const rowH = 22;
  return (
    <svg className="bar-chart" data-testid={testId} width="100%" height={shown.length * rowH + 4} viewBox={`0 0 600 ${shown.length * rowH + 4}`} role="img">
      {shown.map((r, i) => (
        <g key={r.key || i} transform={`translate(0 ${i * rowH + 2})`}>
          <text x="0" y="14" fontSize="12" fill="#1b2430">{r.label.length > 42 ? `${r.label.slice(0, 41)}…` : r.label}</text>
          <rect x="300" y="3" height="14" width={Math.max(2, (250 * r.count) / max)} fill="#2f7de1" rx="2" />
          <text x={306 + (250 * r.count) / max} y="14" fontSize="12" fill="#1b2430">{r.count}</text>
        </g>
      ))}
    </svg>
  );
}
