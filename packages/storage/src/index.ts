import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { SqlAuditStore } from './sqlite/audit-store';
import { SqlCameraStore } from './sqlite/camera-store';
import { SqlUnitStore } from './sqlite/unit-store';
import { SqlSessionStore, SqlUserStore } from './sqlite/user-store';

export { openSqlite, migrate } from './sqlite/open';
export { migrations } from './migrations/index';
export type { Database } from './schema';
export { SqlAuditStore, SqlCameraStore, SqlUnitStore, SqlSessionStore, SqlUserStore };

/** Every store over one Kysely database (SQLite today; the SQL is kept portable for PostgreSQL). */
export function createStores(db: Kysely<Database>) {
  return {
    units: new SqlUnitStore(db),
    users: new SqlUserStore(db),
    sessions: new SqlSessionStore(db),
    cameras: new SqlCameraStore(db),
    audit: new SqlAuditStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
export { SqlRecordingStore, SqlExportStore, SqlLayoutStore } from './sqlite/video-stores';
export * from './sqlite/cases-stores';
export * from './sqlite/checkpoint-stores';
export { SqlHealthStore, type HealthTables } from './sqlite/health-store';
export * from './sqlite/maintenance-stores';
export * from './sqlite/analytics-store';
export * from './sqlite/watchlist-store';
