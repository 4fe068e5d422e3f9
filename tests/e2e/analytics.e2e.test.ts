// Analytics end to end: real server with demo content (rules drawn on two generated traffic
// cameras) + the built web UI in Chromium. An event arrives on the events page with its snapshot;
// the rules editor shows the demo rules, refuses a zone without area with the server's field
// error, and saves a drawn zone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, startE2e, type E2e } from './harness';

let e2e: E2e;
let token = '';

before(async () => {
  e2e = await startE2e('analytics');
  token = (await e2e.api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })).token;
});

after(() => e2e.close());

const api = <T>(path: string, opts: { method?: string; body?: unknown } = {}) => e2e.api<T>(path, { ...opts, token });

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Clicks the rule canvas at normalised coordinates. */
async function clickAt(page: Page, x: number, y: number): Promise<void> {
  const svg = page.locator('[data-testid=rule-svg]');
  const box = (await svg.boundingBox())!;
  await svg.click({ position: { x: box.width * x, y: box.height * y } });
}

test('events appear live with snapshots, and the rules editor draws and saves rules', { timeout: 150_000 }, async () => {
  const cams = await api<{ items: { id: string; mainUrl: string }[] }>('/api/cameras?limit=500');
  let cameraId = '';
  for (const c of cams.items.filter((x) => x.mainUrl.includes('scene=traffic'))) {
    const r = await api<{ rules: { id: string }[] }>(`/api/cameras/${c.id}/rules`);
    if (r.rules.length) {
      cameraId = c.id;
      break;
    }
  }
  assert.ok(cameraId, 'a demo traffic camera has rules');

  const page = await e2e.newPage({ timeoutMs: 20_000 });
  await e2e.login(page, 'admin', ADMIN_PASSWORD);
  await setHash(page, '/events');
  await page.waitForSelector('[data-testid=events-page]');
  await page.waitForSelector('[data-testid=events-live][data-connected=true]');
  // The generated traffic drives across the demo rules: an event shows up within about a minute.
  await page.waitForSelector('[data-testid=event-row]', { timeout: 90_000 });
  const thumb = page.locator('[data-testid=event-thumb]').first();
  await thumb.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid=event-thumb]');
    return !!img && img.complete && img.naturalWidth > 0;
  });

  // Facts of each event read in Vietnamese (direction of a crossing, signal phase), not as raw keys.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=event-details]')].some((c) => /chiều (thuận|ngược)|đèn đỏ/.test(c.textContent ?? '')), null, { timeout: 90_000 });
  const facts = await page.locator('[data-testid=event-details]').allInnerTexts();
  assert.ok(facts.every((f) => !/direction:|phase:|redForSeconds/.test(f)), facts.join(' | '));

  // Filtering by a rule kind that the demo does not use empties the list.
  await page.selectOption('[data-testid=events-kind]', 'crowd');
  await page.click('[data-testid=events-apply]');
  await page.waitForSelector('[data-testid=events-empty]');

  // The rules editor, reached from the camera page, shows the three demo rules with a direction arrow.
  await setHash(page, `/cameras/${cameraId}`);
  await page.click('[data-testid=camera-rules-link]');
  await page.waitForSelector('[data-testid=rules-page]');
  await page.waitForSelector('[data-testid=rule-shape][data-rule-id=dem-xe]', { state: 'attached' });
  assert.equal(await page.locator('[data-testid=rule-shape]').count(), 3);
  assert.ok((await page.locator('[data-testid=rule-arrow]').count()) >= 1);
  assert.equal(await page.locator('[data-testid=rule-direction]').count(), 1);

  // A zone drawn on one line has no area: the server refuses it and the editor says why.
  await page.click('[data-testid=rule-add]');
  await clickAt(page, 0.1, 0.8);
  await clickAt(page, 0.2, 0.8);
  await clickAt(page, 0.3, 0.8);
  await page.click('[data-testid=draw-finish]');
  await page.click('[data-testid=rules-save]');
  await page.waitForSelector('[data-testid=rules-field-errors] [data-field="rules.3.polygon"]');
  await page.waitForSelector('[data-testid=shape-error-polygon]');

  // Redrawn properly, it saves.
  await page.click('[data-testid=draw-polygon]');
  await clickAt(page, 0.1, 0.75);
  await clickAt(page, 0.3, 0.75);
  await clickAt(page, 0.3, 0.95);
  await page.click('[data-testid=draw-finish]');
  await page.fill('[data-testid=rule-name]', 'Vùng cấm E2E');
  await page.click('[data-testid=rules-save]');
  await page.waitForSelector('[data-testid=rules-saved]');
  const saved = await api<{ rules: { id: string; name: string; kind: string; polygon?: { x: number; y: number }[] }[] }>(`/api/cameras/${cameraId}/rules`);
  const zone = saved.rules.find((r) => r.name === 'Vùng cấm E2E');
  assert.ok(zone, 'the drawn zone is stored');
  assert.equal(zone.kind, 'zone');
  assert.equal(zone.polygon?.length, 3);
  assert.ok(zone.polygon.every((p) => p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1));
});
