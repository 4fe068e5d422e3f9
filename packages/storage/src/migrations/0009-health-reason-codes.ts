import type { Kysely } from 'kysely';

/** Health alerts keep their reasons as codes with values (JSON), so the UI can show them in its own language. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('health_alerts').addColumn('reason_codes', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('health_alerts').dropColumn('reason_codes').execute();
}
