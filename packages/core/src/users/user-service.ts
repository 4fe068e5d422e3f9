import type { User, UserCreate, UserUpdate } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, conflict, invalid, notFound } from '../errors';
import type { Clock, PasswordHasher, SessionStore, UnitStore, UserRecord, UserStore } from '../ports';
import { newId, randomToken } from '../util/ids';

/** The API view of a user: never the hash nor the counters. */
export function toUser(u: UserRecord): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
  };
}

export interface UserServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  units: UnitStore;
  hasher: PasswordHasher;
  audit: AuditService;
  clock: Clock;
}

/** Users of Vigil: created, changed and disabled by administrators within their scope. */
export class UserService {
  constructor(private readonly d: UserServiceDeps) {}

  async list(actor: Actor): Promise<User[]> {
    assertCan(actor, 'users:read');
    return (await this.d.users.list([...actor.scope])).map(toUser);
  }

  async create(actor: Actor, input: UserCreate, ip?: string): Promise<User> {
    assertCan(actor, 'users:write');
    await this.checkUnit(actor, input.unitId);
    if (await this.d.users.getByUsername(input.username)) throw conflict('username', `user ${input.username} already exists`);
    const now = this.d.clock.now().toISOString();
    const rec: UserRecord = {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await this.d.hasher.hash(input.password),
      role: input.role,
      unitId: input.unitId,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.users.insert(rec);
    await this.d.audit.record({ actor, action: 'user.create', targetType: 'user', targetId: rec.id, unitId: rec.unitId, ip, details: { username: rec.username, role: rec.role } });
    return toUser(rec);
  }

  async update(actor: Actor, id: string, patch: UserUpdate, ip?: string): Promise<User> {
    assertCan(actor, 'users:write');
    const user = await this.d.users.get(id);
    if (!user) throw notFound('user', id);
    assertInScope(actor, user.unitId, 'user');
    if (patch.unitId) await this.checkUnit(actor, patch.unitId);
    if (id === actor.id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
      throw invalid(patch.disabled ? 'disabled' : 'role', 'you cannot disable yourself or drop your own admin role');
    }
    const changes: Partial<UserRecord> = { updatedAt: this.d.clock.now().toISOString() };
    if (patch.displayName !== undefined) changes.displayName = patch.displayName;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.unitId !== undefined) changes.unitId = patch.unitId;
    if (patch.disabled !== undefined) changes.disabled = patch.disabled;
    if (patch.password !== undefined) {
      changes.passwordHash = await this.d.hasher.hash(patch.password);
      changes.failedLogins = 0;
      changes.lockedUntil = null;
    }
    await this.d.users.update(id, changes);
    // A disabled user, or one whose password was reset, loses every open session.
    if (patch.disabled || patch.password !== undefined || patch.role || patch.unitId) await this.d.sessions.deleteForUser(id);
    const { password: _pw, ...shown } = patch;
    await this.d.audit.record({ actor, action: 'user.update', targetType: 'user', targetId: id, unitId: user.unitId, ip, details: { ...shown, passwordReset: patch.password !== undefined } });
    return toUser({ ...user, ...changes });
  }

  /**
   * Makes sure user "admin" exists at the top unit. Returns the password when one was generated,
   * so the caller can print it once.
   */
  async ensureAdmin(rootUnitId: string, password?: string): Promise<{ created: boolean; generatedPassword?: string }> {
    const existing = await this.d.users.getByUsername('admin');
    if (existing) return { created: false };
    const generated = password ? undefined : randomToken(12);
    const now = this.d.clock.now().toISOString();
    const rec: UserRecord = {
      id: newId(),
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash: await this.d.hasher.hash(password ?? generated!),
      role: 'admin',
      unitId: rootUnitId,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.users.insert(rec);
    await this.d.audit.record({ actor: null, actorName: 'system', action: 'user.create', targetType: 'user', targetId: rec.id, unitId: rootUnitId, details: { username: 'admin', role: 'admin', bootstrap: true } });
    return { created: true, generatedPassword: generated };
  }

  private async checkUnit(actor: Actor, unitId: string): Promise<void> {
    if (!(await this.d.units.get(unitId))) throw invalid('unitId', `unknown unit ${unitId}`);
    if (!actor.scope.has(unitId)) throw new VigilError('FORBIDDEN', 'unitId: unit outside your scope', 'unitId');
  }
}
