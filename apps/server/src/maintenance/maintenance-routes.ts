import fastifyMultipart from '@fastify/multipart';
import { VigilError } from '@vigil/core';
import {
  AvailabilityQuery,
  AvailabilityReport,
  IdParams,
  MaintenanceTicket,
  MaintenanceWindow,
  TicketCreate,
  TicketNoteCreate,
  TicketQuery,
  TicketUpdate,
  WindowCreate,
  WindowQuery,
} from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readForm } from '../cases/multipart';
import { actorOf } from '../http/auth-hook';
import { reportCsv, reportXlsx } from './report-export';
import type { MaintenanceFeature } from './wiring';

const tags = ['maintenance'];
const PhotoParams = z.object({ id: z.string().min(1).max(64), photoId: z.string().min(1).max(64) });

/** Repair tickets, maintenance windows and the availability report. */
export const maintenanceApi: FastifyPluginAsyncZod<{ f: MaintenanceFeature }> = async (app, { f }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: 15 * 1024 * 1024, files: 1 } });

  app.get('/api/maintenance/tickets', { schema: { tags, summary: 'Repair tickets in your scope', querystring: TicketQuery, response: { 200: z.object({ items: z.array(MaintenanceTicket), total: z.number() }) } } }, async (req) =>
    f.tickets.list(actorOf(req), req.query),
  );
  app.post('/api/maintenance/tickets', { schema: { tags, summary: 'Open a repair ticket (from an alert or directly for a camera)', body: TicketCreate, response: { 201: MaintenanceTicket } } }, async (req, reply) =>
    reply.code(201).send(await f.tickets.create(actorOf(req), req.body, req.ip)),
  );
  app.get('/api/maintenance/tickets/:id', { schema: { tags, params: IdParams, response: { 200: MaintenanceTicket } } }, async (req) => f.tickets.get(actorOf(req), req.params.id));
  app.patch('/api/maintenance/tickets/:id', {
    schema: { tags, summary: 'Change status (open -> in_progress -> fixed -> verified; fixed -> in_progress reopens), assignee, verification delay', params: IdParams, body: TicketUpdate, response: { 200: MaintenanceTicket } },
  }, async (req) => f.tickets.update(actorOf(req), req.params.id, req.body, req.ip));
  app.post('/api/maintenance/tickets/:id/notes', { schema: { tags, params: IdParams, body: TicketNoteCreate, response: { 201: MaintenanceTicket } } }, async (req, reply) =>
    reply.code(201).send(await f.tickets.addNote(actorOf(req), req.params.id, req.body.text, req.ip)),
  );
  app.post('/api/maintenance/tickets/:id/photos', { schema: { tags, summary: 'Add a photo (multipart field "file", JPEG or PNG)', params: IdParams, response: { 201: MaintenanceTicket } } }, async (req, reply) => {
    const actor = actorOf(req);
    const form = await readForm(req);
    if (!form.file) throw new VigilError('VALIDATION', 'file: send the photo as a multipart file field "file"', 'file');
    return reply.code(201).send(await f.tickets.addPhoto(actor, req.params.id, form.file, req.ip));
  });
  app.get('/api/maintenance/tickets/:id/photos/:photoId', { schema: { tags, params: PhotoParams } }, async (req, reply) => {
    const { rec, data } = await f.tickets.photoFile(actorOf(req), req.params.id, req.params.photoId);
    return reply.type(rec.mime).header('cache-control', 'private, max-age=3600').header('x-content-sha256', rec.sha256).send(data);
  });

  app.get('/api/maintenance/windows', { schema: { tags, summary: 'Maintenance windows (excluded from availability)', querystring: WindowQuery, response: { 200: z.object({ items: z.array(MaintenanceWindow) }) } } }, async (req) => ({
    items: await f.windows.list(actorOf(req), req.query),
  }));
  app.post('/api/maintenance/windows', { schema: { tags, body: WindowCreate, response: { 201: MaintenanceWindow } } }, async (req, reply) =>
    reply.code(201).send(await f.windows.create(actorOf(req), req.body, req.ip)),
  );
  app.delete('/api/maintenance/windows/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await f.windows.delete(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });

  app.get('/api/health/reports/availability', {
    schema: { tags: ['health'], summary: 'Availability per camera/unit/day/week/month (Asia/Ho_Chi_Minh), MTTD/MTTR, longest outages; format=csv|xlsx to download', querystring: AvailabilityQuery, response: { 200: AvailabilityReport } },
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    const report = await f.reports.availability(actorOf(req), q);
    if (format !== 'json') {
      await f.audit.record({ actor: actorOf(req), action: 'health.report.export', targetType: 'report', unitId: q.unitId ?? actorOf(req).unitId, ip: req.ip, details: { format, groupBy: q.groupBy, from: q.from, to: q.to } });
    }
    // Downloads bypass the JSON response schema: Fastify sends strings and buffers with a non-JSON type as they are.
    const name = `availability-${q.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(reportCsv(report) as never);
    if (format === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send((await reportXlsx(report)) as never);
    }
    return report;
  });
};
