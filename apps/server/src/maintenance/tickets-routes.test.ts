import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';
import { type Cam, PNG_1PX, cameras, insertAlert, multipart, setStateLog, unitByCode, userOf } from './test-helpers';

describe('maintenance tickets', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let cams: Cam[];
  let hx: { id: string };
  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    cams = await cameras(v, admin);
    hx = await unitByCode(v, admin, 'DEMO-HX');
  });
  after(() => v.close());

  const create = (h: Record<string, string>, payload: object) => v.app.inject({ method: 'POST', url: '/api/maintenance/tickets', headers: h, payload });
  const patch = (id: string, payload: object, h = admin) => v.app.inject({ method: 'PATCH', url: `/api/maintenance/tickets/${id}`, headers: h, payload });

  test('an alert becomes a ticket that moves open -> in_progress -> fixed -> verified, every move audited', async () => {
    const cam = cams[0]!;
    const alertId = await insertAlert(v, cam, { openedAt: new Date().toISOString() });
    const res = await create(admin, { cameraId: cam.id, alertId, assignee: 'Nguyễn Văn Kỹ', contractor: 'Công ty Viễn thông A', note: 'Mất tín hiệu' });
    assert.equal(res.statusCode, 201, res.body);
    const t = res.json();
    assert.equal(t.status, 'open');
    assert.equal(t.cameraName, cam.name);
    assert.equal(t.verifyAfterMin, 10);
    assert.deepEqual(t.notes.map((n: { text: string }) => n.text), ['Mất tín hiệu']);

    const again = await create(admin, { cameraId: cam.id, alertId, assignee: 'X' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().field, 'alertId');

    const skip = await patch(t.id, { status: 'fixed' });
    assert.equal(skip.statusCode, 409);
    assert.equal(skip.json().field, 'status');
    assert.match(skip.json().message, /open ticket cannot become fixed/);

    assert.equal((await patch(t.id, { status: 'in_progress', note: 'Đang thay nguồn' })).json().status, 'in_progress');
    const fixed = (await patch(t.id, { status: 'fixed' })).json();
    assert.equal(fixed.status, 'fixed');
    assert.ok(fixed.fixedAt);
    const verified = (await patch(t.id, { status: 'verified' })).json();
    assert.equal(verified.status, 'verified');
    assert.ok(verified.verifiedAt);
    assert.deepEqual(verified.notes.filter((n: { kind: string }) => n.kind === 'status').map((n: { text: string }) => n.text.split(':')[0]), ['open -> in_progress', 'in_progress -> fixed', 'fixed -> verified']);
    const closed = await patch(t.id, { status: 'in_progress' });
    assert.equal(closed.statusCode, 409);

    const audit = (await v.app.inject({ method: 'GET', url: `/api/audit?targetId=${t.id}&limit=50`, headers: admin })).json().items;
    const actions = audit.map((a: { action: string }) => a.action);
    assert.equal(actions.filter((a: string) => a === 'maintenance.ticket.status').length, 3);
    assert.ok(actions.includes('maintenance.ticket.create'));

    // Closed ones leave the open list but stay findable.
    const open = (await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets?open=true&cameraId=${cam.id}`, headers: admin })).json();
    assert.ok(!open.items.some((i: { id: string }) => i.id === t.id), 'the verified ticket left the open list');
    const byAlert = (await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets?alertId=${alertId}`, headers: admin })).json();
    assert.equal(byAlert.total, 1);
  });

  test('a fixed ticket verifies itself once the camera stayed online for its set time, not before', async () => {
    const cam = cams[1]!;
    const t = (await create(admin, { cameraId: cam.id, assignee: 'Tổ kỹ thuật', verifyAfterMin: 10 })).json();
    await patch(t.id, { status: 'in_progress' });
    await patch(t.id, { status: 'fixed' });
    // Still online for only 2 minutes since the fix: stays fixed.
    const now = Date.now();
    await setStateLog(v, cam, [['offline', now - 3_600_000, now - 2 * 60_000], ['online', now - 2 * 60_000, null]]);
    assert.equal((await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${t.id}`, headers: admin })).json().status, 'fixed');
    // Move the fix back 20 minutes and the camera online 15 minutes ago: verified 10 min after it came online.
    const fixedAt = new Date(now - 20 * 60_000).toISOString();
    await v.ctx.db.withTables<{ maintenance_tickets: { id: string; fixed_at: string | null } }>().updateTable('maintenance_tickets').set({ fixed_at: fixedAt }).where('id', '=', t.id).execute();
    await setStateLog(v, cam, [['offline', now - 3_600_000, now - 15 * 60_000], ['online', now - 15 * 60_000, null]]);
    // The periodic job does the same as a read.
    const { maintenanceFeature } = await import('./wiring');
    assert.equal(await maintenanceFeature(v.ctx).tickets.verifyDue(), 1);
    const got = (await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${t.id}`, headers: admin })).json();
    assert.equal(got.status, 'verified');
    assert.equal(got.verifiedAt, new Date(now - 5 * 60_000).toISOString());
    assert.equal(got.notes.at(-1).by, 'system');

    // Online but down again now: a fixed ticket does not verify.
    const t2 = (await create(admin, { cameraId: cam.id, assignee: 'Tổ kỹ thuật', verifyAfterMin: 1 })).json();
    await patch(t2.id, { status: 'in_progress' });
    await patch(t2.id, { status: 'fixed' });
    await setStateLog(v, cam, [['online', now - 3_600_000, now - 1000], ['frozen', now - 1000, null]]);
    await v.ctx.db.withTables<{ maintenance_tickets: { id: string; fixed_at: string | null } }>().updateTable('maintenance_tickets').set({ fixed_at: new Date(now - 30 * 60_000).toISOString() }).where('id', '=', t2.id).execute();
    assert.equal((await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${t2.id}`, headers: admin })).json().status, 'fixed');
    // Reopening clears the fix time.
    const reopened = (await patch(t2.id, { status: 'in_progress', note: 'Vẫn đóng băng' })).json();
    assert.equal(reopened.status, 'in_progress');
    assert.equal(reopened.fixedAt, null);
  });

  test('notes append; photos are checked, stored under dataDir/maintenance with their SHA-256, and served back', async () => {
    const t = (await create(admin, { cameraId: cams[2]!.id, assignee: 'Trần Thị Sửa' })).json();
    const n1 = await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/notes`, headers: admin, payload: { text: 'Đã đến hiện trường' } });
    assert.equal(n1.statusCode, 201);
    await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/notes`, headers: admin, payload: { text: 'Thay dây mạng' } });
    const empty = await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/notes`, headers: admin, payload: { text: '  ' } });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().field, 'text');

    const form = multipart('file', PNG_1PX, 'image/png', 'cot-dien.png');
    const up = await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/photos`, headers: { ...admin, ...form.headers }, payload: form.payload });
    assert.equal(up.statusCode, 201, up.body);
    const photo = up.json().photos[0];
    const sha = createHash('sha256').update(PNG_1PX).digest('hex');
    assert.equal(photo.sha256, sha);
    assert.equal(photo.mime, 'image/png');
    assert.ok(existsSync(join(v.dataDir, 'maintenance', t.id, `${photo.id}.png`)));
    assert.deepEqual(readFileSync(join(v.dataDir, 'maintenance', t.id, `${photo.id}.png`)), PNG_1PX);
    const back = await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${t.id}/photos/${photo.id}`, headers: admin });
    assert.equal(back.statusCode, 200);
    assert.equal(back.headers['content-type'], 'image/png');
    assert.deepEqual(back.rawPayload, PNG_1PX);

    const fake = multipart('file', Buffer.from('not an image at all'), 'image/jpeg', 'x.jpg');
    const bad = await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/photos`, headers: { ...admin, ...fake.headers }, payload: fake.payload });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'file');
    const json = await v.app.inject({ method: 'POST', url: `/api/maintenance/tickets/${t.id}/photos`, headers: admin, payload: { a: 1 } });
    assert.equal(json.statusCode, 400);

    const got = (await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${t.id}`, headers: admin })).json();
    assert.deepEqual(got.notes.map((n: { kind: string }) => n.kind), ['note', 'note', 'photo']);
  });

  test('bad inputs name the field', async () => {
    const cases: [object, number, string][] = [
      [{ cameraId: cams[0]!.id }, 400, 'assignee'],
      [{ cameraId: cams[0]!.id, assignee: 'A', verifyAfterMin: 0 }, 400, 'verifyAfterMin'],
      [{ cameraId: 'no-such-camera', assignee: 'A' }, 404, 'cameraId'],
      [{ cameraId: cams[0]!.id, assignee: 'A', alertId: 'no-such-alert' }, 404, 'alertId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await create(admin, payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)} -> ${res.body}`);
      assert.equal(res.json().field, field);
    }
    const otherCam = await insertAlert(v, cams[3]!, { openedAt: new Date().toISOString() });
    const mismatch = await create(admin, { cameraId: cams[0]!.id, assignee: 'A', alertId: otherCam });
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.json().field, 'alertId');
    const t = (await create(admin, { cameraId: cams[0]!.id, assignee: 'A' })).json();
    const badStatus = await patch(t.id, { status: 'done' });
    assert.equal(badStatus.statusCode, 400);
    assert.equal(badStatus.json().field, 'status');
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/maintenance/tickets/nope', headers: admin })).statusCode, 404);
  });

  test('roles and unit scope: readers read, only admin/operator change, other wards see nothing', async () => {
    const cam = cams.find((c) => c.unitId === hx.id)!;
    const other = cams.find((c) => c.unitId !== hx.id)!;
    const t = (await create(admin, { cameraId: cam.id, assignee: 'A' })).json();
    const tOther = (await create(admin, { cameraId: other.id, assignee: 'B' })).json();
    const officer = await userOf(v, admin, 'officer', hx.id);
    const operator = await userOf(v, admin, 'operator', hx.id);
    const checkpoint = await userOf(v, admin, 'checkpoint', hx.id);

    const list = (await v.app.inject({ method: 'GET', url: '/api/maintenance/tickets', headers: officer })).json();
    assert.ok(list.items.some((x: { id: string }) => x.id === t.id));
    assert.ok(list.items.every((x: { unitId: string }) => x.unitId === hx.id));
    assert.equal((await v.app.inject({ method: 'GET', url: `/api/maintenance/tickets/${tOther.id}`, headers: officer })).statusCode, 403);
    assert.equal((await create(officer, { cameraId: cam.id, assignee: 'A' })).statusCode, 403);
    assert.equal((await patch(t.id, { status: 'in_progress' }, officer)).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/maintenance/tickets', headers: checkpoint })).statusCode, 403);

    assert.equal((await patch(t.id, { status: 'in_progress' }, operator)).statusCode, 200);
    assert.equal((await create(operator, { cameraId: other.id, assignee: 'A' })).statusCode, 403);
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/maintenance/tickets' })).statusCode, 401);
  });

  test('the demo carries repair tickets: in progress on its unreachable cameras, one fixed awaiting verification', async () => {
    const list = (await v.app.inject({ method: 'GET', url: '/api/maintenance/tickets?open=true&limit=100', headers: admin })).json();
    const demo = list.items.filter((i: { createdBy: string }) => i.createdBy !== 'admin');
    const byStatus = demo.map((i: { status: string }) => i.status).sort();
    assert.deepEqual(byStatus, ['fixed', 'in_progress', 'in_progress']);
    const dead = cams.filter((c) => c.mainUrl.startsWith('rtsp://192.0.2.')).map((c) => c.id).sort();
    assert.equal(dead.length, 2);
    assert.deepEqual(demo.filter((i: { status: string }) => i.status === 'in_progress').map((i: { cameraId: string }) => i.cameraId).sort(), dead);
  });

  test('maintenance windows: create, list, validate, delete', async () => {
    const cam = cams[0]!;
    const bad = await v.app.inject({ method: 'POST', url: '/api/maintenance/windows', headers: admin, payload: { cameraId: cam.id, from: '2024-05-02T00:00:00+07:00', to: '2024-05-01T00:00:00+07:00', reason: 'x' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'to');
    const res = await v.app.inject({ method: 'POST', url: '/api/maintenance/windows', headers: admin, payload: { cameraId: cam.id, from: '2024-05-01T22:00:00+07:00', to: '2024-05-02T02:00:00+07:00', reason: 'Thay cột' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().from, '2024-05-01T15:00:00.000Z');
    const list = (await v.app.inject({ method: 'GET', url: `/api/maintenance/windows?cameraId=${cam.id}&from=2024-05-01T00:00:00Z&to=2024-05-03T00:00:00Z`, headers: admin })).json();
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].cameraName, cam.name);
    assert.equal((await v.app.inject({ method: 'DELETE', url: `/api/maintenance/windows/${res.json().id}`, headers: admin })).statusCode, 204);
  });
});
