import type { RecordingService } from '@vigil/core';
import { VigilError } from '@vigil/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { HlsSession } from './hls';
import type { VideoManager } from './video-manager';

const Params = z.object({ id: z.string().min(1).max(64) });
const SegParams = Params.extend({ seq: z.coerce.number().int().min(0) });
/** A viewer is audited once per camera in this window, not on every playlist poll. */
const AUDIT_EVERY_MS = 10 * 60_000;

/** Live HLS fallback: `/api/cameras/:id/hls/index.m3u8`, `init.mp4`, `seg-N.m4s`. */
export function registerHlsRoutes(app: FastifyInstance, deps: { ctx: VigilContext; manager: VideoManager; recordings: RecordingService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessions = new Map<string, HlsSession>();
  const audited = new Map<string, number>();

  const sweep = setInterval(() => {
    for (const [id, s] of sessions) if (s.idleFor() > 30_000) (s.close(), sessions.delete(id));
  }, 10_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    for (const s of sessions.values()) s.close();
  });

  async function session(req: FastifyRequest, cameraId: string): Promise<HlsSession> {
    const actor = actorOf(req);
    const cam = await deps.recordings.watchable(actor, cameraId);
    const key = `${actor.id}:${cam.id}`;
    if ((audited.get(key) ?? 0) < Date.now() - AUDIT_EVERY_MS) {
      audited.set(key, Date.now());
      await deps.ctx.audit.record({ actor, action: 'video.live.view', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip: req.ip, details: { via: 'hls' } });
    }
    const hub = deps.manager.hub(cam.id);
    if (!hub) throw new VigilError('CONFLICT', `camera ${cam.name} is not streaming`, 'id');
    let s = sessions.get(cam.id);
    if (!s) sessions.set(cam.id, (s = new HlsSession(hub)));
    s.touch();
    return s;
  }

  r.get('/api/cameras/:id/hls/index.m3u8', { schema: { tags: ['video'], summary: 'Live HLS playlist (fallback for browsers without MSE)', params: Params } }, async (req, reply) => {
    const s = await session(req, req.params.id);
    const query = typeof (req.query as Record<string, unknown>).access_token === 'string' ? `access_token=${encodeURIComponent((req.query as Record<string, string>).access_token)}` : '';
    const text = s.playlist(query);
    // Not ready yet (just started): tell the player to retry shortly.
    if (!text) return reply.code(503).header('retry-after', '1').send({ error: 'NOT_READY', message: 'stream is starting, retry in a second' });
    return reply.type('application/vnd.apple.mpegurl').header('cache-control', 'no-store').send(text);
  });

  r.get('/api/cameras/:id/hls/init.mp4', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const init = (await session(req, req.params.id)).initSegment();
    if (!init) throw new VigilError('NOT_FOUND', 'no init segment yet', 'id');
    return reply.type('video/mp4').send(init);
  });

  r.get('/api/cameras/:id/hls/seg-:seq.m4s', { schema: { hide: true, params: SegParams } }, async (req, reply) => {
    const seg = (await session(req, req.params.id)).segment(req.params.seq);
    if (!seg) throw new VigilError('NOT_FOUND', `segment ${req.params.seq} is no longer in the window`, 'seq');
    return reply.type('video/iso.segment').send(seg);
  });
}
