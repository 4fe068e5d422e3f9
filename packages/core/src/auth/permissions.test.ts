import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '@vigil/types';
import { VigilError } from '../errors';
import { type Permission, assertCan, assertInScope, can } from './permissions';

test('permission table: who may do what', () => {
  const table: [Role, Permission, boolean][] = [
    ['admin', 'users:write', true],
    ['operator', 'cameras:write', true],
    ['operator', 'users:write', false],
    ['officer', 'cameras:read', true],
    ['officer', 'cameras:write', false],
    ['unit-viewer', 'cameras:read', true],
    ['unit-viewer', 'cameras:write', false],
    ['unit-viewer', 'audit:read', false],
    ['checkpoint', 'checkpoint:scan', true],
    ['checkpoint', 'cameras:read', false],
    ['auditor', 'audit:read', true],
    ['auditor', 'video:view', false],
  ];
  for (const [role, perm, expected] of table) assert.equal(can(role, perm), expected, `${role} ${perm}`);
});

test('assertCan and assertInScope throw FORBIDDEN', () => {
  const actor = { id: 'u', username: 'u', role: 'unit-viewer' as const, unitId: 'a', scope: new Set(['a', 'a1']), global: false };
  assert.throws(() => assertCan(actor, 'users:write'), (e: unknown) => e instanceof VigilError && e.status === 403);
  assert.doesNotThrow(() => assertInScope(actor, 'a1', 'camera'));
  assert.throws(() => assertInScope(actor, 'b', 'camera'), /outside your scope/);
});
