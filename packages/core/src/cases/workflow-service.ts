import type { ActionBody, BulkActionBody, Owner, Violation, ViolationAction } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan } from '../auth/permissions';
import { VigilError, conflict, invalid } from '../errors';
import type { Clock, UnitStore } from '../ports';
import { RESOLVE_DAYS, endOfVnDayAfter, vnDate } from './deadlines';
import type { UnitContactStore, VehicleRegistry, ViolationRecord, ViolationStore } from './ports';
import { type ViolationService, raced } from './violation-service';
import { nextStatus, transitionFor } from './workflow';

export interface WorkflowServiceDeps {
  violations: ViolationStore;
  cases: ViolationService;
  registry: VehicleRegistry;
  contacts: UnitContactStore;
  units: UnitStore;
  audit: AuditService;
  clock: Clock;
  /** Evidence is kept this many days after a case is closed. */
  retentionDays: number;
}

/** Moves cases through the legal workflow; every step checks role, unit, state and inputs before writing. */
export class WorkflowService {
  constructor(private readonly d: WorkflowServiceDeps) {}

  async act(actor: Actor, id: string, body: ActionBody, ip?: string): Promise<Violation> {
    const t = transitionFor(body.action);
    assertCan(actor, t.permission);
    const rec = await this.d.cases.load(actor, id);
    const to = nextStatus(rec.status, body.action);
    const now = this.d.clock.now();
    const patch = await this.patchFor(actor, rec, body, now);
    const at = now.toISOString();
    Object.assign(patch, { status: to, updatedAt: at });
    const ok = await this.d.violations.transition(id, rec.status, patch, {
      violationId: id, at, action: body.action, fromStatus: rec.status, toStatus: to, actorId: actor.id, actorName: actor.username,
      note: body.reason ?? patch.noticeNo ?? patch.decisionNo ?? null,
    });
    if (!ok) throw raced(id);
    await this.d.audit.record({
      actor, action: `case.${body.action}`, targetType: 'violation', targetId: id, unitId: rec.unitId, ip,
      details: { from: rec.status, to, reason: body.reason, noticeNo: patch.noticeNo, decisionNo: patch.decisionNo, routedTo: patch.routedToUnitId, late: patch.note !== undefined },
    });
    return this.d.cases.view({ ...rec, ...patch }, await this.d.cases.unitMap());
  }

  /** The same action on many cases; each succeeds or fails on its own, failures say why. */
  async bulk(actor: Actor, body: BulkActionBody, ip?: string): Promise<{ done: string[]; failed: { id: string; error: string; message: string }[] }> {
    const { ids, ...action } = body;
    const done: string[] = [];
    const failed: { id: string; error: string; message: string }[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        await this.act(actor, id, action, ip);
        done.push(id);
      } catch (err) {
        // Expected refusals are reported per case; anything else is a real fault and propagates.
        if (!(err instanceof VigilError)) throw err;
        failed.push({ id, error: err.code, message: err.message });
      }
    }
    return { done, failed };
  }

  /** Escalates every notice whose 20 days have passed (run periodically). Returns how many moved. */
  async escalateOverdue(system: Actor): Promise<number> {
    const now = this.d.clock.now().toISOString();
    let moved = 0;
    for (;;) {
      const batch = await this.d.violations.overdueNotices(now, 200);
      if (batch.length === 0) return moved;
      for (const rec of batch) {
        await this.act(system, rec.id, { action: 'escalate', reason: `quá ${RESOLVE_DAYS} ngày kể từ ngày gửi thông báo` });
        moved++;
      }
    }
  }

  /** What each action writes, after checking its inputs; throws before anything is written. */
  private async patchFor(actor: Actor, rec: ViolationRecord, body: ActionBody, now: Date): Promise<Partial<ViolationRecord>> {
    const at = now.toISOString();
    const reason = body.reason?.trim();
    switch (body.action as ViolationAction) {
      case 'verify':
        return { verifiedAt: at, verifiedBy: actor.username };
      case 'reject':
        if (!reason) throw invalid('reason', 'say why the case is rejected');
        return { rejectReason: reason, verifiedAt: at, verifiedBy: actor.username };
      case 'identify_owner': {
        const owner = body.owner ?? (await this.fromRegistry(rec));
        if (owner.unitId && !(await this.d.units.get(owner.unitId))) throw invalid('owner.unitId', `unknown unit ${owner.unitId}`);
        const late = now.getTime() > Date.parse(rec.ownerDueAt);
        return { owner, ...(late && { note: `${rec.note ? `${rec.note}\n` : ''}Xác định chủ phương tiện quá hạn 10 ngày (${vnDate(now)})` }) };
      }
      case 'issue_notice':
        return this.noticePatch(rec, body, now);
      case 'resolve': {
        if (!body.decisionNo) throw invalid('decisionNo', 'give the number of the fine decision');
        if (body.amount === undefined) throw invalid('amount', 'give the fine amount in VND');
        // Organisations are fined twice an individual's range, hence the upper bound.
        if (body.amount < rec.rule.fineMin || body.amount > rec.rule.fineMax * 2) {
          throw invalid('amount', `must lie within ${rec.rule.fineMin}–${rec.rule.fineMax} VND (double for organisations) for ${rec.rule.code}`);
        }
        return { decisionNo: body.decisionNo, fineAmount: body.amount, paid: body.paid ?? false, resolvedAt: at };
      }
      case 'escalate':
        if (!rec.noticeDueAt || now.getTime() <= Date.parse(rec.noticeDueAt)) {
          throw conflict('action', `the ${RESOLVE_DAYS}-day deadline of the notice has not passed yet (due ${rec.noticeDueAt})`);
        }
        return { escalatedAt: at, inspectionFlag: true, publishedAt: rec.publishedAt ?? at };
      case 'close':
        if (!reason && rec.status !== 'resolved' && rec.status !== 'rejected') throw invalid('reason', 'say why an unfinished case is closed');
        return { closedAt: at, closeReason: reason ?? null, retainUntil: new Date(now.getTime() + this.d.retentionDays * 86_400_000).toISOString() };
    }
  }

  private async fromRegistry(rec: ViolationRecord): Promise<Owner> {
    if (!rec.plate) throw invalid('owner', 'the case has no plate: enter the person responsible as owner');
    const v = await this.d.registry.lookup(rec.plate, rec.vehicleType);
    if (!v) throw invalid('owner', `plate ${rec.plateDisplay} is not in the vehicle registry; enter the owner manually`);
    const unit = v.ownerUnitCode ? await this.d.units.getByCode(v.ownerUnitCode) : undefined;
    return { name: v.ownerName, address: v.ownerAddress, idNumber: v.ownerIdNumber || undefined, unitId: unit?.id ?? null };
  }

  private async noticePatch(rec: ViolationRecord, body: ActionBody, now: Date): Promise<Partial<ViolationRecord>> {
    if (!rec.verifiedAt) throw conflict('action', 'a notice needs an officer\'s verification first');
    if (!rec.owner) throw conflict('action', 'identify the owner before issuing a notice');
    const routedTo = rec.owner.unitId && rec.owner.unitId !== rec.unitId ? rec.owner.unitId : null;
    const resolving = routedTo ?? rec.unitId;
    const contact = await this.d.contacts.get(resolving);
    const unit = await this.d.units.get(rec.unitId);
    const year = Number(vnDate(now).slice(0, 4));
    const n = await this.d.violations.nextNoticeNo(rec.unitId, year);
    const appearAt = body.appearAt ?? endOfVnDayAfter(now, 5).toISOString().replace(/T.*/, 'T01:00:00.000Z'); // 08:00 Vietnam time
    if (Date.parse(appearAt) < now.getTime()) throw invalid('appearAt', 'lies in the past');
    return {
      noticeNo: `${n}/${year}/TB-${unit?.code ?? 'VP'}`,
      noticeIssuedAt: now.toISOString(),
      noticeDueAt: endOfVnDayAfter(now, RESOLVE_DAYS).toISOString(),
      appearPlace: body.appearPlace || contact?.address || (await this.d.units.get(resolving))?.name || '',
      appearAt,
      routedToUnitId: routedTo,
      // The law has the vehicle's violation published for owners to look up once notified.
      publishedAt: now.toISOString(),
    };
  }
}
