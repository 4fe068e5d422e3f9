import fastifyMultipart from '@fastify/multipart';
import {
  Checkpoint,
  CheckpointAlert,
  CheckpointCreate,
  CheckpointStats,
  CheckpointUpdate,
  IdParams,
  ImportResult,
  RegistryList,
  RegistryListCreate,
  ScanLogEntry,
  ScanLogQuery,
  StationSync,
} from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scanRoutes } from '../checkpoints/scan-routes';
import { checkpointFeature } from '../checkpoints/wiring';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { parseCsv } from '../http/csv';

const PURGE_EVERY_MS = 60 * 60_000;
const Range = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });

/** Checkpoint stations: management, local lists, scanning, the scan log, dashboard and alerts. */
export const checkpointRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  const f = checkpointFeature(ctx);
  f.notifier.warn = (obj, msg) => app.log.warn(obj, msg);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(scanRoutes, { f });

  // Personal data in the scan log is purged on time even if nobody looks at it.
  const purge = () =>
    f.log.purge().then(
      (n) => n.scans > 0 && app.log.info(n, 'checkpoint scan log purged'),
      (err: unknown) => app.log.error({ err }, 'checkpoint purge failed'),
    );
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  app.addHook('onReady', async () => void purge());
  app.addHook('onClose', async () => clearInterval(timer));

  const tags = ['checkpoints'];
  app.get('/api/checkpoints', { schema: { tags, summary: 'Checkpoints in your scope', response: { 200: z.object({ items: z.array(Checkpoint) }) } } }, async (req) => ({
    items: await f.checkpoints.list(actorOf(req)),
  }));
  app.post('/api/checkpoints', { schema: { tags, body: CheckpointCreate, response: { 201: Checkpoint } } }, async (req, reply) =>
    reply.code(201).send(await f.checkpoints.create(actorOf(req), req.body, req.ip)),
  );

  app.get('/api/checkpoints/stats', { schema: { tags, summary: 'Scans per hour, verdict mix, median/p95 time per checkpoint', querystring: Range, response: { 200: CheckpointStats } } }, async (req) =>
    f.log.stats(actorOf(req), req.query),
  );
  app.get('/api/checkpoints/alerts', {
    schema: { tags, summary: 'Alerts to the operations centre (flagged persons, queues)', querystring: z.object({ open: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ items: z.array(CheckpointAlert) }) } },
  }, async (req) => f.log.alerts(actorOf(req), { open: req.query.open === 'true', limit: req.query.limit }));
  app.post('/api/checkpoints/alerts/:id/ack', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await f.log.acknowledge(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });

  app.get('/api/checkpoints/lists', { schema: { tags, summary: 'Local registry lists (flagged persons, permits, health)', response: { 200: z.object({ items: z.array(RegistryList) }) } } }, async (req) => ({
    items: await f.lists.list(actorOf(req)),
  }));
  app.post('/api/checkpoints/lists', { schema: { tags, body: RegistryListCreate, response: { 201: RegistryList } } }, async (req, reply) =>
    reply.code(201).send(await f.lists.create(actorOf(req), req.body, req.ip)),
  );
  app.post('/api/checkpoints/lists/:id/import', {
    schema: { tags, summary: 'Replace a list from CSV: flagged id_number,category,note | permit id_number,permit_no,valid_to | health id_number,status', params: IdParams, response: { 200: ImportResult.extend({ digest: z.string() }) } },
  }, async (req) => f.lists.importRows(actorOf(req), req.params.id, parseCsv(req.body), req.ip));
  app.delete('/api/checkpoints/lists/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await f.lists.delete(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });

  app.get('/api/checkpoints/scans/:id/thumbnail.jpg', { schema: { tags, params: IdParams } }, async (req, reply) =>
    reply.type('image/jpeg').header('cache-control', 'private, no-store').send(await f.log.thumbnail(actorOf(req), req.params.id, req.ip)),
  );

  app.get('/api/checkpoints/:id', { schema: { tags, params: IdParams, response: { 200: Checkpoint } } }, async (req) => f.checkpoints.get(actorOf(req), req.params.id));
  app.patch('/api/checkpoints/:id', { schema: { tags, params: IdParams, body: CheckpointUpdate, response: { 200: Checkpoint } } }, async (req) =>
    f.checkpoints.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.delete('/api/checkpoints/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await f.checkpoints.delete(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });
  app.get('/api/checkpoints/:id/sync', { schema: { tags, summary: 'Rules, issuer keys and hashed list entries for an offline station', params: IdParams, response: { 200: StationSync } } }, async (req) =>
    f.checkpoints.sync(actorOf(req), req.params.id, req.ip),
  );
  app.get('/api/checkpoints/:id/scans', {
    schema: { tags, summary: 'The scan log (minimised personal data)', params: IdParams, querystring: ScanLogQuery, response: { 200: z.object({ items: z.array(ScanLogEntry), total: z.number() }) } },
  }, async (req) => f.log.list(actorOf(req), req.params.id, req.query, req.ip));
};
