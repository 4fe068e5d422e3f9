import type { SessionRecord, SessionStore, UserRecord, UserStore } from '@vigil/core';
import type { Role } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema';

const toRecord = (r: Selectable<UsersTable>): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role as Role,
  unitId: r.unit_id,
  disabled: r.disabled === 1,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqlUserStore implements UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string) {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }
  async getByUsername(username: string) {
    const r = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r && toRecord(r);
  }
  async list(unitIds: readonly string[]) {
    if (unitIds.length === 0) return [];
    const rows = await this.db.selectFrom('users').selectAll().where('unit_id', 'in', unitIds).orderBy('username').execute();
    return rows.map(toRecord);
  }
  async insert(u: UserRecord): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: u.id, username: u.username, display_name: u.displayName, password_hash: u.passwordHash, role: u.role,
        unit_id: u.unitId, disabled: u.disabled ? 1 : 0, failed_logins: u.failedLogins, locked_until: u.lockedUntil,
        created_at: u.createdAt, updated_at: u.updatedAt,
      })
      .execute();
  }
  async update(id: string, p: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Promise<void> {
    const set: Partial<UsersTable> = {};
    if (p.username !== undefined) set.username = p.username;
    if (p.displayName !== undefined) set.display_name = p.displayName;
    if (p.passwordHash !== undefined) set.password_hash = p.passwordHash;
    if (p.role !== undefined) set.role = p.role;
    if (p.unitId !== undefined) set.unit_id = p.unitId;
    if (p.disabled !== undefined) set.disabled = p.disabled ? 1 : 0;
    if (p.failedLogins !== undefined) set.failed_logins = p.failedLogins;
    if (p.lockedUntil !== undefined) set.locked_until = p.lockedUntil;
    if (p.updatedAt !== undefined) set.updated_at = p.updatedAt;
    if (Object.keys(set).length) await this.db.updateTable('users').set(set).where('id', '=', id).execute();
  }
  async count() {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

export class SqlSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
  }
  async get(tokenHash: string) {
    const r = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r && { tokenHash: r.token_hash, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at };
  }
  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
  async deleteExpired(nowIso: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
