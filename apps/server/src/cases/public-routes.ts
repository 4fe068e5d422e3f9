import { ErrorBody, PublicLookupQuery, PublicViolation } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { PublicGuard, guardOptionsFromEnv } from './public-guard';
import type { CaseServices } from './services';

/** The public look-up: no login, never owner data, rate limited and guarded by a challenge. */
export const publicCaseRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext; svc: CaseServices }> = async (app, { ctx, svc }) => {
  const guard = new PublicGuard({ ...guardOptionsFromEnv(), now: () => ctx.clock.now().getTime() });

  app.get('/api/public/challenge', {
    config: { public: true },
    schema: { tags: ['public'], summary: 'A small sum to solve before further look-ups', response: { 200: z.object({ challenge: z.string(), question: z.string(), expiresAt: z.string() }) } },
  }, async () => guard.issue());

  app.get('/api/public/violations', {
    config: { public: true },
    schema: {
      tags: ['public'], summary: 'Look up camera-detected violations of a vehicle (as the national look-up shows them)',
      querystring: PublicLookupQuery,
      response: { 200: z.object({ plate: z.string(), vehicleType: z.string(), items: z.array(PublicViolation) }), 428: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    const verdict = guard.check(req.ip, req.query.challenge, req.query.answer);
    if (!verdict.ok) {
      if (verdict.retryAfterS) reply.header('retry-after', String(verdict.retryAfterS));
      return reply.code(verdict.status).send({ error: verdict.error, message: verdict.message });
    }
    const items = await svc.evidence.publicLookup(req.query.plate, req.query.vehicleType);
    return { plate: req.query.plate, vehicleType: req.query.vehicleType, items };
  });
};
