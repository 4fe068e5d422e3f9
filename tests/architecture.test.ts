import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = new URL('..', import.meta.url).pathname;
/** Which workspace packages each layer may import (DESIGN.md: types <- core <- adapters <- apps). */
const ALLOWED: Record<string, string[]> = {
  types: [],
  core: ['types'],
  storage: ['types', 'core'],
  anpr: ['types', 'core'],
  media: ['types', 'core'],
  analytics: ['types', 'core', 'anpr', 'media'],
  'test-kit': ['types', 'core', 'media'],
};

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}

test('libraries import only the layers beneath them, never an app', () => {
  const bad: string[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (!existsSync(src)) continue;
    const allowed = ALLOWED[pkg];
    assert.ok(allowed, `packages/${pkg} has no place in the layer table: add it to tests/architecture.test.ts`);
    for (const f of files(src)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '@vigil\/([a-z-]+)/g)) {
        if (!allowed.includes(m[1])) bad.push(`${relative(root, f)} imports @vigil/${m[1]}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('source files stay under 400 lines', () => {
  const long: string[] = [];
  for (const base of ['packages', 'apps']) {
    for (const pkg of readdirSync(join(root, base))) {
      const src = join(root, base, pkg, 'src');
      if (!existsSync(src)) continue;
      for (const f of files(src)) {
        const n = readFileSync(f, 'utf8').split('\n').length;
        if (n > 450) long.push(`${relative(root, f)}: ${n} lines`);
      }
    }
  }
  assert.deepEqual(long, []);
});
