import { LoginBody, LoginResult, PasswordChange, User } from '@vigil/types';
import { toUser } from '@vigil/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';

/** Login, logout, who-am-I and password change. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Log in and get a bearer token', body: LoginBody, response: { 200: LoginResult } },
  }, async (req) => ctx.auth.login(req.body.username, req.body.password, req.ip));

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End this token' } }, async (req, reply) => {
    await ctx.auth.logout(req.token!, actorOf(req), req.ip);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: User } } }, async (req) => {
    const user = await ctx.stores.users.get(actorOf(req).id);
    return toUser(user!);
  });

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: 'Change own password', body: PasswordChange },
  }, async (req, reply) => {
    await ctx.auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, req.ip);
    return reply.code(204).send();
  });
};
