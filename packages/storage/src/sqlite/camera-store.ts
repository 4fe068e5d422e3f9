import type { CameraFilter, CameraRecord, CameraStore } from '@vigil/core';
import type { CameraStatus, Ownership, PlaceType, Purpose } from '@vigil/types';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CamerasTable, Database } from '../schema';

const toRecord = (r: Selectable<CamerasTable>): CameraRecord => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  mainUrl: r.main_url,
  subUrl: r.sub_url,
  credentialsSealed: r.credentials_sealed,
  location: { lat: r.lat, lng: r.lng, address: r.address, placeType: r.place_type as PlaceType },
  purposes: JSON.parse(r.purposes) as Purpose[],
  ownership: r.ownership as Ownership,
  recorder: r.recorder_name ? { name: r.recorder_name, channel: r.recorder_channel } : null,
  tags: JSON.parse(r.tags) as string[],
  enabled: r.enabled === 1,
  recording: { enabled: r.record_enabled === 1, retentionDays: r.retention_days },
  rtspTransport: r.rtsp_transport === 'udp' ? 'udp' : 'tcp',
  status: r.status as CameraStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function toRow(c: Partial<CameraRecord>): Partial<Insertable<CamerasTable>> {
  const row: Partial<Insertable<CamerasTable>> = {};
  if (c.id !== undefined) row.id = c.id;
  if (c.name !== undefined) row.name = c.name;
  if (c.unitId !== undefined) row.unit_id = c.unitId;
  if (c.mainUrl !== undefined) row.main_url = c.mainUrl;
  if (c.subUrl !== undefined) row.sub_url = c.subUrl;
  if (c.credentialsSealed !== undefined) row.credentials_sealed = c.credentialsSealed;
  if (c.location !== undefined) {
    row.lat = c.location.lat;
    row.lng = c.location.lng;
    row.address = c.location.address;
    row.place_type = c.location.placeType;
  }
  if (c.purposes !== undefined) row.purposes = JSON.stringify(c.purposes);
  if (c.ownership !== undefined) row.ownership = c.ownership;
  if (c.recorder !== undefined) {
    row.recorder_name = c.recorder?.name ?? null;
    row.recorder_channel = c.recorder?.channel ?? null;
  }
  if (c.tags !== undefined) row.tags = JSON.stringify(c.tags);
  if (c.enabled !== undefined) row.enabled = c.enabled ? 1 : 0;
  if (c.recording !== undefined) {
    row.record_enabled = c.recording.enabled ? 1 : 0;
    row.retention_days = c.recording.retentionDays;
  }
  if (c.rtspTransport !== undefined) row.rtsp_transport = c.rtspTransport;
  if (c.status !== undefined) row.status = c.status;
  if (c.createdAt !== undefined) row.created_at = c.createdAt;
  if (c.updatedAt !== undefined) row.updated_at = c.updatedAt;
  return row;
}

export class SqlCameraStore implements CameraStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(f: CameraFilter) {
    if (f.unitIds.length === 0) return { rows: [], total: 0 };
    let q = this.db.selectFrom('cameras').where('unit_id', 'in', f.unitIds);
    if (f.status) q = q.where('status', '=', f.status);
    // purposes is a JSON array of enum words: matching the quoted word is exact.
    if (f.purpose) q = q.where('purposes', 'like', `%"${f.purpose}"%`);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('name', 'like', eb.val(like)),
          eb('address', 'like', eb.val(like)),
          eb('tags', 'like', eb.val(like)),
        ]),
      );
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('name').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toRecord), total };
  }
  async get(id: string) {
    const r = await this.db.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }
  async findByName(unitId: string, name: string) {
    const r = await this.db.selectFrom('cameras').selectAll().where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
    return r && toRecord(r);
  }
  async insert(c: CameraRecord): Promise<void> {
    await this.db.insertInto('cameras').values(toRow(c) as Insertable<CamerasTable>).execute();
  }
  async update(id: string, patch: Partial<Omit<CameraRecord, 'id' | 'createdAt'>>): Promise<void> {
    const set = toRow(patch);
    if (Object.keys(set).length) await this.db.updateTable('cameras').set(set).where('id', '=', id).execute();
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('cameras').where('id', '=', id).execute();
  }
}
