// Availability per row as horizontal SVG bars (0-100 %), coloured green/amber/red by threshold.
import type { AvailabilityRow } from '../../api/health';

const colour = (p: number) => (p >= 99 ? '#1e9e5a' : p >= 95 ? '#d98a00' : '#c0392b');

export function AvailabilityChart({ rows }: { rows: AvailabilityRow[] }) {
  const shown = rows.slice(0, 60);
  const bar = 18;
  const gap = 6;
  const labelW = 220;
  const width = 900;
  const plotW = width - labelW - 70;
  const height = shown.length * (bar + gap) + 24;
  return (
    <svg className="hchart" viewBox={`0 0 ${width} ${height}`} role="img" data-testid="availability-chart" aria-label="availability">
      {[0, 50, 95, 100].map((x) => (
        <g key={x}>
          <line x1={labelW + (plotW * x) / 100} x2={labelW + (plotW * x) / 100} y1={0} y2={height - 18} stroke="#dde3ea" strokeDasharray={x === 95 ? '4 3' : undefined} />
          <text x={labelW + (plotW * x) / 100} y={height - 4} textAnchor="middle">{x}%</text>
        </g>
      ))}
      {shown.map((r, i) => {
        const y = i * (bar + gap) + 4;
        const p = r.availabilityPct;
        return (
          <g key={r.key} data-testid="availability-bar" data-key={r.key} data-pct={p ?? ''}>
            <text x={labelW - 8} y={y + bar - 5} textAnchor="end">{r.label.length > 32 ? `${r.label.slice(0, 31)}…` : r.label}</text>
            {p !== null && <rect x={labelW} y={y} width={(plotW * p) / 100} height={bar} fill={colour(p)} rx={2} />}
            <text x={labelW + (p === null ? 0 : (plotW * p) / 100) + 6} y={y + bar - 5}>{p === null ? '—' : `${p.toFixed(2)}%`}</text>
          </g>
        );
      })}
    </svg>
  );
}
