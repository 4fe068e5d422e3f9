import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SqlAnalyticsStore } from '@vigil/storage';
import { createTestVigil, type TestVigil } from '../testing';
import { DEMO_TRAFFIC_RULES } from '../analytics/seed';

let v: TestVigil;
let h: Record<string, string>;
let camId: string;

before(async () => {
  v = await createTestVigil();
  h = await v.login();
  const cams = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=5', headers: h })).json();
  camId = cams.items[0].id;
});
after(async () => v.close());

test('rules round-trip; the demo traffic cameras come with rules', async () => {
  const put = await v.app.inject({ method: 'PUT', url: `/api/cameras/${camId}/rules`, headers: h, payload: DEMO_TRAFFIC_RULES });
  assert.equal(put.statusCode, 200, put.body);
  const got = (await v.app.inject({ method: 'GET', url: `/api/cameras/${camId}/rules`, headers: h })).json();
  assert.equal(got.rules.length, 3);
  assert.equal(got.rules[0].direction, 'both');
  const seeded = await new SqlAnalyticsStore(v.ctx.db).allRules();
  assert.ok(seeded.length >= 2);
});

test('rules drawn out of the frame or with too few points are refused, naming the field', async () => {
  const out = await v.app.inject({ method: 'PUT', url: `/api/cameras/${camId}/rules`, headers: h, payload: { rules: [{ id: 'a', name: 'a', kind: 'line', line: [{ x: 0.1, y: 0.1 }, { x: 1.4, y: 0.2 }] }] } });
  assert.equal(out.statusCode, 400);
  assert.match(out.body, /outside the frame/);
  assert.match(out.body, /rules/);
  const few = await v.app.inject({ method: 'PUT', url: `/api/cameras/${camId}/rules`, headers: h, payload: { rules: [{ id: 'z', name: 'z', kind: 'zone', polygon: [{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }] }] } });
  assert.equal(few.statusCode, 400);
  assert.match(few.body, /at least 3 points/);
});

test('events are searchable by camera, rule, class and plate; snapshot needs a file', async () => {
  const store = new SqlAnalyticsStore(v.ctx.db);
  const cam = (await v.ctx.stores.cameras.get(camId))!;
  const base = { cameraId: camId, unitId: cam.unitId, ruleName: 'r', trackId: 1, box: [0.1, 0.1, 0.2, 0.2] as [number, number, number, number], snapshotPath: null, clip: { from: '2025-01-01T00:00:00.000Z', to: '2025-01-01T00:00:10.000Z' }, speedKmh: null, details: {}, caseId: null };
  await store.insertEvent({ ...base, id: 'e1', ruleId: 'count', ruleKind: 'line', class: 'car', at: '2025-01-01T00:00:05.000Z', plate: '51F12345' });
  await store.insertEvent({ ...base, id: 'e2', ruleId: 'red', ruleKind: 'red_light', class: 'motorcycle', at: '2025-01-01T00:01:05.000Z', plate: null });
  const q = async (s: string) => (await v.app.inject({ method: 'GET', url: `/api/events?${s}`, headers: h })).json();
  assert.equal((await q(`cameraId=${camId}`)).total, 2);
  assert.deepEqual((await q('rule=red_light')).items.map((e: { id: string }) => e.id), ['e2']);
  assert.deepEqual((await q('class=car')).items.map((e: { id: string }) => e.id), ['e1']);
  assert.deepEqual((await q('plate=51F-123')).items.map((e: { id: string }) => e.id), ['e1']);
  assert.equal((await q('from=2025-01-01T00:01:00Z')).total, 1);
  const bad = await v.app.inject({ method: 'GET', url: '/api/events?class=spaceship', headers: h });
  assert.equal(bad.statusCode, 400);
  assert.equal((await v.app.inject({ method: 'GET', url: '/api/events/e1/snapshot.jpg', headers: h })).statusCode, 404);
  assert.equal((await v.app.inject({ method: 'GET', url: '/api/events' })).statusCode, 401);
});
