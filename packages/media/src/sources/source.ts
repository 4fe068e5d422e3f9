import type { StreamHub } from '../hub/stream-hub';

/** Why a source failed, in words an operator can act on. */
export type SourceErrorCode = 'UNREACHABLE' | 'AUTH' | 'NOT_FOUND' | 'NOT_VIDEO' | 'TIMEOUT' | 'ENDED' | 'UNSUPPORTED' | 'FAILED';

export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface SourceRunContext {
  hub: StreamHub;
  signal: AbortSignal;
  /** Options from the camera (RTSP transport...). */
  options: SourceOptions;
}

export interface SourceOptions {
  rtspTransport?: 'tcp' | 'udp';
  /** No data for this long counts as a dead source. */
  stallMs?: number;
  /** Live fragment length (see fmp4PipeOutput). */
  fragmentMs?: number;
}

/** A kind of camera source, registered by URL scheme (go2rtc's `streams.HandleFunc`). */
export interface SourceDriver {
  schemes: readonly string[];
  /** Feeds the hub until the source ends (rejects with SourceError) or `signal` aborts (resolves). */
  run(url: string, ctx: SourceRunContext): Promise<void>;
  /** Opens the source briefly to check it is a playable video stream. */
  probe(url: string, options: SourceOptions): Promise<{ codec: string; width: number; height: number }>;
}

/** Registry of source drivers keyed by scheme: no switch on source type anywhere else. */
export class SourceRegistry {
  private drivers = new Map<string, SourceDriver>();

  register(driver: SourceDriver): this {
    for (const s of driver.schemes) this.drivers.set(s, driver);
    return this;
  }

  for(url: string): SourceDriver {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    const d = this.drivers.get(scheme);
    if (!d) throw new SourceError('UNSUPPORTED', `no source for scheme "${scheme}:"`);
    return d;
  }

  get schemes(): string[] {
    return [...this.drivers.keys()];
  }
}

/** Maps ffmpeg's stderr to a source error code and a short message. */
export function classifyFfmpegError(stderr: string): SourceError {
  const s = stderr.toLowerCase();
  const last = stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300);
  if (/401|unauthori[sz]ed|authentication/.test(s)) return new SourceError('AUTH', `wrong credentials: ${last}`);
  if (/404|not found|no such file/.test(s)) return new SourceError('NOT_FOUND', `stream not found: ${last}`);
  if (/connection refused|timed out|timeout|no route|network is unreachable|name or service not known|could not resolve|failed to resolve|host unreachable/.test(s)) {
    return new SourceError('UNREACHABLE', `camera unreachable: ${last}`);
  }
  if (/invalid data|could not find codec|does not contain any stream|no video|unknown format|moov atom not found|end of file/.test(s)) {
    return new SourceError('NOT_VIDEO', `not a video stream: ${last}`);
  }
  return new SourceError('FAILED', last || 'ffmpeg exited');
}
