import type { Kysely } from 'kysely';

/** Violation cases (phạt nguội), evidence, submissions, vehicle registry, unit contacts, incidents, footage requests. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('camera_id', 'text')
    .addColumn('event_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('plate', 'text')
    .addColumn('plate_display', 'text')
    .addColumn('plate_colour', 'text')
    .addColumn('vehicle_type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('owner', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('owner_due_at', 'text', (c) => c.notNull())
    .addColumn('notice_no', 'text')
    .addColumn('notice_issued_at', 'text')
    .addColumn('notice_due_at', 'text')
    .addColumn('appear_place', 'text')
    .addColumn('appear_at', 'text')
    .addColumn('routed_to_unit_id', 'text')
    .addColumn('decision_no', 'text')
    .addColumn('fine_amount', 'integer')
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('inspection_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('retain_until', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Public look-up by plate; work queues by state (and unit) newest first; reports by time.
  await db.schema.createIndex('violations_plate').on('violations').columns(['plate', 'vehicle_type']).execute();
  await db.schema.createIndex('violations_status_time').on('violations').columns(['status', 'occurred_at']).execute();
  await db.schema.createIndex('violations_unit_status_time').on('violations').columns(['unit_id', 'status', 'occurred_at']).execute();
  await db.schema.createIndex('violations_unit_time').on('violations').columns(['unit_id', 'occurred_at']).execute();
  await db.schema.createIndex('violations_time').on('violations').columns(['occurred_at', 'type_code', 'status', 'unit_id', 'camera_id', 'paid', 'fine_amount']).execute();
  await db.schema.createIndex('violations_owner_due').on('violations').columns(['status', 'owner_due_at']).execute();
  // Near-deadline queue of one unit: tight ranges per (unit, state, due date).
  await db.schema.createIndex('violations_unit_owner_due').on('violations').columns(['unit_id', 'status', 'owner_due_at']).execute();
  await db.schema.createIndex('violations_unit_notice_due').on('violations').columns(['unit_id', 'status', 'notice_due_at']).execute();
  await db.schema.createIndex('violations_notice_due').on('violations').columns(['status', 'notice_due_at']).execute();
  await db.schema.createIndex('violations_routed').on('violations').columns(['routed_to_unit_id', 'status', 'occurred_at']).execute();
  await db.schema.createIndex('violations_camera').on('violations').columns(['camera_id', 'occurred_at']).execute();

  await db.schema
    .createTable('violation_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('violation_id', 'text', (c) => c.notNull().references('violations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('path', 'text')
    .addColumn('ref', 'text')
    .addColumn('captured_at', 'text')
    .addColumn('camera_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('signal_state', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('violation_evidence_case').on('violation_evidence').column('violation_id').execute();

  await db.schema
    .createTable('violation_history')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('violation_id', 'text', (c) => c.notNull().references('violations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('violation_history_case').on('violation_history').column('violation_id').execute();

  await db.schema
    .createTable('violation_notice_seq')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('violation_notice_seq_pk', ['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('citizen_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('provider_address', 'text', (c) => c.notNull())
    .addColumn('provider_phone', 'text')
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('receiving_officer', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verification_note', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('file_sha256', 'text')
    .addColumn('file_path', 'text')
    .addColumn('file_meta', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('violation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_submissions_hash').on('citizen_submissions').column('file_sha256').execute();
  await db.schema.createIndex('citizen_submissions_unit').on('citizen_submissions').columns(['unit_id', 'received_at']).execute();

  await db.schema
    .createTable('vehicle_registry')
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('vehicle_type', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_address', 'text', (c) => c.notNull())
    .addColumn('owner_id_number', 'text', (c) => c.notNull())
    .addColumn('owner_unit_code', 'text', (c) => c.notNull())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_registry_pk', ['plate', 'vehicle_type'])
    .execute();

  await db.schema
    .createTable('unit_contacts')
    .addColumn('unit_id', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('camera_ids', 'text', (c) => c.notNull())
    .addColumn('event_ids', 'text', (c) => c.notNull())
    .addColumn('export_ids', 'text', (c) => c.notNull())
    .addColumn('officers', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_time').on('incidents').columns(['occurred_at', 'type', 'status', 'unit_id']).execute();
  await db.schema.createIndex('incidents_unit_time').on('incidents').columns(['unit_id', 'occurred_at']).execute();

  await db.schema
    .createTable('footage_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_phone', 'text', (c) => c.notNull())
    .addColumn('requester_address', 'text', (c) => c.notNull())
    .addColumn('camera_id', 'text')
    .addColumn('from_time', 'text', (c) => c.notNull())
    .addColumn('to_time', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull())
    .addColumn('export_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('footage_requests_unit').on('footage_requests').columns(['unit_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['footage_requests', 'incidents', 'unit_contacts', 'vehicle_registry', 'citizen_submissions', 'violation_notice_seq', 'violation_history', 'violation_evidence', 'violations']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
