import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';

type Unit = { id: string; code: string };
type Headers = Record<string, string>;

describe('violation cases', () => {
  let v: TestVigil;
  let admin: Headers;
  let units: Unit[];
  const users: Record<string, Headers> = {};
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const now = () => new Date(Date.now() - 3_600_000).toISOString();
  const post = (url: string, payload: unknown, headers: Headers = admin) => v.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, headers: Headers = admin) => v.app.inject({ method: 'GET', url, headers });
  const intake = (over: Record<string, unknown> = {}, headers: Headers = admin) =>
    post('/api/violations', { unitId: unit('DEMO-HT').id, place: 'Ngã ba chợ', occurredAt: now(), typeCode: '168/2024/7.2.h', plate: { text: '29B1-123.45', vehicleType: 'motorbike' }, ...over }, headers);
  const act = (id: string, body: Record<string, unknown>, headers: Headers = admin) => post(`/api/violations/${id}/actions`, body, headers);
  const count = async () => (await get('/api/violations?limit=1')).json().total as number;

  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    units = (await get('/api/units')).json().items;
    for (const [name, role, code] of [['officer-ht', 'officer', 'DEMO-HT'], ['operator-ht', 'operator', 'DEMO-HT'], ['officer-hx', 'officer', 'DEMO-HX'], ['viewer-ht', 'unit-viewer', 'DEMO-HT']] as const) {
      const res = await post('/api/users', { username: name, displayName: name, password: 'Passw0rd-123', role, unitId: unit(code).id });
      assert.equal(res.statusCode, 201, res.body);
      users[name] = await v.login(name, 'Passw0rd-123');
    }
  });
  after(() => v.close());

  test('demo content holds a case in every state', async () => {
    const items = (await get('/api/violations?limit=100')).json().items as { status: string }[];
    const states = new Set(items.map((i) => i.status));
    for (const s of ['detected', 'verified', 'rejected', 'owner_identified', 'notice_issued', 'resolved', 'escalated', 'closed']) assert.ok(states.has(s), s);
  });

  test('bad inputs are refused with clear errors and nothing changes', async () => {
    const before = await count();
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ plate: { text: 'XYZ-1', vehicleType: 'motorbike' } }, 'plate.text', /not a valid Vietnamese motorbike plate/],
      [{ typeCode: '999/2099/1.1.a' }, 'typeCode', /unknown violation code/],
      [{ typeCode: '168/2024/6.9.b' }, 'typeCode', /does not apply to vehicle type motorbike/],
      [{ occurredAt: '2024-06-01T03:00:00Z' }, 'typeCode', /not in force on 2024-06-01/],
      [{ plate: undefined }, 'plate', /needs the vehicle's plate/],
      [{ cameraId: 'nope' }, 'cameraId', /unknown camera/],
      [{ occurredAt: 'yesterday' }, 'occurredAt', /./],
    ];
    for (const [over, field, msg] of bad) {
      const res = await intake(over);
      assert.equal(res.statusCode, 400, `${JSON.stringify(over)}: ${res.body}`);
      assert.equal(res.json().field, field, res.body);
      assert.match(res.json().message, msg);
    }
    const id = (await intake()).json().id;
    const notice = await act(id, { action: 'issue_notice' });
    assert.equal(notice.statusCode, 409);
    assert.match(notice.json().message, /cannot issue_notice a case that is detected/);
    const detail = (await get(`/api/violations/${id}`)).json();
    assert.equal(detail.status, 'detected');
    assert.equal(detail.noticeNo, null);
    assert.equal(await count(), before + 1);
  });

  test('each step checks role and unit', async () => {
    const id = (await intake({}, users['operator-ht'])).json().id;
    assert.ok(id, 'operators may record candidates');
    assert.equal((await intake({}, users['viewer-ht'])).statusCode, 403, 'viewers may not');
    assert.equal((await act(id, { action: 'verify' }, users['operator-ht'])).statusCode, 403, 'review is for officers');
    assert.equal((await act(id, { action: 'verify' }, users['officer-hx'])).statusCode, 403, 'another ward\'s officer');
    assert.equal((await get(`/api/violations/${id}`, users['officer-hx'])).statusCode, 403);
    assert.equal((await act(id, { action: 'reject' }, users['officer-ht'])).json().field, 'reason');
    assert.equal((await act(id, { action: 'verify' }, users['officer-ht'])).json().status, 'verified');
    assert.equal((await act(id, { action: 'identify_owner' }, users['viewer-ht'])).statusCode, 403);
    assert.equal((await act(id, { action: 'identify_owner' }, users['operator-ht'])).statusCode, 403);
    const owned = await act(id, { action: 'identify_owner' }, users['officer-ht']);
    assert.equal(owned.json().status, 'owner_identified', owned.body);
    // The owner (from the registry) lives in Hồ Xá: the notice is routed there.
    const n = await act(id, { action: 'issue_notice' }, users['officer-ht']);
    assert.equal(n.json().status, 'notice_issued', n.body);
    assert.equal(n.json().routedToUnitId, unit('DEMO-HX').id);
    assert.equal((await get(`/api/violations/${id}`, users['officer-hx'])).statusCode, 200, 'the owner\'s ward sees the routed case');
    const early = await act(id, { action: 'escalate' }, users['officer-hx']);
    assert.equal(early.statusCode, 409);
    assert.match(early.json().message, /has not passed/);
    assert.equal((await act(id, { action: 'resolve', decisionNo: '1/QĐ', amount: 100 }, users['officer-hx'])).json().field, 'amount');
    const done = await act(id, { action: 'resolve', decisionNo: '1/QĐ-XPVPHC', amount: 500_000, paid: true }, users['officer-hx']);
    assert.equal(done.json().status, 'resolved', done.body);
    const closed = await act(id, { action: 'close' }, users['officer-ht']);
    assert.equal(closed.json().status, 'closed');
    assert.ok(closed.json().retainUntil > closed.json().closedAt);
    const detail = (await get(`/api/violations/${id}`)).json();
    assert.deepEqual(detail.history.map((h: { action: string }) => h.action), ['intake', 'verify', 'identify_owner', 'issue_notice', 'resolve', 'close']);
    const audit = (await get(`/api/audit?targetId=${id}&limit=100`)).json().items.map((a: { action: string }) => a.action);
    for (const a of ['case.intake', 'case.verify', 'case.identify_owner', 'case.issue_notice', 'case.resolve', 'case.close']) assert.ok(audit.includes(a), a);
  });

  test('deadlines are shown and the near-deadline queue alerts before they pass', async () => {
    const nine = new Date(Date.now() - 9 * 86_400_000).toISOString();
    const res = (await intake({ occurredAt: nine })).json();
    assert.equal(res.deadline.kind, 'owner');
    assert.ok(['near', 'overdue'].includes(res.deadline.state));
    const queue = (await get('/api/violations?queue=near_deadline&limit=500')).json().items.map((i: { id: string }) => i.id);
    assert.ok(queue.includes(res.id));
    const summary = (await get('/api/violations/summary')).json();
    assert.ok(summary.near_deadline >= 1 && summary.review >= 1);
  });

  test('notice PDF carries the case in correct Vietnamese', async () => {
    const id = (await intake({ plate: { text: '51F-123.45', vehicleType: 'car', colour: 'white' }, typeCode: 'red_light_car' })).json().id;
    const png = (await get('/api/violations?limit=100')).json().items.find((i: { status: string }) => i.status === 'notice_issued');
    assert.ok(png);
    assert.equal((await get(`/api/violations/${id}/notice.pdf`)).statusCode, 409, 'no notice before it is issued');
    for (const action of ['verify', 'identify_owner', 'issue_notice']) assert.equal((await act(id, { action })).statusCode, 200, action);
    const pdf = await get(`/api/violations/${id}/notice.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'notice-'));
    try {
      writeFileSync(join(dir, 'n.pdf'), pdf.rawPayload);
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      const text = out.stdout.normalize('NFC');
      for (const s of ['THÔNG BÁO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Biển kiểm soát', '51F-123.45', 'Nền màu trắng, chữ màu đen', 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông',
        'Điểm b khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP', 'Xã Hỏa Tiến', 'Nguyễn Văn An', 'Địa điểm vi phạm', 'Ngã ba chợ']) {
        assert.ok(text.includes(s), `PDF text lacks "${s}"`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('evidence files are hashed and tampering is detected', async () => {
    const id = (await intake()).json().id;
    const boundary = 'vigilboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nframe\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f1.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.from('not really a jpeg but bytes all the same'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await v.app.inject({ method: 'POST', url: `/api/violations/${id}/evidence`, payload, headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    assert.equal(up.statusCode, 201, up.body);
    assert.match(up.json().sha256, /^[0-9a-f]{64}$/);
    assert.equal((await post(`/api/violations/${id}/evidence/check`, {})).json().ok, true);
    const file = await get(`/api/violations/${id}/evidence/${up.json().id}/file`);
    assert.equal(file.body, 'not really a jpeg but bytes all the same');
    const dir = join(v.dataDir, 'evidence', id);
    const stored = readdirSync(dir).find((n) => n.endsWith('f1.jpg'))!;
    assert.ok(statSync(join(dir, stored)).size > 0);
    writeFileSync(join(dir, stored), 'altered');
    const check = (await post(`/api/violations/${id}/evidence/check`, {})).json();
    assert.equal(check.ok, false);
    assert.equal(check.items.find((i: { id: string }) => i.id === up.json().id).ok, false);
  });

  test('citizen submissions are logged with a hash and duplicates flagged', async () => {
    const body = { unitId: unit('DEMO-HX').id, receivedAt: now(), providerName: 'Nguyễn Văn Tâm', providerAddress: 'Khu phố 5', typeCode: 'waste_dumping', receivingOfficer: 'Trung úy Phúc', fileSha256: 'a'.repeat(64) };
    const a = await post('/api/violations/submissions', body);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(a.json().verification, 'pending');
    const b = await post('/api/violations/submissions', body);
    assert.equal(b.json().verification, 'duplicate');
    assert.equal(b.json().duplicateOf, a.json().id);
    const bad = await post('/api/violations/submissions', { ...body, typeCode: 'nope' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'typeCode');
  });

  test('bulk verify reports each case', async () => {
    const ids = [(await intake()).json().id, (await intake()).json().id];
    const closedOne = (await get('/api/violations?status=closed&limit=1')).json().items[0].id;
    const res = (await post('/api/violations/bulk', { action: 'verify', ids: [...ids, closedOne] })).json();
    assert.deepEqual(res.done.sort(), ids.sort());
    assert.equal(res.failed[0].id, closedOne);
    assert.equal(res.failed[0].error, 'CONFLICT');
  });

  test('search by plate, type and place', async () => {
    const byPlate = (await get('/api/violations?plate=29B1-123.45&limit=500')).json();
    assert.ok(byPlate.total > 0 && byPlate.items.every((i: { plate: string }) => i.plate === '29B112345'));
    const byPlace = (await get(`/api/violations?place=${encodeURIComponent('Ngã ba')}&limit=500`)).json();
    assert.ok(byPlace.items.every((i: { place: string }) => i.place.includes('Ngã ba')));
    const byType = (await get(`/api/violations?typeCode=${encodeURIComponent('117/2020/12.1')}`)).json();
    assert.ok(byType.total >= 1);
  });
});
