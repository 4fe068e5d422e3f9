import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';

type Unit = { id: string; code: string };

describe('camera routes', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let units: Unit[];
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const body = (over: Record<string, unknown> = {}) => ({
    name: 'Cổng trường',
    unitId: unit('DEMO-HT').id,
    mainUrl: 'rtsp://10.1.2.3:554/Streaming/Channels/101',
    location: { lat: 9.8, lng: 105.6, address: 'Ấp 1', placeType: 'school' },
    purposes: ['security'],
    ...over,
  });

  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    units = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items;
  });
  after(() => v.close());

  test('demo cameras are listed with their unit, filterable by unit, purpose and text', async () => {
    const all = (await v.app.inject({ method: 'GET', url: '/api/cameras', headers: admin })).json();
    assert.equal(all.total, 84);
    const ht = (await v.app.inject({ method: 'GET', url: `/api/cameras?unitId=${unit('DEMO-HT').id}`, headers: admin })).json();
    assert.equal(ht.total, 9);
    assert.ok(ht.items.every((c: { unitName: string }) => c.unitName === 'Xã Hỏa Tiến'));
    const traffic = (await v.app.inject({ method: 'GET', url: '/api/cameras?purpose=traffic', headers: admin })).json();
    assert.ok(traffic.total > 0 && traffic.items.every((c: { purposes: string[] }) => c.purposes.includes('traffic')));
    const q = (await v.app.inject({ method: 'GET', url: `/api/cameras?q=${encodeURIComponent('Bến xe')}`, headers: admin })).json();
    assert.ok(q.total > 0 && q.items.every((c: { name: string }) => c.name.includes('Bến xe')));
  });

  test('create, read, update, delete; credentials stored sealed and never returned', async () => {
    const res = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: body({ mainUrl: 'rtsp://cam:S3cret-pw@10.1.2.3:554/live', subUrl: 'rtsp://10.1.2.3:554/sub' }) });
    assert.equal(res.statusCode, 201, res.body);
    const cam = res.json();
    assert.equal(cam.mainUrl, 'rtsp://10.1.2.3:554/live');
    assert.equal(cam.hasCredentials, true);
    assert.doesNotMatch(res.body, /S3cret-pw/);
    assert.equal(await v.ctx.cameras.streamUrl(cam.id), 'rtsp://cam:S3cret-pw@10.1.2.3:554/live');
    // Not in the database file in clear either.
    const raw = readFileSync(join(v.dataDir, 'vigil.db')).toString('latin1') + readFileSync(join(v.dataDir, 'vigil.db-wal')).toString('latin1');
    assert.doesNotMatch(raw, /S3cret-pw/);

    const got = await v.app.inject({ method: 'GET', url: `/api/cameras/${cam.id}`, headers: admin });
    assert.equal(got.json().name, 'Cổng trường');
    const upd = await v.app.inject({ method: 'PATCH', url: `/api/cameras/${cam.id}`, headers: admin, payload: { name: 'Cổng trường mới', enabled: false, password: 'other' } });
    assert.equal(upd.statusCode, 200, upd.body);
    assert.equal(upd.json().status, 'disabled');
    assert.equal(await v.ctx.cameras.streamUrl(cam.id), 'rtsp://cam:other@10.1.2.3:554/live');
    assert.equal((await v.app.inject({ method: 'DELETE', url: `/api/cameras/${cam.id}`, headers: admin })).statusCode, 204);
    assert.equal((await v.app.inject({ method: 'GET', url: `/api/cameras/${cam.id}`, headers: admin })).statusCode, 404);
  });

  test('bad inputs get 4xx naming the field and write nothing', async () => {
    const before = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1', headers: admin })).json().total;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: undefined }, 400, 'name'],
      [{ name: 42 }, 400, 'name'],
      [{ mainUrl: 'ftp://x/y' }, 400, 'mainUrl'],
      [{ mainUrl: 'not a url' }, 400, 'mainUrl'],
      [{ unitId: 'no-such-unit' }, 400, 'unitId'],
      [{ location: { lat: 200, lng: 0, address: '', placeType: 'school' } }, 400, 'location.lat'],
      [{ location: { lat: 1, lng: 1, address: '', placeType: 'castle' } }, 400, 'location.placeType'],
      [{ purposes: ['spying'] }, 400, 'purposes.0'],
      [{ name: 'Ngã ba chợ 1' }, 409, 'name'],
    ];
    for (const [over, status, field] of cases) {
      const res = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: body(over) });
      assert.equal(res.statusCode, status, `${JSON.stringify(over)} -> ${res.body}`);
      assert.equal(res.json().field, field, res.body);
      assert.match(res.json().message, new RegExp(field.split('.')[0]));
    }
    const big = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify(body({ name: 'x'.repeat(3 * 1024 * 1024) })) });
    assert.equal(big.statusCode, 413);
    const notJson = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"name": ' });
    assert.equal(notJson.statusCode, 400);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/cameras/00000000-0000-0000-0000-000000000000', headers: admin })).statusCode, 404);
    assert.equal((await v.app.inject({ method: 'PATCH', url: '/api/cameras/nope', headers: admin, payload: { name: 'x' } })).statusCode, 404);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/cameras?limit=-1', headers: admin })).json().field, 'limit');
    const after = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1', headers: admin })).json().total;
    assert.equal(after, before);
  });

  test('SQL-looking strings are stored and searched as plain text', async () => {
    const evil = "x'); DROP TABLE cameras; --";
    const res = await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: body({ name: evil, tags: ["' OR 1=1 --"] }) });
    assert.equal(res.statusCode, 201);
    const q = (await v.app.inject({ method: 'GET', url: `/api/cameras?q=${encodeURIComponent("' OR 1=1 --")}`, headers: admin })).json();
    assert.equal(q.total, 1);
    assert.equal(q.items[0].name, evil);
    const pct = (await v.app.inject({ method: 'GET', url: '/api/cameras?q=%25', headers: admin })).json();
    assert.equal(pct.total, 0);
  });

  test('a ward viewer sees only its ward and is refused another ward\'s camera (audited)', async () => {
    await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'viewer-ht', displayName: 'UBND Hỏa Tiến', password: 'Viewer-pass-1', role: 'unit-viewer', unitId: unit('DEMO-HT').id } });
    const h = await v.login('viewer-ht', 'Viewer-pass-1');
    const list = (await v.app.inject({ method: 'GET', url: '/api/cameras', headers: h })).json();
    const wardTotal = (await v.app.inject({ method: 'GET', url: `/api/cameras?unitId=${unit('DEMO-HT').id}`, headers: admin })).json().total;
    assert.ok(wardTotal >= 9);
    assert.equal(list.total, wardTotal);
    assert.ok(list.items.every((c: { unitId: string }) => c.unitId === unit('DEMO-HT').id));
    const other = (await v.app.inject({ method: 'GET', url: `/api/cameras?unitId=${unit('DEMO-HX').id}&limit=1`, headers: admin })).json().items[0];
    const refused = await v.app.inject({ method: 'GET', url: `/api/cameras/${other.id}`, headers: h });
    assert.equal(refused.statusCode, 403);
    assert.equal((await v.app.inject({ method: 'GET', url: `/api/cameras?unitId=${unit('DEMO-HX').id}`, headers: h })).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'POST', url: '/api/cameras', headers: h, payload: body({ name: 'new' }) })).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'DELETE', url: `/api/cameras/${other.id}`, headers: h })).statusCode, 403);
    const audit = (await v.app.inject({ method: 'GET', url: '/api/audit?action=access.denied&actor=viewer-ht', headers: admin })).json();
    assert.ok(audit.total >= 4);
    // An operator of one ward cannot move a camera into another ward.
    await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'op-ht', displayName: 'Op', password: 'Operator-pass-1', role: 'operator', unitId: unit('DEMO-HT').id } });
    const op = await v.login('op-ht', 'Operator-pass-1');
    const mine = (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1', headers: op })).json().items[0];
    const move = await v.app.inject({ method: 'PATCH', url: `/api/cameras/${mine.id}`, headers: op, payload: { unitId: unit('DEMO-HX').id } });
    assert.equal(move.statusCode, 403);
    assert.equal(move.json().field, 'unitId');
  });

  test('CSV export and import round-trip; bad rows reported by line and column', async () => {
    const csv = await v.app.inject({ method: 'GET', url: `/api/cameras/export.csv`, headers: admin });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
    assert.equal(lines[0], 'name,unit_code,main_url,sub_url,lat,lng,address,place_type,purposes,ownership,recorder,channel,tags,enabled');
    const input = [
      lines[0],
      'Camera nhập 1,DEMO-HT,rtsp://u:p@10.0.0.9/live,,9.81,105.64,Ấp 2,road,security;traffic,commune,NVR-1,3,nhập;csv,true',
      'Camera nhập 2,NOPE,rtsp://10.0.0.9/live,,,,,road,security,police,,,,true',
      'Camera nhập 3,DEMO-HT,ftp://10.0.0.9/live,,,,,road,security,police,,,,true',
      'Camera nhập 4,DEMO-HT,rtsp://10.0.0.9/live,,abc,,,road,security,police,,,,true',
    ].join('\n');
    const res = await v.app.inject({ method: 'POST', url: '/api/cameras/import', headers: { ...admin, 'content-type': 'text/csv' }, payload: input });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.created, 1);
    assert.deepEqual(r.errors.map((e: { line: number; field: string }) => [e.line, e.field]), [[3, 'unit_code'], [4, 'main_url'], [5, 'lat']]);
    const cam = (await v.app.inject({ method: 'GET', url: `/api/cameras?q=${encodeURIComponent('Camera nhập 1')}`, headers: admin })).json().items[0];
    assert.deepEqual(cam.purposes, ['security', 'traffic']);
    assert.deepEqual(cam.recorder, { name: 'NVR-1', channel: 3 });
    assert.equal(cam.hasCredentials, true);
    assert.equal(cam.mainUrl, 'rtsp://10.0.0.9/live');
  });
});
