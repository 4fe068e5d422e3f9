// Live video of one camera in a <video>: fMP4 over WebSocket into Media Source Extensions (low
// latency), or HLS (hls.js, or the browser's own) where MSE is missing (older iOS Safari), where
// WebSockets do not get through (some proxies), or when the user chose HLS (`live-transport.ts`).
import { useEffect, useState, type RefObject } from 'react';
import { getToken } from '../api/client';
import { videoUrls } from '../api/video';
import { useLiveTransport } from './live-transport';

export type LiveState = 'idle' | 'connecting' | 'live' | 'offline' | 'disabled' | 'forbidden' | 'error' | 'unplayable';

export interface LiveStatus {
  state: LiveState;
  /** Server's reason (offline, refusal) or the player's error. */
  message?: string;
  codec?: string;
  width?: number;
  height?: number;
  mode?: 'mse' | 'hls';
}

/** Seek forward when the picture lags the newest data by more than this (seconds). */
const MAX_LATENCY = 1.0;
/** Where to land after such a seek, behind the newest data (seconds). */
const LIVE_EDGE = 0.2;
/** Buffer older than this behind the playhead is removed (seconds), to stay clear of QuotaExceeded. */
const KEEP_BEHIND = 10;
const RECONNECT_MAX_MS = 15_000;

interface InitMessage {
  type: 'init';
  codec: string;
  mime: string;
  width: number;
  height: number;
  browserPlayable: boolean;
}
type ServerMessage =
  | InitMessage
  | { type: 'status'; state: 'offline' | 'connecting' | 'disabled'; reason?: string }
  | { type: 'error'; error: string; message: string };

type Report = (s: LiveStatus) => void;

/** One WebSocket + MediaSource pipeline; `close()` releases everything. */
class MseSession {
  private ws: WebSocket | null = null;
  private ms: MediaSource | null = null;
  private sb: SourceBuffer | null = null;
  private objectUrl: string | null = null;
  private queue: ArrayBuffer[] = [];
  /** Binary data is dropped while the current stream cannot be played (H.265, unsupported codec). */
  private discard = false;
  private closed = false;
  private retryMs = 1000;
  private retryTimer: number | undefined;
  private noRetry = false;
  /** Sockets in a row that closed without ever opening. */
  private refused = 0;
  private last: LiveStatus = { state: 'connecting', mode: 'mse' };

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly cameraId: string,
    private readonly report: Report,
    /** Called instead of retrying when WebSockets cannot get through but plain HTTP does. */
    private readonly onSocketBlocked?: () => void,
  ) {
    this.connect();
  }

  private set(patch: Partial<LiveStatus>): void {
    this.last = { ...this.last, ...patch, mode: 'mse' };
    this.report(this.last);
  }

  private connect(): void {
    if (this.closed) return;
    const ws = new WebSocket(videoUrls.live(this.cameraId));
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.set({ state: 'connecting', message: undefined });
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.refused = 0;
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data === 'string') this.onText(ev.data);
      else if (!this.discard) {
        this.queue.push(ev.data as ArrayBuffer);
        this.pump();
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.closed || this.noRetry) return;
      // The camera dropped or the server restarted: come back with a growing pause.
      if (this.last.state === 'live' || this.last.state === 'connecting') this.set({ state: 'offline' });
      if (!opened) this.refused += 1;
      if (this.refused >= 2 && this.onSocketBlocked) void this.checkBlocked();
      else this.retry();
    };
  }

  private retry(): void {
    this.retryTimer = window.setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  /**
   * Sockets keep failing to open: when the server answers plain HTTP, something between (a proxy,
   * a firewall) stops WebSockets, so hand over to HLS; otherwise the server is down, keep retrying.
   */
  private async checkBlocked(): Promise<void> {
    let httpOk = false;
    try {
      httpOk = (await fetch('/healthz', { cache: 'no-store' })).ok;
    } catch (err) {
      console.debug('live: server unreachable, retrying', err);
    }
    if (this.closed) return;
    if (httpOk) this.onSocketBlocked?.();
    else this.retry();
  }

  private onText(text: string): void {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(text) as ServerMessage;
    } catch (err) {
      console.warn('live: bad control message', err);
      return;
    }
    if (msg.type === 'init') this.onInit(msg);
    else if (msg.type === 'status') this.set({ state: msg.state === 'connecting' ? 'connecting' : msg.state, message: msg.reason });
    else if (msg.type === 'error') {
      this.noRetry = true;
      this.set({ state: msg.error === 'FORBIDDEN' ? 'forbidden' : 'error', message: msg.message });
    }
  }

  /** A (new) stream starts: throw the old MediaSource away and build one for this codec. */
  private onInit(msg: InitMessage): void {
    this.resetMedia();
    this.retryMs = 1000;
    const info = { codec: msg.codec, width: msg.width, height: msg.height };
    if (!msg.browserPlayable || !MediaSource.isTypeSupported(msg.mime)) {
      this.discard = true;
      this.set({ ...info, state: 'unplayable', message: msg.codec });
      return;
    }
    this.discard = false;
    this.set({ ...info, state: 'connecting' });
    const ms = new MediaSource();
    this.ms = ms;
    this.objectUrl = URL.createObjectURL(ms);
    this.video.src = this.objectUrl;
    ms.addEventListener('sourceopen', () => {
      if (this.ms !== ms || this.closed) return;
      const sb = ms.addSourceBuffer(msg.mime);
      sb.mode = 'segments';
      sb.addEventListener('updateend', () => this.afterAppend());
      this.sb = sb;
      this.pump();
    }, { once: true });
  }

  private resetMedia(): void {
    this.queue = [];
    this.sb = null;
    if (this.ms && this.ms.readyState === 'open') {
      try {
        this.ms.endOfStream();
      } catch (err) {
        console.debug('live: endOfStream on reset', err);
      }
    }
    this.ms = null;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
  }

  private pump(): void {
    const sb = this.sb;
    if (!sb || sb.updating || !this.queue.length || this.ms?.readyState !== 'open') return;
    const chunk = this.queue.shift()!;
    try {
      sb.appendBuffer(chunk);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'QuotaExceededError') {
        // Keep the chunk and make room; afterAppend() pumps again once the removal is done.
        this.queue.unshift(chunk);
        this.trim(1);
        return;
      }
      this.set({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  private afterAppend(): void {
    const { video, sb } = this;
    if (!sb || sb.updating) return;
    const b = video.buffered;
    if (b.length) {
      const start = b.start(0);
      const end = b.end(b.length - 1);
      // Stay near the live edge: a stalled or background tab must not play old pictures.
      const behind = end - video.currentTime;
      if (video.currentTime < start || behind > MAX_LATENCY) video.currentTime = Math.max(start, end - LIVE_EDGE);
      // Between the two, catch up by playing slightly faster: no jump, no visible skip.
      else video.playbackRate = behind > 0.5 ? 1.25 : behind > LIVE_EDGE + 0.1 ? 1.1 : 1;
      if (this.last.state !== 'live' && end > start) this.set({ state: 'live', message: undefined });
      if (video.paused) {
        video.play().catch((err: unknown) => console.debug('live: autoplay refused', err));
      }
      if (this.trim(KEEP_BEHIND)) return;
    }
    this.pump();
  }

  /** Removes buffer older than `behind` seconds; true when a removal started. */
  private trim(behind: number): boolean {
    const { video, sb } = this;
    if (!sb || sb.updating || !video.buffered.length) return false;
    const start = video.buffered.start(0);
    const cut = video.currentTime - behind;
    if (cut - start < 1) return false;
    sb.remove(start, cut);
    return true;
  }

  close(): void {
    this.closed = true;
    window.clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'viewer left');
    this.resetMedia();
    this.video.removeAttribute('src');
    this.video.load();
  }
}

/** HLS fallback: hls.js when the browser has (Managed)MediaSource, else native HLS (Safari). */
function startHls(video: HTMLVideoElement, cameraId: string, report: Report): () => void {
  let stopped = false;
  let destroy = () => {};
  const url = videoUrls.hls(cameraId);
  report({ state: 'connecting', mode: 'hls' });
  const onPlaying = () => !stopped && report({ state: 'live', mode: 'hls' });
  video.addEventListener('playing', onPlaying);
  import('hls.js').then(
    ({ default: Hls }) => {
      if (stopped) return;
      if (Hls.isSupported()) {
        const token = getToken();
        const hls = new Hls({
          lowLatencyMode: true,
          liveSyncDuration: 1,
          // Segments are fetched by hls.js itself: give every request the bearer token.
          xhrSetup: (xhr) => {
            if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
          },
        });
        let retryMs = 1000;
        hls.on(Hls.Events.ERROR, (_e, data) => {
          if (!data.fatal || stopped) return;
          const code = data.response?.code;
          if (code === 401 || code === 403) {
            report({ state: 'forbidden', mode: 'hls', message: data.details });
            return;
          }
          report({ state: 'offline', mode: 'hls', message: data.details });
          // Camera or server gone for a while: load again with a growing pause; a broken
          // picture: let hls.js rebuild its media pipeline.
          if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
          else {
            window.setTimeout(() => !stopped && hls.startLoad(), retryMs);
            retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
          }
        });
        hls.on(Hls.Events.FRAG_BUFFERED, () => {
          retryMs = 1000;
        });
        hls.loadSource(url);
        hls.attachMedia(video);
        destroy = () => hls.destroy();
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = url;
        destroy = () => video.removeAttribute('src');
      } else {
        report({ state: 'unplayable', mode: 'hls', message: 'no MSE, no HLS' });
        return;
      }
      video.play().catch((err: unknown) => console.debug('hls: autoplay refused', err));
    },
    (err: unknown) => report({ state: 'error', mode: 'hls', message: err instanceof Error ? err.message : String(err) }),
  );
  return () => {
    stopped = true;
    video.removeEventListener('playing', onPlaying);
    destroy();
  };
}

/** Set once a tile found that WebSockets do not get through while HTTP does (a proxy). */
let socketsBlocked = false;

/** True when this browser can take the low-latency MSE path. */
export function canUseMse(): boolean {
  return typeof window !== 'undefined' && 'MediaSource' in window && typeof WebSocket !== 'undefined';
}

/**
 * Plays camera `cameraId` live into `videoRef` while `active` (tile in view); closes the socket
 * and releases the MediaSource when inactive or unmounted.
 */
export function useLivePlayer(videoRef: RefObject<HTMLVideoElement | null>, cameraId: string | null, active: boolean): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>({ state: 'idle' });
  const transport = useLiveTransport();
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !cameraId || !active) {
      setStatus({ state: 'idle' });
      return;
    }
    video.muted = true;
    video.playsInline = true;
    if (transport === 'hls' || socketsBlocked || !canUseMse()) return startHls(video, cameraId, setStatus);
    let stop: () => void = () => {};
    const session = new MseSession(video, cameraId, setStatus, () => {
      session.close();
      // Remembered for this page: other tiles and the next camera go straight to HLS.
      if (!socketsBlocked) console.info('live: WebSockets do not get through, playing HLS');
      socketsBlocked = true;
      stop = startHls(video, cameraId, setStatus);
    });
    stop = () => session.close();
    return () => stop();
  }, [videoRef, cameraId, active, transport]);
  return status;
}
