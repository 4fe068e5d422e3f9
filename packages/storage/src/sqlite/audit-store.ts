import type { AuditFilter, AuditRow, AuditStore } from '@vigil/core';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../schema';

const toRow = (r: Selectable<AuditLogTable>): AuditRow => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  unitId: r.unit_id,
  ip: r.ip,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Audit rows plus a one-row head (last seq, hash, count) so deleting the tail is detectable too. */
export class SqlAuditStore implements AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async append(chain: (last: { seq: number; hash: string } | null) => AuditRow): Promise<AuditRow> {
    return this.db.transaction().execute(async (tx) => {
      const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const row = chain(last ?? null);
      await tx
        .insertInto('audit_log')
        .values({
          seq: row.seq, at: row.at, actor_id: row.actorId, actor_name: row.actorName, action: row.action,
          target_type: row.targetType, target_id: row.targetId, unit_id: row.unitId, ip: row.ip,
          details: JSON.stringify(row.details), prev_hash: row.prevHash, hash: row.hash,
        })
        .execute();
      await tx
        .insertInto('audit_head')
        .values({ id: 1, seq: row.seq, hash: row.hash, count: 1 })
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ seq: row.seq, hash: row.hash, count: eb('audit_head.count', '+', 1) })))
        .execute();
      return row;
    });
  }

  async list(f: AuditFilter) {
    let q = this.db.selectFrom('audit_log');
    if (f.action) q = q.where('action', 'like', `${f.action}%`);
    if (f.actor) q = q.where('actor_name', '=', f.actor);
    if (f.targetId) q = q.where('target_id', '=', f.targetId);
    if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('at', '<=', new Date(f.to).toISOString());
    if (f.unitIds) {
      const ids = f.unitIds;
      if (ids.length === 0) return { rows: [], total: 0 };
      q = q.where('unit_id', 'in', ids);
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute();
    return { rows: rows.map(toRow), total };
  }

  async scan(afterSeq: number, batch: number) {
    const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batch).execute();
    return rows.map(toRow);
  }

  async head() {
    const r = await this.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    return r ? { seq: r.seq, hash: r.hash, count: r.count } : null;
  }
}
