// Camera health end to end: real server (demo cameras watched by the monitor) + built web UI in
// Chromium. A camera whose source is cut raises a live toast, shows red on the dashboard and the
// map, and its alert becomes a repair ticket that moves through its statuses; the alert is
// acknowledged; the availability report renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, startE2e, type E2e } from './harness';

let e2e: E2e;
let token = '';

before(async () => {
  e2e = await startE2e('health');
  token = (await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })).token;
});

after(() => e2e.close());

const api = <T>(path: string, opts: { method?: string; body?: unknown } = {}) => e2e.api<T>(path, { ...opts, token });
const newPage = () => e2e.newPage({ timeoutMs: 20_000 });

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

test('a cut camera alerts live, shows on the dashboard and map, and its alert becomes a repair ticket', { timeout: 120_000 }, async () => {
  const page = await newPage();
  await e2e.login(page, 'admin', ADMIN_PASSWORD);
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
  // On its own, or in a cluster of nearby cameras that takes the colour of its worst camera.
  await page.waitForSelector(
    `[data-testid=health-marker][data-camera-id="${cam.id}"]:not([data-state=online]), [data-testid=health-cluster][data-camera-ids~="${cam.id}"]:not([data-state=online])`,
    { state: 'attached' },
  );
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
