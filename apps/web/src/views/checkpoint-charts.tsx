// Small SVG charts for the checkpoint dashboard (no chart library).
import type { ScanVerdict } from '../api/checkpoints';
import { fmtDateTime, fmtHm } from '../components/video/vn-time';

const COLOURS: Record<ScanVerdict, string> = { pass: '#1b8a3a', officer: '#e69b00', deny: '#c62828' };

/** Bars of scans per hour over the period. */
export function HourBars({ perHour, from, to }: { perHour: { hour: string; count: number }[]; from: string; to: string }) {
  const start = Math.floor(Date.parse(from) / 3600_000);
  const end = Math.floor(Date.parse(to) / 3600_000);
  const hours = Math.max(1, end - start + 1);
  const counts = new Map(perHour.map((h) => [Math.floor(Date.parse(h.hour) / 3600_000), h.count]));
  const max = Math.max(1, ...perHour.map((h) => h.count));
  const W = 480;
  const H = 120;
  const bw = W / hours;
  return (
    <svg className="cp-chart" viewBox={`0 0 ${W} ${H + 16}`} width="100%" role="img" data-testid="chart-hours">
      {Array.from({ length: hours }, (_, i) => {
        const n = counts.get(start + i) ?? 0;
        const h = (n / max) * H;
        return (
          <rect key={i} x={i * bw + 1} y={H - h} width={Math.max(1, bw - 2)} height={h} fill="#3b7dd8">
            <title>{`${fmtDateTime((start + i) * 3600_000)}: ${n}`}</title>
          </rect>
        );
      })}
      <text x={0} y={H + 13}>{fmtHm(start * 3600_000)}</text>
      <text x={W} y={H + 13} textAnchor="end">{fmtHm(end * 3600_000)}</text>
      <text x={W} y={10} textAnchor="end">max {max}</text>
    </svg>
  );
}

/** One stacked bar of the verdict mix. */
export function VerdictMix({ verdicts }: { verdicts: Record<ScanVerdict, number> }) {
  const total = verdicts.pass + verdicts.officer + verdicts.deny;
  let x = 0;
  return (
    <svg className="cp-chart" viewBox="0 0 480 34" width="100%" role="img" data-testid="chart-mix">
      {(['pass', 'officer', 'deny'] as const).map((v) => {
        const w = total ? (verdicts[v] / total) * 480 : 0;
        const el = (
          <g key={v}>
            <rect x={x} y={0} width={w} height={20} fill={COLOURS[v]} />
            {w > 40 && <text x={x + 4} y={32}>{`${v} ${Math.round((verdicts[v] / total) * 100)}%`}</text>}
          </g>
        );
        x += w;
        return el;
      })}
    </svg>
  );
}
