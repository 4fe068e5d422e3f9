import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { newIssuerKeys, signDeclaration } from '@vigil/core';
import { createTestVigil, type TestVigil } from '../testing';
import { DEMO_PERSONS } from './seed';
import { demoCheckpoint, demoDeclaration, type DemoCheckpoint } from './test-helpers';

let v: TestVigil;
let admin: Record<string, string>;
let cp: DemoCheckpoint;

before(async () => {
  v = await createTestVigil();
  admin = await v.login();
  cp = await demoCheckpoint(v, admin);
});
after(() => v.close());

async function scan(payload: string, checkpointId = cp.id) {
  const res = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${checkpointId}/scans`, headers: admin, payload: { payload } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  return { ...body, codes: body.reasons.map((r: { code: string }) => r.code) as string[] };
}

test('CCCD: valid, expired card, forged number, malformed, replayed (same card again within the window)', async () => {
  const ok = await scan(DEMO_PERSONS.ok);
  assert.equal(ok.verdict, 'pass');
  assert.equal(ok.person.name, 'Nguyễn Văn An');
  assert.equal(ok.person.idMasked, '022******234');
  assert.equal(typeof ok.latencyMs, 'number');

  const expired = await scan('022060001234||Trần Văn Cũ|01011960|Nam|Móng Cái|01012016');
  assert.equal(expired.verdict, 'officer');
  assert.deepEqual(expired.codes, ['card_expired']);
  assert.match(expired.reasons[0].message, /hết hạn/);

  const forged = await scan('022090001234||Nguyễn Thị An|15061990|Nữ|Móng Cái|10052021');
  assert.equal(forged.verdict, 'deny');
  assert.ok(forged.codes.includes('id_inconsistent'));

  for (const bad of ['022090001234|123456789|Nguyễn Văn An|15061990', '022090001234||Nguyễn Văn An|31131990|Nam|X|10052021', 'https://example.com/khong-phai-cccd']) {
    const r = await scan(bad);
    assert.equal(r.verdict, 'officer', bad);
    assert.deepEqual(r.codes, ['malformed'], bad);
    assert.equal(r.person, undefined);
  }

  const again = await scan(DEMO_PERSONS.ok);
  assert.equal(again.duplicate, true);
  assert.equal(again.scanId, ok.scanId);
  const log = await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/scans?limit=1000`, headers: admin });
  assert.equal(log.json().items.filter((e: { id: string }) => e.id === ok.scanId).length, 1);
});

test('declarations: valid (v2, JSON and compact v1), expired, forged, malformed, replayed', async () => {
  const dir = v.dataDir;
  const person = { id: '022090001234', name: 'Nguyễn Văn An' };
  const v2 = await scan(demoDeclaration(dir, person));
  assert.match(demoDeclaration(dir, person), /^VGD2:[0-9A-Z $%*+\-./:]+$/, 'v2 is the default and QR-alphanumeric');
  assert.equal(v2.verdict, 'pass', JSON.stringify(v2.reasons));
  assert.equal(v2.kind, 'declaration');
  assert.equal(v2.person.name, 'Nguyễn Văn An');
  assert.equal(v2.declaration.health, 'green');
  const compact = await scan(demoDeclaration(dir, { ...person, form: 'compact' }));
  assert.equal(compact.verdict, 'pass', JSON.stringify(compact.reasons));
  assert.equal(compact.declaration.health, 'green');
  assert.equal((await scan(demoDeclaration(dir, { ...person, form: 'json' }))).verdict, 'pass');

  for (const form of ['v2', 'compact'] as const) {
    const expired = await scan(demoDeclaration(dir, { ...person, form, issuedHoursAgo: 80, validHours: 72 }));
    assert.equal(expired.verdict, 'deny', form);
    assert.deepEqual(expired.codes, ['declaration_expired'], form);

    const other = newIssuerKeys();
    const nowS = Math.floor(Date.now() / 1000);
    const forged = signDeclaration({ v: form === 'v2' ? 2 : 1, kid: 'demo-syt-qn', nonce: 'f1', iat: nowS, exp: nowS + 3600, id: person.id, name: person.name }, other.privateKeyPem, { form });
    const f = await scan(forged);
    assert.equal(f.verdict, 'deny', form);
    assert.deepEqual(f.codes, ['bad_signature'], form);
    assert.equal(f.person, undefined, 'a forged code names nobody');

    // The same signed code shown again after the duplicate window (different text = new scan) or
    // by another person: the nonce was used.
    const nonce = form === 'v2' ? 'a1b2c3d4e5f60718' : 'nonce-replay-1';
    assert.equal((await scan(demoDeclaration(dir, { ...person, form, nonce }))).verdict, 'pass', form);
    const replay = await scan(demoDeclaration(dir, { ...person, form, nonce, issuedHoursAgo: 1 }));
    assert.equal(replay.verdict, 'deny', form);
    assert.ok(replay.codes.includes('replayed'), form);
  }

  for (const mal of ['VGD1.bm90LWpzb24.c2ln', 'VGD2:NOT BASE45 AT ALL', 'VGD2:0000']) {
    const r = await scan(mal);
    assert.deepEqual(r.codes, ['malformed'], mal);
    assert.equal(r.person, undefined);
  }
});

test('registry rules: wanted denies and alerts the operations centre, permit expired needs an officer, overrides apply', async () => {
  const wanted = await scan(DEMO_PERSONS.wanted);
  assert.equal(wanted.verdict, 'deny');
  assert.deepEqual(wanted.codes, ['wanted']);
  const flagged = await scan(DEMO_PERSONS.flagged);
  assert.deepEqual(flagged.codes, ['flagged']);
  const permit = await scan(DEMO_PERSONS.permitExpired);
  assert.equal(permit.verdict, 'officer');
  assert.deepEqual(permit.codes, ['permit_expired']);

  const alerts = await v.app.inject({ method: 'GET', url: '/api/checkpoints/alerts?open=true', headers: admin });
  const items = alerts.json().items;
  const a = items.find((x: { scanId: string }) => x.scanId === wanted.scanId);
  assert.ok(a, 'alert stored');
  assert.equal(a.kind, 'flagged_person');
  assert.match(a.message, /P\.V\.Đ\./);
  assert.ok(!JSON.stringify(a).includes('022088004321'), 'alert carries no full ID number');
  const ack = await v.app.inject({ method: 'POST', url: `/api/checkpoints/alerts/${a.id}/ack`, headers: admin });
  assert.equal(ack.statusCode, 204);
  const open = (await v.app.inject({ method: 'GET', url: '/api/checkpoints/alerts?open=true', headers: admin })).json().items;
  assert.ok(!open.some((x: { id: string }) => x.id === a.id));

  // A stricter checkpoint: permit required and expired permits denied; health must be green.
  const strict = await v.app.inject({
    method: 'POST', url: '/api/checkpoints', headers: admin,
    payload: { name: 'Chốt nghiêm', unitId: cp.unitId, rules: { listIds: cp.listIds, requirePermit: true, requiredHealth: ['green'], actions: { permit_expired: 'deny' } }, declaration: (await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}`, headers: admin })).json().declaration },
  });
  assert.equal(strict.statusCode, 201, strict.body);
  const sid = strict.json().id;
  assert.deepEqual((await scan(DEMO_PERSONS.permitExpired, sid)).verdict, 'deny');
  const noPermit = await scan(DEMO_PERSONS.flagged, sid);
  assert.ok(noPermit.codes.includes('permit_missing') && noPermit.codes.includes('health_missing'));
  const greenDecl = await scan(demoDeclaration(v.dataDir, { id: '022090001234', name: 'Nguyễn Văn An', health: 'green' }), sid);
  assert.equal(greenDecl.verdict, 'pass', JSON.stringify(greenDecl.codes));
  const redDecl = await scan(demoDeclaration(v.dataDir, { id: '022090001234', name: 'Nguyễn Văn An', health: 'red' }), sid);
  assert.deepEqual(redDecl.codes, ['health_status']);
});

test('national platform over HTTP: answers, flags, and a timeout becomes registry_unavailable', async () => {
  const seen: { auth?: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body });
      const { idNumber } = JSON.parse(body);
      if (idNumber === '022090001234') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ flagged: false, permit: { validTo: '2099-01-01' } }));
      if (idNumber === '022079007777') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ wanted: true, note: 'Truy nã toàn quốc' }));
      setTimeout(() => res.writeHead(200).end('{}'), 1000); // too slow
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`;
    const created = await v.app.inject({
      method: 'POST', url: '/api/checkpoints', headers: admin,
      payload: { name: 'Chốt quốc gia', unitId: cp.unitId, rules: { requirePermit: true }, national: { url, timeoutMs: 200, apiKey: 'k-123' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.equal((await scan(DEMO_PERSONS.ok, id)).verdict, 'pass');
    assert.equal(seen[0].auth, 'Bearer k-123');
    const wanted = await scan(DEMO_PERSONS.flagged, id);
    assert.equal(wanted.verdict, 'deny');
    assert.ok(wanted.codes.includes('wanted'));
    const slow = await scan(DEMO_PERSONS.permitExpired, id);
    assert.equal(slow.verdict, 'officer');
    assert.ok(slow.codes.includes('registry_unavailable'), JSON.stringify(slow.codes));
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
