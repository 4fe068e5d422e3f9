import { StreamHub } from '../hub/stream-hub';
import { SegmentRecorder, type SegmentEvent } from '../recorder/segment-recorder';
import type { SourceError, SourceOptions, SourceRegistry } from '../sources/source';
import { Supervisor } from './supervisor';

export type IngestState = 'connecting' | 'online' | 'offline' | 'stopped';

export interface PipelineStatus {
  state: IngestState;
  since: number;
  error: { code: string; message: string } | null;
  attempts: number;
}

export interface CameraPipelineOptions {
  cameraId: string;
  /** Stream URL with credentials (never logged). */
  url: string;
  sources: SourceRegistry;
  sourceOptions?: SourceOptions;
  /** Where recordings go; null disables recording. */
  recordRoot: string | null;
  segmentSeconds?: number;
  /** How often the open file's progress is reported to the index. */
  progressEveryMs?: number;
  onSegment?(e: SegmentEvent): void;
  onStatus?(s: PipelineStatus): void;
  onRecorderError?(err: Error): void;
}

/**
 * One camera: a single supervised pull into a hub, with the recorder as one of the hub's consumers.
 * Viewers and the analytics sampler subscribe to `hub`. `close()` returns only once the pull has
 * stopped and the current file is closed.
 */
export class CameraPipeline {
  readonly hub: StreamHub;
  private readonly sup: Supervisor;
  private recorder: SegmentRecorder | null = null;
  private unsubscribeRecorder: (() => void) | null = null;
  private current: PipelineStatus = { state: 'connecting', since: Date.now(), error: null, attempts: 0 };

  constructor(private readonly o: CameraPipelineOptions) {
    this.hub = new StreamHub(o.cameraId);
    if (o.recordRoot) {
      this.recorder = new SegmentRecorder({
        cameraId: o.cameraId,
        root: o.recordRoot,
        segmentSeconds: o.segmentSeconds,
        progressEveryMs: o.progressEveryMs,
        onSegment: (e) => o.onSegment?.(e),
        onError: (err) => o.onRecorderError?.(err),
      });
      this.unsubscribeRecorder = this.hub.subscribe(this.recorder);
    }
    // Online means data is flowing: the first init of each attempt flips the state.
    this.hub.subscribe({
      onInit: () => this.setState('online', null),
      onFragment: () => undefined,
    });
    this.sup = new Supervisor({
      name: `camera-${o.cameraId}`,
      run: (signal) => o.sources.for(o.url).run(o.url, { hub: this.hub, signal, options: o.sourceOptions ?? {} }),
      minBackoffMs: 1000,
      maxBackoffMs: 30_000,
      healthyAfterMs: 20_000,
      onState: (state, d) => {
        this.current.attempts = d.attempt;
        if (state === 'backoff') {
          const e = d.error as SourceError | undefined;
          this.setState('offline', e ? { code: e.code ?? 'FAILED', message: e.message } : { code: 'ENDED', message: 'stream ended' });
        } else if (state === 'starting' && this.current.state !== 'offline') this.setState('connecting', null);
        else if (state === 'stopped') this.setState('stopped', null);
      },
    });
  }

  get status(): PipelineStatus {
    return { ...this.current };
  }

  start(): this {
    this.sup.start();
    return this;
  }

  async close(): Promise<void> {
    await this.sup.close();
    this.unsubscribeRecorder?.();
    await this.recorder?.close();
  }

  private setState(state: IngestState, error: PipelineStatus['error']): void {
    if (this.current.state === state && JSON.stringify(this.current.error) === JSON.stringify(error)) return;
    this.current = { ...this.current, state, since: Date.now(), error };
    this.o.onStatus?.(this.status);
  }
}
