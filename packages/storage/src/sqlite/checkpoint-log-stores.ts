import type { AlertRecord, AlertStore, NonceStore, ScanFilter, ScanRecord, ScanStore } from '@vigil/core';
import type { ScanPayloadKind, ScanReasonCode, ScanVerdict } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';
import type { CheckpointTables } from './checkpoint-tables';

type Db = Kysely<Database & CheckpointTables>;
type ScanRow = Selectable<CheckpointTables['checkpoint_scans']>;

const toScan = (r: ScanRow): ScanRecord => ({
  id: r.id,
  checkpointId: r.checkpoint_id,
  unitId: r.unit_id,
  at: r.at,
  receivedAt: r.received_at,
  verdict: r.verdict as ScanVerdict,
  reasons: JSON.parse(r.reasons) as ScanReasonCode[],
  kind: r.kind as ScanPayloadKind,
  idHash: r.id_hash,
  idMasked: r.id_masked,
  initials: r.initials,
  officers: JSON.parse(r.officers) as string[],
  operatorId: r.operator_id,
  operatorName: r.operator_name,
  source: r.source as ScanRecord['source'],
  latencyMs: Number(r.latency_ms),
  thumbnail: r.thumbnail,
  purgedAt: r.purged_at,
});

export class SqlScanStore implements ScanStore {
  constructor(private readonly db: Db) {}

  async insert(s: ScanRecord): Promise<boolean> {
    const res = await this.db
      .insertInto('checkpoint_scans')
      .values({
        id: s.id, checkpoint_id: s.checkpointId, unit_id: s.unitId, at: s.at, received_at: s.receivedAt, verdict: s.verdict,
        reasons: JSON.stringify(s.reasons), kind: s.kind, id_hash: s.idHash, id_masked: s.idMasked, initials: s.initials,
        officers: JSON.stringify(s.officers), operator_id: s.operatorId, operator_name: s.operatorName, source: s.source,
        latency_ms: s.latencyMs, thumbnail: s.thumbnail, purged_at: s.purgedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  async get(id: string) {
    const r = await this.db.selectFrom('checkpoint_scans').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toScan(r) : undefined;
  }
  async list(f: ScanFilter) {
    let q = this.db.selectFrom('checkpoint_scans').where('checkpoint_id', '=', f.checkpointId);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<', f.to);
    if (f.verdict) q = q.where('verdict', '=', f.verdict);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('at', 'desc').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toScan), total: Number(total.n) };
  }
  async timings(checkpointIds: readonly string[], from: string, to: string) {
    if (checkpointIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('checkpoint_scans')
      .select(['checkpoint_id', 'at', 'verdict', 'latency_ms'])
      .where('checkpoint_id', 'in', checkpointIds)
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute();
    return rows.map((r) => ({ checkpointId: r.checkpoint_id, at: r.at, verdict: r.verdict as ScanVerdict, latencyMs: Number(r.latency_ms) }));
  }
  async countSince(checkpointId: string, since: string) {
    const r = await this.db
      .selectFrom('checkpoint_scans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('checkpoint_id', '=', checkpointId)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async purgePersonal(checkpointId: string, before: string, now: string) {
    const res = await this.db
      .updateTable('checkpoint_scans')
      .set({ id_hash: null, id_masked: null, initials: null, thumbnail: null, purged_at: now })
      .where('checkpoint_id', '=', checkpointId)
      .where('at', '<', before)
      .where('purged_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}

export class SqlNonceStore implements NonceStore {
  constructor(private readonly db: Db) {}
  async claim(key: string, scanId: string, expiresAt: string) {
    // Insert-or-ignore, then read: the first writer wins even with concurrent stations.
    await this.db.insertInto('checkpoint_nonces').values({ key, scan_id: scanId, expires_at: expiresAt }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const r = await this.db.selectFrom('checkpoint_nonces').select('scan_id').where('key', '=', key).executeTakeFirstOrThrow();
    return { fresh: r.scan_id === scanId, firstScanId: r.scan_id };
  }
  async purgeExpired(now: string) {
    const res = await this.db.deleteFrom('checkpoint_nonces').where('expires_at', '<', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}

type AlertRow = Selectable<CheckpointTables['checkpoint_alerts']>;
const toAlert = (r: AlertRow): AlertRecord => ({
  id: r.id,
  checkpointId: r.checkpoint_id,
  unitId: r.unit_id,
  scanId: r.scan_id,
  at: r.at,
  kind: r.kind as AlertRecord['kind'],
  message: r.message,
  details: JSON.parse(r.details) as Record<string, unknown>,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
});

export class SqlAlertStore implements AlertStore {
  constructor(private readonly db: Db) {}
  async insert(a: AlertRecord) {
    await this.db
      .insertInto('checkpoint_alerts')
      .values({ id: a.id, checkpoint_id: a.checkpointId, unit_id: a.unitId, scan_id: a.scanId, at: a.at, kind: a.kind, message: a.message, details: JSON.stringify(a.details), acknowledged_at: a.acknowledgedAt, acknowledged_by: a.acknowledgedBy })
      .execute();
  }
  async get(id: string) {
    const r = await this.db.selectFrom('checkpoint_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAlert(r) : undefined;
  }
  async list(unitIds: readonly string[], opts: { limit: number; open?: boolean }) {
    if (unitIds.length === 0) return [];
    let q = this.db.selectFrom('checkpoint_alerts').selectAll().where('unit_id', 'in', unitIds);
    if (opts.open) q = q.where('acknowledged_at', 'is', null);
    return (await q.orderBy('at', 'desc').limit(opts.limit).execute()).map(toAlert);
  }
  async acknowledge(id: string, by: string, at: string) {
    await this.db.updateTable('checkpoint_alerts').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id).execute();
  }
  async lastAt(checkpointId: string, kind: AlertRecord['kind']) {
    const r = await this.db.selectFrom('checkpoint_alerts').select('at').where('checkpoint_id', '=', checkpointId).where('kind', '=', kind).orderBy('at', 'desc').limit(1).executeTakeFirst();
    return r?.at;
  }
}
