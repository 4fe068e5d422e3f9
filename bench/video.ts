// `npm run bench -- video [--quick] [--cameras 10,25,50] [--seconds 20]`
// 1. CPU per recorded camera: N simulated 720p 2 Mb/s RTSP cameras recorded by Vigil, against plain
//    `ffmpeg -c copy -f segment` per camera measured in the same run (the floor).
// 2. Time to export a 60 s clip, against plain ffmpeg concat by stream copy.
// 3. Live latency camera -> Chromium with 16 cameras on the wall (bench/video-latency.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnFfmpeg } from '../packages/media/src/index.ts';
import { startRtspServer } from '../packages/test-kit/src/index.ts';
import { createTestVigil } from '../apps/server/src/testing.ts';
import { cameraClip, cpuOf, ffmpegPidsSync, publishClip, sleep } from './video-lib.ts';
import { measureExport } from './video-export.ts';
import { measureLatency } from './video-latency.ts';

function arg(args: string[], name: string, dflt: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
}

async function recordingCost(n: number, seconds: number, clip: string) {
  const rtsp = await startRtspServer();
  const pubs = Array.from({ length: n }, (_, i) => publishClip(clip, rtsp.publishUrl(`cam${i}`)));
  await sleep(3000);
  const work = mkdtempSync(join(tmpdir(), 'vigil-bench-rec-'));
  try {
    // Baseline: one plain ffmpeg per camera, copying into 4 s MP4 segments.
    const base = Array.from({ length: n }, (_, i) => {
      const dir = join(work, `base${i}`);
      mkdirSync(dir);
      return spawnFfmpeg(['-hide_banner', '-loglevel', 'error', '-rtsp_transport', 'udp', '-i', rtsp.url(`cam${i}`), '-map', '0:v', '-c', 'copy', '-f', 'segment', '-segment_time', '4', '-segment_format', 'mp4', join(dir, '%05d.mp4')]);
    });
    await sleep(3000);
    const basePids = base.map((b) => b.child.pid!).filter(Boolean);
    const c0 = cpuOf(basePids);
    await sleep(seconds * 1000);
    const baseCpu = cpuOf(basePids) - c0;
    await Promise.all(base.map((b) => b.stop()));

    // Vigil: the same cameras through the real server (hub, recorder, index).
    const v = await createTestVigil({ demo: false, ingest: true, video: { segmentSeconds: 4, recordDir: join(work, 'vigil') } });
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name: `bench ${i}`, unitId, mainUrl: rtsp.url(`cam${i}`), rtspTransport: 'udp' } });
      ids.push(r.json().id);
    }
    await sleep(4000);
    const pids = () => ffmpegPidsSync(rtsp.url('cam').replace(/cam$/, ''));
    const ingest0 = cpuOf(pids());
    const node0 = process.cpuUsage();
    const t0 = Date.now();
    await sleep(seconds * 1000);
    const elapsed = (Date.now() - t0) / 1000;
    const nodeUsed = process.cpuUsage(node0);
    const ingestCpu = cpuOf(pids()) - ingest0;
    const nodeCpu = (nodeUsed.user + nodeUsed.system) / 1e6;
    let online = 0;
    let gaps = 0;
    for (const id of ids) {
      if (v.ctx.video!.manager.status(id)?.state === 'online') online += 1;
      // The open file's end is written to the index every 3 s: leave the last 4 s out of the window.
      const rec = await v.ctx.video!.recordings.list(await v.ctx.system(), id, new Date(t0).toISOString(), new Date(t0 + elapsed * 1000 - 4000).toISOString());
      gaps += rec.gaps.length;
    }
    await v.close();
    const pct = (cpuSec: number) => +((cpuSec / elapsed / n) * 100).toFixed(3);
    return {
      cameras: n,
      seconds: +elapsed.toFixed(1),
      baselineFfmpegCopyPctPerCamera: pct(baseCpu),
      vigilPctPerCamera: pct(ingestCpu + nodeCpu),
      vigilIngestFfmpegPctPerCamera: pct(ingestCpu),
      vigilNodePctPerCamera: pct(nodeCpu),
      camerasOnline: online,
      gapsInWindow: gaps,
    };
  } finally {
    await Promise.all(pubs.map((p) => p.stop()));
    await rtsp.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export async function run(args: string[]) {
  const quick = args.includes('--quick');
  const counts = arg(args, 'cameras', quick ? '10' : '10,25,50').split(',').map(Number);
  const seconds = Number(arg(args, 'seconds', quick ? '10' : '20'));
  const only = arg(args, 'only', 'cpu,export,latency').split(',');
  const dir = join(tmpdir(), 'vigil-bench');
  const clip = await cameraClip(dir);
  const result: Record<string, unknown> = { machine: { cores: (await import('node:os')).cpus().length } };
  if (only.includes('cpu')) {
    const rows = [];
    for (const n of counts) rows.push(await recordingCost(n, seconds, clip));
    result.recording = rows;
  }
  if (only.includes('export')) result.export60s = await measureExport(dir, clip, quick ? 3 : 5);
  if (only.includes('latency')) {
    const rows = [];
    for (const fragmentMs of arg(args, 'fragments', quick ? '50' : '50,0,100').split(',').map(Number)) rows.push(await measureLatency({ cameras: 16, seconds: quick ? 10 : 20, fragmentMs }));
    result.liveLatency = rows;
  }
  return result;
}
