// `#/playback` and `#/playback/<cameraId>[/<cameraId>...]`: recorded video of up to four cameras
// in sync for one day, with a timeline per camera, speeds, frame steps and evidence export.
import { useEffect, useMemo, useState } from 'react';
import { camerasApi } from '../api/endpoints';
import { videoApi, type Recordings } from '../api/video';
import { ErrorAlert } from '../components/ui/alert';
import { Timeline, ZOOMS, type TimelineRow } from '../components/video/timeline';
import { DAY_MS, fmtTime, vnDay, vnDayStart } from '../components/video/vn-time';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { navigate } from '../hooks/use-hash-route';
import { useSyncPlayback, type Span, type Track } from '../hooks/use-sync-playback';
import { useT } from '../i18n/i18n';
import { ExportPanel } from '../views/video/export-panel';
import '../styles/video.css';

const MAX_CAMERAS = 4;
const SPEEDS = [1, 2, 4, 8];
const EXPORT_ROLES = ['admin', 'operator', 'officer'];

const toSpans = (list: { start: string; end: string }[]): Span[] => list.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));

export function PlaybackPage({ ids }: { ids: string[] }) {
  const t = useT();
  const user = useUser();
  const idsKey = ids.slice(0, MAX_CAMERAS).join('/');
  const cameraIds = useMemo(() => (idsKey ? idsKey.split('/') : []), [idsKey]);
  const cams = useAsync((signal) => camerasApi.list({ limit: 5000 }, signal), []);
  const byId = useMemo(() => new Map((cams.data?.items ?? []).map((c) => [c.id, c])), [cams.data]);
  const [day, setDay] = useState(() => vnDay());
  const [recs, setRecs] = useState<Record<string, Recordings>>({});
  const [error, setError] = useState<unknown>();
  const [viewMs, setViewMs] = useState(() => ZOOMS[3]!.ms);
  const [viewStart, setViewStart] = useState<number>();
  const [marks, setMarks] = useState<{ in?: number; out?: number }>({});
  const [fps, setFps] = useState(15);
  const dayStart = vnDayStart(day);
  const isToday = day === vnDay();

  // Spans of the chosen day; today's keep growing, so they are fetched again every few seconds.
  useEffect(() => {
    const ctrl = new AbortController();
    const load = () => {
      const to = Math.min(dayStart + DAY_MS, Date.now());
      Promise.all(cameraIds.map((id) => videoApi.recordings(id, new Date(dayStart), new Date(to), ctrl.signal))).then(
        (all) => {
          setRecs(Object.fromEntries(cameraIds.map((id, i) => [id, all[i]!])));
          setError(undefined);
        },
        (err: unknown) => !ctrl.signal.aborted && setError(err),
      );
    };
    load();
    const timer = isToday ? window.setInterval(load, 5000) : undefined;
    return () => {
      ctrl.abort();
      window.clearInterval(timer);
    };
  }, [cameraIds, dayStart, isToday]);

  useEffect(() => {
    if (!cameraIds[0]) return;
    videoApi.stream(cameraIds[0]).then(
      (s) => s.fps > 0 && setFps(s.fps),
      (err: unknown) => console.debug('playback: no stream info for fps', err),
    );
  }, [cameraIds]);

  const tracks: Track[] = useMemo(
    () => cameraIds.map((id) => ({ cameraId: id, spans: toSpans(recs[id]?.items ?? []) })),
    [cameraIds, recs],
  );
  const pb = useSyncPlayback(tracks, fps);
  const rows: TimelineRow[] = cameraIds.map((id) => ({
    id,
    name: byId.get(id)?.name ?? id,
    spans: toSpans(recs[id]?.items ?? []),
    gaps: toSpans(recs[id]?.gaps ?? []),
  }));

  // First spans of a day: start a minute before the end of the latest recording (or at its start).
  const loaded = cameraIds.length > 0 && cameraIds.every((id) => recs[id]);
  const [started, setStarted] = useState<string>();
  useEffect(() => {
    if (!loaded || started === `${day}:${cameraIds.join()}`) return;
    const spans = tracks.flatMap((tr) => tr.spans).sort((a, b) => a.end - b.end);
    const last = spans[spans.length - 1];
    const at = last ? Math.max(last.start, last.end - 60_000) : dayStart;
    setStarted(`${day}:${cameraIds.join()}`);
    pb.seek(at);
    setViewStart(Math.max(dayStart, Math.min(at - viewMs / 2, dayStart + DAY_MS - viewMs)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, day, cameraIds]);

  // Keep the play head in view when it runs off the timeline.
  const vs = viewStart ?? dayStart;
  useEffect(() => {
    if (pb.pos && (pb.pos < vs || pb.pos > vs + viewMs)) setViewStart(Math.max(dayStart, pb.pos - viewMs * 0.2));
  }, [pb.pos, vs, viewMs, dayStart]);

  function zoom(ms: number) {
    setViewMs(ms);
    setViewStart(Math.max(dayStart, Math.min(pb.pos - ms / 2, dayStart + DAY_MS - ms)));
  }

  const setIds = (next: string[]) => navigate(`/playback/${next.map(encodeURIComponent).join('/')}`);
  const cols = cameraIds.length > 1 ? 2 : 1;
  return (
    <section className="page playback-page" data-testid="playback-page">
      <div className="page__head">
        <h1>{t('video.pb.title')}</h1>
        <div className="page__tools">
          <label className="inline-form">
            {t('video.pb.day')}
            <input type="date" value={day} max={vnDay()} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="pb-day" />
          </label>
          <select
            value=""
            disabled={cameraIds.length >= MAX_CAMERAS}
            onChange={(e) => e.target.value && setIds([...cameraIds, e.target.value])}
            title={t('video.pb.max')}
            data-testid="pb-add"
          >
            <option value="">+ {t('video.pb.add')}</option>
            {(cams.data?.items ?? []).filter((c) => !cameraIds.includes(c.id)).map((c) => (
              <option key={c.id} value={c.id}>{c.name} · {c.unitName}</option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      {!cameraIds.length && <div className="empty">{t('video.pb.pick')}</div>}
      {cameraIds.length > 0 && (
        <>
          <div className="pb-players" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
            {cameraIds.map((id) => (
              <div className="pb-player" key={id} data-testid="pb-player" data-camera-id={id} data-state={pb.states[id] ?? 'idle'}>
                <video ref={pb.attach(id)} muted playsInline preload="auto" data-testid="pb-video" />
                <div className="pb-player__label">
                  <strong>{byId.get(id)?.name ?? id}</strong>
                  <span>{byId.get(id)?.unitName}</span>
                  <span className="pb-player__clock">{pb.states[id] === 'gap' ? t('video.pb.noRecording') : pb.states[id] === 'loading' ? t('video.pb.loading') : ''}</span>
                  {cameraIds.length > 1 && (
                    <button type="button" className="button--small" onClick={() => setIds(cameraIds.filter((x) => x !== id))}>
                      {t('video.pb.remove')}
                    </button>
                  )}
                </div>
              </div>
            ))}
          </div>
          <div className="pb-controls" data-testid="pb-controls">
            <span className="pb-clock" data-testid="pb-clock" data-pos={Math.round(pb.pos)}>{pb.pos ? fmtTime(pb.pos) : '--:--:--'}</span>
            <button type="button" onClick={() => pb.step(-1)} title={t('video.pb.stepBack')} data-testid="pb-step-back">«</button>
            {pb.playing ? (
              <button type="button" className="button--primary" onClick={pb.pause} data-testid="pb-pause">▮▮ {t('video.pb.pause')}</button>
            ) : (
              <button type="button" className="button--primary" onClick={pb.play} data-testid="pb-play">▶ {t('video.pb.play')}</button>
            )}
            <button type="button" onClick={() => pb.step(1)} title={t('video.pb.stepFwd')} data-testid="pb-step-fwd">»</button>
            <span className="muted">{t('video.pb.speed')}</span>
            {SPEEDS.map((s) => (
              <button key={s} type="button" className={`button--small${pb.rate === s ? ' on' : ''}`} onClick={() => pb.setRate(s)} data-testid={`pb-rate-${s}`}>
                {s}x
              </button>
            ))}
          </div>
          <Timeline rows={rows} viewStart={vs} viewMs={viewMs} pos={pb.pos} markIn={marks.in} markOut={marks.out} onSeek={pb.seek} onZoom={zoom} />
          {EXPORT_ROLES.includes(user.role) && (
            <ExportPanel
              cameras={cameraIds.map((id) => ({ id, name: byId.get(id)?.name ?? id }))}
              pos={pb.pos}
              markIn={marks.in}
              markOut={marks.out}
              onMarks={(a, b) => setMarks({ in: a, out: b })}
            />
          )}
        </>
      )}
    </section>
  );
}
