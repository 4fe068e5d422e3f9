import type { Role } from '@vigil/types';
import { forbidden } from '../errors';

/** What a caller may do; routes name a permission, never a role. */
export type Permission =
  | 'cameras:read'
  | 'cameras:write'
  | 'units:read'
  | 'units:write'
  | 'users:read'
  | 'users:write'
  | 'audit:read'
  | 'video:view'
  | 'video:export'
  | 'recordings:manage'
  | 'health:read'
  | 'health:manage'
  | 'events:read'
  | 'rules:write'
  | 'cases:read'
  | 'cases:intake'
  | 'cases:review'
  | 'cases:process'
  | 'incidents:read'
  | 'incidents:write'
  | 'reports:read'
  | 'checkpoints:read'
  | 'checkpoints:write'
  | 'checkpoint:scan';

const ALL_ROLES: Role[] = ['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor'];

const GRANTS: Record<Permission, readonly Role[]> = {
  'cameras:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  'cameras:write': ['admin', 'operator'],
  'units:read': ALL_ROLES,
  'units:write': ['admin'],
  'users:read': ['admin'],
  'users:write': ['admin'],
  'audit:read': ['admin', 'auditor'],
  'video:view': ['admin', 'operator', 'officer', 'unit-viewer'],
  'video:export': ['admin', 'operator', 'officer'],
  'recordings:manage': ['admin'],
  'health:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  'health:manage': ['admin', 'operator'],
  'events:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  'rules:write': ['admin', 'operator'],
  'cases:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  /** Recording a violation candidate or a citizen's submission. */
  'cases:intake': ['admin', 'operator', 'officer'],
  /** The mandatory human review: only officers (and admins) accept or reject. */
  'cases:review': ['admin', 'officer'],
  /** Owner lookup, notices, resolution. */
  'cases:process': ['admin', 'officer'],
  'incidents:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  'incidents:write': ['admin', 'operator', 'officer'],
  'reports:read': ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  'checkpoints:read': ['admin', 'operator', 'officer', 'checkpoint', 'auditor'],
  'checkpoints:write': ['admin'],
  'checkpoint:scan': ['admin', 'checkpoint'],
};

/** The authenticated caller: who, which role, and the units they may see (their unit and below). */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  unitId: string;
  scope: ReadonlySet<string>;
  /** True when the actor's unit is a top-level unit: sees rows not tied to any unit too. */
  global: boolean;
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** Throws FORBIDDEN (which the HTTP layer audits) unless the actor's role grants the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw forbidden(`role ${actor.role} may not ${permission}`, { permission });
  }
}

/** Throws FORBIDDEN unless the unit lies in the actor's scope. */
export function assertInScope(actor: Actor, unitId: string, what: string): void {
  if (!actor.scope.has(unitId)) {
    throw forbidden(`${what} belongs to a unit outside your scope`, { unitId });
  }
}

/** The system itself, for the CLI and start-up jobs. */
export function systemActor(allUnitIds: Iterable<string>): Actor {
  return { id: 'system', username: 'system', role: 'admin', unitId: '', scope: new Set(allUnitIds), global: true };
}
