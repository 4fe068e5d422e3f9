import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../migrations/index';
import { migrate, openSqlite } from './open';

test('migrations create every table on a real file, in WAL mode, and re-running is a no-op', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-mig-'));
  const file = join(dir, 'sub', 'vigil.db');
  try {
    const db = await openSqlite({ file });
    assert.ok(existsSync(file));
    assert.deepEqual(await migrate(db), []);
    await db.destroy();

    const raw = new BetterSqlite3(file);
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all().map((r) => (r as { name: string }).name);
    for (const t of ['audit_head', 'audit_log', 'cameras', 'sessions', 'units', 'users']) assert.ok(tables.includes(t), t);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    const applied = raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all().map((r) => (r as { name: string }).name);
    assert.deepEqual(applied, Object.keys(migrations).sort());
    raw.close();

    // Reopening an existing database applies nothing and keeps data.
    const again = await openSqlite({ file });
    await again.insertInto('units').values({ id: 'u1', code: 'X', name: 'X', level: 'province', parent_id: null, created_at: new Date().toISOString() }).execute();
    await again.destroy();
    const third = await openSqlite({ file });
    assert.equal((await third.selectFrom('units').selectAll().execute()).length, 1);
    await third.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('foreign keys are enforced', async () => {
  const db = await openSqlite({ file: ':memory:' });
  await assert.rejects(
    db.insertInto('units').values({ id: 'c', code: 'C', name: 'C', level: 'commune', parent_id: 'missing', created_at: '' }).execute(),
    /FOREIGN KEY/,
  );
  await db.destroy();
});
