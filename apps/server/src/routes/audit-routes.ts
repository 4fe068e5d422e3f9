import { assertCan } from '@vigil/core';
import { AuditEntry, AuditQuery, AuditVerifyResult } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';

/** Search and verify the hash-chained audit log (admins and auditors). */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.get('/api/audit', {
    schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: z.object({ items: z.array(AuditEntry), total: z.number() }) } },
  }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'audit:read');
    return ctx.audit.list(actor, req.query);
  });

  app.get('/api/audit/verify', { schema: { tags: ['audit'], summary: 'Check the whole hash chain', response: { 200: AuditVerifyResult } } }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'audit:read');
    const result = await ctx.audit.verify();
    await ctx.audit.record({ actor, action: 'audit.verify', unitId: actor.unitId, ip: req.ip, details: { ...result } });
    return result;
  });
};
