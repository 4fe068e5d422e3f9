import { CAMERA_CSV_COLUMNS } from '@vigil/core';
import { Camera, CameraCreate, CameraQuery, CameraUpdate, IdParams, ImportResult } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { parseCsv, toCsv } from '../http/csv';

/** Camera registry: CRUD, CSV import/export. Credentials go in, never come out. */
export const cameraRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.get('/api/cameras', {
    schema: { tags: ['cameras'], summary: 'Cameras in your scope', querystring: CameraQuery, response: { 200: z.object({ items: z.array(Camera), total: z.number() }) } },
  }, async (req) => ctx.cameras.list(actorOf(req), req.query));

  app.get('/api/cameras/export.csv', { schema: { tags: ['cameras'], summary: 'Cameras as CSV (no credentials)' } }, async (req, reply) => {
    const rows = await ctx.cameras.exportRows(actorOf(req));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="cameras.csv"')
      .send(`\ufeff${toCsv(CAMERA_CSV_COLUMNS, rows)}`);
  });

  app.post('/api/cameras/import', {
    schema: { tags: ['cameras'], summary: `Import cameras from CSV (${CAMERA_CSV_COLUMNS.join(',')})`, response: { 200: ImportResult } },
  }, async (req) => ctx.cameras.importRows(actorOf(req), parseCsv(req.body), req.ip));

  app.get('/api/cameras/:id', { schema: { tags: ['cameras'], params: IdParams, response: { 200: Camera } } }, async (req) =>
    ctx.cameras.get(actorOf(req), req.params.id),
  );

  app.post('/api/cameras', { schema: { tags: ['cameras'], body: CameraCreate, response: { 201: Camera } } }, async (req, reply) =>
    reply.code(201).send(await ctx.cameras.create(actorOf(req), req.body, req.ip)),
  );

  app.patch('/api/cameras/:id', { schema: { tags: ['cameras'], params: IdParams, body: CameraUpdate, response: { 200: Camera } } }, async (req) =>
    ctx.cameras.update(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.delete('/api/cameras/:id', { schema: { tags: ['cameras'], params: IdParams } }, async (req, reply) => {
    await ctx.cameras.delete(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });
};
