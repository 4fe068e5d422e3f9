import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FFPROBE, probe, type FfmpegRun } from '@vigil/media';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegPids, publishScene, startAuthRequiredRtsp, startRtspServer, type RtspServer } from '@vigil/test-kit';
import WebSocket from 'ws';
import { createTestVigil, type TestVigil } from '../testing';

const runFfmpegProbe = async (args: string[]) => (await promisify(execFile)(FFPROBE, args)).stdout;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(250);
  }
}

describe('video pipeline on a real RTSP camera', () => {
  let rtsp: RtspServer;
  let cam: FfmpegRun;
  let v: TestVigil;
  let admin: Record<string, string>;
  let cameraId: string;
  let base: string;
  const json = { 'content-type': 'application/json' };

  before(async () => {
    rtsp = await startRtspServer();
    cam = publishScene(rtsp.publishUrl('cam1'), { scene: 'plate', fps: 15 });
    v = await createTestVigil({ demo: true, ingest: true, video: { segmentSeconds: 2 } });
    base = await v.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await v.login();
    const units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
    const ht = units.find((u: { code: string }) => u.code === 'DEMO-HT');
    // Demo cameras are present but disabled here, so only the camera under test is pulled.
    const demo = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1000', headers: admin })).json().items;
    for (const c of demo) await v.app.inject({ method: 'PATCH', url: `/api/cameras/${c.id}`, headers: admin, payload: { enabled: false } });
    await wait(200);
    await until('RTSP publisher', async () => (await probe(rtsp.url('cam1'), 5000, ['-rtsp_transport', 'udp']).catch(() => null))?.video, 60_000);
    const res = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name: 'RTSP test', unitId: ht.id, mainUrl: rtsp.url('cam1'), rtspTransport: 'udp', purposes: ['traffic'] } });
    assert.equal(res.statusCode, 201, res.body);
    cameraId = res.json().id;
  });
  after(async () => {
    await v.close();
    await cam.stop();
    await rtsp.close();
  });

  const stream = async () => (await v.app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/stream`, headers: admin })).json();
  const recordings = async (fromMs: number) =>
    (await v.app.inject({ method: 'GET', url: `/api/recordings?cameraId=${cameraId}&from=${new Date(fromMs).toISOString()}&to=${new Date().toISOString()}`, headers: admin })).json();

  test('the camera comes online and records playable H.264 segments', async () => {
    await until('online', async () => (await stream()).state === 'online');
    const s = await stream();
    assert.match(s.codec, /^avc1\./);
    const rec = await until('two closed segments', async () => {
      const r = await recordings(Date.now() - 60_000);
      return r.segments.length >= 3 && r;
    });
    assert.equal(rec.items.length >= 1, true);
    for (const seg of rec.segments.slice(0, 2)) {
      const file = await v.app.inject({ method: 'GET', url: seg.url, headers: admin });
      assert.equal(file.statusCode, 200);
      const row = await v.ctx.video!.recordingStore.get(Number(seg.id));
      const p = await probe(row!.path);
      assert.equal(p.video?.codec, 'h264');
      assert.ok(p.durationSec > 0.5, `segment lasts ${p.durationSec}s`);
    }
  });

  test('live view: one pull serves several viewers, each starting on a keyframe', async () => {
    const url = `${base.replace('http', 'ws')}/api/cameras/${cameraId}/live?access_token=${admin.authorization.slice(7)}`;
    const viewers = [new WebSocket(url), new WebSocket(url)];
    const got = viewers.map(() => ({ init: false, frags: 0 }));
    viewers.forEach((ws, i) =>
      ws.on('message', (d: Buffer, binary: boolean) => {
        if (!binary) got[i].init ||= JSON.parse(d.toString()).type === 'init';
        else got[i].frags += 1;
      }),
    );
    await until('fragments on both viewers', async () => got.every((g) => g.init && g.frags > 10));
    assert.equal((await stream()).viewers, 2);
    viewers.forEach((ws) => ws.close());
    assert.equal((await ffmpegPids(rtsp.url('cam1'))).length, 1, 'one ffmpeg pull for the camera');
    const snap = await v.app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/snapshot.jpg`, headers: admin });
    assert.equal(snap.statusCode, 200);
    assert.equal(snap.rawPayload.subarray(0, 2).toString('hex'), 'ffd8');
  });

  test('cutting the source goes offline, leaves a gap, and recording resumes', async () => {
    const cutAt = Date.now();
    await cam.stop();
    await until('offline', async () => (await stream()).state === 'offline', 20_000);
    await wait(2500);
    cam = publishScene(rtsp.publishUrl('cam1'), { scene: 'plate', fps: 15 });
    await until('online again', async () => (await stream()).state === 'online', 40_000);
    const rec = await until('segments after the cut', async () => {
      const r = await recordings(cutAt - 20_000);
      return r.items.length >= 2 && r;
    }, 20_000);
    const inner = rec.gaps.filter((g: { start: string; end: string }) => Date.parse(g.end) > cutAt && Date.parse(g.start) < Date.now() - 1000);
    assert.ok(inner.length >= 1, `a gap after ${new Date(cutAt).toISOString()}: ${JSON.stringify(rec.gaps)}`);
  });

  test('export: hash matches the file; bad spans are refused and write nothing', async () => {
    const rec = await recordings(Date.now() - 120_000);
    const span = rec.items[0];
    const res = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId, from: span.start, to: span.end, reason: 'Vụ va chạm giao thông' } });
    assert.equal(res.statusCode, 201, res.body);
    const ex = res.json();
    const file = await v.app.inject({ method: 'GET', url: ex.fileUrl, headers: admin });
    assert.equal(createHash('sha256').update(file.rawPayload).digest('hex'), ex.sha256);
    const custody = await v.app.inject({ method: 'GET', url: ex.custodyUrl, headers: admin });
    assert.match(custody.body, new RegExp(ex.sha256));
    assert.match(custody.body, /Vụ va chạm giao thông/);
    const audit = (await v.app.inject({ method: 'GET', url: `/api/audit?targetId=${ex.id}`, headers: admin })).json().items.map((i: { action: string }) => i.action);
    assert.ok(audit.includes('export.create') && audit.includes('export.download'));
    const still = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId, from: rec.segments[1].start, to: rec.segments[1].end, reason: 'Ảnh biển số', kind: 'still' } });
    assert.equal(still.statusCode, 201, still.body);

    const before = (await v.app.inject({ method: 'GET', url: '/api/exports', headers: admin })).json().total;
    const backwards = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId, from: span.end, to: span.start, reason: 'ngược' } });
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().field, 'from');
    const old = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId, from: '2020-01-01T00:00:00Z', to: '2020-01-01T00:01:00Z', reason: 'không có' } });
    assert.equal(old.statusCode, 400);
    assert.match(old.json().message, /nothing was recorded/);
    const noReason = await v.app.inject({ method: 'POST', url: '/api/exports', headers: admin, payload: { cameraId, from: span.start, to: span.end } });
    assert.equal(noReason.json().field, 'reason');
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/exports', headers: admin })).json().total, before);
  });

  test('keyframe look-up: where play.mp4 must start to show a moment', async () => {
    const rec = await recordings(Date.now() - 120_000);
    const seg = rec.segments[1];
    const row = (await v.ctx.video!.recordingStore.get(Number(seg.id)))!;
    // Keyframes of that file, decoded independently (frames, not packet flags), from its start.
    const out = await runFfmpegProbe(['-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', row.path]);
    const times = out.split('\n').filter(Boolean).map(Number);
    const keys = times.map((t) => t - times[0]);
    for (const frac of [0.1, 0.5, 0.9]) {
      const atMs = Date.parse(seg.start) + frac * (Date.parse(seg.end) - Date.parse(seg.start));
      const res = await v.app.inject({ method: 'GET', url: `/api/recordings/keyframe?cameraId=${cameraId}&at=${new Date(atMs).toISOString()}`, headers: admin });
      assert.equal(res.statusCode, 200, res.body);
      const kMs = Date.parse(res.json().keyframe);
      const want = Date.parse(seg.start) + 1000 * Math.max(...keys.filter((k) => Date.parse(seg.start) + k * 1000 <= atMs + 1));
      assert.ok(Math.abs(kMs - want) <= 2, `at +${frac}: keyframe ${res.json().keyframe}, expected ${new Date(want).toISOString()}`);
      assert.ok(kMs <= atMs);
    }
    const none = await v.app.inject({ method: 'GET', url: `/api/recordings/keyframe?cameraId=${cameraId}&at=2020-01-01T00:00:00Z`, headers: admin });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().field, 'at');
    const bad = await v.app.inject({ method: 'GET', url: `/api/recordings/keyframe?cameraId=${cameraId}&at=yesterday`, headers: admin });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /at/);
    // A playback window opened mid-GOP starts on a keyframe (stream copy cannot start elsewhere).
    const mid = new Date(Date.parse(seg.start) + 0.5 * (Date.parse(seg.end) - Date.parse(seg.start))).toISOString();
    const play = await v.app.inject({ method: 'GET', url: `/api/recordings/play.mp4?cameraId=${cameraId}&from=${mid}&to=${seg.end}`, headers: admin });
    assert.equal(play.statusCode, 200);
    assert.ok(play.rawPayload.length > 1000, `${play.rawPayload.length} bytes`);
  });

  test('retention deletes the oldest files but keeps footage held as evidence', async () => {
    const store = v.ctx.video!.recordingStore;
    const segs = await store.list(cameraId, 0, Date.now());
    const exported = (await v.app.inject({ method: 'GET', url: '/api/exports', headers: admin })).json().items;
    const heldFrom = Math.min(...exported.map((e: { from: string }) => Date.parse(e.from)));
    const heldTo = Math.max(...exported.map((e: { to: string }) => Date.parse(e.to)));
    const report = await v.ctx.video!.recordings.enforceRetention({ maxBytes: 1, minFreeBytes: 0 });
    assert.ok(report.deletedByQuota > 0);
    const left = await store.list(cameraId, 0, Date.now());
    assert.ok(left.length < segs.length);
    for (const s of segs) {
      const held = s.endMs > heldFrom && s.startMs < heldTo;
      if (held) assert.ok(existsSync(s.path), `held segment ${s.path} kept`);
    }
    assert.ok(left.every((s) => (s.endMs > heldFrom && s.startMs < heldTo) || s.endMs > Date.now() - 5000 || existsSync(s.path)));
  });

  test('a viewer of another ward is refused live and recorded video (and it is audited)', async () => {
    const units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
    const hx = units.find((u: { code: string }) => u.code === 'DEMO-HX');
    await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'viewer-hx', displayName: 'HX', password: 'Viewer-pass-1', role: 'unit-viewer', unitId: hx.id } });
    const h = await v.login('viewer-hx', 'Viewer-pass-1');
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/cameras/${cameraId}/live?access_token=${h.authorization.slice(7)}`);
    const first = await new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    assert.equal(JSON.parse(first).error, 'FORBIDDEN');
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date().toISOString();
    for (const url of [`/api/recordings?cameraId=${cameraId}&from=${from}&to=${to}`, `/api/recordings/play.mp4?cameraId=${cameraId}&from=${from}&to=${to}`, `/api/cameras/${cameraId}/snapshot.jpg`]) {
      assert.equal((await v.app.inject({ method: 'GET', url, headers: h })).statusCode, 403, url);
    }
    const denied = (await v.app.inject({ method: 'GET', url: '/api/audit?action=access.denied&actor=viewer-hx', headers: admin })).json().total;
    assert.ok(denied >= 4);
  });

  test('bad stream URLs get clear errors', async () => {
    const auth = await startAuthRequiredRtsp();
    try {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ url: 'rtsp://127.0.0.1:9/none' }, /unreachable/],
        [{ url: auth.url, username: 'admin', password: 'wrong' }, /credentials/],
        [{ url: `${base}/healthz` }, /not a video|no video/],
        [{ url: 'gopher://x/y' }, /scheme/],
      ];
      for (const [body, msg] of cases) {
        const res = await v.app.inject({ method: 'POST', url: '/api/streams/probe', headers: admin, payload: body });
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)} -> ${res.body}`);
        assert.equal(res.json().field, 'url');
        assert.match(res.json().message, msg);
      }
      const ok = await v.app.inject({ method: 'POST', url: '/api/streams/probe', headers: admin, payload: { url: rtsp.url('cam1'), rtspTransport: 'udp' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().codec, 'h264');
    } finally {
      await auth.close();
    }
  });

  test('deleting the camera leaves no ffmpeg behind', async () => {
    assert.equal((await ffmpegPids(rtsp.url('cam1'))).length, 1);
    const del = await v.app.inject({ method: 'DELETE', url: `/api/cameras/${cameraId}`, headers: admin });
    assert.equal(del.statusCode, 204);
    await until('ffmpeg gone', async () => (await ffmpegPids(rtsp.url('cam1'))).length === 0, 10_000);
    assert.equal(v.ctx.video!.manager.hub(cameraId), undefined);
  });
});
