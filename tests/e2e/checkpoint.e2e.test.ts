// Checkpoint station end-to-end: real server (demo content) + the built web UI in headless Chromium
// whose fake camera plays a generated QR code (.y4m made with ffmpeg at test time). Codes reach the
// right verdict in the browser; a USB scanner (fast keystrokes + Enter) works too; with the API
// cut off the station checks against its synced lists, queues, and syncs once the link is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startVigil, type RunningVigil } from '@vigil/server';
import { encodeQr } from '../../apps/server/src/checkpoints/qr-codec';
import { DEMO_PERSONS } from '../../apps/server/src/checkpoints/seed';
import { demoDeclaration } from '../../apps/server/src/checkpoints/test-helpers';

const root = new URL('../..', import.meta.url).pathname;
const ADMIN_PASSWORD = 'Admin-pass-123';
const STATION_PASSWORD = 'Station-pass-123';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let vigil: RunningVigil | undefined;
let dataDir = '';
let cpId = '';
const browsers: Browser[] = [];

async function api<T>(path: string, opts: { token?: string; method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${vigil!.url}${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: { ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${path} -> ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

before(async () => {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    const res = spawnSync('npm', ['run', 'build', '-w', '@vigil/web'], { cwd: root, stdio: 'inherit' });
    assert.equal(res.status, 0, 'web build failed');
  }
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-cp-'));
  vigil = await startVigil({ dataDir, port: 0, host: '127.0.0.1', demo: true, adminPassword: ADMIN_PASSWORD, logLevel: 'warn' });
  const { token } = await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  const { items } = await api<{ items: { id: string; unitId: string }[] }>('/api/checkpoints', { token });
  cpId = items[0].id;
  await api('/api/users', { token, body: { username: 'tram.bacluan', displayName: 'Trạm Bắc Luân', password: STATION_PASSWORD, role: 'checkpoint', unitId: items[0].unitId } });
});

after(async () => {
  for (const b of browsers) await b.close();
  await vigil?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A 640x480 .y4m whose every frame shows the code, for Chromium's fake camera. */
async function fakeCamera(text: string, name: string): Promise<string> {
  const qr = await sharp(await encodeQr(text, { scale: 1 })).resize(300, 300, { kernel: 'nearest' }).png().toBuffer();
  const png = join(dataDir, `${name}.png`);
  writeFileSync(png, await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ffffff' } }).composite([{ input: qr, left: 170, top: 90 }]).png().toBuffer());
  const y4m = join(dataDir, `${name}.y4m`);
  const ff = spawnSync('ffmpeg', ['-y', '-loglevel', 'error', '-loop', '1', '-i', png, '-t', '2', '-pix_fmt', 'yuv420p', '-vf', 'scale=640:480', y4m]);
  assert.equal(ff.status, 0, String(ff.stderr));
  return y4m;
}

async function stationPage(y4m: string): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`, '--autoplay-policy=no-user-gesture-required'],
  });
  browsers.push(browser);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => console.error('[browser error]', err.message));
  await page.goto(`${vigil!.url}/#/login`);
  await page.fill('[data-testid=login-username]', 'tram.bacluan');
  await page.fill('[data-testid=login-password]', STATION_PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=header]');
  await page.evaluate((h) => (window.location.hash = h), `#/station/${cpId}`);
  await page.waitForSelector('[data-testid=station-online][data-online=true]');
  return page;
}

async function verdictOf(page: Page): Promise<{ verdict: string; reasons: string[] }> {
  const el = await page.waitForSelector('[data-testid=verdict]');
  const verdict = (await el.getAttribute('data-verdict'))!;
  const reasons = await page.$$eval('[data-testid=verdict-reasons] li', (lis) => lis.map((li) => li.getAttribute('data-code') ?? ''));
  return { verdict, reasons };
}

test('fake camera: generated QR codes reach the right verdicts in the station page', { timeout: 120_000 }, async () => {
  const cases: [string, string, string, string][] = [
    ['ok', DEMO_PERSONS.ok, 'pass', 'ok'],
    ['wanted', DEMO_PERSONS.wanted, 'deny', 'wanted'],
    ['decl', demoDeclaration(dataDir, { id: '022090001234', name: 'Nguyễn Văn An' }), 'pass', 'ok'],
  ];
  for (const [name, text, verdict, reason] of cases) {
    const page = await stationPage(await fakeCamera(text, name));
    await page.click('[data-testid=camera-start]');
    const got = await verdictOf(page);
    assert.equal(got.verdict, verdict, name);
    assert.ok(got.reasons.includes(reason), `${name}: ${got.reasons}`);
    if (verdict === 'pass') assert.match(await page.locator('[data-testid=verdict]').innerText(), /ĐƯỢC QUA/);
    else assert.match(await page.locator('[data-testid=verdict]').innerText(), /DỪNG LẠI/);
    await page.context().close();
  }
  const { token } = await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  const log = await api<{ items: { verdict: string; source: string; hasThumbnail: boolean }[] }>(`/api/checkpoints/${cpId}/scans?limit=100`, { token });
  assert.ok(log.items.length >= 3);
  assert.ok(log.items.every((e) => e.hasThumbnail), 'camera scans keep a thumbnail');
  const alerts = await api<{ items: { kind: string }[] }>('/api/checkpoints/alerts', { token });
  assert.ok(alerts.items.some((a) => a.kind === 'flagged_person'));
});

test('USB scanner keystrokes, then offline scanning against synced lists with a queue that syncs once', { timeout: 120_000 }, async () => {
  const page = await stationPage(await fakeCamera('blank', 'blank'));
  const { token } = await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });

  // A queue an earlier station version left in localStorage moves to IndexedDB and syncs, once.
  const legacyId = randomUUID();
  await page.evaluate(
    ([cp, id, payload]) => localStorage.setItem(`vigil.station.${cp}.queue`, JSON.stringify([{ scanId: id, at: new Date().toISOString(), payload, verdict: 'officer', reasons: ['flagged'], latencyMs: 4 }])),
    [cpId, legacyId, DEMO_PERSONS.flagged],
  );
  await page.reload();
  await page.waitForSelector('[data-testid=station-online][data-online=true]');
  await page.waitForFunction((cp) => localStorage.getItem(`vigil.station.${cp}.queue`) === null, cpId);
  await page.waitForSelector('[data-testid=station-queued][data-count="0"]', { timeout: 30_000 });
  for (let i = 0; i < 50; i++) {
    const items = (await api<{ items: { id: string }[] }>(`/api/checkpoints/${cpId}/scans?limit=1000`, { token })).items.filter((e) => e.id === legacyId);
    if (items.length > 0) {
      assert.equal(items.length, 1);
      break;
    }
    assert.ok(i < 49, 'the migrated scan reached the server');
    await new Promise((r) => setTimeout(r, 300));
  }

  // A scanner types fast and ends with Enter.
  await page.click('h1');
  await page.keyboard.type(DEMO_PERSONS.permitExpired, { delay: 2 });
  await page.keyboard.press('Enter');
  assert.equal((await verdictOf(page)).verdict, 'officer');
  await page.click('[data-testid=verdict]');

  // The link to the server drops.
  await page.route('**/api/checkpoints/**', (route) => route.abort('internetdisconnected'));
  await page.fill('[data-testid=station-input]', DEMO_PERSONS.wanted);
  await page.click('[data-testid=station-check]');
  const offline = await verdictOf(page);
  assert.equal(offline.verdict, 'deny');
  assert.ok(offline.reasons.includes('wanted'));
  await page.waitForSelector('[data-testid=station-queued][data-count="1"]');
  await page.click('[data-testid=verdict]');
  await page.fill('[data-testid=station-input]', DEMO_PERSONS.ok);
  await page.click('[data-testid=station-check]');
  assert.equal((await verdictOf(page)).verdict, 'pass');
  await page.waitForSelector('[data-testid=station-queued][data-count="2"]');
  // The queue is on disk: a reload while offline keeps both scans.
  await page.reload();
  await page.waitForSelector('[data-testid=station-queued][data-count="2"]');

  const before = (await api<{ total: number }>(`/api/checkpoints/${cpId}/scans?limit=1000`, { token })).total;
  await page.unroute('**/api/checkpoints/**');
  await page.waitForSelector('[data-testid=station-queued][data-count="0"]', { timeout: 30_000 });
  const log = await api<{ items: { id: string; source: string }[]; total: number }>(`/api/checkpoints/${cpId}/scans?limit=1000`, { token });
  assert.equal(log.total - before, 2);
  assert.equal(log.items.filter((e) => e.source === 'batch' && e.id !== legacyId).length, 2);
});
