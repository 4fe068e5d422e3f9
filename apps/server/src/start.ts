import type { FastifyInstance } from 'fastify';
import type { VigilConfig } from '@vigil/types';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createContext, type VigilContext } from './context';
import { bootstrap } from './bootstrap';

export interface StartOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  demo?: boolean;
  adminPassword?: string;
  logLevel?: VigilConfig['server']['logLevel'];
  serveWeb?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Video settings (benchmarks, tests). */
  video?: Partial<VigilConfig['video']>;
}

export interface RunningVigil {
  url: string;
  app: FastifyInstance;
  ctx: VigilContext;
  /** Printed once when the admin password was generated at first start. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

/** Loads config, migrates, seeds, and listens. Explicit options win over environment and file. */
export async function startVigil(opts: StartOptions = {}): Promise<RunningVigil> {
  const config = loadConfig({
    env: opts.env,
    overrides: {
      server: { ...(opts.port !== undefined && { port: opts.port }), ...(opts.host && { host: opts.host }), ...(opts.logLevel && { logLevel: opts.logLevel }) },
      storage: { ...(opts.dataDir && { dataDir: opts.dataDir }) },
      auth: { ...(opts.adminPassword && { adminPassword: opts.adminPassword }) },
      demo: { ...(opts.demo !== undefined && { enabled: opts.demo }) },
      video: { ...opts.video },
    },
  });
  const ctx = await createContext(config);
  const boot = await bootstrap(ctx);
  const app = await buildApp({ ctx, serveWeb: opts.serveWeb });
  await app.listen({ port: config.server.port, host: config.server.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.server.port;
  const host = config.server.host === '0.0.0.0' || config.server.host === '::' ? 'localhost' : config.server.host;
  return {
    url: `http://${host}:${port}`,
    app,
    ctx,
    generatedAdminPassword: boot.generatedAdminPassword,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}
