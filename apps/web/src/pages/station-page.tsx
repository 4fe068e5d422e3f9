import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { checkpointsApi, type ScanResult, type StationSync } from '../api/checkpoints';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { useT } from '../i18n/i18n';
import '../styles/checkpoints.css';
import { beep } from '../views/station/beep';
import { enqueue, flushQueue, loadSync, queueSize, saveSync } from '../views/station/offline-queue';
import { verifyOffline } from '../views/station/offline-verify';
import { useKeyboardScanner } from '../views/station/use-keyboard-scanner';
import { type CameraCode, useQrCamera } from '../views/station/use-qr-camera';
import { VerdictScreen } from '../views/station/verdict-screen';
import { fmtDateTime } from '../components/video/vn-time';

const SAME_CODE_MS = 4000;
const VERDICT_MS = 5000;
const ONLINE_TIMEOUT_MS = 2500;

/** A checkpoint laptop: webcam or USB scanner in, full-screen verdict out; keeps working offline. */
export function StationPage({ checkpointId }: { checkpointId: string }) {
  const t = useT();
  const [sync, setSync] = useState<StationSync | null>(null);
  const [online, setOnline] = useState(true);
  const [queued, setQueued] = useState(0);
  const [result, setResult] = useState<ScanResult>();
  const [error, setError] = useState<unknown>();
  const [manual, setManual] = useState('');
  const last = useRef({ text: '', at: 0 });
  const syncRef = useRef(sync);
  syncRef.current = sync;

  const refreshSync = useCallback(async () => {
    try {
      const s = await checkpointsApi.sync(checkpointId);
      setSync(s);
      await saveSync(checkpointId, s);
      setOnline(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) setOnline(false);
      else setError(err);
    }
  }, [checkpointId]);

  // The last synced lists and the queue left on disk (IndexedDB) by an earlier session.
  useEffect(() => {
    let live = true;
    loadSync(checkpointId).then(
      (s) => live && s && setSync((cur) => cur ?? s),
      (err: unknown) => live && setError(err),
    );
    queueSize(checkpointId).then(
      (n) => live && setQueued(n),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [checkpointId]);

  useEffect(() => {
    void refreshSync();
    const every = setInterval(() => void refreshSync(), 5 * 60_000);
    return () => clearInterval(every);
  }, [refreshSync]);

  // Drain the offline queue whenever the link is back.
  useEffect(() => {
    const tick = async () => {
      try {
        if ((await queueSize(checkpointId)) === 0) return;
        setQueued(await flushQueue(checkpointId));
        setOnline(true);
      } catch (err) {
        if (err instanceof ApiError && err.status !== 0) setError(err);
        else setOnline(false);
      }
    };
    const every = setInterval(() => void tick(), 4000);
    return () => clearInterval(every);
  }, [checkpointId]);

  const check = useCallback(async (text: string, thumbnail?: string, clientMs?: number) => {
    const now = Date.now();
    if (text === last.current.text && now - last.current.at < SAME_CODE_MS) return;
    last.current = { text, at: now };
    const scanId = crypto.randomUUID();
    let res: ScanResult;
    try {
      res = await checkpointsApi.scan(checkpointId, { payload: text, scanId, thumbnail, clientMs }, AbortSignal.timeout(ONLINE_TIMEOUT_MS));
      setOnline(true);
    } catch (err) {
      const unreachable = (err instanceof ApiError && err.status === 0) || (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError'));
      if (!unreachable || !syncRef.current) {
        setError(err);
        return;
      }
      setOnline(false);
      res = await verifyOffline(text, syncRef.current, scanId);
      try {
        setQueued(await enqueue(checkpointId, { scanId, at: res.at, payload: text, verdict: res.verdict, reasons: res.reasons.map((r) => r.code), latencyMs: res.latencyMs, thumbnail: thumbnail?.replace(/^data:image\/jpeg;base64,/, '') }));
      } catch (err) {
        // Not queued (storage refused): the verdict still shows, and the officer sees why it will not sync.
        setError(err);
        setResult(res);
        beep(res.verdict);
        return;
      }
    }
    setError(undefined);
    setResult(res);
    beep(res.verdict);
  }, [checkpointId]);

  const camera = useQrCamera(useCallback((c: CameraCode) => void check(c.text, c.thumbnail, c.decodeMs), [check]));
  useKeyboardScanner((text) => void check(text));

  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), VERDICT_MS);
    return () => clearTimeout(timer);
  }, [result]);

  function submitManual(e: FormEvent) {
    e.preventDefault();
    if (!manual.trim()) return;
    last.current = { text: '', at: 0 };
    void check(manual.trim());
    setManual('');
  }

  const cp = sync?.checkpoint;
  return (
    <section className="page station" data-testid="station">
      <div className="page__head">
        <h1>{cp?.name ?? t('station.title')}</h1>
        <div className="page__tools">
          <span className={`station__link station__link--${online ? 'on' : 'off'}`} data-testid="station-online" data-online={online}>
            {online ? t('station.online') : t('station.offline')}
          </span>
          <span data-testid="station-queued" data-count={queued}>{t('station.queued', { count: queued })}</span>
        </div>
      </div>
      {sync && <div className="muted">{t('station.synced', { at: fmtDateTime(sync.generatedAt) })} · {t('checkpoints.officers')}: {cp?.officers.map((o) => `${o.rank} ${o.name}`.trim()).join(', ')}</div>}
      <ErrorAlert error={error} />
      {camera.error && <Alert kind="error" testId="camera-error">{t('station.cameraError', { message: camera.error })}</Alert>}
      <div className="station__camera">
        <video ref={camera.videoRef} muted playsInline data-testid="station-video" />
        {!camera.running && <div className="station__hint">{t('station.waiting')}</div>}
      </div>
      <div className="station__tools">
        {camera.running ? (
          <button type="button" onClick={camera.stop} data-testid="camera-stop">{t('station.cameraStop')}</button>
        ) : (
          <button type="button" className="button--primary" onClick={() => void camera.start()} data-testid="camera-start">{t('station.cameraStart')}</button>
        )}
        <form onSubmit={submitManual} className="station__manual">
          <input value={manual} onChange={(e) => setManual(e.target.value)} placeholder={t('station.manual')} data-testid="station-input" />
          <button type="submit" data-testid="station-check">{t('station.check')}</button>
        </form>
      </div>
      {result && <VerdictScreen result={result} onDismiss={() => setResult(undefined)} />}
    </section>
  );
}
