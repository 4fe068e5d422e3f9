// `npm run bench -- health [--quick] [--cameras 50] [--healthy-minutes 10]`
// 50 simulated RTSP cameras (looped clips by stream copy): time from cutting a source to its alert,
// time to detect a freeze and a blackout, false alerts over a healthy run with the CPU saturated by
// other work, and CPU cost of the monitor per camera.
import { spawn } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg, sceneArgs, type FfmpegRun } from '../packages/media/src/index.ts';
import { startRtspServer } from '../packages/test-kit/src/index.ts';
import { createTestVigil } from '../apps/server/src/testing.ts';
import { cpuOf, ffmpegPidsSync, percentile, publishClip, sleep } from './video-lib.ts';

const LOOP_S = 40;
const FAULT = { from: 20, to: 30 };

function arg(args: string[], name: string, dflt: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
}

async function clip(dir: string, kind: 'none' | 'freeze' | 'black'): Promise<string> {
  const out = join(dir, `health-${kind}.mp4`);
  if (existsSync(out)) return out;
  const fault = kind === 'none' ? undefined : { kind, ...FAULT };
  await runFfmpeg([...sceneArgs({ scene: 'street', fps: 10, fault }), '-t', String(LOOP_S), '-y', out]);
  return out;
}

/** Busy-loops on every core for the given time, as other work on the PC would. */
function burnCpu(ms: number): Promise<void>[] {
  const code = `const end = Date.now() + ${ms}; while (Date.now() < end) { Math.sqrt(Math.random()); }`;
  return [0, 1].map(
    () =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
        child.once('exit', () => resolve());
      }),
  );
}

export async function run(args: string[]) {
  const quick = args.includes('--quick');
  const n = Number(arg(args, 'cameras', quick ? '20' : '50'));
  const healthyMin = Number(arg(args, 'healthy-minutes', quick ? '1' : '10'));
  const dir = join(tmpdir(), 'vigil-bench');
  mkdirSync(dir, { recursive: true });
  const clips = { none: await clip(dir, 'none'), freeze: await clip(dir, 'freeze'), black: await clip(dir, 'black') };
  const rtsp = await startRtspServer();
  const kinds = Array.from({ length: n }, (_, i) => (i % 10 === 1 ? 'freeze' : i % 10 === 2 ? 'black' : 'none') as keyof typeof clips);
  const pubs: FfmpegRun[] = [];
  const startedAt: number[] = [];
  for (let i = 0; i < n; i++) {
    startedAt.push(Date.now());
    pubs.push(publishClip(clips[kinds[i]], rtsp.publishUrl(`h${i}`)));
  }
  const v = await createTestVigil({ demo: false, ingest: true, video: { segmentSeconds: 4 } });
  try {
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name: `h${i}`, unitId, mainUrl: rtsp.url(`h${i}`), rtspTransport: 'udp' } })).json().id);
    }
    const monitor = v.ctx.health!.monitor;
    // When each camera's alert (new or reopened) was raised, as the UI and notifiers see it.
    const raised: { cameraId: string; kind: string; at: number }[] = [];
    monitor.events.on('event', (e: { type: string; alert?: { cameraId: string; kind: string; status: string } }) => {
      if (e.type === 'alert' && e.alert?.status === 'open') raised.push({ cameraId: e.alert.cameraId, kind: e.alert.kind, at: Date.now() });
    });
    const alertsOf = async (id: string) => (await v.app.inject({ method: 'GET', url: `/api/alerts?cameraId=${id}&limit=50`, headers: admin })).json().items as { kind: string; openedAt: string; status: string }[];
    // Let every camera connect, learn its normal, and any start-up alert resolve.
    const settleUntil = Date.now() + 25_000;
    while (Date.now() < settleUntil) await sleep(1000);
    const online = async () => (await Promise.all(ids.map((id) => monitor.health(id, true)))).filter((h) => h.status === 'online').length;
    const onlineAfterSettling = await online();

    // CPU of the monitor: its samplers (ffmpeg decoding keyframes) plus its ticks on the event loop.
    const tickMs: number[] = [];
    const origTick = monitor.tick.bind(monitor);
    monitor.tick = async (now?: number) => {
      const s = performance.now();
      await origTick(now);
      tickMs.push(performance.now() - s);
    };
    const pids = ffmpegPidsSync('skip_frame');
    const s0 = cpuOf(pids);
    const t0 = Date.now();
    await sleep(20_000);
    const samplerCpu = cpuOf(pids) - s0;
    const cpuWindow = (Date.now() - t0) / 1000;

    // Freeze and black: faults play from 20 s to 30 s of every 40 s loop of their clips.
    const faultDelays: Record<string, number[]> = { frozen: [], black: [] };
    for (let i = 0; i < n; i++) {
      const want = kinds[i] === 'freeze' ? 'frozen' : kinds[i] === 'black' ? 'black' : null;
      if (!want) continue;
      for (const a of raised.filter((r) => r.cameraId === ids[i] && r.kind === want)) {
        const opened = a.at;
        // The fault began at the last loop's 20 s mark before the alert opened.
        const loops = Math.floor((opened - startedAt[i] - FAULT.from * 1000) / (LOOP_S * 1000));
        const faultStart = startedAt[i] + loops * LOOP_S * 1000 + FAULT.from * 1000;
        if (opened >= faultStart) faultDelays[want].push(opened - faultStart);
      }
    }

    // Cut the sources of healthy cameras, one every 300 ms, and time each alert.
    const cutIdx = kinds.map((k, i) => (k === 'none' ? i : -1)).filter((i) => i >= 0).slice(0, Math.max(5, Math.floor(n / 5)));
    const cutAt = new Map<number, number>();
    for (const i of cutIdx) {
      cutAt.set(i, Date.now());
      void pubs[i].stop();
      await sleep(300);
    }
    await sleep(10_000);
    const cutDelays: number[] = [];
    for (const i of cutIdx) {
      const a = raised.find((x) => x.cameraId === ids[i] && x.kind === 'offline' && x.at >= cutAt.get(i)!);
      if (a) cutDelays.push(a.at - cutAt.get(i)!);
    }

    // False alerts: healthy cameras only, CPU saturated by two busy processes.
    const healthy = kinds.map((k, i) => (k === 'none' && !cutIdx.includes(i) ? i : -1)).filter((i) => i >= 0);
    const before = new Map<number, number>();
    for (const i of healthy) before.set(i, (await alertsOf(ids[i])).length);
    const burners = burnCpu(healthyMin * 60_000);
    await Promise.all(burners);
    let falseAlerts = 0;
    for (const i of healthy) falseAlerts += (await alertsOf(ids[i])).length - before.get(i)!;

    return {
      cameras: n,
      onlineAfterSettling,
      cutToAlertMs: { count: cutDelays.length, of: cutIdx.length, p50: Math.round(percentile(cutDelays, 50)), p95: Math.round(percentile(cutDelays, 95)), max: Math.round(Math.max(...cutDelays)) },
      freezeToAlertMs: { count: faultDelays.frozen.length, p50: Math.round(percentile(faultDelays.frozen, 50)), max: Math.round(Math.max(...faultDelays.frozen)) },
      blackToAlertMs: { count: faultDelays.black.length, p50: Math.round(percentile(faultDelays.black, 50)), max: Math.round(Math.max(...faultDelays.black)) },
      falseAlerts: { healthyCameras: healthy.length, minutes: healthyMin, cpuSaturatedBy: '2 busy-loop processes', count: falseAlerts },
      monitorCpu: {
        samplerFfmpegPctPerCamera: +((samplerCpu / cpuWindow / n) * 100).toFixed(3),
        tickMsP50: +percentile(tickMs, 50).toFixed(2),
        tickMsP95: +percentile(tickMs, 95).toFixed(2),
        tickPctOfCorePerCamera: +((percentile(tickMs, 50) / 1000 / n) * 100).toFixed(4),
      },
      settings: 'defaults: offline after 3 s without data, frozen after 6 s, black after 4 s',
    };
  } finally {
    await v.close();
    await Promise.all(pubs.map((p) => p.stop()));
    await rtsp.close();
  }
}
