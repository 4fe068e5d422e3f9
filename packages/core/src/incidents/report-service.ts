import type { CaseReport, IncidentType, ReportQuery, ViolationStatus } from '@vigil/types';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { invalid } from '../errors';
import type { CameraStore, UnitStore } from '../ports';
import { subtreeOf } from '../units/unit-service';
import { CATALOGUE } from '../cases/catalogue-data';
import type { ViolationStore } from '../cases/ports';
import type { IncidentStore } from './ports';

/** Vietnamese names of incident types as reports print them (lower case, for "5 trộm cắp"). */
export const INCIDENT_TYPE_VI: Record<IncidentType, string> = {
  theft: 'trộm cắp tài sản', robbery: 'cướp giật', assault: 'cố ý gây thương tích', property_damage: 'hủy hoại tài sản',
  illegal_racing: 'đua xe trái phép', loan_shark_flyers: 'dán, rải tờ rơi tín dụng đen', traffic_accident: 'tai nạn giao thông',
  waste_dumping: 'đổ trộm rác thải', fire: 'cháy', gathering: 'tụ tập gây rối', other: 'vụ việc khác',
};
export const VIOLATION_STATUS_VI: Record<ViolationStatus, string> = {
  detected: 'Chờ xác minh', verified: 'Đã xác minh', rejected: 'Không xử lý', owner_identified: 'Đã xác định chủ xe',
  notice_issued: 'Đã gửi thông báo', resolved: 'Đã xử phạt', escalated: 'Quá hạn, đã cảnh báo', closed: 'Đã đóng',
};
const INCIDENT_STATUS_VI: Record<string, string> = { open: 'Mới tiếp nhận', investigating: 'Đang xác minh', resolved: 'Đã giải quyết', closed: 'Đã đóng' };

export interface ReportServiceDeps {
  violations: ViolationStore;
  incidents: IncidentStore;
  units: UnitStore;
  cameras: CameraStore;
}

/** Results by period, unit, type and camera, worded as the source documents' reports are. */
export class ReportService {
  constructor(private readonly d: ReportServiceDeps) {}

  async report(actor: Actor, q: ReportQuery): Promise<CaseReport> {
    assertCan(actor, 'reports:read');
    if (Date.parse(q.to) <= Date.parse(q.from)) throw invalid('to', 'must be after from');
    if (Date.parse(q.to) - Date.parse(q.from) > 400 * 86_400_000) throw invalid('to', 'a report covers at most 400 days');
    const units = await this.d.units.all();
    let unitIds: string[] | undefined = actor.global ? undefined : [...actor.scope];
    if (q.unitId) {
      assertInScope(actor, q.unitId, 'unit');
      unitIds = [...subtreeOf(units, q.unitId)];
    }
    const f = { from: q.from, to: q.to, unitIds };
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const [iType, iStatus, iUnit, iCams, vType, vStatus, vUnit, vCam, paid] = await Promise.all([
      this.d.incidents.countBy('type', f), this.d.incidents.countBy('status', f), this.d.incidents.countBy('unit_id', f), this.d.incidents.cameraLists(f),
      this.d.violations.countBy('type_code', f), this.d.violations.countBy('status', f), this.d.violations.countBy('unit_id', f),
      this.d.violations.countBy('camera_id', f), this.d.violations.finesPaid(f),
    ]);
    const camCounts = new Map<string, number>();
    for (const list of iCams) for (const id of new Set(list)) camCounts.set(id, (camCounts.get(id) ?? 0) + 1);
    const camIds = new Set([...camCounts.keys(), ...vCam.map((r) => r.key).filter((k): k is string => !!k)]);
    const camName = new Map<string, string>();
    for (const id of camIds) camName.set(id, (await this.d.cameras.get(id))?.name ?? id);
    const ruleTitle = new Map(CATALOGUE.map((r) => [r.code, r.titleVi]));

    const iByType = sorted(iType.map((r) => ({ key: r.key ?? '', label: INCIDENT_TYPE_VI[r.key as IncidentType] ?? r.key ?? '', count: r.count })));
    const iTotal = iByType.reduce((s, r) => s + r.count, 0);
    const vByType = sorted(vType.map((r) => ({ key: r.key ?? '', label: ruleTitle.get(r.key ?? '') ?? r.key ?? '', count: r.count })));
    const vTotal = vByType.reduce((s, r) => s + r.count, 0);
    const vByStatus = sorted(vStatus.map((r) => ({ key: r.key ?? '', label: VIOLATION_STATUS_VI[r.key as ViolationStatus] ?? r.key ?? '', count: r.count })));
    return {
      from: q.from, to: q.to, unitId: q.unitId ?? null,
      incidents: {
        total: iTotal, byType: iByType,
        byStatus: sorted(iStatus.map((r) => ({ key: r.key ?? '', label: INCIDENT_STATUS_VI[r.key ?? ''] ?? r.key ?? '', count: r.count }))),
        byUnit: sorted(iUnit.map((r) => ({ key: r.key ?? '', label: unitName.get(r.key ?? '') ?? r.key ?? '', count: r.count }))),
        byCamera: sorted([...camCounts].map(([key, count]) => ({ key, label: camName.get(key) ?? key, count }))).slice(0, 50),
        summaryVi: `${iTotal} vụ${iTotal ? `: ${iByType.map((r) => `${r.count} ${r.label}`).join(', ')}` : ''}`,
      },
      violations: {
        total: vTotal, byType: vByType, byStatus: vByStatus,
        byUnit: sorted(vUnit.map((r) => ({ key: r.key ?? '', label: unitName.get(r.key ?? '') ?? r.key ?? '', count: r.count }))),
        byCamera: sorted(vCam.filter((r) => r.key).map((r) => ({ key: r.key!, label: camName.get(r.key!) ?? r.key!, count: r.count }))).slice(0, 50),
        finesPaid: paid,
        summaryVi: `${vTotal} trường hợp vi phạm${vTotal ? `: ${vByStatus.map((r) => `${r.count} ${r.label.toLowerCase()}`).join(', ')}` : ''}`,
      },
    };
  }
}

function sorted<T extends { count: number; label: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}
