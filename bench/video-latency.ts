// Live latency camera -> screen: a simulated camera burns the wall-clock time in milliseconds into
// every frame as a bit pattern (see TIMECODE in packages/media/src/demo/scene.ts); 16 cameras pull it
// over RTSP; Chromium shows them on the video wall; a script in the page reads the pattern back from
// each frame as it is presented and subtracts it from the presentation time.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { TIMECODE } from '../packages/media/src/index.ts';
import { publishScene, startRtspServer } from '../packages/test-kit/src/index.ts';
import { startVigil, WEB_DIST } from '../apps/server/src/index.ts';
import { percentile, sleep } from './video-lib.ts';

/**
 * Runs in the page (as source text: tsx's name helpers must not leak into it): decodes the timecode
 * of every presented frame of every wall video.
 */
const PAGE_PROBE = (tc: typeof TIMECODE) => `
(() => {
  const tc = ${JSON.stringify(tc)};
  const samples = [];
  window.vigilLatency = samples;
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const watch = (v) => {
    const onFrame = (now) => {
      if (v.videoWidth) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        g.drawImage(v, 0, 0);
        const y0 = v.videoHeight - tc.bottomMargin;
        let ms = 0;
        for (let i = 0; i < tc.bits; i++) {
          const x = tc.x + (i % tc.perRow) * tc.cell + tc.cell / 2;
          const y = y0 + Math.floor(i / tc.perRow) * tc.cell + tc.cell / 2;
          const p = g.getImageData(x, y, 1, 1).data;
          if (p[0] + p[1] + p[2] > 384) ms += 2 ** i;
        }
        const lag = performance.timeOrigin + now - ms;
        if (lag > -1000 && lag < 60000) samples.push(lag);
      }
      v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
  };
  const seen = new Set();
  setInterval(() => {
    for (const v of document.querySelectorAll('video')) if (!seen.has(v)) { seen.add(v); watch(v); }
  }, 200);
})();`;

export async function measureLatency(o: { cameras: number; seconds: number; fragmentMs?: number }) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) spawnSync('npm', ['run', 'build', '-w', '@vigil/web'], { stdio: 'ignore' });
  const rtsp = await startRtspServer();
  const cam = publishScene(rtsp.publishUrl('lat'), { scene: 'traffic', timecode: true, fps: 25, width: 640, height: 360, kbps: 1200 });
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-lat-'));
  const vigil = await startVigil({ dataDir, port: 0, host: '127.0.0.1', demo: false, adminPassword: 'Admin-pass-123', logLevel: 'warn', video: o.fragmentMs === undefined ? {} : { liveFragmentMs: o.fragmentMs } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'] });
  try {
    await sleep(2000);
    const login = await (await fetch(`${vigil.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Admin-pass-123' }) })).json() as { token: string };
    const h = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const unitId = ((await (await fetch(`${vigil.url}/api/units`, { headers: h })).json()) as { items: { id: string }[] }).items[0].id;
    const ids: string[] = [];
    for (let i = 0; i < o.cameras; i++) {
      const r = await fetch(`${vigil.url}/api/cameras`, { method: 'POST', headers: h, body: JSON.stringify({ name: `latency ${i + 1}`, unitId, mainUrl: rtsp.url('lat'), rtspTransport: 'udp' }) });
      ids.push(((await r.json()) as { id: string }).id);
    }
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(
      ([token, cells]) => {
        localStorage.setItem('vigil.token', token);
        localStorage.setItem('vigil.wall', JSON.stringify({ grid: 16, twoScreens: false, cells, tour: null, tourStartedAt: null, layoutId: null, name: '' }));
      },
      [login.token, ids] as const,
    );
    await page.addInitScript({ content: PAGE_PROBE(TIMECODE) });
    await page.goto(`${vigil.url}/#/wall`);
    await page.waitForFunction((n) => [...document.querySelectorAll('video')].filter((v) => v.readyState >= 2).length >= n, o.cameras, { timeout: 60_000 });
    await sleep(3000);
    await page.evaluate(() => (window as unknown as { vigilLatency: number[] }).vigilLatency.splice(0));
    await sleep(o.seconds * 1000);
    const lags = await page.evaluate(() => (window as unknown as { vigilLatency: number[] }).vigilLatency.slice());
    const playing = await page.evaluate(() => [...document.querySelectorAll('video')].filter((v) => !v.paused && v.readyState >= 2).length);
    return {
      camerasOnWall: o.cameras,
      liveFragmentMs: o.fragmentMs ?? 50,
      videosPlaying: playing,
      framesMeasured: lags.length,
      p50Ms: Math.round(percentile(lags, 50)),
      p95Ms: Math.round(percentile(lags, 95)),
      maxMs: Math.round(Math.max(...lags)),
      path: 'ffmpeg x264 zerolatency -> RTSP (UDP, rtsp-server-perl) -> Vigil ingest -> fMP4 fragments over WebSocket -> MSE in Chromium (software decode)',
    };
  } finally {
    await browser.close();
    await vigil.close();
    await cam.stop();
    await rtsp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
