// Shared set-up of the browser tests: the built web UI, a real Vigil on a fresh data dir, and
// Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';
import { startVigil, type StartOptions } from '@vigil/server';

const root = new URL('../..', import.meta.url).pathname;
export const ADMIN_PASSWORD = 'Admin-pass-123';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface E2e {
  url: string;
  browser: Browser;
  /** JSON call to the API from outside the browser; fails the test on a non-2xx answer. */
  api<T>(path: string, opts?: { token?: string; method?: string; body?: unknown }): Promise<T>;
  /** A page in its own context (own localStorage), errors echoed to the test log. */
  newPage(opts?: { timeoutMs?: number; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Logs in through the login form and waits for the shell. */
  login(page: Page, username: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the web UI when missing, starts Vigil with demo content and launches Chromium. */
export async function startE2e(name: string, opts: StartOptions & { launch?: LaunchOptions } = {}): Promise<E2e> {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    const res = spawnSync('npm', ['run', 'build', '-w', '@vigil/web'], { cwd: root, stdio: 'inherit' });
    assert.equal(res.status, 0, 'web build failed');
  }
  const { launch, ...start } = opts;
  const dataDir = await mkdtemp(join(tmpdir(), `vigil-e2e-${name}-`));
  const vigil = await startVigil({ dataDir, port: 0, host: '127.0.0.1', demo: true, adminPassword: ADMIN_PASSWORD, logLevel: 'warn', ...start });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, ...launch, args: [...CHROMIUM_ARGS, ...(launch?.args ?? [])] });
  return {
    url: vigil.url,
    browser,
    async api<T>(path: string, o: { token?: string; method?: string; body?: unknown } = {}): Promise<T> {
      const res = await fetch(`${vigil.url}${path}`, {
        method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
        headers: { ...(o.body === undefined ? {} : { 'content-type': 'application/json' }), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
      });
      const text = await res.text();
      assert.ok(res.ok, `${o.method ?? 'GET'} ${path} -> ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async newPage(o = {}) {
      const context = await browser.newContext({ viewport: o.viewport ?? { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(o.timeoutMs ?? 15_000);
      page.on('pageerror', (err) => console.error('[browser error]', err.message));
      return page;
    },
    async login(page, username, password) {
      await page.goto(`${vigil.url}/#/login`);
      await page.fill('[data-testid=login-username]', username);
      await page.fill('[data-testid=login-password]', password);
      await page.click('[data-testid=login-submit]');
      await page.waitForSelector('[data-testid=header]');
    },
    async close() {
      await browser.close();
      await vigil.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
