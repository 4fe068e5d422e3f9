import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrationProvider } from '../migrations/index';
import type { Database } from '../schema';

export interface OpenSqliteOptions {
  /** Path of the database file; ':memory:' for tests that need no file. */
  file: string;
}

/** Opens (creating if needed) a SQLite file in WAL mode and applies pending migrations. */
export async function openSqlite(opts: OpenSqliteOptions): Promise<Kysely<Database>> {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
  const native = new BetterSqlite3(opts.file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  await migrate(db);
  return db;
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // Features land in parallel: a database may hold a later-numbered migration before an earlier one.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
