import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ScanLogService } from '@vigil/core';
import { createTestVigil, type TestVigil } from '../testing';
import { DEMO_PERSONS } from './seed';
import { demoCheckpoint, userHeaders, type DemoCheckpoint } from './test-helpers';
import { checkpointFeature } from './wiring';

let v: TestVigil;
let admin: Record<string, string>;
let station: Record<string, string>;
let cp: DemoCheckpoint;

before(async () => {
  v = await createTestVigil();
  admin = await v.login();
  cp = await demoCheckpoint(v, admin);
  station = await userHeaders(v, admin, { username: 'tram.offline', role: 'checkpoint', unitId: cp.unitId });
});
after(() => v.close());

const logIds = async () => {
  const res = await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/scans?limit=1000`, headers: admin });
  return res.json().items.map((e: { id: string }) => e.id) as string[];
};

test('offline queue: a batch sent twice (and overlapping) stores every scan exactly once, and flags raise alerts late', async () => {
  const t = Date.now();
  const scans = [DEMO_PERSONS.ok, DEMO_PERSONS.wanted, DEMO_PERSONS.permitExpired, 'rác'].map((payload, i) => ({
    scanId: randomUUID(),
    at: new Date(t - (10 - i) * 60_000).toISOString(),
    payload,
    verdict: i === 0 ? 'pass' : 'officer',
    reasons: i === 0 ? ['ok'] : ['offline_unverified'],
    latencyMs: 40 + i,
  }));
  const before = (await logIds()).length;
  const send = (body: object) => v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans/batch`, headers: station, payload: body });
  const first = await send({ scans: scans.slice(0, 3) });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual({ accepted: first.json().accepted, duplicates: first.json().duplicates, alerts: first.json().alerts }, { accepted: 3, duplicates: 0, alerts: 1 });
  assert.equal(first.json().results[1].serverVerdict, 'deny', 'the server re-checks against its lists');
  // The link dropped before the answer arrived: the station sends everything again, plus one more.
  const second = await send({ scans: [...scans, scans[3]] });
  assert.equal(second.json().accepted, 1);
  assert.equal(second.json().duplicates, 4);
  const third = await send({ scans });
  assert.equal(third.json().accepted, 0);

  const ids = await logIds();
  assert.equal(ids.length - before, 4);
  for (const s of scans) assert.equal(ids.filter((id) => id === s.scanId).length, 1);
  // The verdict enforced at the barrier is what the log keeps.
  const log = (await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/scans?limit=1000`, headers: admin })).json().items;
  const wantedRow = log.find((e: { id: string }) => e.id === scans[1].scanId);
  assert.equal(wantedRow.verdict, 'officer');
  assert.equal(wantedRow.source, 'batch');
  assert.equal(wantedRow.idMasked, '022******321');
  assert.equal(wantedRow.initials, 'P.V.Đ.');

  // A retried online scan with the same client id is answered from the log, not stored twice.
  const scanId = randomUUID();
  const a = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: station, payload: { payload: DEMO_PERSONS.flagged, scanId } });
  const b = await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: station, payload: { payload: DEMO_PERSONS.flagged, scanId } });
  assert.equal(a.json().scanId, scanId);
  assert.equal(b.json().duplicate, true);
  assert.equal(b.json().verdict, a.json().verdict);
  assert.equal((await logIds()).filter((id) => id === scanId).length, 1);
});

test('purge job clears personal data after the retention period but keeps the statistics', async () => {
  const f = checkpointFeature(v.ctx);
  await v.app.inject({ method: 'POST', url: `/api/checkpoints/${cp.id}/scans`, headers: station, payload: { payload: DEMO_PERSONS.permitExpired } });
  const now = await f.log.purge();
  assert.equal(now.scans, 0, 'nothing is old enough yet');
  const future = new ScanLogService({ stores: f.stores, checkpoints: f.checkpoints, audit: v.ctx.audit, clock: { now: () => new Date(Date.now() + 31 * 24 * 3600_000) } });
  const purged = await future.purge();
  assert.ok(purged.scans >= 1);
  const log = (await v.app.inject({ method: 'GET', url: `/api/checkpoints/${cp.id}/scans?limit=1000`, headers: admin })).json().items;
  assert.ok(log.length >= 1);
  for (const e of log) {
    assert.equal(e.purged, true);
    assert.equal(e.idMasked, null);
    assert.equal(e.initials, null);
    assert.equal(e.hasThumbnail, false);
  }
  const stats = (await v.app.inject({ method: 'GET', url: '/api/checkpoints/stats', headers: admin })).json();
  const mine = stats.checkpoints.find((c: { id: string }) => c.id === cp.id);
  assert.ok(mine.total >= 1);
  assert.equal(mine.verdicts.pass + mine.verdicts.officer + mine.verdicts.deny, mine.total);
  assert.ok(mine.p95Ms !== null && mine.medianMs !== null);
  const audit = await v.app.inject({ method: 'GET', url: '/api/audit?action=checkpoint.purge', headers: admin });
  assert.ok(audit.json().items.length >= 1);
});
