// How live video reaches this browser: `auto` = fMP4 over WebSocket into MSE (lowest latency),
// falling back to HLS where MSE is missing or WebSockets cannot get through (some proxies and
// firewalls pass plain HTTP only); `hls` = always HLS. Kept per browser in localStorage.
import { useSyncExternalStore } from 'react';

export type LiveTransport = 'auto' | 'hls';

const KEY = 'vigil.liveTransport';
const EVENT = 'vigil:live-transport';

export function getLiveTransport(): LiveTransport {
  try {
    return localStorage.getItem(KEY) === 'hls' ? 'hls' : 'auto';
  } catch (err) {
    // Storage refused (private mode, policy): the default applies.
    console.debug('live transport: storage unavailable', err);
    return 'auto';
  }
}

export function setLiveTransport(t: LiveTransport): void {
  try {
    localStorage.setItem(KEY, t);
  } catch (err) {
    console.warn('live transport: not saved', err);
  }
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => e.key === KEY && onChange();
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The current preference; components re-render when it changes (in this tab or another). */
export function useLiveTransport(): LiveTransport {
  return useSyncExternalStore(subscribe, getLiveTransport, () => 'auto');
}
