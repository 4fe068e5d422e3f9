import { assertCan, VigilError } from '@vigil/core';
import type { HealthAlertRecord } from '@vigil/core';
import { AlertAction, AlertQuery, CameraHealth, HealthAlert, HealthSettings, HealthSettingsPatch, IdParams, Notifiers } from '@vigil/types';
import { SqlHealthStore } from '@vigil/storage';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import type { HealthMonitor } from './monitor';
import type { HealthEvent, HealthNotifier } from './notifier';

/** Camera health, alerts (list, acknowledge, resolve, live stream), thresholds and notifiers. */
export function registerHealthRoutes(app: FastifyInstance, d: { ctx: VigilContext; monitor: HealthMonitor; store: SqlHealthStore; notifier: HealthNotifier }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ctx, monitor, store } = d;

  const names = async () => new Map((await ctx.stores.cameras.list({ unitIds: (await ctx.stores.units.all()).map((u) => u.id), limit: 1e6, offset: 0 })).rows.map((c) => [c.id, c.name]));
  const view = (a: HealthAlertRecord, n: Map<string, string>) => ({ ...a, cameraName: n.get(a.cameraId) ?? a.cameraId });

  r.get('/api/cameras/:id/health', { schema: { tags: ['health'], summary: 'Health of one camera', params: IdParams, response: { 200: CameraHealth } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:read');
    const cam = await ctx.cameras.get(actor, req.params.id);
    return monitor.health(cam.id, cam.enabled);
  });

  r.get('/api/health', {
    schema: { tags: ['health'], summary: 'Health of every camera in your scope', response: { 200: z.object({ items: z.array(CameraHealth.extend({ cameraName: z.string(), unitId: z.string() })), summary: z.record(z.string(), z.number()) }) } },
  }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:read');
    const { items: cams } = await ctx.cameras.list(actor, { limit: 5000, offset: 0 });
    const items = [];
    const summary: Record<string, number> = {};
    for (const c of cams) {
      const h = await monitor.health(c.id, c.enabled);
      summary[h.status] = (summary[h.status] ?? 0) + 1;
      items.push({ ...h, cameraName: c.name, unitId: c.unitId });
    }
    return { items, summary };
  });

  r.get('/api/cameras/:id/health-settings', { schema: { tags: ['health'], params: IdParams, response: { 200: HealthSettings } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:read');
    const cam = await ctx.cameras.get(actor, req.params.id);
    return (await store.settings(cam.id)) ?? HealthSettings.parse({});
  });

  r.put('/api/cameras/:id/health-settings', { schema: { tags: ['health'], summary: 'Change thresholds of one camera', params: IdParams, body: HealthSettingsPatch, response: { 200: HealthSettings } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:manage');
    const cam = await ctx.cameras.get(actor, req.params.id);
    const next = HealthSettings.parse({ ...((await store.settings(cam.id)) ?? {}), ...req.body });
    await store.saveSettings(cam.id, next);
    monitor.applySettings(cam.id, next);
    await ctx.audit.record({ actor, action: 'health.settings.update', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip: req.ip, details: req.body });
    return next;
  });

  r.get('/api/health/notifiers', { schema: { tags: ['health'], response: { 200: Notifiers } } }, async (req) => {
    assertCan(actorOf(req), 'health:manage');
    const n = (await store.notifiers()) ?? Notifiers.parse({});
    // Secrets are write-only.
    return { webhooks: n.webhooks.map((w) => ({ url: w.url })), mqtt: n.mqtt && { url: n.mqtt.url, topicPrefix: n.mqtt.topicPrefix, username: n.mqtt.username } };
  });

  r.put('/api/health/notifiers', { schema: { tags: ['health'], summary: 'Webhooks and MQTT broker for health events', body: Notifiers } }, async (req, reply) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:manage');
    if (!actor.global) throw new VigilError('FORBIDDEN', 'only a top-level administrator sets notifiers');
    await store.saveNotifiers(req.body);
    await d.notifier.configure(req.body);
    await ctx.audit.record({ actor, action: 'health.notifiers.update', ip: req.ip, details: { webhooks: req.body.webhooks.map((w) => w.url), mqtt: req.body.mqtt?.url ?? null } });
    return reply.code(204).send();
  });

  r.get('/api/alerts', { schema: { tags: ['health'], querystring: AlertQuery, response: { 200: z.object({ items: z.array(HealthAlert), total: z.number() }) } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:read');
    const { rows, total } = await store.listAlerts({ ...req.query, unitIds: [...actor.scope] });
    const n = await names();
    return { items: rows.map((a) => view(a, n)), total };
  });

  for (const action of ['ack', 'resolve'] as const) {
    r.post(`/api/alerts/:id/${action}`, { schema: { tags: ['health'], params: IdParams, body: AlertAction.optional(), response: { 200: HealthAlert } } }, async (req) => {
      const actor = actorOf(req);
      assertCan(actor, 'health:manage');
      const a = await store.getAlert(req.params.id);
      if (!a || !actor.scope.has(a.unitId)) throw new VigilError(a ? 'FORBIDDEN' : 'NOT_FOUND', a ? 'alert of a unit outside your scope' : `alert ${req.params.id} not found`, 'id');
      if (a.status === 'resolved') throw new VigilError('CONFLICT', 'alert is already resolved', 'id');
      const now = new Date().toISOString();
      const patch: Partial<HealthAlertRecord> = action === 'ack' ? { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actor.username } : { status: 'resolved', resolvedAt: now, resolvedBy: actor.username };
      await store.updateAlert(a.id, patch);
      await ctx.audit.record({ actor, action: `health.alert.${action}`, targetType: 'alert', targetId: a.id, unitId: a.unitId, ip: req.ip, details: { note: req.body?.note ?? null } });
      const updated = view({ ...a, ...patch }, await names());
      monitor.emit({ type: 'alert', alert: updated });
      return updated;
    });
  }

  r.get('/api/alerts/stream', { schema: { tags: ['health'], summary: 'Server-Sent Events: alert and health changes' } }, async (req, reply) => {
    const actor = actorOf(req);
    assertCan(actor, 'health:read');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': vigil health stream\n\n');
    const unitOf = new Map<string, string>();
    const allowed = async (cameraId: string) => {
      if (!unitOf.has(cameraId)) unitOf.set(cameraId, (await ctx.stores.cameras.get(cameraId))?.unitId ?? '');
      return actor.scope.has(unitOf.get(cameraId)!);
    };
    const onEvent = (e: HealthEvent) => {
      const cameraId = e.type === 'alert' ? e.alert.cameraId : e.cameraId;
      void allowed(cameraId).then((ok) => {
        if (ok) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.type === 'alert' ? e.alert : { cameraId: e.cameraId, status: e.status, since: e.since, reasons: e.reasons, reasonCodes: e.reasonCodes })}\n\n`);
      });
    };
    monitor.events.on('event', onEvent);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      monitor.events.off('event', onEvent);
    });
  });
}
