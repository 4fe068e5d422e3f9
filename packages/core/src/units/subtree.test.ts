import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UnitRecord } from '../ports';
import { subtreeOf } from './unit-service';

const u = (id: string, parentId: string | null, level: UnitRecord['level'] = 'commune'): UnitRecord => ({ id, code: id, name: id, level, parentId });

test('subtree holds the unit and everything below, nothing beside', () => {
  const all = [u('p', null, 'province'), u('d', 'p', 'district'), u('c1', 'd'), u('c2', 'p'), u('q', null, 'province'), u('c3', 'q')];
  assert.deepEqual([...subtreeOf(all, 'p')].sort(), ['c1', 'c2', 'd', 'p']);
  assert.deepEqual([...subtreeOf(all, 'd')].sort(), ['c1', 'd']);
  assert.deepEqual([...subtreeOf(all, 'c3')], ['c3']);
  assert.deepEqual([...subtreeOf(all, 'missing')], []);
});

test('a cycle in bad data does not loop forever', () => {
  const all = [u('a', 'b'), u('b', 'a')];
  assert.deepEqual([...subtreeOf(all, 'a')].sort(), ['a', 'b']);
});
