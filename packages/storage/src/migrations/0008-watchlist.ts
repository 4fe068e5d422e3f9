import type { Kysely } from 'kysely';

/** Watch-list of plates (stolen, wanted) and the hits (alerts) raised when a read plate matches. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('watchlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('watchlist_entries_plate').on('watchlist_entries').column('plate').execute();
  await db.schema
    .createTable('watchlist_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('camera_id', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real')
    .addColumn('checked_by', 'text')
    .execute();
  await db.schema.createIndex('watchlist_hits_unit_at').on('watchlist_hits').columns(['unit_id', 'at']).execute();
  await db.schema.createIndex('watchlist_hits_entry_camera').on('watchlist_hits').columns(['entry_id', 'camera_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('watchlist_hits').execute();
  await db.schema.dropTable('watchlist_entries').execute();
}
