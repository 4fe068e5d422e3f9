import type { ExportRecord, ExportStore, HoldRecord, LayoutRecord, LayoutStore, RecordingStore, SegmentRecord } from '@vigil/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema';

type SegmentsTable = {
  id: number;
  camera_id: string;
  path: string;
  start_ms: number;
  end_ms: number;
  bytes: number;
  complete: number;
}
type HoldsTable = {
  id: string;
  camera_id: string;
  from_ms: number;
  to_ms: number;
  reason: string;
  ref: string | null;
  until_ms: number | null;
  created_at: string;
}
type ExportsTable = {
  id: string;
  camera_id: string;
  unit_id: string;
  kind: string;
  from_ms: number;
  to_ms: number;
  reason: string;
  requested_by: string;
  requested_by_name: string;
  file: string;
  sha256: string;
  bytes: number;
  gaps: string;
  created_at: string;
}
type LayoutsTable = {
  id: string;
  user_id: string;
  name: string;
  data: string;
  updated_at: string;
}
export type VideoTables = {
  recording_segments: SegmentsTable;
  recording_holds: HoldsTable;
  exports: ExportsTable;
  wall_layouts: LayoutsTable;
}

const seg = (r: Selectable<SegmentsTable>): SegmentRecord => ({
  id: Number(r.id), cameraId: r.camera_id, path: r.path, startMs: Number(r.start_ms), endMs: Number(r.end_ms), bytes: Number(r.bytes), complete: r.complete === 1,
});

export class SqlRecordingStore implements RecordingStore {
  private readonly db: Kysely<Database & VideoTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<VideoTables>();
  }

  async upsert(s: Omit<SegmentRecord, 'id'>): Promise<void> {
    await this.db
      .insertInto('recording_segments')
      .values({ camera_id: s.cameraId, path: s.path, start_ms: s.startMs, end_ms: s.endMs, bytes: s.bytes, complete: s.complete ? 1 : 0 } as never)
      .onConflict((oc) => oc.column('path').doUpdateSet({ end_ms: s.endMs, bytes: s.bytes, complete: s.complete ? 1 : 0 }))
      .execute();
  }
  async list(cameraId: string, fromMs: number, toMs: number) {
    const rows = await this.db
      .selectFrom('recording_segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('start_ms', '<', toMs)
      .where('end_ms', '>', fromMs)
      .orderBy('start_ms')
      .execute();
    return rows.map(seg);
  }
  async get(id: number) {
    const r = await this.db.selectFrom('recording_segments').selectAll().where('id', '=', id).executeTakeFirst();
    return r && seg(r);
  }
  /** Segments overlapping a live hold are never returned for deletion. */
  private unheld(nowMs: number) {
    return this.db
      .selectFrom('recording_segments as s')
      .selectAll('s')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('recording_holds as h')
              .select('h.id')
              .whereRef('h.camera_id', '=', 's.camera_id')
              .whereRef('h.from_ms', '<', 's.end_ms')
              .whereRef('h.to_ms', '>', 's.start_ms')
              .where((eb) => eb.or([eb('h.until_ms', 'is', null), eb('h.until_ms', '>', nowMs)])),
          ),
        ),
      );
  }
  async expired(cameraId: string, beforeMs: number, nowMs: number, limit: number) {
    const rows = await this.unheld(nowMs).where('s.camera_id', '=', cameraId).where('s.end_ms', '<', beforeMs).orderBy('s.start_ms').limit(limit).execute();
    return rows.map(seg);
  }
  async oldestUnheld(nowMs: number, limit: number) {
    const rows = await this.unheld(nowMs).orderBy('s.start_ms').limit(limit).execute();
    return rows.map(seg);
  }
  async delete(ids: number[]): Promise<void> {
    if (ids.length) await this.db.deleteFrom('recording_segments').where('id', 'in', ids).execute();
  }
  async totalBytes(): Promise<number> {
    const r = await this.db.selectFrom('recording_segments').select(sql<number>`coalesce(sum(bytes), 0)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async cameraIds(): Promise<string[]> {
    return (await this.db.selectFrom('recording_segments').select('camera_id').distinct().execute()).map((r) => r.camera_id);
  }
  async incomplete() {
    return (await this.db.selectFrom('recording_segments').selectAll().where('complete', '=', 0).execute()).map(seg);
  }
  async addHold(h: HoldRecord): Promise<void> {
    await this.db
      .insertInto('recording_holds')
      .values({ id: h.id, camera_id: h.cameraId, from_ms: h.fromMs, to_ms: h.toMs, reason: h.reason, ref: h.ref, until_ms: h.untilMs, created_at: h.createdAt })
      .execute();
  }
  async releaseHolds(ref: string): Promise<void> {
    await this.db.deleteFrom('recording_holds').where('ref', '=', ref).execute();
  }
}

const exp = (r: Selectable<ExportsTable>): ExportRecord => ({
  id: r.id, cameraId: r.camera_id, unitId: r.unit_id, kind: r.kind === 'still' ? 'still' : 'clip', fromMs: Number(r.from_ms), toMs: Number(r.to_ms),
  reason: r.reason, requestedBy: r.requested_by, requestedByName: r.requested_by_name, file: r.file, sha256: r.sha256, bytes: Number(r.bytes),
  gaps: JSON.parse(r.gaps) as ExportRecord['gaps'], createdAt: r.created_at,
});

export class SqlExportStore implements ExportStore {
  private readonly db: Kysely<Database & VideoTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<VideoTables>();
  }
  async insert(e: ExportRecord): Promise<void> {
    await this.db
      .insertInto('exports')
      .values({
        id: e.id, camera_id: e.cameraId, unit_id: e.unitId, kind: e.kind, from_ms: e.fromMs, to_ms: e.toMs, reason: e.reason, requested_by: e.requestedBy,
        requested_by_name: e.requestedByName, file: e.file, sha256: e.sha256, bytes: e.bytes, gaps: JSON.stringify(e.gaps), created_at: e.createdAt,
      })
      .execute();
  }
  async get(id: string) {
    const r = await this.db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
    return r && exp(r);
  }
  async list(f: { unitIds: readonly string[]; cameraId?: string; limit: number; offset: number }) {
    if (f.unitIds.length === 0) return { rows: [], total: 0 };
    let q = this.db.selectFrom('exports').where('unit_id', 'in', f.unitIds);
    if (f.cameraId) q = q.where('camera_id', '=', f.cameraId);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('created_at', 'desc').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(exp), total };
  }
}

export class SqlLayoutStore implements LayoutStore {
  private readonly db: Kysely<Database & VideoTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<VideoTables>();
  }
  async list(userId: string): Promise<LayoutRecord[]> {
    const rows = await this.db.selectFrom('wall_layouts').selectAll().where('user_id', '=', userId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, data: r.data, updatedAt: r.updated_at }));
  }
  async get(id: string) {
    const r = await this.db.selectFrom('wall_layouts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, userId: r.user_id, name: r.name, data: r.data, updatedAt: r.updated_at };
  }
  async upsert(l: LayoutRecord): Promise<void> {
    await this.db
      .insertInto('wall_layouts')
      .values({ id: l.id, user_id: l.userId, name: l.name, data: l.data, updated_at: l.updatedAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: l.name, data: l.data, updated_at: l.updatedAt }))
      .execute();
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('wall_layouts').where('id', '=', id).execute();
  }
}
