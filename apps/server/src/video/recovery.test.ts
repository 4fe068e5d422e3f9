import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { probe, runFfmpeg } from '@vigil/media';
import { createTestVigil } from '../testing';

test('after a power cut, a half-written recording is closed in the index with what is on disk', async () => {
  const v = await createTestVigil({ demo: false });
  try {
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const cam = (await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name: 'cut', unitId, mainUrl: 'rtsp://127.0.0.1:1/x' } })).json();
    const dir = join(v.dataDir, 'recordings', cam.id, '2026-01-01');
    mkdirSync(dir, { recursive: true });
    const full = join(dir, 'full.mp4');
    await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10:duration=4', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p', '-f', 'mp4', '-movflags', '+frag_every_frame+empty_moov+default_base_moof', full]);
    // The power goes off in the middle of the last fragment being written.
    const bytes = readFileSync(full);
    const cut = join(dir, '000000-000.mp4');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const start = Date.parse('2026-01-01T00:00:00Z');
    const store = v.ctx.video!.recordingStore;
    await store.upsert({ cameraId: cam.id, path: cut, startMs: start, endMs: start + 500, bytes: 1000, complete: false });
    await store.upsert({ cameraId: cam.id, path: join(dir, 'gone.mp4'), startMs: start + 5000, endMs: start + 6000, bytes: 10, complete: false });

    assert.equal(await v.ctx.video!.manager.recover(), 2);
    const segs = await store.list(cam.id, 0, Date.now());
    assert.equal(segs.length, 1, 'the index row of a file that never reached the disk is dropped');
    assert.equal(segs[0].complete, true);
    const ms = segs[0].endMs - segs[0].startMs;
    assert.ok(ms > 1500 && ms < 3000, `recovered ${ms} ms of the 4 s written before the cut`);
    assert.equal((await probe(cut)).video?.codec, 'h264');
  } finally {
    await v.close();
  }
});
