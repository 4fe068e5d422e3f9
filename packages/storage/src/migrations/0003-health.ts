import type { Kysely } from 'kysely';

/** Camera state history (for availability), health alerts, per-camera thresholds, notifiers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('camera_state_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint')
    .execute();
  await db.schema.createIndex('state_log_camera').on('camera_state_log').columns(['camera_id', 'start_ms']).execute();

  await db.schema
    .createTable('health_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('state_since', 'text', (c) => c.notNull())
    .addColumn('detected_after_ms', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('flaps', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_status').on('health_alerts').columns(['status', 'opened_at']).execute();
  await db.schema.createIndex('alerts_camera').on('health_alerts').columns(['camera_id', 'opened_at']).execute();

  await db.schema
    .createTable('health_settings')
    .addColumn('camera_id', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('health_notifiers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['health_notifiers', 'health_settings', 'health_alerts', 'camera_state_log']) await db.schema.dropTable(t).ifExists().execute();
}
