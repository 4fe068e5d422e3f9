import type { Kysely } from 'kysely';

/** Analytics: per-camera rules (one JSON document per camera) and the events they raise. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_rules')
    .addColumn('camera_id', 'text', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('analytics_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('rule_kind', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('track_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('box', 'text', (c) => c.notNull())
    .addColumn('snapshot_path', 'text')
    .addColumn('clip_from', 'text', (c) => c.notNull())
    .addColumn('clip_to', 'text', (c) => c.notNull())
    .addColumn('plate', 'text')
    .addColumn('speed_kmh', 'real')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .execute();
  await db.schema.createIndex('analytics_events_camera_at').on('analytics_events').columns(['camera_id', 'at']).execute();
  await db.schema.createIndex('analytics_events_unit_at').on('analytics_events').columns(['unit_id', 'at']).execute();
  await db.schema.createIndex('analytics_events_plate').on('analytics_events').column('plate').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analytics_events').execute();
  await db.schema.dropTable('analytics_rules').execute();
}
