import type { FootageRequestStore, IncidentFilter, IncidentRecord, IncidentStore } from '@vigil/core';
import type { FootageRequest, IncidentStatus, IncidentType } from '@vigil/types';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema';
import { type CasesDb, type FootageRequestsTable, type IncidentsTable, casesDb, likeText } from './cases-tables';

const toIncident = (r: Selectable<IncidentsTable>): IncidentRecord => ({
  id: r.id, unitId: r.unit_id, type: r.type as IncidentType, title: r.title, description: r.description, place: r.place,
  occurredAt: r.occurred_at, reportedBy: r.reported_by, reporterName: r.reporter_name, cameraIds: JSON.parse(r.camera_ids) as string[],
  eventIds: JSON.parse(r.event_ids) as string[], exportIds: JSON.parse(r.export_ids) as string[], officers: JSON.parse(r.officers) as string[],
  status: r.status as IncidentStatus, outcome: r.outcome, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** Record fields to columns (lists as JSON). */
export function incidentRow(p: Partial<IncidentRecord>): Partial<IncidentsTable> {
  const map: Record<string, keyof IncidentsTable> = {
    id: 'id', unitId: 'unit_id', type: 'type', title: 'title', description: 'description', place: 'place', occurredAt: 'occurred_at',
    reportedBy: 'reported_by', reporterName: 'reporter_name', cameraIds: 'camera_ids', eventIds: 'event_ids', exportIds: 'export_ids',
    officers: 'officers', status: 'status', outcome: 'outcome', createdBy: 'created_by', createdAt: 'created_at', updatedAt: 'updated_at',
  };
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (map[k] && v !== undefined) row[map[k]] = Array.isArray(v) ? JSON.stringify(v) : v;
  return row as Partial<IncidentsTable>;
}

export class SqlIncidentStore implements IncidentStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }
  async insert(rec: IncidentRecord): Promise<void> {
    await this.db.insertInto('incidents').values(incidentRow(rec) as IncidentsTable).execute();
  }
  async get(id: string) {
    const r = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toIncident(r);
  }
  async update(id: string, patch: Partial<IncidentRecord>): Promise<void> {
    const set = incidentRow(patch);
    if (Object.keys(set).length) await this.db.updateTable('incidents').set(set).where('id', '=', id).execute();
  }
  async list(f: IncidentFilter) {
    let q = this.db.selectFrom('incidents');
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    if (f.type) q = q.where('type', '=', f.type);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.from) q = q.where('occurred_at', '>=', f.from);
    if (f.to) q = q.where('occurred_at', '<', f.to);
    // camera_ids is a JSON array of ids: matching the quoted id is exact.
    if (f.cameraId) q = q.where(sql<boolean>`camera_ids like ${likeText(`"${f.cameraId}"`)} escape '\\'`);
    if (f.q) q = q.where(sql<boolean>`(title like ${likeText(f.q)} escape '\\' or place like ${likeText(f.q)} escape '\\')`);
    const counted = await q.select(sql<number>`1`.as('one')).limit(10_001).execute();
    const rows = await q.selectAll().orderBy('occurred_at', 'desc').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toIncident), total: Math.min(counted.length, 10_000) };
  }
  async countBy(column: 'type' | 'status' | 'unit_id', f: { from: string; to: string; unitIds?: readonly string[] }) {
    let q = this.db.selectFrom('incidents').where('occurred_at', '>=', f.from).where('occurred_at', '<', f.to);
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    const rows = await q.select([sql<string | null>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('count')]).groupBy(column).execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }
  async cameraLists(f: { from: string; to: string; unitIds?: readonly string[] }) {
    let q = this.db.selectFrom('incidents').where('occurred_at', '>=', f.from).where('occurred_at', '<', f.to).where('camera_ids', '!=', '[]');
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    const rows = await q.select('camera_ids').execute();
    return rows.map((r) => JSON.parse(r.camera_ids) as string[]);
  }
}

const toRequest = (r: Selectable<FootageRequestsTable>): FootageRequest => ({
  id: r.id, unitId: r.unit_id, incidentId: r.incident_id, requesterName: r.requester_name, requesterPhone: r.requester_phone,
  requesterAddress: r.requester_address, cameraId: r.camera_id, from: r.from_time, to: r.to_time, reason: r.reason,
  status: r.status as FootageRequest['status'], decidedBy: r.decided_by, decidedAt: r.decided_at, decisionNote: r.decision_note,
  exportId: r.export_id, createdAt: r.created_at,
});

export class SqlFootageRequestStore implements FootageRequestStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }
  async insert(r: FootageRequest): Promise<void> {
    await this.db.insertInto('footage_requests').values({
      id: r.id, unit_id: r.unitId, incident_id: r.incidentId, requester_name: r.requesterName, requester_phone: r.requesterPhone,
      requester_address: r.requesterAddress, camera_id: r.cameraId, from_time: r.from, to_time: r.to, reason: r.reason, status: r.status,
      decided_by: r.decidedBy, decided_at: r.decidedAt, decision_note: r.decisionNote, export_id: r.exportId, created_at: r.createdAt,
    }).execute();
  }
  async get(id: string) {
    const r = await this.db.selectFrom('footage_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRequest(r);
  }
  async update(id: string, expected: FootageRequest['status'], p: Partial<FootageRequest>): Promise<boolean> {
    const res = await this.db.updateTable('footage_requests').set({
      ...(p.status && { status: p.status }), ...(p.decidedBy !== undefined && { decided_by: p.decidedBy }),
      ...(p.decidedAt !== undefined && { decided_at: p.decidedAt }), ...(p.decisionNote !== undefined && { decision_note: p.decisionNote }),
      ...(p.exportId !== undefined && { export_id: p.exportId }),
    }).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
  async list(unitIds: readonly string[] | undefined, limit: number, offset: number) {
    let q = this.db.selectFrom('footage_requests');
    if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : ['']);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
    return { rows: rows.map(toRequest), total };
  }
}
