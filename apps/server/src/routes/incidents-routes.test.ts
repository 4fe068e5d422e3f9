import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestVigil, type TestVigil } from '../testing';

type Headers = Record<string, string>;

describe('incidents, footage requests and reports', () => {
  let v: TestVigil;
  let admin: Headers;
  let hx: string;
  let ht: string;
  const post = (url: string, payload: unknown, headers: Headers = admin) => v.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, headers: Headers = admin) => v.app.inject({ method: 'GET', url, headers });
  const range = () => `from=${encodeURIComponent(new Date(Date.now() - 60 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;

  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    const units = (await get('/api/units')).json().items as { id: string; code: string }[];
    hx = units.find((u) => u.code === 'DEMO-HX')!.id;
    ht = units.find((u) => u.code === 'DEMO-HT')!.id;
  });
  after(() => v.close());

  test('the demo holds Hồ Xá\'s 21 incidents and the report words them as the source does', async () => {
    const r = (await get(`/api/reports/cases?${range()}&unitId=${hx}`)).json();
    assert.equal(r.incidents.total, 21);
    assert.match(r.incidents.summaryVi, /^21 vụ: 9 tai nạn giao thông, 5 trộm cắp tài sản, 4 dán, rải tờ rơi tín dụng đen/);
    assert.ok(r.incidents.byCamera.length > 0);
    assert.ok(r.violations.total > 0 && r.violations.byStatus.length > 0);
  });

  test('incidents: create, link cameras, resolve only with an outcome; unit scope applies', async () => {
    const cams = (await get(`/api/cameras?unitId=${hx}&limit=2`)).json().items as { id: string }[];
    const res = await post('/api/incidents', { unitId: hx, type: 'theft', title: 'Mất trộm xe đạp', occurredAt: new Date().toISOString(), cameraIds: [cams[0].id], officers: ['Trung úy A'] });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    const bad = await v.app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { status: 'resolved' }, headers: admin });
    assert.equal(bad.json().field, 'outcome');
    const ok = await v.app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { status: 'resolved', outcome: 'Đã trả lại tài sản' }, headers: admin });
    assert.equal(ok.json().status, 'resolved');
    const byCam = (await get(`/api/incidents?cameraId=${cams[0].id}`)).json();
    assert.ok(byCam.items.some((i: { id: string }) => i.id === id));
    assert.equal((await post('/api/incidents', { unitId: hx, type: 'nope', title: 'x', occurredAt: new Date().toISOString() })).json().field, 'type');
    await post('/api/users', { username: 'op-ht', displayName: 'op', password: 'Passw0rd-123', role: 'operator', unitId: ht });
    const op = await v.login('op-ht', 'Passw0rd-123');
    assert.equal((await get(`/api/incidents/${id}`, op)).statusCode, 403);
    assert.equal((await get('/api/incidents?limit=500', op)).json().items.length, 0);
  });

  test('footage request: pending -> approved -> fulfilled, with officer approval and audit', async () => {
    const req = await post('/api/footage-requests', { unitId: hx, requesterName: 'Lê Thị Hoa', from: new Date(Date.now() - 7_200_000).toISOString(), to: new Date().toISOString(), reason: 'Mất xe đạp' });
    assert.equal(req.statusCode, 201, req.body);
    const id = req.json().id;
    await post('/api/users', { username: 'op-hx', displayName: 'op', password: 'Passw0rd-123', role: 'operator', unitId: hx });
    const op = await v.login('op-hx', 'Passw0rd-123');
    assert.equal((await post(`/api/footage-requests/${id}/decision`, { decision: 'approve' }, op)).statusCode, 403);
    assert.equal((await post(`/api/footage-requests/${id}/decision`, { decision: 'fulfil' })).statusCode, 409);
    assert.equal((await post(`/api/footage-requests/${id}/decision`, { decision: 'approve', note: 'Đồng ý' })).json().status, 'approved');
    assert.equal((await post(`/api/footage-requests/${id}/decision`, { decision: 'fulfil', exportId: 'exp-1' })).json().status, 'fulfilled');
    const audit = (await get(`/api/audit?targetId=${id}`)).json().items.map((a: { action: string }) => a.action);
    assert.deepEqual(audit.sort(), ['footage.approve', 'footage.fulfil', 'footage.request']);
  });

  test('reports export as XLSX and PDF', async () => {
    const x = await get(`/api/reports/cases.xlsx?${range()}`);
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0].name, 'Tổng hợp');
    assert.match(String(wb.worksheets[0].getCell('B3').value), /vụ/);
    const p = await get(`/api/reports/cases.pdf?${range()}`);
    assert.equal(p.statusCode, 200);
    assert.equal(p.rawPayload.subarray(0, 4).toString(), '%PDF');
    assert.equal((await get(`/api/reports/cases?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z`)).json().field, 'to');
  });
});
