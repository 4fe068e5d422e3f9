import { assertCan } from '@vigil/core';
import {
  CaseReport, FootageDecision, FootageRequest, FootageRequestCreate, IdParams, Incident, IncidentCreate, IncidentQuery, IncidentUpdate, ReportQuery,
} from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportPdf, reportXlsx } from '../cases/report-export';
import { caseServices } from '../cases/services';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';

const Paging = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) });

/** Incident log, residents' footage requests, and the results reports (JSON, XLSX, PDF). */
export const incidentsRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  const svc = caseServices(ctx);

  app.get('/api/incidents', { schema: { tags: ['incidents'], querystring: IncidentQuery, response: { 200: z.object({ items: z.array(Incident), total: z.number() }) } } }, async (req) =>
    svc.incidents.list(actorOf(req), req.query),
  );
  app.post('/api/incidents', { schema: { tags: ['incidents'], body: IncidentCreate, response: { 201: Incident } } }, async (req, reply) =>
    reply.code(201).send(await svc.incidents.create(actorOf(req), req.body, req.ip)),
  );
  app.get('/api/incidents/:id', { schema: { tags: ['incidents'], params: IdParams, response: { 200: Incident } } }, async (req) =>
    svc.incidents.get(actorOf(req), req.params.id),
  );
  app.patch('/api/incidents/:id', { schema: { tags: ['incidents'], params: IdParams, body: IncidentUpdate, response: { 200: Incident } } }, async (req) =>
    svc.incidents.update(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.get('/api/footage-requests', { schema: { tags: ['incidents'], querystring: Paging, response: { 200: z.object({ items: z.array(FootageRequest), total: z.number() }) } } }, async (req) =>
    svc.incidents.requests(actorOf(req), req.query.limit, req.query.offset),
  );
  app.post('/api/footage-requests', { schema: { tags: ['incidents'], summary: 'A resident asks the police to check footage', body: FootageRequestCreate, response: { 201: FootageRequest } } }, async (req, reply) =>
    reply.code(201).send(await svc.incidents.requestFootage(actorOf(req), req.body, req.ip)),
  );
  app.post('/api/footage-requests/:id/decision', { schema: { tags: ['incidents'], params: IdParams, body: FootageDecision, response: { 200: FootageRequest } } }, async (req) =>
    svc.incidents.decide(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.get('/api/reports/cases', { schema: { tags: ['reports'], summary: 'Results by period, unit, type and camera', querystring: ReportQuery, response: { 200: CaseReport } } }, async (req) =>
    svc.reports.report(actorOf(req), req.query),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/api/reports/cases.${format}`, { schema: { tags: ['reports'], summary: `The report as ${format.toUpperCase()}`, querystring: ReportQuery } }, async (req, reply) => {
      const actor = actorOf(req);
      assertCan(actor, 'reports:read');
      const report = await svc.reports.report(actor, req.query);
      const unitName = (await ctx.stores.units.get(req.query.unitId ?? actor.unitId))?.name ?? '';
      const data = format === 'xlsx' ? await reportXlsx(report, unitName) : await reportPdf(report, unitName);
      await ctx.audit.record({ actor, action: 'report.export', targetType: 'report', unitId: actor.unitId, ip: req.ip, details: { format, from: req.query.from, to: req.query.to } });
      return reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
        .header('content-disposition', `attachment; filename="bao-cao-${req.query.from.slice(0, 10)}.${format}"`)
        .send(data);
    });
  }
};
