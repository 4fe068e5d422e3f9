import type { Kysely } from 'kysely';

/** Checkpoint stations, local registry lists (hashed keys), the scan log, nonces and alerts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('camera_ids', 'text', (c) => c.notNull())
    .addColumn('officers', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('declaration', 'text', (c) => c.notNull())
    .addColumn('national', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoints_unit').on('checkpoints').column('unit_id').execute();

  await db.schema
    .createTable('checkpoint_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One row per hashed ID; the composite primary key is the look-up index.
  await db.schema
    .createTable('checkpoint_list_entries')
    .addColumn('list_id', 'text', (c) => c.notNull().references('checkpoint_lists.id').onDelete('cascade'))
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_list_entries_pk', ['list_id', 'id_hash'])
    .execute();

  await db.schema
    .createTable('checkpoint_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text')
    .addColumn('id_masked', 'text')
    .addColumn('initials', 'text')
    .addColumn('officers', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('latency_ms', 'real', (c) => c.notNull())
    .addColumn('thumbnail', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('checkpoint_scans_cp_at').on('checkpoint_scans').columns(['checkpoint_id', 'at']).execute();

  await db.schema
    .createTable('checkpoint_nonces')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('scan_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_nonces_expiry').on('checkpoint_nonces').column('expires_at').execute();

  await db.schema
    .createTable('checkpoint_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('scan_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema.createIndex('checkpoint_alerts_unit_at').on('checkpoint_alerts').columns(['unit_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['checkpoint_alerts', 'checkpoint_nonces', 'checkpoint_scans', 'checkpoint_list_entries', 'checkpoint_lists', 'checkpoints']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
