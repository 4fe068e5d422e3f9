import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { VigilContext } from './context';
import { installAuthHook } from './http/auth-hook';
import { installErrorHandler } from './http/errors';
import { features } from './features';
import { VERSION } from './routes/system-routes';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  ctx: VigilContext;
  /** Serve the built web UI from apps/web/dist (off for route tests). */
  serveWeb?: boolean;
}

/** The HTTP server: one plugin per feature, zod on every input, OpenAPI generated from the same schemas. */
export async function buildApp({ ctx, serveWeb = true }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.server.logLevel, redact: ['req.headers.authorization', 'body.password'] },
    bodyLimit: ctx.config.server.bodyLimitBytes,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Vigil API', version: VERSION, description: 'Camera operations centre for public security and order' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs UI plugin registers its own routes: mark them public before it does.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  installErrorHandler(app, ctx);
  installAuthHook(app, ctx);

  for (const feature of features) await app.register(feature, { ctx });

  const hasWeb = serveWeb && existsSync(WEB_DIST);
  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
  return app;
}
