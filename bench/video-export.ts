// Export of a 60 s clip from recorded 4 s segments: Vigil's POST /api/exports against plain
// `ffmpeg -f concat -c copy` of the same files.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probe, runFfmpeg } from '../packages/media/src/index.ts';
import { createTestVigil } from '../apps/server/src/testing.ts';
import { percentile } from './video-lib.ts';

export async function measureExport(dir: string, clip: string, reps: number) {
  const segDir = join(dir, 'export-segments');
  rmSync(segDir, { recursive: true, force: true });
  mkdirSync(segDir, { recursive: true });
  // 80 s of camera footage cut into self-contained fMP4 files, as the recorder writes them.
  await runFfmpeg([
    '-hide_banner', '-loglevel', 'error', '-stream_loop', '3', '-i', clip, '-t', '80', '-c', 'copy', '-f', 'segment', '-segment_time', '4',
    '-reset_timestamps', '1', '-segment_format', 'mp4', '-segment_format_options', 'movflags=+frag_keyframe+empty_moov+default_base_moof', join(segDir, '%04d.mp4'),
  ]);
  const files = readdirSync(segDir).filter((f) => f.endsWith('.mp4')).sort();
  const v = await createTestVigil({ demo: false, ingest: false });
  try {
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const cam = (await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name: 'export bench', unitId, mainUrl: 'rtsp://127.0.0.1:1/x' } })).json();
    const t0 = Date.now() - 3600_000;
    let at = t0;
    for (const f of files) {
      const d = (await probe(join(segDir, f))).durationSec * 1000;
      await v.ctx.video!.recordingStore.upsert({ cameraId: cam.id, path: join(segDir, f), startMs: at, endMs: at + d, bytes: 0, complete: true });
      at += d;
    }
    const vigil: number[] = [];
    let sizeMb = 0;
    let clipSec = 0;
    for (let i = 0; i < reps; i++) {
      const s = performance.now();
      const res = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId: cam.id, from: new Date(t0 + 5000).toISOString(), to: new Date(t0 + 65_000).toISOString(), reason: 'benchmark' } });
      vigil.push(performance.now() - s);
      if (res.statusCode !== 201) throw new Error(`export failed: ${res.body}`);
      sizeMb = res.json().bytes / 1e6;
      if (i === 0) clipSec = (await probe(join(v.dataDir, 'exports', `${res.json().id}.mp4`))).durationSec;
    }
    const list = join(segDir, 'list.txt');
    writeFileSync(list, files.slice(1, 17).map((f) => `file '${join(segDir, f)}'`).join('\n'));
    const plain: number[] = [];
    for (let i = 0; i < reps; i++) {
      const s = performance.now();
      await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-t', '60', '-c', 'copy', '-y', join(segDir, 'plain.mp4')]);
      plain.push(performance.now() - s);
    }
    return {
      clipSeconds: +clipSec.toFixed(2),
      clipMB: +sizeMb.toFixed(2),
      vigilMsP50: Math.round(percentile(vigil, 50)),
      vigilMsMax: Math.round(Math.max(...vigil)),
      baselinePlainFfmpegConcatMsP50: Math.round(percentile(plain, 50)),
      note: 'Vigil time includes the index query, SHA-256 of the file, the hold and the audit row',
    };
  } finally {
    await v.close();
  }
}
