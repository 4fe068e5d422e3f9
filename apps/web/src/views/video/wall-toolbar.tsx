// Tools above the video wall: grid, two screens, tour, saved layouts, live transport, full screen.
import type { WallGrid, WallLayout } from '../../api/video';
import { setLiveTransport, useLiveTransport, type LiveTransport } from '../../hooks/live-transport';
import { GRIDS, type WallState } from '../../hooks/use-wall-state';
import { useT } from '../../i18n/i18n';

interface WallToolbarProps {
  wall: WallState;
  layouts: WallLayout[];
  touring: boolean;
  tourSec: number;
  busy: boolean;
  onGrid: (g: WallGrid) => void;
  onTwoScreens: (on: boolean) => void;
  onOpenScreen2: () => void;
  onTour: () => void;
  onTourSec: (sec: number) => void;
  onName: (name: string) => void;
  onSave: () => void;
  onLoad: (id: string) => void;
  onDelete: () => void;
  onNew: () => void;
  onFullscreen: () => void;
}

const GRID_LABEL: Record<WallGrid, string> = { 1: '1', 4: '2×2', 9: '3×3', 16: '4×4' };

export function WallToolbar(p: WallToolbarProps) {
  const t = useT();
  const { wall } = p;
  const transport = useLiveTransport();
  const twoAllowed = wall.grid === 4 || wall.grid === 9;
  return (
    <div className="wall-bar" data-testid="wall-toolbar">
      <div className="wall-bar__group" role="group" aria-label={t('video.wall.grid')}>
        {GRIDS.map((g) => (
          <button
            key={g}
            type="button"
            className={`button--small${wall.grid === g ? ' on' : ''}`}
            onClick={() => p.onGrid(g)}
            data-testid={`grid-${g}`}
            title={t('video.wall.gridKey', { key: g === 16 ? '6' : String(g) })}
          >
            {GRID_LABEL[g]}
          </button>
        ))}
      </div>
      <label className="wall-bar__check" title={t('video.wall.twoScreensHint')}>
        <input
          type="checkbox"
          checked={wall.twoScreens && twoAllowed}
          disabled={!twoAllowed}
          onChange={(e) => p.onTwoScreens(e.target.checked)}
          data-testid="two-screens"
        />
        {t('video.wall.twoScreens')}
      </label>
      {wall.twoScreens && twoAllowed && (
        <button type="button" className="button--small" onClick={p.onOpenScreen2} data-testid="open-screen-2">
          {t('video.wall.openScreen2')} ↗
        </button>
      )}
      <div className="wall-bar__group">
        <button type="button" className={`button--small${p.touring ? ' on' : ''}`} onClick={p.onTour} data-testid="tour-toggle" title="T">
          {p.touring ? `■ ${t('video.wall.tourStop')}` : `▶ ${t('video.wall.tourStart')}`}
        </button>
        <input
          type="number"
          className="wall-bar__sec"
          min={3}
          max={3600}
          value={p.tourSec}
          onChange={(e) => p.onTourSec(Math.max(3, Math.min(3600, Number(e.target.value) || 10)))}
          aria-label={t('video.wall.tourSec')}
          title={t('video.wall.tourSec')}
          data-testid="tour-sec"
        />
        <span className="muted small">s</span>
      </div>
      <div className="wall-bar__group wall-bar__layouts">
        <select
          value={wall.layoutId ?? ''}
          onChange={(e) => (e.target.value ? p.onLoad(e.target.value) : p.onNew())}
          aria-label={t('video.wall.layouts')}
          data-testid="layout-select"
        >
          <option value="">{t('video.wall.newLayout')}</option>
          {p.layouts.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({GRID_LABEL[l.grid]})
            </option>
          ))}
        </select>
        <input
          value={wall.name}
          onChange={(e) => p.onName(e.target.value)}
          placeholder={t('video.wall.layoutName')}
          aria-label={t('video.wall.layoutName')}
          data-testid="layout-name"
          maxLength={100}
        />
        <button type="button" className="button--small button--primary" onClick={p.onSave} disabled={p.busy} data-testid="layout-save" title="S">
          {t('common.save')}
        </button>
        {wall.layoutId && (
          <button type="button" className="button--small button--danger" onClick={p.onDelete} disabled={p.busy} data-testid="layout-delete">
            {t('common.delete')}
          </button>
        )}
      </div>
      <label className="wall-bar__check" title={t('video.wall.transportHint')}>
        {t('video.wall.transport')}
        <select value={transport} onChange={(e) => setLiveTransport(e.target.value as LiveTransport)} data-testid="live-transport">
          <option value="auto">{t('video.wall.transportAuto')}</option>
          <option value="hls">{t('video.wall.transportHls')}</option>
        </select>
      </label>
      <button type="button" className="button--small wall-bar__fs" onClick={p.onFullscreen} data-testid="fullscreen">
        □ {t('video.wall.fullscreen')}
      </button>
    </div>
  );
}
