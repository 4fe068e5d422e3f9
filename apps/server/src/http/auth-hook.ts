import type { Actor } from '@vigil/core';
import { VigilError } from '@vigil/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VigilContext } from '../context';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set for every /api route not marked public. */
    actor: Actor | null;
    token: string | null;
  }
  interface FastifyContextConfig {
    /** Route needs no login (health, login, public look-ups, docs). */
    public?: boolean;
  }
}

/** Reads `Authorization: Bearer <token>`; `?access_token=` is accepted for media elements that cannot send headers. */
function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' ? q : null;
}

/** Secure by default: every /api route requires a valid token unless its config says `public: true`. */
export function installAuthHook(app: FastifyInstance, ctx: VigilContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('token', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.public) return;
    const token = bearer(req);
    if (!token) throw new VigilError('UNAUTHORIZED', 'login required: send Authorization: Bearer <token>');
    req.actor = await ctx.auth.authenticate(token);
    req.token = token;
  });
}

/** The actor of an authenticated route (the hook guarantees it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new VigilError('UNAUTHORIZED', 'login required');
  return req.actor;
}
