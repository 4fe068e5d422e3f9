import type { AlertFacts, HealthHistory, PhotoRecord, StatePeriod, TicketFilter, TicketRecord, TicketStore, WindowRecord, WindowStore } from '@vigil/core';
import type { TicketNote, TicketStatus } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';
import type { MaintenanceTables } from './maintenance-tables';

type Db = Kysely<Database & MaintenanceTables>;
type TicketRow = Selectable<MaintenanceTables['maintenance_tickets']>;

const toTicket = (r: TicketRow): TicketRecord => ({
  id: r.id,
  cameraId: r.camera_id,
  unitId: r.unit_id,
  alertId: r.alert_id,
  assignee: r.assignee,
  contractor: r.contractor,
  status: r.status as TicketStatus,
  verifyAfterMin: Number(r.verify_after_min),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  fixedAt: r.fixed_at,
  verifiedAt: r.verified_at,
});

function toTicketRow(t: Partial<TicketRecord>): Partial<TicketRow> {
  const map: Record<string, keyof TicketRow> = {
    id: 'id', cameraId: 'camera_id', unitId: 'unit_id', alertId: 'alert_id', assignee: 'assignee', contractor: 'contractor', status: 'status',
    verifyAfterMin: 'verify_after_min', createdAt: 'created_at', createdBy: 'created_by', updatedAt: 'updated_at', fixedAt: 'fixed_at', verifiedAt: 'verified_at',
  };
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) if (v !== undefined && map[k]) row[map[k]] = v;
  return row as Partial<TicketRow>;
}

const toPhoto = (r: Selectable<MaintenanceTables['maintenance_photos']>): PhotoRecord => ({
  id: r.id, ticketId: r.ticket_id, name: r.name, mime: r.mime, size: Number(r.size), sha256: r.sha256, path: r.path, at: r.at, by: r.by_name,
});

export class SqlTicketStore implements TicketStore {
  constructor(private readonly db: Db) {}

  async list(f: TicketFilter) {
    if (f.unitIds.length === 0) return { rows: [], total: 0 };
    let q = this.db.selectFrom('maintenance_tickets').where('unit_id', 'in', f.unitIds);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.open === true) q = q.where('status', '!=', 'verified');
    if (f.open === false) q = q.where('status', '=', 'verified');
    if (f.cameraId) q = q.where('camera_id', '=', f.cameraId);
    if (f.alertId) q = q.where('alert_id', '=', f.alertId);
    if (f.assignee) q = q.where('assignee', 'like', `%${f.assignee.replace(/[%_]/g, '')}%`);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toTicket), total };
  }
  async get(id: string) {
    const r = await this.db.selectFrom('maintenance_tickets').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toTicket(r) : undefined;
  }
  async insert(rec: TicketRecord) {
    await this.db.insertInto('maintenance_tickets').values(toTicketRow(rec) as TicketRow).execute();
  }
  async update(id: string, expected: TicketStatus, patch: Partial<Omit<TicketRecord, 'id' | 'createdAt'>>) {
    const res = await this.db.updateTable('maintenance_tickets').set(toTicketRow(patch)).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }
  async fixed() {
    return (await this.db.selectFrom('maintenance_tickets').selectAll().where('status', '=', 'fixed').execute()).map(toTicket);
  }
  async addNote(ticketId: string, n: TicketNote) {
    await this.db.insertInto('maintenance_notes').values({ ticket_id: ticketId, at: n.at, by_name: n.by, kind: n.kind, text: n.text } as never).execute();
  }
  async notes(ticketId: string) {
    const rows = await this.db.selectFrom('maintenance_notes').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
    return rows.map((r) => ({ at: r.at, by: r.by_name, kind: r.kind as TicketNote['kind'], text: r.text }));
  }
  async addPhoto(p: PhotoRecord) {
    await this.db.insertInto('maintenance_photos').values({ id: p.id, ticket_id: p.ticketId, name: p.name, mime: p.mime, size: p.size, sha256: p.sha256, path: p.path, at: p.at, by_name: p.by }).execute();
  }
  async photos(ticketId: string) {
    return (await this.db.selectFrom('maintenance_photos').selectAll().where('ticket_id', '=', ticketId).orderBy('at').execute()).map(toPhoto);
  }
  async photo(ticketId: string, photoId: string) {
    const r = await this.db.selectFrom('maintenance_photos').selectAll().where('ticket_id', '=', ticketId).where('id', '=', photoId).executeTakeFirst();
    return r ? toPhoto(r) : undefined;
  }
  async fixedBetween(unitIds: readonly string[], from: string, to: string) {
    if (unitIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('maintenance_tickets')
      .select(['created_at', 'fixed_at'])
      .where('unit_id', 'in', unitIds)
      .where('fixed_at', 'is not', null)
      .where('fixed_at', '>=', from)
      .where('fixed_at', '<', to)
      .execute();
    return rows.map((r) => ({ createdAt: r.created_at, fixedAt: r.fixed_at! }));
  }
}

type WindowRow = Selectable<MaintenanceTables['maintenance_windows']>;
const toWindow = (r: WindowRow): WindowRecord => ({ id: r.id, cameraId: r.camera_id, unitId: r.unit_id, from: r.from_at, to: r.to_at, reason: r.reason, createdAt: r.created_at, createdBy: r.created_by });

export class SqlWindowStore implements WindowStore {
  constructor(private readonly db: Db) {}
  async list(q: { unitIds: readonly string[]; cameraId?: string; from?: string; to?: string }) {
    if (q.unitIds.length === 0) return [];
    let s = this.db.selectFrom('maintenance_windows').selectAll().where('unit_id', 'in', q.unitIds);
    if (q.cameraId) s = s.where('camera_id', '=', q.cameraId);
    // Times are stored as UTC ISO strings (Z), so text comparison orders them correctly.
    if (q.from) s = s.where('to_at', '>', new Date(q.from).toISOString());
    if (q.to) s = s.where('from_at', '<', new Date(q.to).toISOString());
    return (await s.orderBy('from_at').execute()).map(toWindow);
  }
  async get(id: string) {
    const r = await this.db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toWindow(r) : undefined;
  }
  async insert(w: WindowRecord) {
    await this.db.insertInto('maintenance_windows').values({ id: w.id, camera_id: w.cameraId, unit_id: w.unitId, from_at: w.from, to_at: w.to, reason: w.reason, created_at: w.createdAt, created_by: w.createdBy }).execute();
  }
  async delete(id: string) {
    await this.db.deleteFrom('maintenance_windows').where('id', '=', id).execute();
  }
}

const toPeriod = (r: { camera_id: string; state: string; start_ms: number; end_ms: number | null }): StatePeriod => ({
  cameraId: r.camera_id,
  state: r.state,
  startMs: Number(r.start_ms),
  endMs: r.end_ms === null ? null : Number(r.end_ms),
});
const toAlert = (r: Selectable<MaintenanceTables['health_alerts']>): AlertFacts => ({
  id: r.id, cameraId: r.camera_id, unitId: r.unit_id, status: r.status, openedAt: r.opened_at, detectedAfterMs: Number(r.detected_after_ms), resolvedAt: r.resolved_at,
});

/** Reads the monitor's state log and alerts (tables of migration 0003). */
export class SqlHealthHistory implements HealthHistory {
  constructor(private readonly db: Db) {}
  async periods(cameraIds: readonly string[], fromMs: number, toMs: number) {
    const out: StatePeriod[] = [];
    // Chunked: SQLite limits the number of bound parameters per statement.
    for (let i = 0; i < cameraIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('camera_state_log')
        .select(['camera_id', 'state', 'start_ms', 'end_ms'])
        .where('camera_id', 'in', cameraIds.slice(i, i + 500))
        .where('start_ms', '<', toMs)
        .where((eb) => eb.or([eb('end_ms', 'is', null), eb('end_ms', '>', fromMs)]))
        .orderBy('camera_id')
        .orderBy('start_ms')
        .execute();
      out.push(...rows.map(toPeriod));
    }
    return out;
  }
  async current(cameraId: string) {
    const r = await this.db
      .selectFrom('camera_state_log')
      .select(['camera_id', 'state', 'start_ms', 'end_ms'])
      .where('camera_id', '=', cameraId)
      .where('end_ms', 'is', null)
      .orderBy('start_ms', 'desc')
      .executeTakeFirst();
    return r ? toPeriod(r) : undefined;
  }
  async alert(id: string) {
    const r = await this.db.selectFrom('health_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAlert(r) : undefined;
  }
  async alertsBetween(unitIds: readonly string[], from: string, to: string) {
    if (unitIds.length === 0) return [];
    const f = new Date(from).toISOString();
    const t = new Date(to).toISOString();
    const rows = await this.db
      .selectFrom('health_alerts')
      .selectAll()
      .where('unit_id', 'in', unitIds)
      .where((eb) => eb.or([eb.and([eb('opened_at', '>=', f), eb('opened_at', '<', t)]), eb.and([eb('resolved_at', '>=', f), eb('resolved_at', '<', t)])]))
      .execute();
    return rows.map(toAlert);
  }
}

/** The maintenance feature's stores over one database. */
export function createMaintenanceStores(db: Kysely<Database>) {
  const d = db.withTables<MaintenanceTables>();
  return { tickets: new SqlTicketStore(d), windows: new SqlWindowStore(d), history: new SqlHealthHistory(d) };
}
