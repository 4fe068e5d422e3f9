import type { AnalyticsEvent, CameraRules, EventQuery } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';

/** Row shapes of the analytics tables (migration 0007). */
export type AnalyticsTables = {
  analytics_rules: { camera_id: string; config: string; updated_at: string; updated_by: string };
  analytics_events: {
    id: string;
    camera_id: string;
    unit_id: string;
    rule_id: string;
    rule_name: string;
    rule_kind: string;
    class: string;
    track_id: number;
    at: string;
    box: string;
    snapshot_path: string | null;
    clip_from: string;
    clip_to: string;
    plate: string | null;
    speed_kmh: number | null;
    details: string;
    case_id: string | null;
  };
};

/** A stored event: the API shape less the snapshot URL, plus where the snapshot file lies. */
export type EventRecord = Omit<AnalyticsEvent, 'snapshotUrl'> & { snapshotPath: string | null };

const toEvent = (r: Selectable<AnalyticsTables['analytics_events']>): EventRecord => ({
  id: r.id,
  cameraId: r.camera_id,
  unitId: r.unit_id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  ruleKind: r.rule_kind as EventRecord['ruleKind'],
  class: r.class as EventRecord['class'],
  trackId: Number(r.track_id),
  at: r.at,
  box: JSON.parse(r.box),
  snapshotPath: r.snapshot_path,
  clip: { from: r.clip_from, to: r.clip_to },
  plate: r.plate,
  speedKmh: r.speed_kmh === null ? null : Number(r.speed_kmh),
  details: JSON.parse(r.details),
  caseId: r.case_id,
});

/** Rules per camera and events, over SQLite (portable SQL). */
export class SqlAnalyticsStore {
  private readonly db: Kysely<Database & AnalyticsTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<AnalyticsTables>();
  }

  async rules(cameraId: string): Promise<CameraRules | null> {
    const r = await this.db.selectFrom('analytics_rules').select('config').where('camera_id', '=', cameraId).executeTakeFirst();
    return r ? (JSON.parse(r.config) as CameraRules) : null;
  }

  async allRules(): Promise<{ cameraId: string; config: CameraRules }[]> {
    const rows = await this.db.selectFrom('analytics_rules').selectAll().execute();
    return rows.map((r) => ({ cameraId: r.camera_id, config: JSON.parse(r.config) as CameraRules }));
  }

  async putRules(cameraId: string, config: CameraRules, at: string, by: string): Promise<void> {
    const row = { camera_id: cameraId, config: JSON.stringify(config), updated_at: at, updated_by: by };
    await this.db.insertInto('analytics_rules').values(row).onConflict((oc) => oc.column('camera_id').doUpdateSet({ config: row.config, updated_at: at, updated_by: by })).execute();
  }

  async insertEvent(e: EventRecord): Promise<void> {
    await this.db
      .insertInto('analytics_events')
      .values({
        id: e.id, camera_id: e.cameraId, unit_id: e.unitId, rule_id: e.ruleId, rule_name: e.ruleName, rule_kind: e.ruleKind, class: e.class, track_id: e.trackId,
        at: e.at, box: JSON.stringify(e.box), snapshot_path: e.snapshotPath, clip_from: e.clip.from, clip_to: e.clip.to, plate: e.plate, speed_kmh: e.speedKmh,
        details: JSON.stringify(e.details), case_id: e.caseId,
      })
      .execute();
  }

  async setCase(id: string, caseId: string): Promise<void> {
    await this.db.updateTable('analytics_events').set({ case_id: caseId }).where('id', '=', id).execute();
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    const r = await this.db.selectFrom('analytics_events').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toEvent(r) : undefined;
  }

  async listEvents(q: EventQuery & { unitIds: string[] }): Promise<{ rows: EventRecord[]; total: number }> {
    if (q.unitIds.length === 0) return { rows: [], total: 0 };
    let s = this.db.selectFrom('analytics_events').where('unit_id', 'in', q.unitIds);
    if (q.cameraId) s = s.where('camera_id', '=', q.cameraId);
    if (q.unitId) s = s.where('unit_id', '=', q.unitId);
    if (q.rule) s = s.where((eb) => eb.or([eb('rule_id', '=', q.rule!), eb('rule_kind', '=', q.rule!)]));
    if (q.class) s = s.where('class', '=', q.class);
    if (q.plate) s = s.where('plate', 'like', `%${q.plate.toUpperCase().replace(/[^A-Z0-9]/g, '')}%`);
    if (q.from) s = s.where('at', '>=', new Date(q.from).toISOString());
    if (q.to) s = s.where('at', '<=', new Date(q.to).toISOString());
    const total = Number((await s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await s.selectAll().orderBy('at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
    return { rows: rows.map(toEvent), total };
  }
}
