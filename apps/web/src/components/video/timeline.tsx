// Recording timeline: one bar per camera (recorded spans coloured, gaps grey), a shared time axis
// in Vietnam time, the play head and the export marks; click a bar to seek.
import type { MouseEvent } from 'react';
import type { Span } from '../../hooks/use-sync-playback';
import { useT } from '../../i18n/i18n';
import { fmtHm, fmtTime } from './vn-time';

export interface TimelineRow {
  id: string;
  name: string;
  spans: Span[];
  gaps: Span[];
}

export const ZOOMS: { label: string; ms: number }[] = [
  { label: '24h', ms: 24 * 3600_000 },
  { label: '6h', ms: 6 * 3600_000 },
  { label: '1h', ms: 3600_000 },
  { label: '10m', ms: 600_000 },
  { label: '2m', ms: 120_000 },
];

interface TimelineProps {
  rows: TimelineRow[];
  viewStart: number;
  viewMs: number;
  pos: number;
  markIn?: number;
  markOut?: number;
  onSeek: (t: number) => void;
  onZoom: (ms: number) => void;
}

const TICK_STEPS = [15_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000];

export function Timeline({ rows, viewStart, viewMs, pos, markIn, markOut, onSeek, onZoom }: TimelineProps) {
  const t = useT();
  const viewEnd = viewStart + viewMs;
  const pct = (x: number) => `${(((x - viewStart) / viewMs) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) => `${(((Math.min(b, viewEnd) - Math.max(a, viewStart)) / viewMs) * 100).toFixed(3)}%`;
  const inView = (s: Span) => s.end > viewStart && s.start < viewEnd;
  const step = TICK_STEPS.find((s) => viewMs / s <= 12) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: number[] = [];
  // Vietnam is UTC+7 with whole hours, so UTC-aligned steps fall on round local times too.
  for (let x = Math.ceil(viewStart / step) * step; x <= viewEnd; x += step) ticks.push(x);

  function click(e: MouseEvent<HTMLDivElement>) {
    const r = e.currentTarget.getBoundingClientRect();
    onSeek(viewStart + ((e.clientX - r.left) / r.width) * viewMs);
  }

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline__zoom">
        <span>{t('video.pb.zoom')}:</span>
        {ZOOMS.map((z) => (
          <button key={z.label} type="button" className={`button--small${z.ms === viewMs ? ' on' : ''}`} onClick={() => onZoom(z.ms)} data-testid={`zoom-${z.label}`}>
            {z.label}
          </button>
        ))}
        <span className="muted">
          {fmtTime(viewStart)} – {fmtTime(viewEnd)} · {t('video.pb.timezone')}
        </span>
      </div>
      {rows.map((row) => (
        <div className="timeline__row" key={row.id}>
          <span className="timeline__name" title={row.name}>
            {row.name} <span className="muted">({row.spans.length})</span>
          </span>
          <div className="timeline__bar" onClick={click} data-testid="timeline-bar" data-camera-id={row.id} data-spans={row.spans.length}>
            {row.gaps.filter(inView).map((g) => (
              <div key={`g${g.start}`} className="timeline__gap" style={{ left: pct(Math.max(g.start, viewStart)), width: width(g.start, g.end) }} />
            ))}
            {row.spans.filter(inView).map((s) => (
              <div
                key={`s${s.start}`}
                className="timeline__span"
                style={{ left: pct(Math.max(s.start, viewStart)), width: width(s.start, s.end) }}
                title={`${fmtTime(s.start)} – ${fmtTime(s.end)}`}
                data-testid="timeline-span"
              />
            ))}
            {markIn !== undefined && markOut !== undefined && markOut > markIn && (
              <div className="timeline__marks" style={{ left: pct(Math.max(markIn, viewStart)), width: width(markIn, markOut) }} />
            )}
            {pos >= viewStart && pos <= viewEnd && <div className="timeline__head" style={{ left: pct(pos) }} />}
          </div>
        </div>
      ))}
      <div className="timeline__axis">
        {ticks.map((x) => (
          <span key={x} className="timeline__tick" style={{ left: pct(x) }}>
            {step < 60_000 ? fmtTime(x) : fmtHm(x)}
          </span>
        ))}
      </div>
    </div>
  );
}
