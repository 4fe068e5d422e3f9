import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { VigilConfig } from '@vigil/types';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';
import { createContext, type VigilContext } from './context';

export const TEST_ADMIN_PASSWORD = 'Admin-pass-123';

export interface TestVigil {
  app: FastifyInstance;
  ctx: VigilContext;
  dataDir: string;
  /** Logs in and returns headers with the bearer token. */
  login(username?: string, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A real server on a real SQLite file in a fresh temp dir, driven with `app.inject()`. */
export async function createTestVigil(opts: { demo?: boolean; ingest?: boolean; video?: Partial<VigilConfig['video']> } = {}): Promise<TestVigil> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
  const config = loadConfig({
    env: {},
    file: false,
    overrides: { storage: { dataDir }, auth: { adminPassword: TEST_ADMIN_PASSWORD }, demo: { enabled: opts.demo ?? true }, server: { logLevel: 'silent' }, video: { ingest: opts.ingest ?? false, ...opts.video } },
  });
  const ctx = await createContext(config);
  await bootstrap(ctx);
  const app = await buildApp({ ctx, serveWeb: false });
  await app.ready();
  return {
    app,
    ctx,
    dataDir,
    async login(username = 'admin', password = TEST_ADMIN_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    },
    async close() {
      await app.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
