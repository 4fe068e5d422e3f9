// Video UI end-to-end: real server with demo cameras (synthetic H.264 with a running clock) and the
// built web UI in headless Chromium. The wall shows live video whose pixels change, a layout is
// saved and loaded back, playback plays a recorded span, an export's hash is listed, and a ward
// viewer is refused the live stream of another ward's camera.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, startE2e, type E2e } from './harness';

const VIEWER_PASSWORD = 'Viewer-pass-123';

let e2e: E2e;
let adminToken = '';

interface UnitRow { id: string; code: string; name: string }
interface CameraRow { id: string; name: string; unitId: string }

before(async () => {
  e2e = await startE2e('video', { launch: { args: ['--autoplay-policy=no-user-gesture-required'] } });
  ({ token: adminToken } = await api<{ token: string }>('/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
});

after(() => e2e.close());

const api = <T>(path: string, opts: { token?: string; body?: unknown } = {}) => e2e.api<T>(path, opts);
const newPage = () => e2e.newPage({ timeoutMs: 20_000, viewport: { width: 1500, height: 900 } });
const login = (page: Page, username: string, password: string) => e2e.login(page, username, password);

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Cheap hash of the pixels of the n-th tile's video, drawn into a canvas inside the page. */
function tileHash(page: Page, n: number): Promise<string> {
  return page.evaluate((i) => {
    const video = document.querySelectorAll<HTMLVideoElement>('[data-testid=live-video]')[i]!;
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const g = canvas.getContext('2d')!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 2166136261;
    for (let k = 0; k < px.length; k += 4) h = Math.imul(h ^ (px[k]! + px[k + 1]! * 3 + px[k + 2]! * 7), 16777619) >>> 0;
    return `${h}:${video.currentTime.toFixed(2)}`;
  }, n);
}

async function demoCameras(code: string): Promise<CameraRow[]> {
  const { items: units } = await api<{ items: UnitRow[] }>('/api/units', { token: adminToken });
  const unit = units.find((u) => u.code === code);
  assert.ok(unit, `demo unit ${code}`);
  const { items } = await api<{ items: CameraRow[] }>(`/api/cameras?unitId=${unit.id}&limit=100`, { token: adminToken });
  assert.ok(items.length >= 4, `demo cameras of ${code}`);
  return items;
}

test('wall plays live video, saves a layout; playback plays; an export is listed with its hash', { timeout: 120_000 }, async () => {
  const cams = (await demoCameras('DEMO-HT')).slice(0, 4);
  const page = await newPage();
  await login(page, 'admin', ADMIN_PASSWORD);
  await setHash(page, '#/wall');
  await page.waitForSelector('[data-testid=picker-camera]');
  await page.click('[data-testid=grid-4]');
  assert.equal(await page.locator('[data-testid=live-tile]').count(), 4);
  await page.locator('[data-testid=live-tile]').first().click();
  // Three by click (each fills the selected tile and moves on), the fourth by drag and drop.
  for (const c of cams.slice(0, 3)) await page.click(`[data-testid=picker-camera][data-camera-id="${c.id}"]`);
  await page.dragAndDrop(`[data-testid=picker-camera][data-camera-id="${cams[3]!.id}"]`, '[data-testid=live-tile]:nth-child(4)');
  const placed = await page.locator('[data-testid=live-tile]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cameraId));
  assert.deepEqual(placed, cams.map((c) => c.id));

  await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-tile][data-state=live]').length === 4, null, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid=live-video]')!.readyState >= 2);
  const first = await tileHash(page, 0);
  await page.waitForTimeout(1500);
  const second = await tileHash(page, 0);
  assert.notEqual(second.split(':')[0], first.split(':')[0], `tile pixels change over 1.5 s (${first} -> ${second})`);
  assert.ok(Number(second.split(':')[1]) > Number(first.split(':')[1]), 'live video time advances');

  // Save the layout, change the wall, then load the layout back from the server.
  await page.fill('[data-testid=layout-name]', 'Hỏa Tiến 2x2');
  await page.click('[data-testid=layout-save]');
  await page.waitForSelector('[data-testid=wall-notice]');
  const { items: layouts } = await api<{ items: { id: string; grid: number; cells: string[] }[] }>('/api/wall/layouts', { token: adminToken });
  assert.equal(layouts.length, 1);
  assert.deepEqual(layouts[0]!.cells, cams.map((c) => c.id));
  await page.selectOption('[data-testid=layout-select]', '');
  await page.keyboard.press('9');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-tile]').length === 9);
  await page.reload();
  await page.waitForSelector('[data-testid=layout-select] option:nth-child(2)', { state: 'attached' });
  await page.selectOption('[data-testid=layout-select]', layouts[0]!.id);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-tile]').length === 4);
  const reloaded = await page.locator('[data-testid=live-tile]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cameraId));
  assert.deepEqual(reloaded, cams.map((c) => c.id));

  // Playback: once ~8 s are recorded, the timeline shows a span and the video plays.
  const cam = cams[0]!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const rec = await api<{ items: { start: string; end: string }[] }>(`/api/recordings?cameraId=${cam.id}&from=${from}&to=${new Date().toISOString()}`, { token: adminToken });
    const longest = Math.max(0, ...rec.items.map((s) => Date.parse(s.end) - Date.parse(s.start)));
    if (longest >= 8000) break;
    assert.ok(Date.now() < deadline, `8 s recorded within 30 s (longest span ${longest} ms)`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await setHash(page, `#/playback/${cam.id}`);
  await page.waitForSelector('[data-testid=timeline-span]');
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid=pb-video]')!.readyState >= 2);
  await page.click('[data-testid=pb-play]');
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid=pb-video]')!.currentTime > 1.0, null, { timeout: 15_000 });
  await page.click('[data-testid=pb-pause]');

  // Export the 3 s around the play head through the form; its hash appears in the list.
  await page.fill('[data-testid=export-around]', '3');
  await page.click('[data-testid=export-around-apply]');
  await page.fill('[data-testid=export-reason]', 'Hồ sơ vụ việc 01/2026');
  await page.click('[data-testid=export-submit]');
  const sha = (await page.locator('[data-testid=export-sha]').innerText({ timeout: 30_000 })).trim();
  assert.match(sha, /^[0-9a-f]{64}$/);
  await setHash(page, '#/exports');
  await page.waitForSelector(`[data-testid=export-row][data-sha256="${sha}"]`);
  assert.match(await page.locator(`[data-testid=export-row][data-sha256="${sha}"]`).innerText(), /admin/);
  await page.context().close();
});

test('a unit-viewer of DEMO-HT is refused the live stream of a DEMO-HX camera', { timeout: 60_000 }, async () => {
  const [own] = await demoCameras('DEMO-HT');
  const [other] = await demoCameras('DEMO-HX');
  await api('/api/users', {
    token: adminToken,
    body: { username: 'ht-viewer', displayName: 'Hỏa Tiến viewer', password: VIEWER_PASSWORD, role: 'unit-viewer', unitId: own!.unitId },
  });
  const page = await newPage();
  await login(page, 'ht-viewer', VIEWER_PASSWORD);

  // The socket itself answers with an error message, then closes.
  const first = await page.evaluate((id) => new Promise<string>((resolve) => {
    const token = localStorage.getItem('vigil.token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/api/cameras/${id}/live?access_token=${encodeURIComponent(token)}`);
    ws.onmessage = (e) => resolve(typeof e.data === 'string' ? e.data : 'binary');
    ws.onclose = (e) => resolve(`closed ${e.code}`);
  }), other!.id);
  assert.equal(JSON.parse(first).error, 'FORBIDDEN', first);

  // A wall tile holding that camera (e.g. a stale layout) shows the refusal.
  await page.evaluate((id) => {
    localStorage.setItem('vigil.wall', JSON.stringify({ grid: 1, twoScreens: false, cells: [id], tour: null, tourStartedAt: null, layoutId: null, name: '' }));
  }, other!.id);
  await setHash(page, '#/wall');
  await page.waitForSelector('[data-testid=live-tile][data-state=forbidden]');
  assert.match(await page.locator('[data-testid=tile-notice]').innerText(), /Không có quyền/);
  await page.context().close();
});

/** Opens the wall with one tile holding `cameraId`, in a page that is already logged in. */
async function wallWith(page: Page, cameraId: string): Promise<void> {
  await page.evaluate((id) => {
    localStorage.setItem('vigil.wall', JSON.stringify({ grid: 1, twoScreens: false, cells: [id], tour: null, tourStartedAt: null, layoutId: null, name: '' }));
  }, cameraId);
  await setHash(page, '#/wall');
}

async function assertPlaysLive(page: Page, what: string): Promise<void> {
  await page.waitForSelector('[data-testid=live-tile][data-state=live][data-mode=hls]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid=live-video]')!.readyState >= 2);
  const first = await tileHash(page, 0);
  await page.waitForTimeout(2500);
  const second = await tileHash(page, 0);
  assert.notEqual(second.split(':')[0], first.split(':')[0], `${what}: pixels change over 2.5 s (${first} -> ${second})`);
  assert.ok(Number(second.split(':')[1]) > Number(first.split(':')[1]), `${what}: video time advances`);
}

test('live video over HLS: chosen on the wall toolbar, and taken by itself when WebSockets are blocked', { timeout: 120_000 }, async () => {
  const [cam] = await demoCameras('DEMO-HT');
  // Chosen: the wall's transport switch moves the tile from the WebSocket to HLS.
  const page = await newPage();
  await login(page, 'admin', ADMIN_PASSWORD);
  await wallWith(page, cam!.id);
  await page.waitForSelector('[data-testid=live-tile][data-state=live][data-mode=mse]', { timeout: 30_000 });
  await page.selectOption('[data-testid=live-transport]', 'hls');
  await assertPlaysLive(page, 'chosen HLS');
  assert.equal(await page.evaluate(() => localStorage.getItem('vigil.liveTransport')), 'hls');
  await page.context().close();

  // Blocked: a proxy that refuses every WebSocket (they close without opening) while plain HTTP
  // passes; the tile hands over to HLS after two refused sockets.
  const blocked = await newPage();
  // A plain script (not a function): tsx would wrap a class in helpers the page does not have.
  await blocked.addInitScript({
    content: `
      class RefusedSocket extends EventTarget {
        constructor(url) {
          super();
          this.url = url;
          this.readyState = 0;
          this.binaryType = 'blob';
          this.onopen = this.onmessage = this.onerror = this.onclose = null;
          setTimeout(() => {
            this.readyState = 3;
            if (this.onerror) this.onerror(new Event('error'));
            if (this.onclose) this.onclose(new CloseEvent('close', { code: 1006 }));
          }, 20);
        }
        send() {}
        close() {}
      }
      Object.assign(RefusedSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
      Object.defineProperty(window, 'WebSocket', { value: RefusedSocket });
    `,
  });
  await login(blocked, 'admin', ADMIN_PASSWORD);
  await wallWith(blocked, cam!.id);
  assert.equal(await blocked.evaluate(() => WebSocket.name), 'RefusedSocket');
  await assertPlaysLive(blocked, 'fallback HLS');
  assert.equal(await blocked.evaluate(() => localStorage.getItem('vigil.liveTransport')), null, 'the fallback does not change the preference');
  await blocked.context().close();
});
