// The station's offline verifier (apps/web, WebCrypto only) runs here in node against the sync the
// server hands out, and must reach the server's verdict and reasons on every kind of code.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { newIssuerKeys, signDeclaration } from '@vigil/core';
import type { StationSync } from '../../../web/src/api/checkpoints';
import { verifyOffline } from '../../../web/src/views/station/offline-verify';
import { createTestVigil, type TestVigil } from '../testing';
import { DEMO_ISSUER, DEMO_PERSONS } from './seed';
import { demoCheckpoint, demoDeclaration, type DemoCheckpoint } from './test-helpers';

let v: TestVigil;
let admin: Record<string, string>;
let cp: DemoCheckpoint;
let sync: StationSync;

/** The little of localStorage the verifier uses (its nonce memory). */
class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, val: string) {
    this.m.set(k, val);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

before(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  v = await createTestVigil();
  admin = await v.login();
  cp = await demoCheckpoint(v, admin);
  const res = await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/sync`, headers: admin });
  assert.equal(res.statusCode, 200, res.body);
  sync = res.json();
});
after(() => v.close());

async function both(payload: string) {
  const res = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: admin, payload: { payload } });
  assert.equal(res.statusCode, 200, res.body);
  const server = res.json();
  const offline = await verifyOffline(payload, sync, randomUUID());
  const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code).sort();
  return { server: { verdict: server.verdict, codes: codes(server), name: server.person?.name }, offline: { verdict: offline.verdict, codes: codes(offline), name: offline.person?.name } };
}

test('offline verifier agrees with the server on declarations (v2, compact v1, JSON) and CCCD codes', async () => {
  const dir = v.dataDir;
  const an = { id: '022090001234', name: 'Nguyễn Văn An' };
  const wantedId = DEMO_PERSONS.wanted.split('|')[0];
  const nowS = Math.floor(Date.now() / 1000);
  const other = newIssuerKeys();
  const replayNonce = 'c0ffee0000000001';
  const cases: [string, string, string][] = [
    ['v2 valid', demoDeclaration(dir, an), 'pass'],
    ['v2 wanted person', demoDeclaration(dir, { id: wantedId, name: 'Phạm Văn Đức' }), 'deny'],
    ['v2 expired', demoDeclaration(dir, { ...an, issuedHoursAgo: 80, validHours: 72 }), 'deny'],
    ['v2 not yet valid', demoDeclaration(dir, { ...an, issuedHoursAgo: -2 }), 'deny'],
    ['v2 forged', signDeclaration({ v: 2, kid: DEMO_ISSUER.kid, nonce: 'ab12', iat: nowS, exp: nowS + 3600, id: an.id, name: an.name }, other.privateKeyPem, { form: 'v2' }), 'deny'],
    ['v2 unknown issuer', signDeclaration({ v: 2, kid: 'other-issuer', nonce: 'ab13', iat: nowS, exp: nowS + 3600, id: an.id, name: an.name }, other.privateKeyPem, { form: 'v2' }), 'deny'],
    ['v2 malformed', 'VGD2:ABCDEFGH', 'officer'],
    ['v2 first use', demoDeclaration(dir, { ...an, nonce: replayNonce }), 'pass'],
    ['v2 replayed', demoDeclaration(dir, { ...an, nonce: replayNonce, issuedHoursAgo: 1 }), 'deny'],
    ['compact v1 valid', demoDeclaration(dir, { ...an, form: 'compact' }), 'pass'],
    ['compact v1 expired', demoDeclaration(dir, { ...an, form: 'compact', issuedHoursAgo: 80, validHours: 72 }), 'deny'],
    ['compact v1 malformed', 'VGD1.bm90LWpzb24.c2ln', 'officer'],
    ['JSON valid', demoDeclaration(dir, { ...an, form: 'json' }), 'pass'],
    ['CCCD ok', DEMO_PERSONS.ok, 'pass'],
    ['CCCD wanted', DEMO_PERSONS.wanted, 'deny'],
    ['CCCD permit expired', DEMO_PERSONS.permitExpired, 'officer'],
  ];
  for (const [name, payload, verdict] of cases) {
    const r = await both(payload);
    assert.equal(r.server.verdict, verdict, `${name}: server ${JSON.stringify(r.server)}`);
    assert.deepEqual(r.offline, r.server, name);
  }
});
