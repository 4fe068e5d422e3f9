import type { Actor, Clock } from '@vigil/core';
import type { ActionBody, IncidentType, ViolationIntake } from '@vigil/types';
import type { VigilContext } from '../context';
import { demoFramePng } from './demo-image';
import { caseServices } from './services';

const DAY = 86_400_000;

const CONTACTS: Record<string, [string, string]> = {
  'DEMO-HT': ['Trụ sở Công an xã Hỏa Tiến, ấp Thạnh Hòa, xã Hỏa Tiến', '0293 3871 113'],
  'DEMO-HX': ['Trụ sở Công an thị trấn Hồ Xá, khu phố 3, thị trấn Hồ Xá', '0233 3821 113'],
  'DEMO-MC': ['Trụ sở Công an phường Trần Phú, số 1 Hùng Vương, phường Trần Phú, Móng Cái', '0203 3881 113'],
};

const VEHICLES = [
  ['51F12345', 'car', 'Nguyễn Văn An', 'Số 12 đường 3/2, xã Hỏa Tiến', '093012345678', 'DEMO-HT', 'Toyota Vios'],
  ['29B112345', 'motorbike', 'Trần Thị Bích', 'Khu phố 2, thị trấn Hồ Xá', '045198765432', 'DEMO-HX', 'Honda Wave'],
  ['14A23456', 'car', 'Lê Quang Dũng', 'Số 5 Trần Phú, phường Trần Phú, Móng Cái', '022087654321', 'DEMO-MC', 'Ford Ranger'],
  ['74H155667', 'motorbike', 'Phạm Đức Hải', 'Khu phố 4, thị trấn Hồ Xá', '044091234567', 'DEMO-HX', 'Yamaha Sirius'],
  ['95B123456', 'motorbike', 'Võ Minh Khoa', 'Ấp Thạnh Hòa, xã Hỏa Tiến', '093087651234', 'DEMO-HT', 'Honda Vision'],
  ['14B298765', 'motorbike', 'Hoàng Thị Lan', 'Phường Trần Phú, Móng Cái', '022199887766', 'DEMO-MC', 'Honda Lead'],
  ['74A05678', 'car', 'Đặng Văn Mạnh', 'Khu phố 1, thị trấn Hồ Xá', '044012312312', 'DEMO-HX', 'Kia Morning'],
] as const;

/** Where each demo case stops in the workflow, and how long ago it happened. */
const CASES: { unit: string; key: string; plate?: [string, 'car' | 'motorbike', 'white' | 'yellow']; subject?: string; daysAgo: number; steps: ActionBody[]; source: ViolationIntake['source'] }[] = [
  { unit: 'DEMO-HT', key: 'red_light_motorbike', plate: ['95B123456', 'motorbike', 'white'], daysAgo: 1, steps: [], source: 'analytics' },
  { unit: 'DEMO-HX', key: 'no_helmet', plate: ['29B112345', 'motorbike', 'white'], daysAgo: 9, steps: [], source: 'analytics' },
  { unit: 'DEMO-MC', key: 'no_mask', subject: 'Nam giới khoảng 30 tuổi, áo xanh, không đeo khẩu trang tại sảnh cửa khẩu', daysAgo: 2, steps: [], source: 'operator' },
  { unit: 'DEMO-HT', key: 'wrong_way_car', plate: ['51F12345', 'car', 'white'], daysAgo: 3, steps: [{ action: 'verify' }], source: 'analytics' },
  { unit: 'DEMO-HX', key: 'stop_line_motorbike', plate: ['74H155667', 'motorbike', 'white'], daysAgo: 2, steps: [{ action: 'reject', reason: 'Xe dừng trước vạch, camera nhận nhầm do bóng đổ' }], source: 'analytics' },
  { unit: 'DEMO-HX', key: 'illegal_parking_car', plate: ['74A05678', 'car', 'white'], daysAgo: 4, steps: [{ action: 'verify' }, { action: 'identify_owner' }], source: 'operator' },
  { unit: 'DEMO-MC', key: 'red_light_car', plate: ['14A23456', 'car', 'yellow'], daysAgo: 6, steps: [{ action: 'verify' }, { action: 'identify_owner' }, { action: 'issue_notice' }], source: 'analytics' },
  // Detected in Hồ Xá, owner lives in Hỏa Tiến: the notice is routed to Hỏa Tiến's police.
  { unit: 'DEMO-HX', key: 'speeding_car_10_20', plate: ['51F12345', 'car', 'white'], daysAgo: 8, steps: [{ action: 'verify' }, { action: 'identify_owner' }, { action: 'issue_notice' }], source: 'analytics' },
  { unit: 'DEMO-MC', key: 'no_helmet', plate: ['14B298765', 'motorbike', 'white'], daysAgo: 15, steps: [{ action: 'verify' }, { action: 'identify_owner' }, { action: 'issue_notice' }, { action: 'resolve', decisionNo: '125/QĐ-XPVPHC', amount: 500_000, paid: true }], source: 'analytics' },
  { unit: 'DEMO-HX', key: 'red_light_motorbike', plate: ['29B112345', 'motorbike', 'white'], daysAgo: 35, steps: [{ action: 'verify' }, { action: 'identify_owner' }, { action: 'issue_notice' }], source: 'analytics' },
  { unit: 'DEMO-HT', key: 'illegal_parking_motorbike', plate: ['95B123456', 'motorbike', 'white'], daysAgo: 40, steps: [{ action: 'verify' }, { action: 'identify_owner' }, { action: 'issue_notice' }, { action: 'resolve', decisionNo: '88/QĐ-XPVPHC', amount: 400_000, paid: true }, { action: 'close' }], source: 'operator' },
];

/** Hồ Xá's first-phase tally from the source document: 21 incidents. */
const INCIDENTS: [IncidentType, number, string][] = [
  ['theft', 5, 'Trộm cắp xe máy'], ['property_damage', 1, 'Đập phá tài sản'], ['illegal_racing', 1, 'Tụ tập đua xe'],
  ['loan_shark_flyers', 4, 'Dán tờ rơi cho vay nặng lãi'], ['traffic_accident', 9, 'Va chạm giao thông'], ['waste_dumping', 1, 'Đổ trộm rác thải'],
];

/** Demo content of the cases and incidents features: every workflow state, 21 incidents, a request. */
export async function seedCasesDemo(ctx: VigilContext): Promise<void> {
  const system = await ctx.system();
  const units = new Map((await ctx.stores.units.all()).map((u) => [u.code, u]));
  const base = caseServices(ctx);
  for (const [code, [address, phone]] of Object.entries(CONTACTS)) {
    const u = units.get(code);
    if (u) await base.stores.contacts.set(u.id, address, phone);
  }
  await base.stores.registry.upsertMany(VEHICLES.map(([plate, vehicleType, ownerName, ownerAddress, ownerIdNumber, ownerUnitCode, brand]) => ({ plate, vehicleType, ownerName, ownerAddress, ownerIdNumber, ownerUnitCode, brand })));

  const now = ctx.clock.now().getTime();
  for (const [i, c] of CASES.entries()) {
    const unit = units.get(c.unit);
    if (!unit) continue;
    const cams = (await ctx.stores.cameras.list({ unitIds: [unit.id], purpose: 'traffic', limit: 5, offset: 0 })).rows;
    const cam = cams[i % Math.max(cams.length, 1)];
    const occurred = now - c.daysAgo * DAY - 3_600_000;
    // Steps happen a little after detection, as they would have; escalation then runs on today's clock.
    const past: Clock = { now: () => new Date(Math.min(occurred + DAY * 2, now - 60_000)) };
    const svc = caseServices(ctx, past);
    const v = await svc.cases.intake(system, {
      cameraId: cam?.id, unitId: cam ? undefined : unit.id, occurredAt: new Date(occurred).toISOString(), typeCode: c.key, source: c.source,
      plate: c.plate && { text: c.plate[0], vehicleType: c.plate[1], colour: c.plate[2] }, subjectVi: c.subject,
      place: cam ? undefined : unit.name, evidence: [],
    });
    for (const kind of ['frame', 'frame', 'plate_crop'] as const) {
      await svc.evidence.addFile(system, v.id, { kind, fileName: `${kind}.png`, mime: 'image/png', data: demoFramePng(i * 3 + (kind === 'plate_crop' ? 2 : 0)), capturedAt: v.occurredAt, deviceId: cam ? `NVR:${cam.name}` : undefined, signalState: c.key.startsWith('red_light') ? 'red' : undefined });
    }
    for (const step of c.steps) await svc.workflow.act(system, v.id, step);
  }
  await base.workflow.escalateOverdue(system);

  const hx = units.get('DEMO-HX');
  if (!hx) return;
  const hxCams = (await ctx.stores.cameras.list({ unitIds: [hx.id], limit: 20, offset: 0 })).rows;
  let n = 0;
  for (const [type, count, title] of INCIDENTS) {
    for (let k = 0; k < count; k++, n++) {
      const cam = hxCams[n % hxCams.length];
      const inc = await base.incidents.create(system, {
        unitId: hx.id, type, title: `${title} (${k + 1})`, description: '', place: cam?.location.address ?? hx.name,
        occurredAt: new Date(now - (n + 1) * 2 * DAY).toISOString(), reportedBy: n % 3 === 0 ? 'citizen' : 'operator', reporterName: '',
        cameraIds: cam ? [cam.id] : [], eventIds: [], exportIds: [], officers: ['Thượng úy Nguyễn Văn Bình'],
      });
      if (n % 4 === 0) await base.incidents.update(system, inc.id, { status: 'resolved', outcome: 'Đã trích xuất hình ảnh, xác định đối tượng, chuyển hồ sơ xử lý' });
    }
  }
  await base.incidents.requestFootage(system, {
    unitId: hx.id, incidentId: null, requesterName: 'Lê Thị Hoa', requesterPhone: '0912345678', requesterAddress: 'Khu phố 3, thị trấn Hồ Xá',
    cameraId: hxCams[2]?.id ?? null, from: new Date(now - DAY - 7_200_000).toISOString(), to: new Date(now - DAY).toISOString(),
    reason: 'Bị mất trộm xe đạp trước cổng chợ, đề nghị kiểm tra camera',
  });
  await base.evidence.submit(system, {
    unitId: hx.id, receivedAt: new Date(now - 3 * DAY).toISOString(), providerName: 'Nguyễn Văn Tâm', providerAddress: 'Khu phố 5, thị trấn Hồ Xá',
    typeCode: 'waste_dumping', description: 'Clip ghi cảnh đổ rác xuống mương thoát nước', receivingOfficer: 'Trung úy Lê Văn Phúc', verification: 'original',
    verificationNote: 'Đã kiểm tra siêu dữ liệu, không có dấu hiệu chỉnh sửa',
  }, { name: 'clip-do-rac.png', data: demoFramePng(99) });
}
