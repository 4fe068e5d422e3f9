import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HealthSettings, type HealthReason } from '@vigil/types';
import { healthReasonText } from './reasons';
import { HealthTracker, type Observation } from './tracker';

const W = 32;
const H = 18;
const settings = HealthSettings.parse({});

/** A textured scene; `shift` moves it, `seed` makes another scene. */
function scene(shift = 0, seed = 1): Uint8Array {
  const px = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) px[y * W + x] = (Math.sin((x + shift) * 0.7 * seed) * 60 + Math.cos(y * 0.9 * seed) * 50 + 128) & 255;
  return px;
}
const flat = (v: number) => new Uint8Array(W * H).fill(v);

/** Runs the tracker for `seconds` at 1 tick/s with one sample per tick from `pic(t)`. */
function run(tr: HealthTracker, start: number, seconds: number, o: Partial<Observation> & { pic?: (t: number) => Uint8Array | null }) {
  const out = [];
  for (let t = 0; t < seconds; t++) {
    const now = start + t * 1000;
    const px = o.pic ? o.pic(t) : scene(t);
    const tr1 = tr.update({
      now, ingest: 'online', ingestSince: 0, lastDataAt: now, fps: 25, bitrateKbps: 2000, samples: px ? [{ at: now, px }] : [], sampleSize: { width: W, height: H }, recordingError: null, mediaRate: null, ...o,
    });
    if (tr1) out.push({ t, ...tr1 });
  }
  return out;
}

test('healthy camera goes online once and stays there', () => {
  const tr = new HealthTracker(settings);
  const ts = run(tr, 0, 30, {});
  assert.deepEqual(ts.map((t) => t.to), ['online']);
});

test('each fault is detected after its delay and recovers', () => {
  const cases: [string, (t: number) => Uint8Array, number][] = [
    ['black', () => flat(5), settings.blackAfterSec],
    ['frozen', () => scene(3), settings.freezeAfterSec],
    ['tampered', (t) => scene(t, 3.1), settings.tamperAfterSec],
    ['tampered', () => flat(150), settings.tamperAfterSec],
  ];
  for (const [state, pic, delay] of cases) {
    const tr = new HealthTracker(settings);
    run(tr, 0, 20, {});
    const bad = run(tr, 20_000, delay + 4, { pic });
    assert.equal(bad.length, 1, `${state}: ${JSON.stringify(bad)}`);
    assert.equal(bad[0].to, state);
    assert.ok(bad[0].t >= delay - 1 && bad[0].t <= delay + 2, `${state} after ${bad[0].t}s`);
    const back = run(tr, 40_000, 5, {});
    assert.equal(back.at(-1)?.to, 'online', `${state} recovers`);
  }
});

test('offline is immediate once data stops for offlineAfterSec, and dates from the last data', () => {
  const tr = new HealthTracker(settings);
  run(tr, 0, 15, {});
  const ts = run(tr, 15_000, 6, { lastDataAt: 14_000, pic: () => null });
  assert.equal(ts[0].to, 'offline');
  assert.equal(ts[0].since, 14_000);
  // A camera that never sent anything becomes offline offlineAfterSec after watching started.
  const fresh = new HealthTracker(settings);
  const never = run(fresh, 100_000, 6, { ingest: 'connecting', lastDataAt: null, pic: () => null });
  assert.deepEqual(never.map((t) => [t.to, t.t]), [['offline', settings.offlineAfterSec]]);
  assert.ok(ts[0].t <= settings.offlineAfterSec);
});

test('a drop in frame rate is degraded; a short dip is not', () => {
  const tr = new HealthTracker(settings);
  run(tr, 0, 40, {});
  assert.deepEqual(run(tr, 40_000, 5, { fps: 5 }).map((t) => t.to), []);
  run(tr, 45_000, 10, {});
  const ts = run(tr, 55_000, settings.degradedAfterSec + 3, { fps: 5 });
  assert.deepEqual(ts.map((t) => t.to), ['degraded']);
});

test('every transition carries codes that make its English reasons', () => {
  const all: { reasons: string[]; reasonCodes: { code: string }[] }[] = [];
  const check = (ts: ReturnType<typeof run>) => all.push(...ts);
  for (const pic of [() => flat(5), () => scene(3), (t: number) => scene(t, 3.1), () => flat(150)]) {
    const tr = new HealthTracker(settings);
    check(run(tr, 0, 20, {}));
    check(run(tr, 20_000, 16, { pic }));
    assert.deepEqual(tr.reasons, tr.reasonCodes.map(healthReasonText));
  }
  const off = new HealthTracker(settings);
  check(run(off, 0, 6, { ingest: 'connecting', lastDataAt: null, pic: () => null }));
  check(run(off, 6_000, 15, {}));
  check(run(off, 21_000, 6, { lastDataAt: 20_000, pic: () => null }));
  check(run(new HealthTracker(settings), 0, 3, { recordingError: 'disk write failed' }));
  const codes = new Set<string>();
  for (const t of all) {
    assert.equal(t.reasonCodes.length, t.reasons.length);
    assert.deepEqual(t.reasons, t.reasonCodes.map((r) => healthReasonText(r as HealthReason)));
    for (const r of t.reasonCodes) codes.add(r.code);
  }
  for (const c of ['black', 'frozen', 'scene_changed', 'covered', 'no_data_since_start', 'no_data_for', 'recording_error']) assert.ok(codes.has(c), `${c} seen in ${[...codes]}`);
  const first = all.find((t) => t.reasonCodes[0]?.code === 'no_data_since_start');
  assert.deepEqual(first?.reasonCodes[0], { code: 'no_data_since_start', values: { ingest: 'connecting' } });
  assert.equal(first?.reasons[0], 'no data since watching started (connecting)');
});
