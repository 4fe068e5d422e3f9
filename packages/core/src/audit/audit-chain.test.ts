import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '@vigil/types';
import { canonicalJson } from '../util/ids';
import { GENESIS_HASH, rowHash } from './audit-service';

const entry: AuditEntry = { seq: 1, at: '2026-01-01T00:00:00.000Z', actorId: 'u1', actorName: 'admin', action: 'camera.create', targetType: 'camera', targetId: 'c1', unitId: 'p', ip: '127.0.0.1', details: { b: 1, a: { y: 2, x: 1 } } };

test('canonical JSON sorts keys at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { y: 2, x: [{ d: 1, c: 2 }] } }), '{"a":{"x":[{"c":2,"d":1}],"y":2},"b":1}');
});

test('row hash depends on content and on the previous hash, not on key order', () => {
  const h = rowHash(GENESIS_HASH, entry);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(rowHash(GENESIS_HASH, { ...entry, details: { a: { x: 1, y: 2 }, b: 1 } }), h);
  assert.notEqual(rowHash(GENESIS_HASH, { ...entry, actorName: 'other' }), h);
  assert.notEqual(rowHash('f'.repeat(64), entry), h);
});
