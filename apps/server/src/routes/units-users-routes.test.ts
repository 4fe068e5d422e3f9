import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';

describe('units and users routes', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let root: { id: string };
  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    root = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items.find((u: { parentId: string | null }) => u.parentId === null);
  });
  after(() => v.close());

  test('unit tree: create, refuse bad placement, refuse deleting a unit in use', async () => {
    const d = await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'D-OLD', name: 'Huyện cũ', level: 'district', parentId: root.id } });
    assert.equal(d.statusCode, 201);
    const c = await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'D-OLD-1', name: 'Xã Một', level: 'commune', parentId: d.json().id } });
    assert.equal(c.statusCode, 201);
    const wrong = await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'P2', name: 'Tỉnh', level: 'province', parentId: c.json().id } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'level');
    const dup = await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'D-OLD', name: 'again', level: 'district', parentId: root.id } });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().field, 'code');
    const inUse = await v.app.inject({ method: 'DELETE', url: `/api/units/${d.json().id}`, headers: admin });
    assert.equal(inUse.statusCode, 409);
    assert.equal((await v.app.inject({ method: 'DELETE', url: `/api/units/${c.json().id}`, headers: admin })).statusCode, 204);
  });

  test('unit CSV import creates parents before children and reports bad lines', async () => {
    const csv = 'code,name,level,parent_code\nTINH-B,Tỉnh B,province,\nTINH-B-1,Phường 1,commune,TINH-B\nTINH-B-2,,commune,TINH-B\nTINH-B-3,Phường 3,hamlet,TINH-B\n';
    const res = await v.app.inject({ method: 'POST', url: '/api/units/import', headers: { ...admin, 'content-type': 'text/csv' }, payload: csv });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 2);
    assert.deepEqual(res.json().errors.map((e: { line: number; field: string }) => [e.line, e.field]), [[4, 'name'], [5, 'level']]);
    const json = await v.app.inject({ method: 'POST', url: '/api/units/import', headers: admin, payload: { a: 1 } });
    assert.equal(json.statusCode, 400);
    assert.equal(json.json().field, 'body');
  });

  test('a ward admin manages only its ward\'s users and cannot see the province', async () => {
    const units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
    const ht = units.find((u: { code: string }) => u.code === 'DEMO-HT');
    const hx = units.find((u: { code: string }) => u.code === 'DEMO-HX');
    const mk = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'admin-ht', displayName: 'Admin xã', password: 'Ward-admin-1', role: 'admin', unitId: ht.id } });
    assert.equal(mk.statusCode, 201, mk.body);
    const h = await v.login('admin-ht', 'Ward-admin-1');
    const seen = (await v.app.inject({ method: 'GET', url: '/api/units', headers: h })).json().items;
    assert.deepEqual(seen.map((u: { code: string }) => u.code), ['DEMO-HT']);
    const refused = await v.app.inject({ method: 'POST', url: '/api/users', headers: h, payload: { username: 'spy', displayName: 'x', password: 'Spy-pass-123', role: 'operator', unitId: hx.id } });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().field, 'unitId');
    const users = (await v.app.inject({ method: 'GET', url: '/api/users', headers: h })).json().items;
    assert.ok(users.every((u: { unitId: string }) => u.unitId === ht.id));
    const top = await v.app.inject({ method: 'POST', url: '/api/units', headers: h, payload: { code: 'ROGUE', name: 'x', level: 'province' } });
    assert.equal(top.statusCode, 400);
  });

  test('user validation names the field; duplicate usernames conflict; roles are checked', async () => {
    const bad = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'ok-name', displayName: 'x', password: 'short', role: 'operator', unitId: root.id } });
    assert.equal(bad.json().field, 'password');
    const role = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'ok-name', displayName: 'x', password: 'Long-enough-1', role: 'king', unitId: root.id } });
    assert.equal(role.json().field, 'role');
    const dup = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'admin', displayName: 'x', password: 'Long-enough-1', role: 'operator', unitId: root.id } });
    assert.equal(dup.statusCode, 409);
    await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'cp-station', displayName: 'Chốt', password: 'Checkpoint-1', role: 'checkpoint', unitId: root.id } });
    const cp = await v.login('cp-station', 'Checkpoint-1');
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/users', headers: cp })).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/cameras', headers: cp })).statusCode, 403);
    const me = (await v.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin })).json();
    const self = await v.app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: admin, payload: { disabled: true } });
    assert.equal(self.statusCode, 400);
  });
});
