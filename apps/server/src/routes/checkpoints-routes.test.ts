import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PERSONS } from '../checkpoints/seed';
import { demoCheckpoint, userHeaders, type DemoCheckpoint } from '../checkpoints/test-helpers';
import { createTestVigil, type TestVigil } from '../testing';

let v: TestVigil;
let admin: Record<string, string>;
let cp: DemoCheckpoint;

before(async () => {
  v = await createTestVigil();
  admin = await v.login();
  cp = await demoCheckpoint(v, admin);
});
after(() => v.close());

test('demo content has a checkpoint station in DEMO-MC; list answers {items} with ids', async () => {
  const res = await v.app.inject({ method: 'GET', url: '/api/checkpoints', headers: admin });
  assert.equal(res.statusCode, 200);
  const { items } = res.json();
  assert.ok(items.length >= 1);
  assert.ok(items.every((c: { id: string }) => typeof c.id === 'string'));
  const mc = (await v.ctx.stores.units.getByCode('DEMO-MC'))!;
  assert.equal(items[0].unitId, mc.id);
  assert.equal(items[0].officers.length, 2);
  assert.equal(items[0].declaration.issuers.length, 1);
});

test('CRUD: create, read, update, delete, with field-named validation errors and audit', async () => {
  const bad = await v.app.inject({ method: 'POST', url: '/api/checkpoints', headers: admin, payload: { name: '', unitId: cp.unitId } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().field, 'name');
  const badKey = await v.app.inject({
    method: 'POST', url: '/api/checkpoints', headers: admin,
    payload: { name: 'Chốt thử', unitId: cp.unitId, declaration: { issuers: [{ kid: 'x', name: 'X', publicKey: 'A'.repeat(44) }] } },
  });
  assert.equal(badKey.statusCode, 400);
  assert.equal(badKey.json().field, 'declaration.issuers.0.publicKey');

  const created = await v.app.inject({
    method: 'POST', url: '/api/checkpoints', headers: admin,
    payload: { name: 'Chốt Km3', unitId: cp.unitId, address: 'Km3 QL18', officers: [{ name: 'Lê Văn C', rank: 'Đại úy' }], rules: { requirePermit: true, actions: { permit_missing: 'deny' } }, national: { url: 'http://127.0.0.1:9/x', apiKey: 'secret-key' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json();
  assert.equal(c.rules.requirePermit, true);
  assert.equal(c.rules.retentionDays, 30);
  assert.deepEqual(c.national, { url: 'http://127.0.0.1:9/x', timeoutMs: 800, hasApiKey: true });
  assert.ok(!created.body.includes('secret-key'));

  const dup = await v.app.inject({ method: 'POST', url: '/api/checkpoints', headers: admin, payload: { name: 'Chốt Km3', unitId: cp.unitId } });
  assert.equal(dup.statusCode, 409);

  const patched = await v.app.inject({ method: 'PATCH', url: `/api/checkpoints/${c.id}`, headers: admin, payload: { address: 'Km4', national: null } });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json().address, 'Km4');
  assert.equal(patched.json().national, null);
  const got = await v.app.inject({ method: 'GET', url: `/api/checkpoints/${c.id}`, headers: admin });
  assert.equal(got.json().address, 'Km4');
  const del = await v.app.inject({ method: 'DELETE', url: `/api/checkpoints/${c.id}`, headers: admin });
  assert.equal(del.statusCode, 204);
  assert.equal((await v.app.inject({ method: 'GET', url: `/api/checkpoints/${c.id}`, headers: admin })).statusCode, 404);
  const audit = await v.app.inject({ method: 'GET', url: '/api/audit?action=checkpoint.create', headers: admin });
  assert.ok(audit.json().items.some((e: { targetId: string }) => e.targetId === c.id));
});

test('roles: checkpoint and admin may scan; operator gets 403; checkpoint role cannot manage', async () => {
  const station = await userHeaders(v, admin, { username: 'chot.bacluan', role: 'checkpoint', unitId: cp.unitId });
  const operator = await userHeaders(v, admin, { username: 'dieuhanh', role: 'operator', unitId: cp.unitId });
  const scan = (headers: Record<string, string>) => v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers, payload: { payload: DEMO_PERSONS.ok } });
  assert.equal((await scan(admin)).statusCode, 200);
  const asStation = await scan(station);
  assert.equal(asStation.statusCode, 200);
  assert.equal(asStation.json().verdict, 'pass');
  const asOperator = await scan(operator);
  assert.equal(asOperator.statusCode, 403);
  assert.equal(asOperator.json().error, 'FORBIDDEN');
  for (const url of [`/api/checkpoints/${cp.id}/scans/batch`, `/api/checkpoints/${cp.id}/frames`]) {
    assert.equal((await v.app.inject({ method: 'POST', url, headers: operator, payload: { scans: [] } })).statusCode, 403, url);
  }
  assert.equal((await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/sync`, headers: operator })).statusCode, 403);
  // The operator still sees checkpoints and the dashboard.
  assert.equal((await v.app.inject({ method: 'GET', url: '/api/checkpoints/stats', headers: operator })).statusCode, 200);
  assert.equal((await v.app.inject({ method: 'POST', url: '/api/checkpoints', headers: station, payload: { name: 'X', unitId: cp.unitId } })).statusCode, 403);
  assert.equal((await v.app.inject({ method: 'GET', url: '/api/checkpoints' })).statusCode, 401);

  // A station of another ward cannot scan at this checkpoint.
  const ht = (await v.ctx.stores.units.getByCode('DEMO-HT'))!;
  const other = await userHeaders(v, admin, { username: 'chot.hoatien', role: 'checkpoint', unitId: ht.id });
  assert.equal((await scan(other)).statusCode, 403);
});

test('lists: CSV import hashes ID numbers, reports bad lines; sync gives the station rules, keys and hashed entries', async () => {
  const list = await v.app.inject({ method: 'POST', url: '/api/checkpoints/lists', headers: admin, payload: { name: 'Y tế', kind: 'health', unitId: cp.unitId } });
  assert.equal(list.statusCode, 201);
  const csv = 'id_number,status\n022090001234,green\n12345,red\n022088004321,\n';
  const imp = await v.app.inject({ method: 'POST', url: `/api/checkpoints/lists/${list.json().id}/import`, headers: { ...admin, 'content-type': 'text/csv' }, payload: csv });
  assert.equal(imp.statusCode, 200, imp.body);
  assert.equal(imp.json().created, 1);
  assert.deepEqual(imp.json().errors.map((e: { line: number }) => e.line), [3, 4]);

  const sync = await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/sync`, headers: admin });
  assert.equal(sync.statusCode, 200);
  const s = sync.json();
  assert.equal(s.lists.length, 2);
  assert.ok(s.checkpoint.declaration.issuers[0].publicKey);
  assert.equal(s.defaultActions.wanted, 'deny');
  const flagged = s.lists.find((l: { kind: string }) => l.kind === 'flagged');
  assert.equal(flagged.entries.length, 2);
  // No ID number travels to the station in clear.
  assert.ok(!sync.body.includes('022088004321'));
  const lists = await v.app.inject({ method: 'GET', url: '/api/checkpoints/lists', headers: admin });
  assert.ok(lists.json().items.length >= 3);
});
