import type { Deadline, Violation, ViolationDetail, ViolationIntake, ViolationQuery, ViolationRule } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, forbidden, invalid, notFound } from '../errors';
import type { CameraStore, Clock, UnitRecord, UnitStore } from '../ports';
import { subtreeOf } from '../units/unit-service';
import { newId } from '../util/ids';
import { catalogueOn, ruleFor } from './catalogue';
import { NEAR_DAYS, OWNER_DAYS, deadlineOf, endOfVnDayAfter, vnDate } from './deadlines';
import { parsePlate } from './plate';
import type { EvidenceRecord, ViolationRecord, ViolationStore } from './ports';

export interface ViolationServiceDeps {
  violations: ViolationStore;
  units: UnitStore;
  cameras: CameraStore;
  audit: AuditService;
  clock: Clock;
}

/** Intake, reading and work queues of violation cases ("phạt nguội"). */
export class ViolationService {
  constructor(private readonly d: ViolationServiceDeps) {}

  /** The catalogue in force on a day (Vietnam time), or every version. */
  catalogue(day?: string): ViolationRule[] {
    return catalogueOn(day);
  }

  /** Records a candidate from analytics or an operator; nothing is sent to anyone before review. */
  async intake(actor: Actor, input: ViolationIntake, ip?: string): Promise<Violation> {
    assertCan(actor, 'cases:intake');
    const now = this.d.clock.now();
    const occurred = new Date(input.occurredAt);
    if (occurred.getTime() > now.getTime() + 5 * 60_000) throw invalid('occurredAt', 'lies in the future');
    let unitId = input.unitId;
    let place = input.place ?? '';
    if (input.cameraId) {
      const cam = await this.d.cameras.get(input.cameraId);
      if (!cam) throw invalid('cameraId', `unknown camera ${input.cameraId}`);
      assertInScope(actor, cam.unitId, 'camera');
      if (unitId && unitId !== cam.unitId) throw invalid('unitId', 'differs from the camera\'s unit');
      unitId = cam.unitId;
      place ||= cam.location.address || cam.name;
    }
    if (!unitId) throw invalid('unitId', 'give a cameraId or the detecting unitId');
    if (!(await this.d.units.get(unitId))) throw invalid('unitId', `unknown unit ${unitId}`);
    assertInScope(actor, unitId, 'unit');
    const vehicleType = input.plate?.vehicleType ?? 'none';
    const rule = ruleFor(input.typeCode, occurred, input.plate?.vehicleType);
    const plate = input.plate && vehicleType !== 'none' ? parsePlate(input.plate.text, vehicleType) : null;
    if (!plate && rule.category === 'traffic') throw invalid('plate', `violation ${rule.code} needs the vehicle's plate`);
    if (!plate && !input.subjectVi && rule.category === 'public_order') {
      throw invalid('subjectVi', 'describe the person (or give a plate) for a public-order case');
    }
    if (!place) throw invalid('place', 'where did it happen? give a place or a camera');
    const at = now.toISOString();
    const rec: ViolationRecord = {
      id: newId(), status: 'detected', source: input.source, unitId, cameraId: input.cameraId ?? null, eventId: input.eventId ?? null,
      occurredAt: occurred.toISOString(), place, typeCode: rule.code, rule,
      plate: plate?.text ?? null, plateDisplay: plate?.display ?? null, plateColour: plate ? input.plate!.colour : null, vehicleType,
      subjectVi: input.subjectVi ?? null, owner: null, verifiedAt: null, verifiedBy: null, rejectReason: null,
      ownerDueAt: endOfVnDayAfter(occurred, OWNER_DAYS).toISOString(),
      noticeNo: null, noticeIssuedAt: null, noticeDueAt: null, appearPlace: null, appearAt: null, routedToUnitId: null,
      decisionNo: null, fineAmount: null, paid: false, resolvedAt: null, escalatedAt: null, inspectionFlag: false, publishedAt: null,
      closedAt: null, closeReason: null, retainUntil: null, note: input.note ?? null, createdBy: actor.username, createdAt: at, updatedAt: at,
    };
    const evidence: EvidenceRecord[] = input.evidence.map((e) => ({
      id: newId(), violationId: rec.id, kind: e.kind, fileName: null, mime: null, size: null, sha256: e.sha256 ?? null, path: null,
      ref: e.ref, capturedAt: e.capturedAt ?? null, cameraId: e.cameraId ?? rec.cameraId, deviceId: e.deviceId ?? null,
      signalState: e.signalState ?? null, createdAt: at, createdBy: actor.username,
    }));
    await this.d.violations.insert(rec, evidence, {
      violationId: rec.id, at, action: 'intake', fromStatus: null, toStatus: 'detected', actorId: actor.id, actorName: actor.username, note: input.source,
    });
    await this.d.audit.record({
      actor, action: 'case.intake', targetType: 'violation', targetId: rec.id, unitId, ip,
      details: { code: rule.code, plate: rec.plate, source: rec.source, cameraId: rec.cameraId, evidence: evidence.length },
    });
    return this.view(rec, await this.unitMap());
  }

  async get(actor: Actor, id: string, ip?: string): Promise<ViolationDetail> {
    assertCan(actor, 'cases:read');
    const rec = await this.load(actor, id);
    const [evidence, history] = await Promise.all([this.d.violations.evidence(id), this.d.violations.history(id)]);
    await this.d.audit.record({ actor, action: 'case.view', targetType: 'violation', targetId: id, unitId: rec.unitId, ip, details: { evidence: evidence.length } });
    return {
      ...this.view(rec, await this.unitMap()),
      evidence: evidence.map(({ violationId: _v, path: _p, ...e }) => e),
      history: history.map((h) => ({ at: h.at, action: h.action, fromStatus: h.fromStatus, toStatus: h.toStatus, actorName: h.actorName, note: h.note })),
    };
  }

  /** Work queues and search, limited to the actor's units (cases detected there or routed there). */
  async list(actor: Actor, q: ViolationQuery): Promise<{ items: Violation[]; total: number; capped: boolean }> {
    assertCan(actor, 'cases:read');
    const units = await this.d.units.all();
    let unitIds: string[] | undefined = actor.global ? undefined : [...actor.scope];
    if (q.unitId) {
      assertInScope(actor, q.unitId, 'unit');
      unitIds = [...subtreeOf(units, q.unitId)];
    }
    const now = this.d.clock.now();
    const { rows, total, capped } = await this.d.violations.list({
      unitIds, queue: q.queue, status: q.status, plate: q.plate ? q.plate.toUpperCase().replace(/[\s.\-_]/g, '') : undefined,
      typeCode: q.typeCode, place: q.place, cameraId: q.cameraId, from: q.from, to: q.to,
      nearAfter: now.toISOString(), nearBefore: endOfVnDayAfter(now, NEAR_DAYS).toISOString(), limit: q.limit, offset: q.offset,
    });
    const names = new Map(units.map((u) => [u.id, u]));
    return { items: rows.map((r) => this.view(r, names)), total, capped };
  }

  /** Loads a case the actor may see (detected in or routed to one of their units). */
  async load(actor: Actor, id: string): Promise<ViolationRecord> {
    const rec = await this.d.violations.get(id);
    if (!rec) throw notFound('violation', id);
    if (!actor.scope.has(rec.unitId) && !(rec.routedToUnitId && actor.scope.has(rec.routedToUnitId))) {
      throw forbidden('violation belongs to a unit outside your scope', { unitId: rec.unitId });
    }
    return rec;
  }

  async unitMap(): Promise<Map<string, UnitRecord>> {
    return new Map((await this.d.units.all()).map((u) => [u.id, u]));
  }

  /** The API view: adds unit name, resolving unit and the deadline that applies now. */
  view(r: ViolationRecord, units: Map<string, UnitRecord>): Violation {
    const { typeCode: _t, createdBy: _c, ...rest } = r;
    return {
      ...rest,
      unitName: units.get(r.unitId)?.name ?? r.unitId,
      resolvingUnitId: r.routedToUnitId ?? r.unitId,
      deadline: currentDeadline(r, this.d.clock.now()),
    };
  }
}

/** Which legal deadline runs in a state, and how close it is. */
export function currentDeadline(r: Pick<ViolationRecord, 'status' | 'ownerDueAt' | 'noticeDueAt'>, now: Date): Deadline | null {
  if (r.status === 'detected' || r.status === 'verified' || r.status === 'owner_identified') {
    return deadlineOf('owner', new Date(r.ownerDueAt), now);
  }
  if ((r.status === 'notice_issued' || r.status === 'escalated') && r.noticeDueAt) return deadlineOf('resolve', new Date(r.noticeDueAt), now);
  return null;
}

/** Thrown when a case moved under our feet between read and write. */
export const raced = (id: string) => new VigilError('CONFLICT', `violation ${id} was changed by someone else; reload and try again`, 'id');

export { vnDate };
