// The analytics runtime after a rule fires: the event is stored with the voted plate, a rule
// marked createCase opens a violation case with the evidence, the event goes to the configured
// webhook, to plate watchers and to the watch list. The plate reader is stubbed here (plate-pool.test.ts reads real plates).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { HitWithFrame } from '@vigil/analytics';
import { SqlAnalyticsStore, SqlHealthStore } from '@vigil/storage';
import { CameraRules } from '@vigil/types';
import { createTestVigil, type TestVigil } from '../testing';
import { AnalyticsRuntime } from './runtime';

let v: TestVigil;
let admin: Record<string, string>;
let runtime: AnalyticsRuntime;
let hookServer: Server;
const hooks: { type: string; event: { id: string; plate: string | null; caseId: string | null } }[] = [];
let camId = '';

before(async () => {
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hooks.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  v = await createTestVigil();
  admin = await v.login();
  camId = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1', headers: admin })).json().items[0].id;
  await new SqlHealthStore(v.ctx.db).saveNotifiers({ webhooks: [{ url: `http://127.0.0.1:${(hookServer.address() as { port: number }).port}/hook` }], mqtt: null });
  const store = new SqlAnalyticsStore(v.ctx.db);
  const rules = CameraRules.parse({
    rules: [
      { id: 'den-do', name: 'Vượt đèn đỏ', kind: 'red_light', stopLine: [{ x: 0.5, y: 0.2 }, { x: 0.5, y: 0.8 }], signal: { type: 'external' }, createCase: true },
      { id: 'dem', name: 'Đếm xe', kind: 'line', line: [{ x: 0.2, y: 0.2 }, { x: 0.2, y: 0.8 }] },
    ],
  });
  await store.putRules(camId, rules, new Date().toISOString(), 'test');
  runtime = new AnalyticsRuntime(v.ctx, store, v.app.log);
  await runtime.sync();
});

after(async () => {
  await runtime.close();
  await v.close();
  hookServer.close();
});

function hit(ruleId: string, kind: HitWithFrame['kind'], trackId: number): HitWithFrame {
  const W = 64;
  const H = 36;
  return {
    ruleId, ruleName: ruleId, kind, trackId, class: 'car', at: Date.now() - 1000, box: { x: 10, y: 10, w: 20, h: 12 }, speedKmh: null,
    details: kind === 'red_light' ? { phase: 'red' } : { direction: 'forward' },
    snapshot: { width: W, height: H, buf: new Uint8Array(W * H * 3).fill(90).buffer },
    crops: [{ width: 24, height: 24, buf: new Uint8Array(24 * 24 * 3).buffer }],
  };
}

test('a red-light hit carries the voted plate, opens a case with evidence and reaches webhook and watchers', async () => {
  runtime.plates.read = async () => ({ text: '51F12345', display: '51F-123.45', confidence: 0.93, votes: 3, colour: 'white' });
  const entry = await v.app.inject({ method: 'POST', url: '/api/watchlist', headers: admin, payload: { plate: '51F-123.45', reason: 'Xe bị mất cắp', category: 'stolen' } });
  assert.equal(entry.statusCode, 201, entry.body);
  const watched: string[] = [];
  const off = runtime.watchPlates((p, e) => watched.push(`${p.text}@${e.id}`));
  const live: string[] = [];
  const unsub = runtime.subscribe((e) => live.push(e.id));
  await runtime.onHits(camId, [hit('den-do', 'red_light', 7)]);
  off();
  unsub();

  const list = (await v.app.inject({ method: 'GET', url: `/api/events?cameraId=${camId}&plate=51F-123`, headers: admin })).json();
  assert.equal(list.items.length, 1);
  const e = list.items[0];
  assert.equal(e.plate, '51F12345');
  assert.equal(e.details.plateDisplay, '51F-123.45');
  assert.ok(e.caseId, 'the event links its case');
  assert.deepEqual(live, [e.id]);
  assert.deepEqual(watched, [`51F12345@${e.id}`]);

  // The watch list saw the plate: a hit for this camera.
  let wl: { items: { plate: string; cameraId: string }[] } = { items: [] };
  for (let i = 0; i < 20 && wl.items.length === 0; i++) {
    wl = (await v.app.inject({ method: 'GET', url: `/api/watchlist/hits?cameraId=${camId}`, headers: admin })).json();
    if (!wl.items.length) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(wl.items[0]?.plate, '51F12345');

  const c = (await v.app.inject({ method: 'GET', url: `/api/violations/${e.caseId}`, headers: admin })).json();
  assert.equal(c.source, 'analytics');
  assert.equal(c.eventId, e.id);
  assert.equal(c.plate, '51F12345');
  assert.equal(c.cameraId, camId);
  const kinds = c.evidence.map((x: { kind: string }) => x.kind).sort();
  assert.deepEqual(kinds, ['clip', 'frame']);
  const frame = c.evidence.find((x: { kind: string }) => x.kind === 'frame');
  assert.equal(frame.ref, `/api/events/${e.id}/snapshot.jpg`);
  assert.match(frame.sha256, /^[0-9a-f]{64}$/);
  assert.equal(frame.signalState, 'red');

  for (let i = 0; i < 50 && !hooks.some((x) => x.event?.id === e.id); i++) await new Promise((r) => setTimeout(r, 100));
  const delivered = hooks.find((x) => x.event?.id === e.id);
  assert.ok(delivered, 'the webhook got the event');
  assert.equal(delivered.type, 'event');
  assert.equal(delivered.event.caseId, e.caseId);
});

test('no case without createCase or without a plate; the event is still stored', async () => {
  runtime.plates.read = async () => null;
  await runtime.onHits(camId, [hit('dem', 'line', 8), hit('den-do', 'red_light', 9)]);
  const list = (await v.app.inject({ method: 'GET', url: `/api/events?cameraId=${camId}`, headers: admin })).json();
  const fresh = list.items.filter((x: { trackId: number }) => x.trackId === 8 || x.trackId === 9);
  assert.equal(fresh.length, 2);
  assert.ok(fresh.every((x: { caseId: string | null; plate: string | null }) => x.caseId === null && x.plate === null));
});
