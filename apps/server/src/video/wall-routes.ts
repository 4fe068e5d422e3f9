import type { LayoutService } from '@vigil/core';
import { VigilError, assertCan } from '@vigil/core';
import type { SourceRegistry } from '@vigil/media';
import { IdParams, StreamProbeBody, WallLayout, WallLayoutBody } from '@vigil/types';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCredentials } from '@vigil/core';
import { actorOf } from '../http/auth-hook';

/** Saved wall layouts per user, and a stream check for the camera form. */
export function registerWallRoutes(app: FastifyInstance, deps: { layouts: LayoutService; sources: SourceRegistry }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { layouts } = deps;

  r.get('/api/wall/layouts', { schema: { tags: ['video'], response: { 200: z.object({ items: z.array(WallLayout) }) } } }, async (req) => ({ items: await layouts.list(actorOf(req)) }));
  r.post('/api/wall/layouts', { schema: { tags: ['video'], body: WallLayoutBody, response: { 201: WallLayout } } }, async (req, reply) =>
    reply.code(201).send(await layouts.save(actorOf(req), req.body)),
  );
  r.put('/api/wall/layouts/:id', { schema: { tags: ['video'], params: IdParams, body: WallLayoutBody, response: { 200: WallLayout } } }, async (req) =>
    layouts.save(actorOf(req), req.body, req.params.id),
  );
  r.delete('/api/wall/layouts/:id', { schema: { tags: ['video'], params: IdParams } }, async (req, reply) => {
    await layouts.delete(actorOf(req), req.params.id);
    return reply.code(204).send();
  });

  r.post('/api/streams/probe', {
    schema: {
      tags: ['video'],
      summary: 'Check that a stream URL answers with playable video (before saving a camera)',
      body: StreamProbeBody,
      response: { 200: z.object({ ok: z.literal(true), codec: z.string(), width: z.number(), height: z.number() }) },
    },
  }, async (req) => {
    assertCan(actorOf(req), 'cameras:write');
    let url: string;
    try {
      url = withCredentials(req.body.url, req.body.username || req.body.password ? { username: req.body.username ?? '', password: req.body.password ?? '' } : null);
      new URL(url);
    } catch {
      throw new VigilError('VALIDATION', 'url: not a valid URL', 'url');
    }
    let driver;
    try {
      driver = deps.sources.for(url);
    } catch (err) {
      throw new VigilError('VALIDATION', `url: ${(err as Error).message}`, 'url');
    }
    try {
      const info = await driver.probe(url, { rtspTransport: req.body.rtspTransport });
      return { ok: true as const, ...info };
    } catch (err) {
      const e = err as { code?: string; message: string };
      throw new VigilError('VALIDATION', `url: ${e.message}`, 'url', { sourceError: e.code ?? 'FAILED' });
    }
  });
}
