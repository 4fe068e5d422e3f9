import type { CheckpointRecord, CheckpointStore, CheckpointStores, RegistryListRecord, RegistryListStore } from '@vigil/core';
import type { RegistryListKind } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';
import { SqlAlertStore, SqlNonceStore, SqlScanStore } from './checkpoint-log-stores';
import type { CheckpointTables } from './checkpoint-tables';

type Db = Kysely<Database & CheckpointTables>;
type CpRow = Selectable<CheckpointTables['checkpoints']>;

const toCheckpoint = (r: CpRow): CheckpointRecord => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  cameraIds: JSON.parse(r.camera_ids),
  officers: JSON.parse(r.officers),
  rules: JSON.parse(r.rules),
  declaration: JSON.parse(r.declaration),
  national: r.national ? JSON.parse(r.national) : null,
  webhookUrl: r.webhook_url,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function toCpRow(c: Partial<CheckpointRecord>): Partial<CpRow> {
  const row: Partial<CpRow> = {};
  const json = { cameraIds: 'camera_ids', officers: 'officers', rules: 'rules', declaration: 'declaration' } as const;
  if (c.id !== undefined) row.id = c.id;
  if (c.name !== undefined) row.name = c.name;
  if (c.unitId !== undefined) row.unit_id = c.unitId;
  if (c.address !== undefined) row.address = c.address;
  if (c.lat !== undefined) row.lat = c.lat;
  if (c.lng !== undefined) row.lng = c.lng;
  for (const [k, col] of Object.entries(json)) {
    const v = c[k as keyof typeof json];
    if (v !== undefined) row[col] = JSON.stringify(v);
  }
  if (c.national !== undefined) row.national = c.national ? JSON.stringify(c.national) : null;
  if (c.webhookUrl !== undefined) row.webhook_url = c.webhookUrl;
  if (c.enabled !== undefined) row.enabled = c.enabled ? 1 : 0;
  if (c.createdAt !== undefined) row.created_at = c.createdAt;
  if (c.updatedAt !== undefined) row.updated_at = c.updatedAt;
  return row;
}

export class SqlCheckpointStore implements CheckpointStore {
  constructor(private readonly db: Db) {}
  async list(unitIds: readonly string[]) {
    if (unitIds.length === 0) return [];
    const rows = await this.db.selectFrom('checkpoints').selectAll().where('unit_id', 'in', unitIds).orderBy('name').execute();
    return rows.map(toCheckpoint);
  }
  async all() {
    return (await this.db.selectFrom('checkpoints').selectAll().orderBy('name').execute()).map(toCheckpoint);
  }
  async get(id: string) {
    const r = await this.db.selectFrom('checkpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toCheckpoint(r) : undefined;
  }
  async insert(rec: CheckpointRecord) {
    await this.db.insertInto('checkpoints').values(toCpRow(rec) as CpRow).execute();
  }
  async update(id: string, patch: Partial<Omit<CheckpointRecord, 'id' | 'createdAt'>>) {
    const row = toCpRow(patch);
    if (Object.keys(row).length) await this.db.updateTable('checkpoints').set(row).where('id', '=', id).execute();
  }
  async delete(id: string) {
    await this.db.deleteFrom('checkpoints').where('id', '=', id).execute();
  }
}

type ListRow = Selectable<CheckpointTables['checkpoint_lists']>;
const toList = (r: ListRow): RegistryListRecord => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  kind: r.kind as RegistryListKind,
  salt: r.salt,
  entries: Number(r.entries),
  digest: r.digest,
  importedAt: r.imported_at,
  createdAt: r.created_at,
});

/** Rows per INSERT: 3 bound values each, well under SQLite's variable limit. */
const CHUNK = 500;

export class SqlRegistryListStore implements RegistryListStore {
  constructor(private readonly db: Db) {}
  async lists(unitIds?: readonly string[]) {
    let q = this.db.selectFrom('checkpoint_lists').selectAll();
    if (unitIds) {
      if (unitIds.length === 0) return [];
      q = q.where('unit_id', 'in', unitIds);
    }
    return (await q.orderBy('name').execute()).map(toList);
  }
  async getList(id: string) {
    const r = await this.db.selectFrom('checkpoint_lists').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toList(r) : undefined;
  }
  async insertList(rec: RegistryListRecord) {
    await this.db
      .insertInto('checkpoint_lists')
      .values({ id: rec.id, unit_id: rec.unitId, name: rec.name, kind: rec.kind, salt: rec.salt, entries: rec.entries, digest: rec.digest, imported_at: rec.importedAt, created_at: rec.createdAt })
      .execute();
  }
  async updateList(id: string, p: Partial<Omit<RegistryListRecord, 'id' | 'createdAt'>>) {
    const row: Partial<ListRow> = {};
    if (p.name !== undefined) row.name = p.name;
    if (p.entries !== undefined) row.entries = p.entries;
    if (p.digest !== undefined) row.digest = p.digest;
    if (p.importedAt !== undefined) row.imported_at = p.importedAt;
    if (p.unitId !== undefined) row.unit_id = p.unitId;
    if (Object.keys(row).length) await this.db.updateTable('checkpoint_lists').set(row).where('id', '=', id).execute();
  }
  async deleteList(id: string) {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('checkpoint_list_entries').where('list_id', '=', id).execute();
      await tx.deleteFrom('checkpoint_lists').where('id', '=', id).execute();
    });
  }
  async replaceEntries(listId: string, entries: Iterable<{ idHash: string; data: Record<string, string> }>) {
    let n = 0;
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('checkpoint_list_entries').where('list_id', '=', listId).execute();
      let chunk: CheckpointTables['checkpoint_list_entries'][] = [];
      const flush = async () => {
        if (chunk.length) await tx.insertInto('checkpoint_list_entries').values(chunk).execute();
        n += chunk.length;
        chunk = [];
      };
      for (const e of entries) {
        chunk.push({ list_id: listId, id_hash: e.idHash, data: JSON.stringify(e.data) });
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
    });
    return n;
  }
  async find(listId: string, idHash: string) {
    const r = await this.db.selectFrom('checkpoint_list_entries').select('data').where('list_id', '=', listId).where('id_hash', '=', idHash).executeTakeFirst();
    return r ? (JSON.parse(r.data) as Record<string, string>) : undefined;
  }
  async entries(listId: string, limit: number) {
    const rows = await this.db.selectFrom('checkpoint_list_entries').select(['id_hash', 'data']).where('list_id', '=', listId).orderBy('id_hash').limit(limit).execute();
    return rows.map((r) => [r.id_hash, JSON.parse(r.data)] as [string, Record<string, string>]);
  }
}

/** All checkpoint stores over one database. */
export function createCheckpointStores(db: Kysely<Database>): CheckpointStores {
  const d = db.withTables<CheckpointTables>();
  return { checkpoints: new SqlCheckpointStore(d), lists: new SqlRegistryListStore(d), scans: new SqlScanStore(d), nonces: new SqlNonceStore(d), alerts: new SqlAlertStore(d) };
}
export type { CheckpointTables };
export { SqlAlertStore, SqlNonceStore, SqlScanStore };
