// `#/wall` (and `#/wall?screen=2` for the second screen of the monitoring room): live video wall.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { camerasApi } from '../api/endpoints';
import type { Camera } from '../api/types';
import { wallApi, type WallLayoutBody } from '../api/video';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { CameraPicker } from '../components/video/camera-picker';
import { LiveTile } from '../components/video/live-tile';
import { useAsync } from '../hooks/use-async';
import { useHashRoute } from '../hooks/use-hash-route';
import { moveIndex, useWallKeys } from '../hooks/use-wall-keys';
import { DEFAULT_TOUR_SEC, fromLayout, useWallState } from '../hooks/use-wall-state';
import { useT } from '../i18n/i18n';
import { WallToolbar } from '../views/video/wall-toolbar';

/** Which screen this window is: `?screen=2` in the hash opens the second half of the cells. */
function screenOfHash(): 1 | 2 {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('screen') === '2' ? 2 : 1;
}

export function WallPage() {
  const t = useT();
  useHashRoute();
  const screen = screenOfHash();
  const ctl = useWallState();
  const { wall, shown, selected, setSelected } = ctl;
  const cams = useAsync((signal) => camerasApi.list({ limit: 5000 }, signal), []);
  const layouts = useAsync(() => wallApi.list(), []);
  const cameras = useMemo(() => cams.data?.items ?? [], [cams.data]);
  const byId = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
  const [filtered, setFiltered] = useState<Camera[] | null>(null);
  const [enlarged, setEnlarged] = useState<number | null>(null);
  const [tourSec, setTourSec] = useState(wall.tour?.intervalSec ?? DEFAULT_TOUR_SEC);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const wallRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef(wall.name);
  nameRef.current = wall.name;

  const touring = !!wall.tour && wall.tourStartedAt !== null;
  const twoScreens = wall.twoScreens && (wall.grid === 4 || wall.grid === 9);
  const base = screen === 2 && twoScreens ? wall.grid : 0;
  const tiles = Array.from({ length: wall.grid }, (_, k) => base + k);
  const cols = Math.round(Math.sqrt(wall.grid));
  const used = useMemo(() => new Set(wall.cells.filter((c): c is string => !!c)), [wall.cells]);

  // The selection lives on this window's screen.
  useEffect(() => {
    if (selected < base || selected >= base + wall.grid) setSelected(base);
  }, [selected, base, wall.grid, setSelected]);
  useEffect(() => setEnlarged(null), [wall.grid, screen]);

  async function save() {
    const name = nameRef.current.trim();
    if (!name) {
      setError(new Error(t('video.wall.nameRequired')));
      document.querySelector<HTMLInputElement>('[data-testid=layout-name]')?.focus();
      return;
    }
    const body: WallLayoutBody = { name, grid: wall.grid, cells: wall.cells, tour: wall.tour };
    setBusy(true);
    setError(undefined);
    try {
      const current = layouts.data?.find((l) => l.id === wall.layoutId);
      // Same name: overwrite the loaded layout; a new name saves a copy.
      const savedLayout = current && current.name === name ? await wallApi.update(current.id, body) : await wallApi.create(body);
      ctl.patch({ layoutId: savedLayout.id, name: savedLayout.name });
      setNotice(t('video.wall.saved', { name: savedLayout.name }));
      layouts.reload();
    } catch (err) {
      setError(err instanceof ApiError && err.field === 'cells' ? new Error(t('video.wall.tooManyCells')) : err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const current = layouts.data?.find((l) => l.id === wall.layoutId);
    if (!current || !window.confirm(t('video.wall.confirmDelete', { name: current.name }))) return;
    setBusy(true);
    try {
      await wallApi.remove(current.id);
      ctl.patch({ layoutId: null });
      setNotice(t('video.wall.deleted', { name: current.name }));
      layouts.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function load(id: string) {
    const l = layouts.data?.find((x) => x.id === id);
    if (!l) return;
    ctl.replace(fromLayout(l));
    if (l.tour) setTourSec(l.tour.intervalSec);
    setNotice(undefined);
  }

  function toggleTour() {
    if (touring) return ctl.stopTour();
    const list = (filtered ?? cameras).map((c) => c.id);
    if (list.length) ctl.startTour(list, tourSec);
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else wallRef.current?.requestFullscreen().catch((err: unknown) => setError(err));
  }

  useWallKeys({
    grid: (g) => ctl.setGrid(g),
    move: (dx, dy) => setSelected(base + moveIndex(selected - base, wall.grid, dx, dy)),
    enlarge: () => setEnlarged((e) => (e === null ? selected : null)),
    escape: () => {
      setEnlarged(null);
      if (document.fullscreenElement) void document.exitFullscreen();
    },
    tour: toggleTour,
    save: () => void save(),
  });

  const visible = enlarged !== null ? [enlarged] : tiles;
  return (
    <section className="page wall-page" data-testid="wall-page" data-screen={screen}>
      {screen === 1 && (
        <WallToolbar
          wall={wall}
          layouts={layouts.data ?? []}
          touring={touring}
          tourSec={tourSec}
          busy={busy}
          onGrid={ctl.setGrid}
          onTwoScreens={ctl.setTwoScreens}
          onOpenScreen2={() => window.open(`${window.location.pathname}#/wall?screen=2`, 'vigil-wall-2', 'popup')}
          onTour={toggleTour}
          onTourSec={setTourSec}
          onName={(name) => ctl.patch({ name })}
          onSave={() => void save()}
          onLoad={load}
          onDelete={() => void remove()}
          onNew={() => ctl.patch({ layoutId: null, name: '' })}
          onFullscreen={toggleFullscreen}
        />
      )}
      {screen === 2 && (
        <div className="wall-bar">
          <strong>{t('video.wall.screen2')}</strong>
          {!twoScreens && <span className="muted">{t('video.wall.screen2Off')}</span>}
          <button type="button" className="button--small wall-bar__fs" onClick={toggleFullscreen} data-testid="fullscreen">
            □ {t('video.wall.fullscreen')}
          </button>
        </div>
      )}
      {notice && <Alert kind="success" testId="wall-notice">{notice}</Alert>}
      <ErrorAlert error={error} testId="wall-error" />
      <ErrorAlert error={cams.error} />
      <div className="wall-body">
        <div
          ref={wallRef}
          className={`wall${enlarged !== null ? ' wall--enlarged' : ''}`}
          style={{ gridTemplateColumns: `repeat(${enlarged !== null ? 1 : cols}, minmax(0, 1fr))` }}
          data-testid="wall"
          data-grid={wall.grid}
        >
          {visible.map((i) => {
            const id = shown[i] ?? null;
            const cam = id ? byId.get(id) : undefined;
            return (
              <LiveTile
                key={`${i}:${id ?? ''}`}
                cameraId={id}
                camera={cam ? { id: cam.id, name: cam.name, unitName: cam.unitName } : undefined}
                selected={i === selected}
                onSelect={() => setSelected(i)}
                onToggleEnlarge={() => setEnlarged((e) => (e === null ? i : null))}
                onDropCamera={(camId) => ctl.place(camId, i)}
                onClear={touring ? undefined : () => ctl.place(null, i)}
                emptyLabel={t('video.tile.emptyHint', { n: i + 1 })}
              />
            );
          })}
        </div>
        {screen === 1 && (
          <CameraPicker cameras={cameras} used={used} onPick={(c) => ctl.place(c.id)} onFiltered={setFiltered} />
        )}
      </div>
      <div className="wall-help muted small">{t('video.wall.keys')}</div>
    </section>
  );
}
