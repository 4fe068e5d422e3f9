// Camera health end to end: real server (demo cameras watched by the monitor) + built web UI in
// Chromium. A camera whose source is cut raises a live toast, shows red on the dashboard and the
// map, and its alert becomes a repair ticket that moves through its statuses; the alert is
// acknowledged; the availability report renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startVigil } from '@vigil/server';

const root = new URL('../..', import.meta.url).pathname;
const ADMIN_PASSWORD = 'Admin-pass-123';

let vigil: { url: string; close(): Promise<void> } | undefined;
let browser: Browser | undefined;
let dataDir = '';
let token = '';

before(async () => {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    const res = spawnSync('npm', ['run', 'build', '-w', '@vigil/web'], { cwd: root, stdio: 'inherit' });
    assert.equal(res.status, 0, 'web build failed');
  }
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-health-'));
  vigil = await startVigil({ dataDir, port: 0, host: '127.0.0.1', demo: true, adminPassword: ADMIN_PASSWORD, logLevel: 'warn' });
  token = (await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })).token;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await vigil?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function api<T>(path: string, opts: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${vigil!.url}${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: { ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${opts.method ?? 'GET'} ${path} -> ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => console.error('[browser error]', err.message));
  return page;
}

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

test('a cut camera alerts live, shows on the dashboard and map, and its alert becomes a repair ticket', { timeout: 120_000 }, async () => {
  const page = await newPage();
  await page.goto(`${vigil!.url}/#/login`);
  await page.fill('[data-testid=login-username]', 'admin');
  await page.fill('[data-testid=login-password]', ADMIN_PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=header]');
  await setHash(page, '/health');
  await page.waitForSelector('[data-testid=health-counts]');
  await page.waitForSelector('[data-testid=health-map][data-markers]');

  // A camera whose source is cut: nothing listens on the port.
  const units = await api<{ items: { id: string; code: string }[] }>('/api/units');
  const hx = units.items.find((u) => u.code === 'DEMO-HX')!;
  const cfg = await api<{ mapCenter: [number, number] }>('/api/config/public');
  const name = `Camera cắt nguồn ${Date.now()}`;
  const cam = await api<{ id: string }>('/api/cameras', { body: { name, unitId: hx.id, mainUrl: 'rtsp://127.0.0.1:9/cut', location: { lat: cfg.mapCenter[0], lng: cfg.mapCenter[1], address: 'E2E', placeType: 'road' } } });

  // The live stream brings a toast for the new alert, wherever the user is.
  await page.waitForSelector(`[data-testid=alert-toast]:has-text("${name}")`, { timeout: 45_000 });
  // The dashboard lists it among the cameras not online, and the map marks it by state.
  await page.waitForSelector(`[data-testid=health-down-row][data-camera-id="${cam.id}"]`);
  const state = await page.locator(`[data-testid=health-down-row][data-camera-id="${cam.id}"] [data-testid=state-badge]`).getAttribute('data-state');
  assert.notEqual(state, 'online');
  await page.waitForSelector(`[data-testid=health-marker][data-camera-id="${cam.id}"]:not([data-state=online])`, { state: 'attached' });
  assert.ok(Number(await page.locator('[data-testid=health-count-online] strong').innerText()) > 0);

  // Alerts page: the open alert, then a repair ticket from it.
  await setHash(page, '/alerts');
  const row = page.locator('[data-testid=alert-row]', { hasText: name });
  await row.waitFor();
  await row.locator('[data-testid=alert-ticket]').click();
  await page.waitForSelector('[data-testid=ticket-form]');
  assert.equal(await page.locator('[data-testid=ticket-camera]').inputValue(), cam.id);
  await page.fill('[data-testid=ticket-assignee]', 'Nguyễn Văn Kỹ Thuật');
  await page.fill('[data-testid=ticket-initial-note]', 'Kiểm tra nguồn điện');
  await page.click('[data-testid=ticket-create]');
  await page.waitForSelector('[data-testid=ticket-detail][data-status=open]');
  await page.click('[data-testid=ticket-to-in_progress]');
  await page.waitForSelector('[data-testid=ticket-detail][data-status=in_progress]');
  await page.fill('[data-testid=ticket-note]', 'Đã thay dây mạng');
  await page.click('[data-testid=ticket-note-add]');
  await page.waitForSelector('[data-testid=ticket-history] >> text=Đã thay dây mạng');
  // A ticket cannot skip to verified: only "mark fixed" is offered from in progress.
  assert.equal(await page.locator('[data-testid=ticket-to-verified]').count(), 0);
  await page.click('[data-testid=ticket-to-fixed]');
  await page.waitForSelector('[data-testid=ticket-detail][data-status=fixed]');

  // Back on the alerts page the alert links its ticket; acknowledging moves it to the second tab.
  await setHash(page, '/alerts');
  await row.waitFor();
  await row.locator('[data-testid=alert-ack]').click();
  await page.click('[data-testid=alerts-tab-acknowledged]');
  await page.waitForSelector(`[data-testid=alert-row][data-status=acknowledged]:has-text("${name}")`);

  // Tickets list shows the ticket; the availability report renders with its chart.
  await setHash(page, '/maintenance');
  await page.waitForSelector(`[data-testid=ticket-row]:has-text("${name}")`);
  await setHash(page, '/health-reports');
  await page.waitForSelector('[data-testid=availability-chart]');
  await page.waitForSelector('[data-testid=hreport-overall]');
  assert.ok((await page.locator('[data-testid=hreport-row]').count()) > 1);
  await page.context().close();
});
