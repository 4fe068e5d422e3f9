import { createReadStream } from 'node:fs';
import { assertCan, assertInScope, notFound } from '@vigil/core';
import { SqlAnalyticsStore } from '@vigil/storage';
import { AnalyticsEvent, CameraRules, EventList, EventQuery, IdParams, SignalInput } from '@vigil/types';
import { z } from 'zod';
import { eventToApi } from '../analytics/event-api';
import { AnalyticsRuntime } from '../analytics/runtime';
import type { FeaturePlugin } from '../features';
import { actorOf } from '../http/auth-hook';

const toApi = eventToApi;

/**
 * Analytics: rules per camera, the events they raise (search, snapshot, live stream) and the
 * runtime that samples cameras with rules. Needs the video feature registered first; runs only
 * for cameras that have rules, and only when video ingest is on.
 */
export const analyticsRoutes: FeaturePlugin = async (app, { ctx }) => {
  const store = new SqlAnalyticsStore(ctx.db);
  const runtime = ctx.video && ctx.config.video.ingest ? new AnalyticsRuntime(ctx, store, app.log) : null;

  const cameraInScope = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(req);
    const cam = await ctx.stores.cameras.get(id);
    if (!cam) throw notFound('camera', id);
    assertInScope(actor, cam.unitId, 'camera');
    return { actor, cam };
  };

  app.get('/api/events', { schema: { tags: ['analytics'], summary: 'Analytics events in your scope', querystring: EventQuery, response: { 200: EventList } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'events:read');
    if (req.query.unitId) assertInScope(actor, req.query.unitId, 'unit');
    const { rows, total } = await store.listEvents({ ...req.query, unitIds: [...actor.scope] });
    return { items: rows.map(toApi), total };
  });

  app.get('/api/events/stream', { schema: { tags: ['analytics'], summary: 'Live events (server-sent events)' } }, async (req, reply) => {
    const actor = actorOf(req);
    assertCan(actor, 'events:read');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = runtime?.subscribe((e) => {
      if (actor.scope.has(e.unitId)) res.write(`event: event\ndata: ${JSON.stringify(toApi(e))}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      off?.();
    });
  });

  app.get('/api/events/:id', { schema: { tags: ['analytics'], params: IdParams, response: { 200: AnalyticsEvent } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'events:read');
    const e = await store.getEvent(req.params.id);
    if (!e) throw notFound('event', req.params.id);
    assertInScope(actor, e.unitId, 'event');
    return toApi(e);
  });

  app.get('/api/events/:id/snapshot.jpg', { schema: { tags: ['analytics'], params: IdParams } }, async (req, reply) => {
    const actor = actorOf(req);
    assertCan(actor, 'events:read');
    const e = await store.getEvent(req.params.id);
    if (!e || !e.snapshotPath) throw notFound('event snapshot', req.params.id);
    assertInScope(actor, e.unitId, 'event');
    await ctx.audit.record({ actor, action: 'event.snapshot.view', targetType: 'event', targetId: e.id, unitId: e.unitId, ip: req.ip, details: { cameraId: e.cameraId } });
    return reply.type('image/jpeg').send(createReadStream(e.snapshotPath));
  });

  app.get('/api/cameras/:id/rules', { schema: { tags: ['analytics'], params: IdParams, response: { 200: CameraRules } } }, async (req) => {
    const { actor } = await cameraInScope(req, req.params.id);
    assertCan(actor, 'events:read');
    return (await store.rules(req.params.id)) ?? CameraRules.parse({});
  });

  app.put('/api/cameras/:id/rules', { schema: { tags: ['analytics'], params: IdParams, body: CameraRules, response: { 200: CameraRules } } }, async (req) => {
    const { actor, cam } = await cameraInScope(req, req.params.id);
    assertCan(actor, 'rules:write');
    await store.putRules(cam.id, req.body, ctx.clock.now().toISOString(), actor.username);
    await ctx.audit.record({ actor, action: 'camera.rules.update', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip: req.ip, details: { rules: req.body.rules.map((r) => `${r.kind}:${r.id}`), masks: req.body.masks.length } });
    void runtime?.sync().catch((err: Error) => app.log.warn({ err: err.message }, 'analytics sync failed'));
    return req.body;
  });

  app.post('/api/cameras/:id/signal', { schema: { tags: ['analytics'], summary: 'External signal phase for red-light rules', params: IdParams, body: SignalInput, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    const { actor, cam } = await cameraInScope(req, req.params.id);
    assertCan(actor, 'rules:write');
    runtime?.phase(cam.id, req.body.phase);
    return { ok: true };
  });

  app.get('/api/analytics/stats', { schema: { tags: ['analytics'], summary: 'Frames analysed and dropped per camera, worker restarts' } }, async (req) => {
    assertCan(actorOf(req), 'events:read');
    return {
      running: !!runtime, restarts: runtime?.pool.restarts ?? 0, cameras: runtime?.stats() ?? {}, events: runtime?.eventsStored ?? 0, cases: runtime?.casesOpened ?? 0,
      plates: runtime ? { available: runtime.plates.available, reads: runtime.plates.reads, failures: runtime.plates.failures } : null,
      delivery: runtime ? { delivered: runtime.delivery.notifier.delivered, failures: runtime.delivery.notifier.failures } : null,
    };
  });

  app.addHook('onReady', async () => runtime?.start());
  app.addHook('onClose', async () => runtime?.close());
  ctx.analytics = runtime;
};
