import { createReadStream, existsSync } from 'node:fs';
import type { ExportService } from '@vigil/core';
import { VigilError } from '@vigil/core';
import { ExportCreate, ExportQuery, ExportView, IdParams } from '@vigil/types';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { custodySheet } from './custody-sheet';

/** Evidence exports: create, list, download (audited) and the chain-of-custody sheet. */
export function registerExportRoutes(app: FastifyInstance, deps: { ctx: VigilContext; exports: ExportService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ctx, exports } = deps;

  r.post('/api/exports', { schema: { tags: ['exports'], summary: 'Cut a clip or a still as evidence', body: ExportCreate, response: { 201: ExportView } } }, async (req, reply) =>
    reply.code(201).send(await exports.create(actorOf(req), req.body, req.ip)),
  );

  r.get('/api/exports', { schema: { tags: ['exports'], querystring: ExportQuery, response: { 200: z.object({ items: z.array(ExportView), total: z.number() }) } } }, async (req) =>
    exports.list(actorOf(req), req.query),
  );

  r.get('/api/exports/:id', { schema: { tags: ['exports'], params: IdParams, response: { 200: ExportView } } }, async (req) => (await exports.get(actorOf(req), req.params.id)).view);

  r.get('/api/exports/:id/file', { schema: { tags: ['exports'], summary: 'Download the exported file (audited)', params: IdParams } }, async (req, reply) => {
    const rec = await exports.download(actorOf(req), req.params.id, req.ip);
    if (!existsSync(rec.file)) throw new VigilError('NOT_FOUND', `file of export ${rec.id} is missing`, 'id');
    const ext = rec.kind === 'still' ? 'jpg' : 'mp4';
    return reply
      .type(rec.kind === 'still' ? 'image/jpeg' : 'video/mp4')
      .header('content-disposition', `attachment; filename="vigil-${rec.id}.${ext}"`)
      .header('x-content-sha256', rec.sha256)
      .send(createReadStream(rec.file));
  });

  r.get('/api/exports/:id/custody', { schema: { tags: ['exports'], summary: 'Chain-of-custody sheet (HTML, printable)', params: IdParams } }, async (req, reply) => {
    const actor = actorOf(req);
    const { record, view } = await exports.get(actor, req.params.id);
    const cam = await ctx.stores.cameras.get(record.cameraId);
    const unit = await ctx.stores.units.get(record.unitId);
    const trail = await ctx.audit.list(actor, { targetId: record.id, limit: 200, offset: 0 });
    await ctx.audit.record({ actor, action: 'export.custody.view', targetType: 'export', targetId: record.id, unitId: record.unitId, ip: req.ip });
    return reply.type('text/html; charset=utf-8').send(custodySheet({ view, camera: cam ?? null, unitName: unit?.name ?? '', trail: trail.items }));
  });
}
