import fastifyMultipart from '@fastify/multipart';
import { VigilError, assertCan, zodIssueToField } from '@vigil/core';
import {
  ActionBody, BulkActionBody, EvidenceKind, IdParams, ImportResult, Submission, SubmissionCreate, UnitContact, Violation, ViolationDetail,
  ViolationIntake, ViolationQuery, ViolationRule,
} from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noticePdf } from '../cases/notice-pdf';
import { readForm } from '../cases/multipart';
import { publicCaseRoutes } from '../cases/public-routes';
import { caseServices } from '../cases/services';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { parseCsv } from '../http/csv';

const ESCALATION_INTERVAL_MS = 10 * 60_000;
const List = z.object({ items: z.array(Violation), total: z.number(), capped: z.boolean() });
const EvidenceParams = z.object({ id: z.string().max(64), evidenceId: z.string().max(64) });

/** Violation cases ("phạt nguội"): intake, work queues, workflow, evidence, notices, public look-up. */
export const casesRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  const svc = caseServices(ctx);
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 30 } });
  await app.register(publicCaseRoutes, { ctx, svc });

  // Escalate notices whose 20 days have passed, at start and then periodically.
  const sweep = async () => {
    try {
      const n = await svc.workflow.escalateOverdue(await ctx.system());
      if (n) app.log.info({ escalated: n }, 'escalated overdue violation notices');
    } catch (err) {
      app.log.error({ err }, 'escalation sweep failed');
    }
  };
  const timer = setInterval(() => void sweep(), ESCALATION_INTERVAL_MS);
  timer.unref();
  app.addHook('onReady', sweep);
  app.addHook('onClose', async () => clearInterval(timer));

  app.get('/api/violations/catalogue', {
    schema: { tags: ['cases'], summary: 'Violation types (all versions, or those in force on a day)', querystring: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }), response: { 200: z.object({ items: z.array(ViolationRule) }) } },
  }, async (req) => {
    assertCan(actorOf(req), 'cases:read');
    return { items: svc.cases.catalogue(req.query.day) };
  });

  app.get('/api/violations', { schema: { tags: ['cases'], summary: 'Work queues and search', querystring: ViolationQuery, response: { 200: List } } }, async (req) =>
    svc.cases.list(actorOf(req), req.query),
  );

  app.get('/api/violations/summary', {
    schema: { tags: ['cases'], summary: 'How many cases wait in each queue (near-deadline is the alert)', response: { 200: z.record(z.string(), z.number()) } },
  }, async (req) => {
    const actor = actorOf(req);
    const out: Record<string, number> = {};
    for (const queue of ['review', 'owner', 'notice', 'near_deadline', 'escalated'] as const) {
      out[queue] = (await svc.cases.list(actor, { queue, limit: 1, offset: 0 })).total;
    }
    return out;
  });

  app.post('/api/violations', { schema: { tags: ['cases'], summary: 'Record a violation candidate (analytics or operator)', body: ViolationIntake, response: { 201: Violation } } }, async (req, reply) =>
    reply.code(201).send(await svc.cases.intake(actorOf(req), req.body, req.ip)),
  );

  app.post('/api/violations/bulk', {
    schema: { tags: ['cases'], summary: 'One action on many cases', body: BulkActionBody, response: { 200: z.object({ done: z.array(z.string()), failed: z.array(z.object({ id: z.string(), error: z.string(), message: z.string() })) }) } },
  }, async (req) => svc.workflow.bulk(actorOf(req), req.body, req.ip));

  app.post('/api/violations/escalate-overdue', { schema: { tags: ['cases'], summary: 'Run the escalation sweep now', response: { 200: z.object({ escalated: z.number() }) } } }, async (req) => {
    assertCan(actorOf(req), 'cases:process');
    return { escalated: await svc.workflow.escalateOverdue(await ctx.system()) };
  });

  app.get('/api/violations/submissions', {
    schema: { tags: ['cases'], summary: 'Citizens\' submissions logbook', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }), response: { 200: z.object({ items: z.array(Submission), total: z.number() }) } },
  }, async (req) => svc.evidence.submissions(actorOf(req), req.query.limit, req.query.offset));

  app.post('/api/violations/submissions', {
    schema: { tags: ['cases'], summary: 'Log a citizen\'s footage (JSON, or multipart with the file and the same fields)', response: { 201: Submission } },
  }, async (req, reply) => {
    let body: unknown = req.body;
    let file: { name: string; data: Buffer } | undefined;
    if (req.isMultipart()) {
      const form = await readForm(req);
      body = { ...form.fields, ...(form.fields.fileMeta && { fileMeta: JSON.parse(form.fields.fileMeta) }) };
      file = form.file && { name: form.file.name, data: form.file.data };
    }
    const parsed = SubmissionCreate.safeParse(body);
    if (!parsed.success) {
      const { field, message } = zodIssueToField(parsed.error.issues[0]);
      throw new VigilError('VALIDATION', message, field);
    }
    return reply.code(201).send(await svc.evidence.submit(actorOf(req), parsed.data, file, req.ip));
  });

  app.post('/api/vehicle-registry/import', {
    schema: { tags: ['cases'], summary: 'Import the local vehicle registry (CSV: plate,vehicle_type,owner_name,owner_address,owner_id_number,owner_unit_code,brand)', response: { 200: ImportResult } },
  }, async (req) => svc.evidence.importVehicles(actorOf(req), parseCsv(req.body), req.ip));

  app.get('/api/unit-contacts', { schema: { tags: ['cases'], response: { 200: z.object({ items: z.array(UnitContact) }) } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'cases:read');
    return { items: (await svc.stores.contacts.all()).filter((c) => actor.scope.has(c.unitId)) };
  });

  app.put('/api/unit-contacts/:id', { schema: { tags: ['cases'], params: IdParams, body: z.object({ address: z.string().trim().max(500), phone: z.string().trim().max(64) }) } }, async (req, reply) => {
    await svc.evidence.setContact(actorOf(req), req.params.id, req.body.address, req.body.phone, req.ip);
    return reply.code(204).send();
  });

  app.get('/api/violations/:id', { schema: { tags: ['cases'], params: IdParams, response: { 200: ViolationDetail } } }, async (req) =>
    svc.cases.get(actorOf(req), req.params.id, req.ip),
  );

  app.post('/api/violations/:id/actions', { schema: { tags: ['cases'], summary: 'Move a case one step', params: IdParams, body: ActionBody, response: { 200: Violation } } }, async (req) =>
    svc.workflow.act(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post('/api/violations/:id/evidence', { schema: { tags: ['cases'], summary: 'Add an evidence file (multipart: file, kind, capturedAt, deviceId, signalState)', params: IdParams } }, async (req, reply) => {
    const form = await readForm(req);
    if (!form.file) throw new VigilError('VALIDATION', 'file: attach the evidence file', 'file');
    const kind = EvidenceKind.safeParse(form.fields.kind ?? 'frame');
    if (!kind.success) throw new VigilError('VALIDATION', `kind: one of ${EvidenceKind.options.join(', ')}`, 'kind');
    const rec = await svc.evidence.addFile(actorOf(req), req.params.id, {
      kind: kind.data, fileName: form.file.name, mime: form.file.mime, data: form.file.data,
      capturedAt: form.fields.capturedAt, deviceId: form.fields.deviceId, signalState: form.fields.signalState,
    }, req.ip);
    const { path: _p, violationId: _v, ...shown } = rec;
    return reply.code(201).send(shown);
  });

  app.get('/api/violations/:id/evidence/:evidenceId/file', { schema: { tags: ['cases'], params: EvidenceParams } }, async (req, reply) => {
    const { rec, data } = await svc.evidence.file(actorOf(req), req.params.id, req.params.evidenceId, req.ip);
    return reply.type(rec.mime ?? 'application/octet-stream').header('x-content-sha256', rec.sha256 ?? '').send(data);
  });

  app.post('/api/violations/:id/evidence/check', { schema: { tags: ['cases'], summary: 'Re-hash every evidence file (tamper check)', params: IdParams } }, async (req) =>
    svc.evidence.check(actorOf(req), req.params.id, req.ip),
  );

  app.get('/api/violations/:id/notice.pdf', { schema: { tags: ['cases'], summary: 'The notice sent to the owner', params: IdParams } }, async (req, reply) => {
    const actor = actorOf(req);
    assertCan(actor, 'cases:process');
    const v = await svc.cases.get(actor, req.params.id, req.ip);
    if (!v.noticeNo) throw new VigilError('CONFLICT', `no notice has been issued for this case (it is ${v.status})`, 'id');
    const units = await svc.cases.unitMap();
    const resolvingId = v.resolvingUnitId;
    const contact = await svc.stores.contacts.get(resolvingId);
    const images = [];
    for (const e of v.evidence.filter((x) => x.mime === 'image/jpeg' || x.mime === 'image/png')) {
      images.push({ label: `${e.kind} ${e.sha256?.slice(0, 12) ?? ''}`, data: (await svc.evidence.file(actor, v.id, e.id, req.ip)).data });
    }
    const pdf = await noticePdf({
      v, detectingUnit: units.get(v.unitId)?.name ?? '', images,
      resolvingUnit: { name: units.get(resolvingId)?.name ?? '', address: contact?.address ?? '', phone: contact?.phone ?? '' },
    });
    await ctx.audit.record({ actor, action: 'case.notice.print', targetType: 'violation', targetId: v.id, unitId: v.unitId, ip: req.ip, details: { noticeNo: v.noticeNo } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="thong-bao-${v.noticeNo.replaceAll('/', '-')}.pdf"`).send(pdf);
  });
};
