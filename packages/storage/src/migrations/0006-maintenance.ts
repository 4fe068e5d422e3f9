import type { Kysely } from 'kysely';

/** Repair tickets with their history and photos, and per-camera maintenance windows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('maintenance_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('contractor', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verify_after_min', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('fixed_at', 'text')
    .addColumn('verified_at', 'text')
    .execute();
  await db.schema.createIndex('maint_tickets_status').on('maintenance_tickets').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('maint_tickets_camera').on('maintenance_tickets').columns(['camera_id', 'created_at']).execute();

  // Append-only history: notes, status changes, photo uploads, automatic verification.
  await db.schema
    .createTable('maintenance_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maint_notes_ticket').on('maintenance_notes').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('maintenance_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maint_photos_ticket').on('maintenance_photos').column('ticket_id').execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maint_windows_camera').on('maintenance_windows').columns(['camera_id', 'from_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['maintenance_windows', 'maintenance_photos', 'maintenance_notes', 'maintenance_tickets']) await db.schema.dropTable(t).ifExists().execute();
}
