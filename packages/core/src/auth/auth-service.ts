import type { AuditService } from '../audit/audit-service';
import { VigilError } from '../errors';
import type { Clock, PasswordHasher, SessionStore, UserStore } from '../ports';
import type { UnitService } from '../units/unit-service';
import { toUser } from '../users/user-service';
import { randomToken, sha256 } from '../util/ids';
import type { Actor } from './permissions';

export interface AuthPolicy {
  sessionTtlHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export interface AuthServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  hasher: PasswordHasher;
  units: UnitService;
  audit: AuditService;
  clock: Clock;
  policy: AuthPolicy;
}

const unauthorized = (message = 'wrong username or password') => new VigilError('UNAUTHORIZED', message);

/** Logins, bearer tokens (stored only as their SHA-256), lock-out and password changes. */
export class AuthService {
  private dummyHash: string | undefined;
  constructor(private readonly d: AuthServiceDeps) {}

  async login(username: string, password: string, ip?: string) {
    const now = this.d.clock.now();
    const user = await this.d.users.getByUsername(username);
    const fail = async (reason: string, userId?: string) => {
      await this.d.audit.record({ actor: null, actorName: username, action: 'auth.login.failed', targetType: 'user', targetId: userId ?? null, ip, details: { reason } });
    };
    if (!user) {
      // Verify against a throwaway hash so the answer takes as long for unknown users.
      this.dummyHash ??= await this.d.hasher.hash(randomToken());
      await this.d.hasher.verify(this.dummyHash, password);
      await fail('unknown user');
      throw unauthorized();
    }
    if (user.lockedUntil && new Date(user.lockedUntil) > now) {
      await fail('locked', user.id);
      throw new VigilError('LOCKED', `account locked until ${user.lockedUntil} after repeated failed logins`);
    }
    if (user.disabled) {
      await fail('disabled', user.id);
      throw new VigilError('UNAUTHORIZED', 'account disabled');
    }
    if (!(await this.d.hasher.verify(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= this.d.policy.maxFailedLogins;
      await this.d.users.update(user.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + this.d.policy.lockoutMinutes * 60_000).toISOString() : user.lockedUntil,
      });
      await fail(lock ? 'wrong password, account locked' : 'wrong password', user.id);
      throw unauthorized();
    }
    await this.d.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + this.d.policy.sessionTtlHours * 3_600_000).toISOString();
    await this.d.sessions.insert({ tokenHash: sha256(token), userId: user.id, createdAt: now.toISOString(), expiresAt });
    await this.d.audit.record({ actor: { id: user.id, username: user.username }, action: 'auth.login', targetType: 'user', targetId: user.id, unitId: user.unitId, ip });
    return { token, expiresAt, user: toUser({ ...user, failedLogins: 0, lockedUntil: null }) };
  }

  /** Resolves a bearer token to an actor, or throws UNAUTHORIZED. */
  async authenticate(token: string): Promise<Actor> {
    const session = await this.d.sessions.get(sha256(token));
    if (!session) throw unauthorized('invalid or expired token');
    if (new Date(session.expiresAt) <= this.d.clock.now()) {
      await this.d.sessions.delete(session.tokenHash);
      throw unauthorized('invalid or expired token');
    }
    const user = await this.d.users.get(session.userId);
    if (!user || user.disabled) throw unauthorized('account disabled');
    const scope = await this.d.units.subtree(user.unitId);
    return { id: user.id, username: user.username, role: user.role, unitId: user.unitId, scope, global: await this.d.units.isRoot(user.unitId) };
  }

  async logout(token: string, actor: Actor, ip?: string): Promise<void> {
    await this.d.sessions.delete(sha256(token));
    await this.d.audit.record({ actor, action: 'auth.logout', targetType: 'user', targetId: actor.id, unitId: actor.unitId, ip });
  }

  async changePassword(actor: Actor, current: string, next: string, ip?: string): Promise<void> {
    const user = await this.d.users.get(actor.id);
    if (!user) throw unauthorized();
    if (!(await this.d.hasher.verify(user.passwordHash, current))) {
      await this.d.audit.record({ actor, action: 'auth.password.failed', targetType: 'user', targetId: actor.id, unitId: actor.unitId, ip });
      throw new VigilError('VALIDATION', 'currentPassword: wrong current password', 'currentPassword');
    }
    if (current === next) throw new VigilError('VALIDATION', 'newPassword: must differ from the current password', 'newPassword');
    await this.d.users.update(actor.id, { passwordHash: await this.d.hasher.hash(next), updatedAt: this.d.clock.now().toISOString() });
    await this.d.audit.record({ actor, action: 'auth.password.change', targetType: 'user', targetId: actor.id, unitId: actor.unitId, ip });
  }
}
