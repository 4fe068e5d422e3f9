import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createTestVigil, type TestVigil } from '../testing';

/** Tampering happens through a second, raw connection to the same SQLite file, as an attacker would. */
function tamper(v: TestVigil, sql: string): void {
  const db = new BetterSqlite3(join(v.dataDir, 'vigil.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('audit log', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
  });
  after(() => v.close());

  const verify = async () => (await v.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin })).json();

  test('changes are logged with actor and target, and the chain verifies', async () => {
    const units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
    const created = await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'NEW-1', name: 'Phường Mới', level: 'commune', parentId: units[0].id } });
    assert.equal(created.statusCode, 201, created.body);
    const log = (await v.app.inject({ method: 'GET', url: '/api/audit?action=unit.create&limit=1', headers: admin })).json();
    assert.equal(log.items[0].actorName, 'admin');
    assert.equal(log.items[0].targetId, created.json().id);
    assert.deepEqual(await verify(), { ok: true, checked: (await verify()).checked - 1 });
  });

  test('only admins and auditors read the log', async () => {
    const units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
    for (const role of ['auditor', 'operator']) {
      await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: `a-${role}`, displayName: role, password: 'Some-pass-123', role, unitId: units[0].id } });
    }
    const auditor = await v.login('a-auditor', 'Some-pass-123');
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/audit', headers: auditor })).statusCode, 200);
    const op = await v.login('a-operator', 'Some-pass-123');
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/audit', headers: op })).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/audit?from=yesterday', headers: auditor })).json().field, 'from');
  });

  test('an altered row breaks verification at that row', async () => {
    assert.equal((await verify()).ok, true);
    tamper(v, `UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 5`);
    const r = await verify();
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 5);
    assert.match(r.reason, /altered/);
  });

  test('a deleted row, and a deleted tail, are detected', async () => {
    const v2 = await createTestVigil({ demo: false });
    try {
      const h = await v2.login();
      const check = async () => (await v2.app.inject({ method: 'GET', url: '/api/audit/verify', headers: h })).json();
      assert.equal((await check()).ok, true);
      tamper(v2, 'DELETE FROM audit_log WHERE seq = 2');
      const r = await check();
      assert.equal(r.ok, false);
      assert.equal(r.firstBadSeq, 2);
      // Restore by re-deriving nothing: a fresh instance checks tail deletion.
    } finally {
      await v2.close();
    }
    const v3 = await createTestVigil({ demo: false });
    try {
      const h = await v3.login();
      await v3.login();
      tamper(v3, 'DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)');
      const r = await v3.ctx.audit.verify();
      assert.equal(r.ok, false);
      assert.match(r.reason!, /rows were written/);
      void h;
    } finally {
      await v3.close();
    }
  });
});
