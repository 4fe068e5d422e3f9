import { VigilError } from '@vigil/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { VigilContext } from '../context';

/** Maps every failure to `{error, message, field?, fields?}`; permission denials go to the audit log. */
export function installErrorHandler(app: FastifyInstance, ctx: VigilContext): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields = err.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
        return { field, message: `${field}: ${v.message}` };
      });
      return reply.code(400).send({ error: 'VALIDATION', message: fields.map((f) => f.message).join('; '), field: fields[0]?.field, fields });
    }
    if (err instanceof VigilError) {
      if (err.code === 'FORBIDDEN') {
        await ctx.audit.record({
          actor: req.actor ? { id: req.actor.id, username: req.actor.username } : null,
          action: 'access.denied',
          targetType: 'route',
          targetId: null,
          unitId: req.actor?.unitId ?? null,
          ip: req.ip,
          details: { method: req.method, url: req.url, reason: err.message, ...err.details },
        });
      }
      if (err.code === 'CONFIG' || err.status >= 500) req.log.error({ err }, 'server error');
      return reply.code(err.status).send({ error: err.code, message: err.message, field: err.field });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({ error: 'INTERNAL', message: 'internal error; see the server log' });
    }
    // Fastify's own 4xx: body too large (413), bad JSON (400), wrong content type (415)...
    return reply.code(status).send({ error: err.code ?? 'BAD_REQUEST', message: err.message, field: status === 413 || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'body' : undefined });
  });
}
