import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, TEST_ADMIN_PASSWORD, type TestVigil } from '../testing';

describe('auth routes', () => {
  let v: TestVigil;
  before(async () => {
    v = await createTestVigil();
  });
  after(() => v.close());

  test('login returns a token that opens /api/auth/me', async () => {
    const h = await v.login();
    const me = await v.app.inject({ method: 'GET', url: '/api/auth/me', headers: h });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().username, 'admin');
    assert.equal(me.json().passwordHash, undefined);
  });

  test('no token, a bad token and a logged-out token are all 401', async () => {
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/cameras' })).statusCode, 401);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/cameras', headers: { authorization: 'Bearer nope' } })).statusCode, 401);
    const h = await v.login();
    assert.equal((await v.app.inject({ method: 'POST', url: '/api/auth/logout', headers: h })).statusCode, 204);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode, 401);
  });

  test('login body is validated and names the field', async () => {
    const res = await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, 'password');
  });

  test('repeated failures lock the account, even for the right password', async () => {
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const created = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'lockme', displayName: 'L', password: 'Right-pass-1', role: 'operator', unitId } });
    assert.equal(created.statusCode, 201);
    for (let i = 0; i < 5; i++) {
      const r = await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'wrong-pass' } });
      assert.equal(r.statusCode, 401);
    }
    const locked = await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'Right-pass-1' } });
    assert.equal(locked.statusCode, 423);
    assert.match(locked.json().message, /locked/);
    // An admin resetting the password unlocks it.
    const id = created.json().id;
    await v.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin, payload: { password: 'New-pass-123' } });
    assert.equal((await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'New-pass-123' } })).statusCode, 200);
  });

  test('password change needs the current password; disabled users cannot log in', async () => {
    const admin = await v.login();
    const unitId = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items[0].id;
    const u = (await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'changer', displayName: 'C', password: 'First-pass-1', role: 'officer', unitId } })).json();
    const h = await v.login('changer', 'First-pass-1');
    const wrong = await v.app.inject({ method: 'POST', url: '/api/auth/password', headers: h, payload: { currentPassword: 'nope-nope', newPassword: 'Second-pass-2' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'currentPassword');
    const short = await v.app.inject({ method: 'POST', url: '/api/auth/password', headers: h, payload: { currentPassword: 'First-pass-1', newPassword: 'short' } });
    assert.equal(short.json().field, 'newPassword');
    const ok = await v.app.inject({ method: 'POST', url: '/api/auth/password', headers: h, payload: { currentPassword: 'First-pass-1', newPassword: 'Second-pass-2' } });
    assert.equal(ok.statusCode, 204);
    await v.login('changer', 'Second-pass-2');
    await v.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: admin, payload: { disabled: true } });
    const res = await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'changer', password: 'Second-pass-2' } });
    assert.equal(res.statusCode, 401);
    assert.match(res.json().message, /disabled/);
    // ...and the token issued before is dead too.
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode, 401);
  });

  test('logins and failures are in the audit log', async () => {
    const admin = await v.login();
    await v.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'not-' + TEST_ADMIN_PASSWORD } });
    const res = await v.app.inject({ method: 'GET', url: '/api/audit?action=auth.login', headers: admin });
    const actions = res.json().items.map((i: { action: string }) => i.action);
    assert.ok(actions.includes('auth.login'));
    assert.ok(actions.includes('auth.login.failed'));
  });

  test('health, openapi and metrics are public', async () => {
    assert.deepEqual((await v.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
    const spec = (await v.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(spec.openapi.startsWith('3'), true);
    assert.ok(spec.paths['/api/cameras']);
    assert.ok(spec.paths['/api/auth/login']);
    const metrics = await v.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /vigil_http_requests_total/);
  });
});
