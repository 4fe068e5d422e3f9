// The availability report end to end over hand-made state logs (as the monitor writes them):
// a maintenance window across local midnight, disabled time, MTTD/MTTR, longest outages, CSV/XLSX.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestVigil, type TestVigil } from '../testing';
import { type Cam, insertAlert, setStateLog, unitByCode, userOf } from './test-helpers';

const L = (local: string) => `${local}+07:00`;
const H = 3_600_000;

describe('health availability report', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let unit: { id: string };
  let a: Cam;
  let b: Cam;
  const range = `from=${encodeURIComponent(L('2024-05-01T00:00:00'))}&to=${encodeURIComponent(L('2024-05-03T00:00:00'))}`;
  const get = (qs: string, h = admin) => v.app.inject({ method: 'GET', url: `/api/health/reports/availability?${range}&${qs}`, headers: h });

  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    const root = (await v.app.inject({ method: 'GET', url: '/api/units', headers: admin })).json().items.find((u: { parentId: string | null }) => u.parentId === null);
    unit = (await v.app.inject({ method: 'POST', url: '/api/units', headers: admin, payload: { code: 'RPT', name: 'Xã Báo Cáo', level: 'commune', parentId: root.id } })).json();
    const mk = async (name: string) => (await v.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: { name, unitId: unit.id, mainUrl: 'rtsp://127.0.0.1:9/none', enabled: false } })).json() as Cam;
    a = await mk('Cam A');
    b = await mk('Cam B');
    // A: offline 20:00 -> 04:00 across local midnight; maintenance 23:00 -> 02:00 covers part of it.
    await setStateLog(v, a, [
      ['online', L('2024-04-30T00:00:00'), L('2024-05-01T20:00:00')],
      ['offline', L('2024-05-01T20:00:00'), L('2024-05-02T04:00:00')],
      ['online', L('2024-05-02T04:00:00'), null],
    ]);
    await v.app.inject({ method: 'POST', url: '/api/maintenance/windows', headers: admin, payload: { cameraId: a.id, from: L('2024-05-01T23:00:00'), to: L('2024-05-02T02:00:00'), reason: 'Thay cột' } });
    // B: disabled all morning, then online with a one-hour freeze.
    await setStateLog(v, b, [
      ['disabled', L('2024-05-01T00:00:00'), L('2024-05-01T12:00:00')],
      ['online', L('2024-05-01T12:00:00'), L('2024-05-02T12:00:00')],
      ['frozen', L('2024-05-02T12:00:00'), L('2024-05-02T13:00:00')],
      ['online', L('2024-05-02T13:00:00'), null],
    ]);
    await insertAlert(v, a, { kind: 'offline', openedAt: new Date(L('2024-05-01T20:00:03')).toISOString(), detectedAfterMs: 3000, resolvedAt: new Date(L('2024-05-02T04:00:05')).toISOString() });
    await insertAlert(v, b, { kind: 'frozen', openedAt: new Date(L('2024-05-02T12:00:09')).toISOString(), detectedAfterMs: 9000, resolvedAt: new Date(L('2024-05-02T13:00:09')).toISOString() });
    const t = (await v.app.inject({ method: 'POST', url: '/api/maintenance/tickets', headers: admin, payload: { cameraId: a.id, assignee: 'Kỹ thuật' } })).json();
    await v.ctx.db.withTables<{ maintenance_tickets: { id: string; created_at: string; fixed_at: string | null; status: string } }>()
      .updateTable('maintenance_tickets')
      .set({ created_at: new Date(L('2024-05-01T21:00:00')).toISOString(), fixed_at: new Date(L('2024-05-02T03:30:00')).toISOString(), status: 'fixed' })
      .where('id', '=', t.id)
      .execute();
  });
  after(() => v.close());

  test('per camera: maintenance and disabled time excluded; mean times; longest down first', async () => {
    const res = await get(`groupBy=camera&unitId=${unit.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.timeZone, 'Asia/Ho_Chi_Minh');
    const rowA = r.rows.find((x: { key: string }) => x.key === a.id);
    const rowB = r.rows.find((x: { key: string }) => x.key === b.id);
    assert.deepEqual([rowA.onlineMs, rowA.downMs, rowA.maintenanceMs, rowA.availabilityPct], [40 * H, 5 * H, 3 * H, 88.89]);
    assert.deepEqual(rowA.downByState, { offline: 5 * H });
    assert.deepEqual([rowB.onlineMs, rowB.downMs, rowB.disabledMs, rowB.availabilityPct], [35 * H, 1 * H, 12 * H, 97.22]);
    assert.equal(r.overall.availabilityPct, 92.59);
    assert.equal(r.mttdMs, 6000);
    assert.equal(r.mttrAlertMs, (8 * H + 2000 + H) / 2);
    assert.equal(r.mttrTicketMs, 6.5 * H);
    assert.equal(r.alerts, 2);
    assert.deepEqual(r.longestDown.map((d: { cameraName: string; longestMs: number; currentState: string }) => [d.cameraName, d.longestMs, d.currentState]), [['Cam A', 3 * H, 'online'], ['Cam B', H, 'online']]);
  });

  test('per local day, week and month; per unit', async () => {
    const days = (await get(`groupBy=day&unitId=${unit.id}`)).json();
    assert.deepEqual(days.rows.map((x: { key: string; availabilityPct: number }) => [x.key, x.availabilityPct]), [['2024-05-01', 91.43], ['2024-05-02', 93.48]]);
    // The window crossing midnight is split: 1 h on the first local day, 2 h on the second.
    assert.deepEqual(days.rows.map((x: { maintenanceMs: number }) => x.maintenanceMs), [1 * H, 2 * H]);
    const week = (await get(`groupBy=week&unitId=${unit.id}`)).json();
    assert.deepEqual(week.rows.map((x: { key: string; availabilityPct: number }) => [x.key, x.availabilityPct]), [['2024-04-29', 92.59]]);
    const month = (await get(`groupBy=month&unitId=${unit.id}`)).json();
    assert.deepEqual(month.rows.map((x: { key: string }) => x.key), ['2024-05']);
    const units = (await get(`groupBy=unit&unitId=${unit.id}`)).json();
    assert.deepEqual(units.rows.map((x: { label: string; cameras: number; availabilityPct: number }) => [x.label, x.cameras, x.availabilityPct]), [['Xã Báo Cáo', 2, 92.59]]);
  });

  test('CSV and XLSX exports carry the same numbers', async () => {
    const csv = await get(`groupBy=camera&unitId=${unit.id}&format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.headers['content-disposition'] as string, /availability-camera-2024-04-30/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
    assert.equal(lines[0], 'key,label,cameras,availability_pct,online_h,down_h,maintenance_h,disabled_h,unmonitored_h');
    assert.ok(lines.includes(`${a.id},Cam A,1,88.89,40,5,3,0,0`), lines.join('\n'));
    const xlsx = await get(`groupBy=camera&unitId=${unit.id}&format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Availability')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    assert.ok(values.some((r) => r[1] === 'Cam B' && r[3] === 97.22));
    assert.equal(wb.getWorksheet('Longest down')!.getRow(2).getCell(2).value, 'Cam A');
  });

  test('bad inputs and scope', async () => {
    const cases: [string, string][] = [
      ['groupBy=year', 'groupBy'],
      ['format=pdf', 'format'],
    ];
    for (const [qs, field] of cases) {
      const res = await get(qs);
      assert.equal(res.statusCode, 400, qs);
      assert.equal(res.json().field, field);
    }
    const backwards = await v.app.inject({ method: 'GET', url: `/api/health/reports/availability?from=2024-05-03T00:00:00Z&to=2024-05-01T00:00:00Z`, headers: admin });
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().field, 'to');
    const missing = await v.app.inject({ method: 'GET', url: '/api/health/reports/availability?to=2024-05-01T00:00:00Z', headers: admin });
    assert.equal(missing.json().field, 'from');
    const viewer = await userOf(v, admin, 'unit-viewer', (await unitByCode(v, admin, 'DEMO-HX')).id);
    assert.equal((await get(`unitId=${unit.id}`, viewer)).statusCode, 403);
    const own = (await get('groupBy=camera', viewer)).json();
    assert.ok(own.rows.every((x: { key: string }) => x.key !== a.id && x.key !== b.id));
  });
});
