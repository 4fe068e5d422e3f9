import type { HealthAlertFilter, HealthAlertRecord, HealthStore } from '@vigil/core';
import type { HealthReason, HealthSettings, HealthState, Notifiers } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';

type AlertsTable = {
  id: string;
  camera_id: string;
  unit_id: string;
  kind: string;
  status: string;
  opened_at: string;
  state_since: string;
  detected_after_ms: number;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  flaps: number;
  message: string;
  /** JSON array of HealthReason (migration 0009); null on older rows. */
  reason_codes: string | null;
};
type StateLogTable = { id: number; camera_id: string; unit_id: string; state: string; start_ms: number; end_ms: number | null };
export type HealthTables = {
  health_alerts: AlertsTable;
  camera_state_log: StateLogTable;
  health_settings: { camera_id: string; data: string };
  health_notifiers: { id: number; data: string };
};

const toAlert = (r: Selectable<AlertsTable>): HealthAlertRecord => ({
  id: r.id, cameraId: r.camera_id, unitId: r.unit_id, kind: r.kind as HealthState, status: r.status as HealthAlertRecord['status'], openedAt: r.opened_at,
  stateSince: r.state_since, detectedAfterMs: Number(r.detected_after_ms), acknowledgedAt: r.acknowledged_at, acknowledgedBy: r.acknowledged_by,
  resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, flaps: Number(r.flaps), message: r.message,
  ...(r.reason_codes ? { reasonCodes: JSON.parse(r.reason_codes) as HealthReason[] } : {}),
});

const COLS: Record<keyof HealthAlertRecord, keyof AlertsTable> = {
  id: 'id', cameraId: 'camera_id', unitId: 'unit_id', kind: 'kind', status: 'status', openedAt: 'opened_at', stateSince: 'state_since',
  detectedAfterMs: 'detected_after_ms', acknowledgedAt: 'acknowledged_at', acknowledgedBy: 'acknowledged_by', resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by', flaps: 'flaps', message: 'message', reasonCodes: 'reason_codes',
};

function toRow(a: Partial<HealthAlertRecord>): Partial<AlertsTable> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) if (v !== undefined) row[COLS[k as keyof HealthAlertRecord]] = k === 'reasonCodes' ? JSON.stringify(v) : v;
  return row as Partial<AlertsTable>;
}

export class SqlHealthStore implements HealthStore {
  private readonly db: Kysely<Database & HealthTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<HealthTables>();
  }

  async insertAlert(a: HealthAlertRecord): Promise<void> {
    await this.db.insertInto('health_alerts').values(toRow(a) as AlertsTable).execute();
  }
  async updateAlert(id: string, patch: Partial<HealthAlertRecord>): Promise<void> {
    await this.db.updateTable('health_alerts').set(toRow(patch)).where('id', '=', id).execute();
  }
  async getAlert(id: string) {
    const r = await this.db.selectFrom('health_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAlert(r);
  }
  async listAlerts(f: HealthAlertFilter) {
    if (f.unitIds.length === 0) return { rows: [], total: 0 };
    let q = this.db.selectFrom('health_alerts').where('unit_id', 'in', f.unitIds);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.cameraId) q = q.where('camera_id', '=', f.cameraId);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.from) q = q.where('opened_at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('opened_at', '<=', new Date(f.to).toISOString());
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('opened_at', 'desc').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toAlert), total };
  }
  async activeAlerts(cameraId: string) {
    const rows = await this.db.selectFrom('health_alerts').selectAll().where('camera_id', '=', cameraId).where('status', '!=', 'resolved').execute();
    return rows.map(toAlert);
  }
  async recentResolved(cameraId: string, kind: HealthState, sinceIso: string) {
    const r = await this.db
      .selectFrom('health_alerts')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('kind', '=', kind)
      .where('status', '=', 'resolved')
      .where('resolved_at', '>=', sinceIso)
      .orderBy('resolved_at', 'desc')
      .executeTakeFirst();
    return r && toAlert(r);
  }
  async logState(e: { cameraId: string; unitId: string; state: HealthState; atMs: number }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('camera_state_log').set({ end_ms: e.atMs }).where('camera_id', '=', e.cameraId).where('end_ms', 'is', null).execute();
      await tx.insertInto('camera_state_log').values({ camera_id: e.cameraId, unit_id: e.unitId, state: e.state, start_ms: e.atMs, end_ms: null } as never).execute();
    });
  }
  async settings(cameraId: string) {
    const r = await this.db.selectFrom('health_settings').select('data').where('camera_id', '=', cameraId).executeTakeFirst();
    return r ? (JSON.parse(r.data) as HealthSettings) : undefined;
  }
  async saveSettings(cameraId: string, s: HealthSettings): Promise<void> {
    const data = JSON.stringify(s);
    await this.db.insertInto('health_settings').values({ camera_id: cameraId, data }).onConflict((oc) => oc.column('camera_id').doUpdateSet({ data })).execute();
  }
  async notifiers() {
    const r = await this.db.selectFrom('health_notifiers').select('data').where('id', '=', 1).executeTakeFirst();
    return r ? (JSON.parse(r.data) as Notifiers) : undefined;
  }
  async saveNotifiers(n: Notifiers): Promise<void> {
    const data = JSON.stringify(n);
    await this.db.insertInto('health_notifiers').values({ id: 1, data }).onConflict((oc) => oc.column('id').doUpdateSet({ data })).execute();
  }
}
