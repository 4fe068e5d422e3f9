// Live camera alerts for the whole app: one EventSource on /api/alerts/stream, a toast and a short
// tone for each new alert, and a window event so open health pages refresh themselves.
import { useEffect, useRef, useState } from 'react';
import { type HealthAlert, type HealthState, healthApi } from '../../api/health';
import { getToken } from '../../api/client';
import { useAuth } from '../../hooks/use-auth';
import { useT } from '../../i18n/i18n';
import { alertReasonText } from './reasons';
import '../../styles/health.css';

/** Dispatched on window for every health or alert event: `{ type: 'alert' | 'health', data }`. */
export const HEALTH_EVENT = 'vigil:health';

const READERS = ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'];
const MAX_TOASTS = 4;
const TOAST_MS = 15_000;

let audio: AudioContext | null = null;

/** Two short beeps; browsers allow sound only after a user gesture, so a refused tone is skipped. */
function tone(): void {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.22);
      gain.gain.exponentialRampToValueAtTime(0.25, now + i * 0.22 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.22 + 0.2);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + i * 0.22);
      osc.stop(now + i * 0.22 + 0.21);
    }
  } catch (err) {
    console.warn('alert tone unavailable', err);
  }
}

interface Toast {
  key: string;
  alert: HealthAlert;
}

export function AlertCenter() {
  const { user } = useAuth();
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seen = useRef(new Set<string>());
  const allowed = !!user && READERS.includes(user.role);

  useEffect(() => {
    if (!allowed || !getToken()) return;
    const es = new EventSource(healthApi.streamUrl());
    const onAlert = (e: MessageEvent<string>) => {
      const alert = JSON.parse(e.data) as HealthAlert;
      window.dispatchEvent(new CustomEvent(HEALTH_EVENT, { detail: { type: 'alert', data: alert } }));
      // Only a newly opened alert rings; acknowledgements and resolutions just refresh pages.
      if (alert.status !== 'open' || seen.current.has(alert.id)) return;
      seen.current.add(alert.id);
      tone();
      const key = `${alert.id}-${Date.now()}`;
      setToasts((list) => [...list.slice(-(MAX_TOASTS - 1)), { key, alert }]);
      window.setTimeout(() => setToasts((list) => list.filter((x) => x.key !== key)), TOAST_MS);
    };
    const onHealth = (e: MessageEvent<string>) => {
      window.dispatchEvent(new CustomEvent(HEALTH_EVENT, { detail: { type: 'health', data: JSON.parse(e.data) } }));
    };
    es.addEventListener('alert', onAlert);
    es.addEventListener('health', onHealth);
    return () => es.close();
  }, [allowed, user?.id]);

  if (!allowed || toasts.length === 0) return null;
  return (
    <div className="toasts" data-testid="alert-toasts" aria-live="assertive">
      {toasts.map(({ key, alert }) => (
        <div key={key} className="toast" role="alert" data-testid="alert-toast" data-alert-id={alert.id}>
          <div className="toast__body">
            <a href="#/alerts">{t('alerts.toast', { camera: alert.cameraName, kind: t(`hstate.${alert.kind as HealthState}`) })}</a>
            <div className="small muted">{alertReasonText(t, alert)}</div>
          </div>
          <button type="button" className="button--small" onClick={() => setToasts((l) => l.filter((x) => x.key !== key))}>{t('alerts.toastClose')}</button>
        </div>
      ))}
    </div>
  );
}

/** Calls `fn` on every live health/alert event (from the AlertCenter's stream). */
export function useHealthEvents(fn: () => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const h = () => ref.current();
    window.addEventListener(HEALTH_EVENT, h);
    return () => window.removeEventListener(HEALTH_EVENT, h);
  }, []);
}
