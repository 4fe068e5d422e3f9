import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';
import { watchlistOf } from './watchlist-routes';

describe('watch-list routes', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let units: { id: string; code: string }[];

  before(async () => {
    v = await createTestVigil({ demo: false });
    admin = await v.login();
    units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
  });
  after(() => v.close());

  const post = (url: string, payload: unknown, headers = admin) => v.app.inject({ method: 'POST', url, payload: payload as object, headers });

  test('entries are validated and normalised with the plate grammar', async () => {
    const res = await post('/api/watchlist', { plate: '51f-123.45', reason: 'Báo mất ngày 01/05', category: 'stolen' });
    assert.equal(res.statusCode, 201, res.body);
    const e = res.json();
    assert.equal(e.plate, '51F12345');
    assert.equal(e.display, '51F-123.45');
    const bike = (await post('/api/watchlist', { plate: '29-B1 123.45', reason: 'Truy nã', category: 'wanted' })).json();
    assert.equal(bike.plate, '29B112345');
    assert.equal(bike.display, '29-B1 123.45');

    const bad = await post('/api/watchlist', { plate: '00X-999', reason: 'x', category: 'stolen' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'plate');
    const badCat = await post('/api/watchlist', { plate: '51F12346', reason: 'x', category: 'lost' });
    assert.equal(badCat.statusCode, 400);
    assert.equal(badCat.json().field, 'category');
    const dup = await post('/api/watchlist', { plate: '51F 123.45', reason: 'again', category: 'stolen' });
    assert.equal(dup.statusCode, 409);

    const list = (await v.app.inject({ method: 'GET', url: '/api/watchlist?plate=51F-123', headers: admin })).json();
    assert.equal(list.total, 1);
    assert.equal(list.items[0].id, e.id);
  });

  test('a check hits by any printed form, is stored as an audited alert, and misses cleanly', async () => {
    const seen: string[] = [];
    const off = watchlistOf(v.ctx).onHit((h) => seen.push(h.plate));
    const hit = (await post('/api/watchlist/check', { plate: '51F12345' })).json();
    assert.equal(hit.hit, true);
    assert.equal(hit.entries.length, 1);
    assert.equal(hit.entries[0].category, 'stolen');
    assert.equal(hit.hits.length, 1);
    assert.deepEqual(seen, ['51F12345']);
    off();

    const miss = (await post('/api/watchlist/check', { plate: '51F-999.99' })).json();
    assert.equal(miss.hit, false);
    assert.deepEqual(miss.entries, []);
    assert.equal((await post('/api/watchlist/check', { plate: 'HELLO' })).statusCode, 400);

    const hits = (await v.app.inject({ method: 'GET', url: '/api/watchlist/hits', headers: admin })).json();
    assert.equal(hits.total, 1);
    assert.equal(hits.items[0].source, 'manual');
    assert.equal(hits.items[0].checkedBy, 'admin');
    const audit = (await v.app.inject({ method: 'GET', url: '/api/audit?action=watchlist.hit', headers: admin })).json();
    assert.ok(JSON.stringify(audit).includes('watchlist.hit'), 'the hit is audited');
  });

  test('camera reads: one alert per vehicle per camera within five minutes, expired entries never match', async () => {
    const svc = watchlistOf(v.ctx);
    const unitId = units[0].id;
    const t0 = '2030-01-01T08:00:00.000Z';
    const a = await svc.checkPlate('29B112345', { unitId, cameraId: 'cam-1', at: t0, confidence: 0.97 });
    assert.equal(a.hits.length, 1);
    assert.equal(a.hits[0].source, 'camera');
    const b = await svc.checkPlate('29-B1 123.45', { unitId, cameraId: 'cam-1', at: '2030-01-01T08:01:00.000Z' });
    assert.equal(b.hit, true);
    assert.equal(b.hits.length, 0, 'same vehicle, same camera, a minute later: no second alert');
    const c = await svc.checkPlate('29B112345', { unitId, cameraId: 'cam-2', at: '2030-01-01T08:01:00.000Z' });
    assert.equal(c.hits.length, 1);
    assert.equal((await svc.checkPlate('not a plate', { unitId })).hit, false);

    const until = new Date(Date.now() + 3_600_000).toISOString();
    await post('/api/watchlist', { plate: '30A-111.22', reason: 'tạm thời', category: 'other', until });
    assert.equal((await svc.checkPlate('30A11122', { unitId })).hit, true);
    assert.equal((await svc.checkPlate('30A11122', { unitId, at: new Date(Date.now() + 7_200_000).toISOString() })).hit, false);
  });

  test('CSV import reports refused lines; delete removes; unauthenticated requests are refused', async () => {
    const csv = 'plate,reason,category,until\n43A-123.45,Cướp giật,wanted,\nXYZ,bad,stolen,\n43-AB 010.79,Trộm,stolen,\n43A12346,x,lost,\n';
    const res = await v.app.inject({ method: 'POST', url: '/api/watchlist/import', payload: csv, headers: { ...admin, 'content-type': 'text/csv' } });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.created, 2);
    assert.deepEqual(r.errors.map((e: { line: number; field: string }) => [e.line, e.field]), [[3, 'plate'], [5, 'category']]);

    const list = (await v.app.inject({ method: 'GET', url: '/api/watchlist?plate=43AB01079', headers: admin })).json();
    assert.equal(list.total, 1);
    const del = await v.app.inject({ method: 'DELETE', url: `/api/watchlist/${list.items[0].id}`, headers: admin });
    assert.equal(del.statusCode, 204);
    assert.equal((await v.app.inject({ method: 'DELETE', url: `/api/watchlist/${list.items[0].id}`, headers: admin })).statusCode, 404);

    assert.equal((await v.app.inject({ method: 'GET', url: '/api/watchlist' })).statusCode, 401);
  });

  test('the demo lists the generated traffic scene\'s plate as wanted, so its camera reads raise alerts', async () => {
    const demo = await createTestVigil();
    try {
      const h = await demo.login();
      const list = (await demo.app.inject({ method: 'GET', url: '/api/watchlist', headers: h })).json();
      assert.deepEqual(list.items.map((e: { plate: string }) => e.plate).sort(), ['14A88888', '29B199999', '51F12345']);
      const unitId = (await demo.app.inject({ method: 'GET', url: '/api/units', headers: h })).json().items[0].id;
      const r = await watchlistOf(demo.ctx).checkPlate('51F12345', { unitId, cameraId: 'cam-demo', confidence: 0.95 });
      assert.equal(r.hits.length, 1);
      assert.equal(r.entries[0].category, 'wanted');
    } finally {
      await demo.close();
    }
  });
});
