import { join } from 'node:path';
import { ExportService, LayoutService, RecordingService } from '@vigil/core';
import { cutClip, stillFromSegment } from '@vigil/media';
import { SqlExportStore, SqlLayoutStore, SqlRecordingStore } from '@vigil/storage';
import websocket from '@fastify/websocket';
import type { FeaturePlugin } from '../features';
import { registerExportRoutes } from '../video/export-routes';
import { registerHlsRoutes } from '../video/hls-routes';
import { registerLiveRoutes } from '../video/live-routes';
import { registerRecordingRoutes } from '../video/recording-routes';
import { fileRemover, VideoManager } from '../video/video-manager';
import { registerWallRoutes } from '../video/wall-routes';

/** Video: one pull per camera, live view, recording with retention, playback, evidence export, wall layouts. */
export const videoRoutes: FeaturePlugin = async (app, { ctx }) => {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const recordingStore = new SqlRecordingStore(ctx.db);
  const manager = new VideoManager(ctx, recordingStore, app.log);
  const recordings = new RecordingService({ store: recordingStore, cameras: ctx.cameras, cameraStore: ctx.stores.cameras, audit: ctx.audit, files: fileRemover(manager.recordRoot), clock: ctx.clock });
  const exports = new ExportService({
    store: new SqlExportStore(ctx.db),
    recordings: recordingStore,
    cameras: ctx.cameras,
    audit: ctx.audit,
    clock: ctx.clock,
    dir: join(ctx.dataDir, 'exports'),
    cutter: {
      clip: (o) => cutClip({ segments: o.segments, fromMs: o.fromMs, toMs: o.toMs, out: o.out }),
      still: (o) => stillFromSegment(o.segment, o.atMs, o.out),
    },
  });
  const layouts = new LayoutService({ store: new SqlLayoutStore(ctx.db), clock: ctx.clock });
  ctx.video = { manager, recordings, recordingStore };

  registerLiveRoutes(app, { ctx, manager, recordings });
  registerHlsRoutes(app, { ctx, manager, recordings });
  registerRecordingRoutes(app, { recordings, tmpDir: join(ctx.dataDir, 'tmp') });
  registerExportRoutes(app, { ctx, exports });
  registerWallRoutes(app, { layouts, sources: manager.sources });

  const policy = { maxBytes: ctx.config.video.maxRecordingGb * 1024 ** 3, minFreeBytes: ctx.config.video.minFreeGb * 1024 ** 3 };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await manager.start();
    if (ctx.config.video.ingest) {
      timer = setInterval(() => {
        recordings.enforceRetention(policy).catch((err: Error) => app.log.error({ err }, 'retention failed'));
      }, ctx.config.video.retentionIntervalSec * 1000);
      timer.unref();
    }
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await manager.close();
  });
};
