import { existsSync } from 'node:fs';
import { rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { CameraRecord, RecordingStore } from '@vigil/core';
import { CameraPipeline, closeDemoScenes, defaultSources, fmp4DurationMs, type PipelineStatus, type SourceRegistry, type StreamHub } from '@vigil/media';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';

interface Running {
  pipeline: CameraPipeline;
  /** What the pipeline was started with; a change restarts it. */
  key: string;
}

/**
 * Keeps one pipeline per enabled camera in step with the camera registry: started at boot, restarted
 * when its URL or recording settings change, stopped (and its ffmpeg gone) when disabled or deleted.
 */
export class VideoManager {
  readonly sources: SourceRegistry = defaultSources();
  readonly recordRoot: string;
  private running = new Map<string, Running>();
  /** Last write error of each camera's recorder (the health monitor reports it). */
  readonly recordingErrors = new Map<string, { message: string; at: number }>();
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly ctx: VigilContext,
    private readonly recordings: RecordingStore,
    private readonly log: FastifyBaseLogger,
  ) {
    this.recordRoot = ctx.config.video.recordDir ?? join(ctx.dataDir, 'recordings');
  }

  async start(): Promise<void> {
    if (!this.ctx.config.video.ingest) return;
    await this.recover();
    this.unsubscribe = this.ctx.cameras.onChange((c) => this.enqueue(() => this.sync(c.id)));
    const all = await this.ctx.stores.cameras.list({ unitIds: (await this.ctx.stores.units.all()).map((u) => u.id), limit: 1_000_000, offset: 0 });
    for (const cam of all.rows) await this.sync(cam.id, cam);
  }

  /**
   * After a crash or power cut, files that were being written are closed in the index with the
   * duration actually on disk (the recorder flushes fragments as they arrive).
   */
  async recover(): Promise<number> {
    const open = await this.recordings.incomplete();
    for (const s of open) {
      const ms = existsSync(s.path) ? await fmp4DurationMs(s.path).catch(() => 0) : 0;
      if (ms <= 0) {
        await this.recordings.delete([s.id]);
        continue;
      }
      const bytes = (await stat(s.path)).size;
      await this.recordings.upsert({ ...s, endMs: Math.round(s.startMs + ms), bytes, complete: true });
    }
    if (open.length) this.log.info({ segments: open.length }, 'recovered recordings left open by an unclean stop');
    return open.length;
  }

  hub(cameraId: string): StreamHub | undefined {
    return this.running.get(cameraId)?.pipeline.hub;
  }

  status(cameraId: string): PipelineStatus | undefined {
    return this.running.get(cameraId)?.pipeline.status;
  }

  /** Ids of cameras with a running pipeline. */
  cameraIds(): string[] {
    return [...this.running.keys()];
  }

  /** Number of live pipelines (metrics, tests). */
  get size(): number {
    return this.running.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    await this.queue;
    await Promise.all([...this.running.values()].map((r) => r.pipeline.close()));
    this.running.clear();
    await closeDemoScenes();
  }

  /** Changes apply one at a time, in order, so a quick create-then-delete leaves nothing behind. */
  private enqueue(fn: () => Promise<void>): void {
    this.queue = this.queue.then(fn).catch((err: Error) => this.log.error({ err }, 'video pipeline sync failed'));
  }

  private async sync(cameraId: string, known?: CameraRecord): Promise<void> {
    if (this.closed) return;
    const cam = known ?? (await this.ctx.stores.cameras.get(cameraId));
    const current = this.running.get(cameraId);
    const wanted = cam && cam.enabled;
    const key = cam ? JSON.stringify([cam.mainUrl, cam.credentialsSealed, cam.rtspTransport, cam.recording.enabled]) : '';
    if (current && (!wanted || current.key !== key)) {
      this.running.delete(cameraId);
      await current.pipeline.close();
    }
    if (!wanted || (current && current.key === key)) return;
    const url = await this.ctx.cameras.streamUrl(cam.id);
    let lastOffline = '';
    const pipeline = new CameraPipeline({
      cameraId: cam.id,
      url,
      sources: this.sources,
      sourceOptions: { rtspTransport: cam.rtspTransport, fragmentMs: this.ctx.config.video.liveFragmentMs },
      recordRoot: cam.recording.enabled ? this.recordRoot : null,
      segmentSeconds: this.ctx.config.video.segmentSeconds,
      progressEveryMs: 3000,
      onSegment: (e) =>
        void this.recordings
          .upsert({ cameraId: e.cameraId, path: e.path, startMs: e.startMs, endMs: e.endMs, bytes: e.bytes, complete: e.phase === 'close' })
          .catch((err: Error) => this.log.error({ err, cameraId: e.cameraId }, 'recording index write failed')),
      onStatus: (s) => {
        // A dead camera is retried with backoff: say so once per outage (and when the cause
        // changes), not on every retry.
        const why = s.state === 'offline' ? `${s.error?.code ?? ''}` : '';
        if (s.state === 'offline' && why !== lastOffline) this.log.warn({ cameraId: cam.id, error: s.error }, 'camera offline');
        else this.log.debug({ cameraId: cam.id, state: s.state, error: s.error }, 'camera state');
        if (s.state === 'online' || s.state === 'offline') lastOffline = why;
      },
      onRecorderError: (err) => {
        this.recordingErrors.set(cam.id, { message: err.message, at: Date.now() });
        this.log.error({ err, cameraId: cam.id }, 'recording write failed');
      },
    });
    this.running.set(cam.id, { pipeline: pipeline.start(), key });
  }
}

/** File side of retention: deletes recorded files and reports free disk space. */
export function fileRemover(root: string) {
  return {
    remove: (path: string) => rm(path, { force: true }),
    async freeBytes() {
      const s = await statfs(root).catch(() => null);
      return s ? s.bavail * s.bsize : Number.MAX_SAFE_INTEGER;
    },
  };
}
