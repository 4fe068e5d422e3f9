import type { RecordingService } from '@vigil/core';
import { VigilError } from '@vigil/core';
import { IdParams, StreamInfo } from '@vigil/types';
import type { FragmentInfo, InitInfo, StreamSubscriber } from '@vigil/media';
import { snapshotJpeg } from '@vigil/media';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import type { VideoManager } from './video-manager';

/** A viewer that falls this far behind is skipped ahead to the next keyframe. */
const MAX_BUFFERED = 2 * 1024 * 1024;

/** One live viewer on a WebSocket: JSON control messages, binary fMP4 (init, then fragments). */
class WsViewer implements StreamSubscriber {
  private waitingForKey = false;
  dropped = 0;
  constructor(private readonly ws: WebSocket) {}

  onInit(init: Buffer, info: InitInfo): void {
    const mime = `video/mp4; codecs="${info.codec}"`;
    this.ws.send(JSON.stringify({ type: 'init', codec: info.codec, mime, width: info.width, height: info.height, browserPlayable: info.browserPlayable }));
    this.ws.send(init);
    this.waitingForKey = false;
  }

  onFragment(data: Buffer, info: FragmentInfo): void {
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.waitingForKey = true;
    }
    if (this.waitingForKey) {
      if (!info.keyframe || this.ws.bufferedAmount > MAX_BUFFERED / 2) {
        this.dropped += 1;
        return;
      }
      this.waitingForKey = false;
    }
    this.ws.send(data);
  }

  onEnd(reason: string): void {
    this.ws.send(JSON.stringify({ type: 'status', state: 'offline', reason }));
  }
}

export interface LiveDeps {
  ctx: VigilContext;
  manager: VideoManager;
  recordings: RecordingService;
}

/** Live view (fMP4 over WebSocket for MSE), snapshot and stream state. */
export function registerLiveRoutes(app: FastifyInstance, { ctx, manager, recordings }: LiveDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const viewers = new Map<string, number>();

  r.get('/api/cameras/:id/live', { websocket: true, schema: { hide: true, params: IdParams } }, async (socket, req) => {
    let cam;
    try {
      cam = await recordings.watchable(actorOf(req), req.params.id);
    } catch (err) {
      const e = err as VigilError;
      if (e.code === 'FORBIDDEN') {
        await ctx.audit.record({ actor: req.actor, action: 'access.denied', targetType: 'camera', targetId: req.params.id, unitId: req.actor?.unitId, ip: req.ip, details: { url: '/live', reason: e.message } });
      }
      socket.send(JSON.stringify({ type: 'error', error: e.code ?? 'INTERNAL', message: e.message }));
      socket.close(4000 + (e.status ?? 500) - 400, e.code ?? 'error');
      return;
    }
    await ctx.audit.record({ actor: req.actor, action: 'video.live.view', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip: req.ip });
    const hub = manager.hub(cam.id);
    if (!hub) {
      socket.send(JSON.stringify({ type: 'status', state: cam.enabled ? 'offline' : 'disabled', reason: cam.enabled ? 'not connected' : 'camera disabled' }));
      socket.close(1000, 'no stream');
      return;
    }
    const viewer = new WsViewer(socket);
    if (!hub.stats().online) socket.send(JSON.stringify({ type: 'status', state: 'connecting' }));
    const unsubscribe = hub.subscribe(viewer);
    viewers.set(cam.id, (viewers.get(cam.id) ?? 0) + 1);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      unsubscribe();
      viewers.set(cam.id, (viewers.get(cam.id) ?? 1) - 1);
    };
    socket.on('close', leave);
    socket.on('error', leave);
  });

  r.get('/api/cameras/:id/snapshot.jpg', { schema: { tags: ['video'], summary: 'Latest picture of a camera (JPEG)', params: IdParams } }, async (req, reply) => {
    const cam = await recordings.watchable(actorOf(req), req.params.id);
    const gop = manager.hub(cam.id)?.latestGop();
    if (!gop) throw new VigilError('CONFLICT', `camera ${cam.name} has no live picture (${manager.status(cam.id)?.state ?? (cam.enabled ? 'not connected' : 'disabled')})`, 'id');
    const jpeg = await snapshotJpeg(gop, `${ctx.dataDir}/tmp`);
    await ctx.audit.record({ actor: req.actor, action: 'video.snapshot.view', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip: req.ip });
    return reply.type('image/jpeg').header('cache-control', 'no-store').send(jpeg);
  });

  r.get('/api/cameras/:id/stream', { schema: { tags: ['video'], summary: 'Ingest state of a camera', params: IdParams, response: { 200: StreamInfo } } }, async (req) => {
    const cam = await ctx.cameras.get(actorOf(req), req.params.id);
    const status = manager.status(cam.id);
    const stats = manager.hub(cam.id)?.stats();
    return {
      cameraId: cam.id,
      state: !cam.enabled ? ('disabled' as const) : (status?.state ?? ('stopped' as const)),
      since: new Date(status?.since ?? Date.now()).toISOString(),
      error: status?.error ?? null,
      codec: stats?.codec ?? null,
      browserPlayable: stats?.codec ? stats.codec.startsWith('avc') : true,
      width: stats?.width ?? 0,
      height: stats?.height ?? 0,
      fps: stats?.fps ?? 0,
      bitrateKbps: stats?.bitrateKbps ?? 0,
      viewers: viewers.get(cam.id) ?? 0,
      lastFrameAt: stats?.lastDataAt ? new Date(stats.lastDataAt).toISOString() : null,
    };
  });
}
