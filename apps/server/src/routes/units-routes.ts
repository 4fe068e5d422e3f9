import { IdParams, ImportResult, Unit, UnitCreate, UnitUpdate } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { parseCsv } from '../http/csv';

/** Administrative units: the tree, edits and CSV import. */
export const unitRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.get('/api/units', { schema: { tags: ['units'], summary: 'Units in your scope', response: { 200: z.object({ items: z.array(Unit) }) } } }, async (req) => ({
    items: await ctx.units.list(actorOf(req)),
  }));

  app.get('/api/units/:id', { schema: { tags: ['units'], params: IdParams, response: { 200: Unit } } }, async (req) => ctx.units.get(actorOf(req), req.params.id));

  app.post('/api/units', { schema: { tags: ['units'], summary: 'Create a unit', body: UnitCreate, response: { 201: Unit } } }, async (req, reply) => {
    return reply.code(201).send(await ctx.units.create(actorOf(req), req.body, req.ip));
  });

  app.patch('/api/units/:id', { schema: { tags: ['units'], params: IdParams, body: UnitUpdate, response: { 200: Unit } } }, async (req) =>
    ctx.units.update(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.delete('/api/units/:id', { schema: { tags: ['units'], params: IdParams } }, async (req, reply) => {
    await ctx.units.delete(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });

  app.post('/api/units/import', {
    schema: { tags: ['units'], summary: 'Import units from CSV (code,name,level,parent_code)', response: { 200: ImportResult } },
  }, async (req) => ctx.units.importRows(actorOf(req), parseCsv(req.body), req.ip));
};
