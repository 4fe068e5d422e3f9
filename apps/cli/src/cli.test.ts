import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';

const BIN = new URL('../bin/vigil.mjs', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function vigil(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, VIGIL_DATA_DIR: dataDir, VIGIL_CONFIG: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('vigil units import, users add/passwd/disable and audit verify work on the data dir', () => {
  const csv = join(dataDir, 'units.csv');
  writeFileSync(csv, 'code,name,level,parent_code\nQT,Tỉnh Quảng Trị,province,\nQT-HX,Thị trấn Hồ Xá,commune,QT\nQT-X,,commune,QT\n');
  const imp = vigil('units', 'import', csv);
  assert.equal(imp.code, 1, imp.out);
  assert.match(imp.out, /units: 2 created, 0 updated, 1 refused/);
  assert.match(imp.out, /line 4 \[name\]/);

  const add = vigil('users', 'add', 'op-hx', '--role', 'operator', '--unit', 'QT-HX', '--password', 'Operator-pass-1');
  assert.equal(add.code, 0, add.out);
  assert.match(add.out, /user op-hx created/);
  const bad = vigil('users', 'add', 'op-2', '--role', 'emperor', '--unit', 'QT-HX');
  assert.equal(bad.code, 2);
  assert.match(bad.out, /role/);
  const pw = vigil('users', 'passwd', 'op-hx');
  assert.equal(pw.code, 0, pw.out);
  assert.match(pw.out, /password: \S{12,}/);
  assert.equal(vigil('users', 'disable', 'op-hx').code, 0);
  assert.equal(vigil('users', 'disable', 'nobody').code, 2);

  const camCsv = join(dataDir, 'cams.csv');
  writeFileSync(camCsv, 'name,unit_code,main_url,place_type\nCổng 1,QT-HX,rtsp://10.0.0.5/live,gate\n');
  const cams = vigil('cameras', 'import', camCsv);
  assert.equal(cams.code, 0, cams.out);
  assert.match(cams.out, /cameras: 1 created/);

  const ok = vigil('audit', 'verify');
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /audit log OK: \d+ rows verified/);
  const db = new BetterSqlite3(join(dataDir, 'vigil.db'));
  db.exec(`UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 2`);
  db.close();
  const broken = vigil('audit', 'verify');
  assert.equal(broken.code, 1);
  assert.match(broken.out, /BROKEN at row 2/);
});
