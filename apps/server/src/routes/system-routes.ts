import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import type { VigilContext } from '../context';

export const VERSION = '0.1.0';

/** Liveness, Prometheus metrics and the settings the UI needs before login. */
export const systemRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  const requests = new Counter({ name: 'vigil_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'vigil_http_request_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: reply.statusCode });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', { config: { public: true }, schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );

  app.get('/api/config/public', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Settings the web UI needs before login',
      response: { 200: z.object({ mapTilesUrl: z.string().nullable(), mapCenter: z.tuple([z.number(), z.number()]), mapZoom: z.number(), version: z.string() }) },
    },
  }, async () => ({ mapTilesUrl: ctx.config.map.tilesUrl, mapCenter: ctx.config.map.center, mapZoom: ctx.config.map.zoom, version: VERSION }));
};
