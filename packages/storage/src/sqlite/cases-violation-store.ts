import type { CountRow, EvidenceRecord, HistoryRecord, ViolationFilter, ViolationRecord, ViolationStore } from '@vigil/core';
import type { EvidenceKind, Owner, PlateColour, VehicleType, ViolationRule, ViolationSource, ViolationStatus } from '@vigil/types';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema';
import { type CasesDb, type ViolationEvidenceTable, type ViolationsTable, casesDb, likeText } from './cases-tables';

const toRecord = (r: Selectable<ViolationsTable>): ViolationRecord => ({
  id: r.id, status: r.status as ViolationStatus, source: r.source as ViolationSource, unitId: r.unit_id, cameraId: r.camera_id,
  eventId: r.event_id, occurredAt: r.occurred_at, place: r.place, typeCode: r.type_code, rule: JSON.parse(r.rule) as ViolationRule,
  plate: r.plate, plateDisplay: r.plate_display, plateColour: r.plate_colour as PlateColour | null, vehicleType: r.vehicle_type as VehicleType,
  subjectVi: r.subject, owner: r.owner ? (JSON.parse(r.owner) as Owner) : null, verifiedAt: r.verified_at, verifiedBy: r.verified_by,
  rejectReason: r.reject_reason, ownerDueAt: r.owner_due_at, noticeNo: r.notice_no, noticeIssuedAt: r.notice_issued_at,
  noticeDueAt: r.notice_due_at, appearPlace: r.appear_place, appearAt: r.appear_at, routedToUnitId: r.routed_to_unit_id,
  decisionNo: r.decision_no, fineAmount: r.fine_amount, paid: r.paid === 1, resolvedAt: r.resolved_at, escalatedAt: r.escalated_at,
  inspectionFlag: r.inspection_flag === 1, publishedAt: r.published_at, closedAt: r.closed_at, closeReason: r.close_reason,
  retainUntil: r.retain_until, note: r.note, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
});

const COLUMNS: Record<keyof ViolationRecord, keyof ViolationsTable> = {
  id: 'id', status: 'status', source: 'source', unitId: 'unit_id', cameraId: 'camera_id', eventId: 'event_id', occurredAt: 'occurred_at',
  place: 'place', typeCode: 'type_code', rule: 'rule', plate: 'plate', plateDisplay: 'plate_display', plateColour: 'plate_colour',
  vehicleType: 'vehicle_type', subjectVi: 'subject', owner: 'owner', verifiedAt: 'verified_at', verifiedBy: 'verified_by',
  rejectReason: 'reject_reason', ownerDueAt: 'owner_due_at', noticeNo: 'notice_no', noticeIssuedAt: 'notice_issued_at',
  noticeDueAt: 'notice_due_at', appearPlace: 'appear_place', appearAt: 'appear_at', routedToUnitId: 'routed_to_unit_id',
  decisionNo: 'decision_no', fineAmount: 'fine_amount', paid: 'paid', resolvedAt: 'resolved_at', escalatedAt: 'escalated_at',
  inspectionFlag: 'inspection_flag', publishedAt: 'published_at', closedAt: 'closed_at', closeReason: 'close_reason',
  retainUntil: 'retain_until', note: 'note', createdBy: 'created_by', createdAt: 'created_at', updatedAt: 'updated_at',
};

/** Record fields to columns: JSON for the rule and owner, 0/1 for booleans. */
export function violationRow(v: Partial<ViolationRecord>): Partial<ViolationsTable> {
  const row: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const col = COLUMNS[k as keyof ViolationRecord];
    if (!col || val === undefined) continue;
    row[col] = k === 'rule' || k === 'owner' ? (val === null ? null : JSON.stringify(val)) : typeof val === 'boolean' ? (val ? 1 : 0) : val;
  }
  return row as Partial<ViolationsTable>;
}

const evidenceRow = (e: EvidenceRecord): ViolationEvidenceTable => ({
  id: e.id, violation_id: e.violationId, kind: e.kind, file_name: e.fileName, mime: e.mime, size: e.size, sha256: e.sha256, path: e.path,
  ref: e.ref, captured_at: e.capturedAt, camera_id: e.cameraId, device_id: e.deviceId, signal_state: e.signalState, created_at: e.createdAt, created_by: e.createdBy,
});
const toEvidence = (r: Selectable<ViolationEvidenceTable>): EvidenceRecord => ({
  id: r.id, violationId: r.violation_id, kind: r.kind as EvidenceKind, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256,
  path: r.path, ref: r.ref, capturedAt: r.captured_at, cameraId: r.camera_id, deviceId: r.device_id, signalState: r.signal_state,
  createdAt: r.created_at, createdBy: r.created_by,
});
const historyRow = (h: HistoryRecord) => ({
  violation_id: h.violationId, at: h.at, action: h.action, from_status: h.fromStatus, to_status: h.toStatus, actor_id: h.actorId, actor_name: h.actorName, note: h.note,
});

const dueOf = (r: ViolationRecord): string => (r.status === 'notice_issued' ? (r.noticeDueAt ?? '') : r.ownerDueAt);

/** Statuses each work queue shows. */
const QUEUE_STATUS = { review: 'detected', owner: 'verified', notice: 'owner_identified', escalated: 'escalated' } as const;
/** Totals beyond this are reported as "more than" so paging stays fast on million-row tables. */
const COUNT_CAP = 10_000;

export class SqlViolationStore implements ViolationStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }

  async insert(rec: ViolationRecord, evidence: EvidenceRecord[], history: HistoryRecord): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('violations').values(violationRow(rec) as ViolationsTable).execute();
      if (evidence.length) await tx.insertInto('violation_evidence').values(evidence.map(evidenceRow)).execute();
      await tx.insertInto('violation_history').values(historyRow(history)).execute();
    });
  }

  async get(id: string) {
    const r = await this.db.selectFrom('violations').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }

  async transition(id: string, expected: ViolationStatus, patch: Partial<ViolationRecord>, history: HistoryRecord): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const res = await tx.updateTable('violations').set(violationRow(patch)).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await tx.insertInto('violation_history').values(historyRow(history)).execute();
      return true;
    });
  }

  async list(f: ViolationFilter) {
    if (!f.unitIds) return this.page(this.filtered(f), f);
    // Cases detected in the units, plus cases routed to them from elsewhere: two index-friendly
    // queries (an OR across both columns would defeat the unit+status+time index), merged here.
    const ids = f.unitIds.length ? f.unitIds : [''];
    const ownQ = this.filtered(f).where('unit_id', 'in', ids);
    const own = await this.page(ownQ, { ...f, offset: 0, limit: f.offset + f.limit });
    const routed = await this.page(
      this.filtered(f).where('routed_to_unit_id', 'in', ids).where('unit_id', 'not in', ids),
      { ...f, offset: 0, limit: f.offset + f.limit },
    );
    const key = (r: ViolationRecord) => (f.queue === 'near_deadline' ? dueOf(r) : r.occurredAt);
    const merged = [...own.rows, ...routed.rows].sort((a, b) => (f.queue === 'near_deadline' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
    const total = Math.min(own.total + routed.total, COUNT_CAP);
    return { rows: merged.slice(f.offset, f.offset + f.limit), total, capped: own.capped || routed.capped || own.total + routed.total > COUNT_CAP };
  }

  private filtered(f: ViolationFilter) {
    let q = this.db.selectFrom('violations');
    if (f.queue && f.queue !== 'all' && f.queue !== 'near_deadline') q = q.where('status', '=', QUEUE_STATUS[f.queue]);
    if (f.queue === 'near_deadline') {
      const [after, before] = [f.nearAfter ?? '', f.nearBefore ?? ''];
      q = q.where((eb) => eb.or([
        eb.and([eb('status', 'in', ['detected', 'verified', 'owner_identified']), eb('owner_due_at', '>=', after), eb('owner_due_at', '<=', before)]),
        eb.and([eb('status', '=', 'notice_issued'), eb('notice_due_at', '>=', after), eb('notice_due_at', '<=', before)]),
      ]));
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.plate) q = q.where('plate', '=', f.plate);
    if (f.typeCode) q = q.where('type_code', '=', f.typeCode);
    if (f.cameraId) q = q.where('camera_id', '=', f.cameraId);
    if (f.from) q = q.where('occurred_at', '>=', f.from);
    if (f.to) q = q.where('occurred_at', '<', f.to);
    if (f.place) q = q.where(sql<boolean>`place like ${likeText(f.place)} escape '\\'`);
    return q;
  }

  private async page(q: ReturnType<SqlViolationStore['filtered']>, f: ViolationFilter) {
    const counted = await q.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).execute();
    // The near-deadline queue is small (two days of deadlines) and reads soonest-due first.
    const rows = await (f.queue === 'near_deadline'
      ? q.selectAll().orderBy(sql`case when status = 'notice_issued' then notice_due_at else owner_due_at end`)
      : q.selectAll().orderBy('occurred_at', 'desc')).limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toRecord), total: Math.min(counted.length, COUNT_CAP), capped: counted.length > COUNT_CAP };
  }

  async published(plate: string, vehicleType: VehicleType) {
    const rows = await this.db.selectFrom('violations').selectAll()
      .where('plate', '=', plate).where('vehicle_type', '=', vehicleType).where('published_at', 'is not', null)
      .orderBy('occurred_at', 'desc').limit(100).execute();
    return rows.map(toRecord);
  }

  async overdueNotices(nowIso: string, limit: number) {
    const rows = await this.db.selectFrom('violations').selectAll().where('status', '=', 'notice_issued').where('notice_due_at', '<', nowIso).limit(limit).execute();
    return rows.map(toRecord);
  }

  async addEvidence(rec: EvidenceRecord): Promise<void> {
    await this.db.insertInto('violation_evidence').values(evidenceRow(rec)).execute();
  }

  async evidence(violationId: string) {
    const rows = await this.db.selectFrom('violation_evidence').selectAll().where('violation_id', '=', violationId).orderBy('created_at').execute();
    return rows.map(toEvidence);
  }

  async history(violationId: string) {
    const rows = await this.db.selectFrom('violation_history').selectAll().where('violation_id', '=', violationId).orderBy('seq').execute();
    return rows.map((r) => ({
      violationId: r.violation_id, at: r.at, action: r.action, fromStatus: r.from_status as ViolationStatus | null, toStatus: r.to_status as ViolationStatus,
      actorId: r.actor_id, actorName: r.actor_name, note: r.note,
    }));
  }

  async countBy(column: 'type_code' | 'status' | 'unit_id' | 'camera_id', f: { from: string; to: string; unitIds?: readonly string[] }): Promise<CountRow[]> {
    let q = this.db.selectFrom('violations').where('occurred_at', '>=', f.from).where('occurred_at', '<', f.to);
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    const rows = await q.select([sql<string | null>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('count')]).groupBy(column).execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }

  async finesPaid(f: { from: string; to: string; unitIds?: readonly string[] }): Promise<number> {
    let q = this.db.selectFrom('violations').where('occurred_at', '>=', f.from).where('occurred_at', '<', f.to).where('status', 'in', ['resolved', 'closed']).where('paid', '=', 1);
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    const r = await q.select((eb) => eb.fn.sum<number>('fine_amount').as('s')).executeTakeFirst();
    return Number(r?.s ?? 0);
  }

  async nextNoticeNo(unitId: string, year: number): Promise<number> {
    const r = await this.db.insertInto('violation_notice_seq').values({ unit_id: unitId, year, last: 1 })
      .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({ last: eb('violation_notice_seq.last', '+', 1) })))
      .returning('last').executeTakeFirstOrThrow();
    return r.last;
  }
}
