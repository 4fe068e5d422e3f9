import { IdParams, User, UserCreate, UserUpdate } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';

/** User administration (admins, within their unit scope). */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.get('/api/users', { schema: { tags: ['users'], response: { 200: z.object({ items: z.array(User) }) } } }, async (req) => ({
    items: await ctx.users.list(actorOf(req)),
  }));

  app.post('/api/users', { schema: { tags: ['users'], body: UserCreate, response: { 201: User } } }, async (req, reply) =>
    reply.code(201).send(await ctx.users.create(actorOf(req), req.body, req.ip)),
  );

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: IdParams, body: UserUpdate, response: { 200: User } } }, async (req) =>
    ctx.users.update(actorOf(req), req.params.id, req.body, req.ip),
  );
};
