import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config';

test('defaults, then file, then environment, then overrides', () => {
  const d = loadConfig({ env: {}, file: false });
  assert.equal(d.server.port, 8080);
  assert.equal(d.storage.dataDir, './data');
  assert.equal(d.demo.enabled, false);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cfg-'));
  const file = join(dir, 'vigil.config.json');
  writeFileSync(file, JSON.stringify({ server: { port: 9000 }, map: { tilesUrl: 'https://t/{z}/{x}/{y}.png' } }));
  const c = loadConfig({ env: { VIGIL_DATA_DIR: '/srv/vigil', VIGIL_DEMO: '1' }, file });
  assert.equal(c.server.port, 9000);
  assert.equal(c.storage.dataDir, '/srv/vigil');
  assert.equal(c.demo.enabled, true);
  assert.equal(c.map.tilesUrl, 'https://t/{z}/{x}/{y}.png');
  assert.equal(loadConfig({ env: { VIGIL_PORT: '7000' }, file, overrides: { server: { port: 0 } } }).server.port, 0);
});

test('bad settings name the key to fix', () => {
  assert.throws(() => loadConfig({ env: { VIGIL_PORT: 'eighty' }, file: false }), /config server\.port/);
  assert.throws(() => loadConfig({ env: { VIGIL_ADMIN_PASSWORD: 'short' }, file: false }), /config auth\.adminPassword/);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cfg-'));
  const broken = join(dir, 'bad.json');
  writeFileSync(broken, '{ not json');
  assert.throws(() => loadConfig({ env: {}, file: broken }), /config file .*bad\.json/);
  const wrongType = join(dir, 'wrong.json');
  writeFileSync(wrongType, JSON.stringify({ map: { zoom: 99 } }));
  assert.throws(() => loadConfig({ env: {}, file: wrongType }), /config map\.zoom/);
});
