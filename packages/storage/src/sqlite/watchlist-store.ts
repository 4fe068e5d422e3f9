import type { WatchlistEntryFilter, WatchlistEntryRecord, WatchlistHitFilter, WatchlistHitRecord, WatchlistStore } from '@vigil/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';

/** Row shapes of the watch-list tables (migration 0008). */
export type WatchlistTables = {
  watchlist_entries: {
    id: string; plate: string; display: string; reason: string; category: string; until: string | null;
    unit_id: string; created_at: string; created_by: string;
  };
  watchlist_hits: {
    id: string; entry_id: string; plate: string; display: string; category: string; reason: string; at: string; source: string;
    camera_id: string | null; unit_id: string; confidence: number | null; checked_by: string | null;
  };
};

const toEntry = (r: Selectable<WatchlistTables['watchlist_entries']>): WatchlistEntryRecord => ({
  id: r.id, plate: r.plate, display: r.display, reason: r.reason, category: r.category as WatchlistEntryRecord['category'],
  until: r.until, unitId: r.unit_id, createdAt: r.created_at, createdBy: r.created_by,
});

const toHit = (r: Selectable<WatchlistTables['watchlist_hits']>): WatchlistHitRecord => ({
  id: r.id, entryId: r.entry_id, plate: r.plate, display: r.display, category: r.category as WatchlistHitRecord['category'], reason: r.reason,
  at: r.at, source: r.source as WatchlistHitRecord['source'], cameraId: r.camera_id, unitId: r.unit_id,
  confidence: r.confidence === null ? null : Number(r.confidence), checkedBy: r.checked_by,
});

/** Watch-list entries and hits over SQLite (portable SQL: ISO-8601 text times compare as text). */
export class SqlWatchlistStore implements WatchlistStore {
  private readonly db: Kysely<Database & WatchlistTables>;
  constructor(db: Kysely<Database>) {
    this.db = db.withTables<WatchlistTables>();
  }

  async insert(e: WatchlistEntryRecord): Promise<void> {
    await this.db.insertInto('watchlist_entries').values({
      id: e.id, plate: e.plate, display: e.display, reason: e.reason, category: e.category, until: e.until,
      unit_id: e.unitId, created_at: e.createdAt, created_by: e.createdBy,
    }).execute();
  }

  async get(id: string): Promise<WatchlistEntryRecord | undefined> {
    const r = await this.db.selectFrom('watchlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toEntry(r) : undefined;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('watchlist_entries').where('id', '=', id).execute();
  }

  async list(f: WatchlistEntryFilter): Promise<{ rows: WatchlistEntryRecord[]; total: number }> {
    let s = this.db.selectFrom('watchlist_entries');
    if (f.plate) s = s.where('plate', 'like', `%${f.plate}%`);
    if (f.category) s = s.where('category', '=', f.category);
    if (f.activeAt) s = s.where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', f.activeAt!)]));
    const total = Number((await s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await s.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toEntry), total };
  }

  async activeFor(plate: string, at: string): Promise<WatchlistEntryRecord[]> {
    const rows = await this.db.selectFrom('watchlist_entries').selectAll().where('plate', '=', plate)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)])).orderBy('created_at').execute();
    return rows.map(toEntry);
  }

  async insertHit(h: WatchlistHitRecord): Promise<void> {
    await this.db.insertInto('watchlist_hits').values({
      id: h.id, entry_id: h.entryId, plate: h.plate, display: h.display, category: h.category, reason: h.reason, at: h.at, source: h.source,
      camera_id: h.cameraId, unit_id: h.unitId, confidence: h.confidence, checked_by: h.checkedBy,
    }).execute();
  }

  async lastHitAt(entryId: string, cameraId: string | null): Promise<string | undefined> {
    let s = this.db.selectFrom('watchlist_hits').select('at').where('entry_id', '=', entryId);
    s = cameraId === null ? s.where('camera_id', 'is', null) : s.where('camera_id', '=', cameraId);
    return (await s.orderBy('at', 'desc').limit(1).executeTakeFirst())?.at;
  }

  async listHits(f: WatchlistHitFilter): Promise<{ rows: WatchlistHitRecord[]; total: number }> {
    if (f.unitIds.length === 0) return { rows: [], total: 0 };
    let s = this.db.selectFrom('watchlist_hits').where('unit_id', 'in', [...f.unitIds]);
    if (f.plate) s = s.where('plate', 'like', `%${f.plate}%`);
    if (f.cameraId) s = s.where('camera_id', '=', f.cameraId);
    const total = Number((await s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await s.selectAll().orderBy('at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toHit), total };
  }
}
