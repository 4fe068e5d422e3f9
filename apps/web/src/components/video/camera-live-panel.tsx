// Live preview on the camera page: the picture, the ingest state and a snapshot button.
import { useEffect, useState } from 'react';
import { videoApi, type StreamInfo } from '../../api/video';
import { ErrorAlert } from '../ui/alert';
import { useT } from '../../i18n/i18n';
import { LiveTile, type TileCamera } from './live-tile';
import { fmtDateTime } from './vn-time';

export function CameraLivePanel({ camera }: { camera: TileCamera }) {
  const t = useT();
  const [info, setInfo] = useState<StreamInfo>();
  const [snap, setSnap] = useState<{ url: string; at: number }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // Ingest state changes on its own (camera drops, reconnects): poll it while the page is open.
  useEffect(() => {
    const ctrl = new AbortController();
    const load = () =>
      videoApi.stream(camera.id, ctrl.signal).then(setInfo, (err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    void load();
    const id = window.setInterval(() => void load(), 5000);
    return () => {
      ctrl.abort();
      window.clearInterval(id);
    };
  }, [camera.id]);
  useEffect(() => () => snap && URL.revokeObjectURL(snap.url), [snap]);

  async function takeSnapshot() {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await videoApi.snapshot(camera.id);
      setSnap({ url: URL.createObjectURL(blob), at: Date.now() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="camera-live">
      <h2>{t('video.live.title')}</h2>
      <div className="live-panel">
        <LiveTile cameraId={camera.id} camera={camera} />
        <div className="live-panel__side">
          <button type="button" className="button--primary" onClick={() => void takeSnapshot()} disabled={busy} data-testid="snapshot">
            {t('video.live.snapshot')}
          </button>
          <a className="button" href={`#/playback/${encodeURIComponent(camera.id)}`}>{t('video.live.playback')}</a>
          {info && (
            <dl className="small" data-testid="stream-info" data-state={info.state}>
              <dt className="muted">{t('video.live.state')}</dt>
              <dd>{t(`video.stream.${info.state}`)}{info.error ? ` · ${info.error.message}` : ''}</dd>
              <dt className="muted">{t('video.live.codec')}</dt>
              <dd>{info.codec ?? '—'} {info.codec && !info.browserPlayable && `(${t('video.tile.h265')})`}</dd>
              <dt className="muted">{t('video.live.resolution')}</dt>
              <dd>{info.width}×{info.height} · {info.fps.toFixed(1)} fps · {info.bitrateKbps} kb/s</dd>
              <dt className="muted">{t('video.live.viewers')}</dt>
              <dd>{info.viewers}</dd>
            </dl>
          )}
          <ErrorAlert error={error} testId="snapshot-error" />
          {snap && (
            <a href={snap.url} download={`snapshot-${camera.id}-${snap.at}.jpg`} title={t('video.live.download')}>
              <img className="live-panel__snap" src={snap.url} alt={fmtDateTime(snap.at)} data-testid="snapshot-img" />
              <span className="small muted">{fmtDateTime(snap.at)}</span>
            </a>
          )}
        </div>
      </div>
    </div>
  );
}
