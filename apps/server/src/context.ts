import { join, resolve } from 'node:path';
import { AuditService, AuthService, CameraService, UnitService, UserService, systemActor, systemClock, type Clock, type RecordingService, type RecordingStore } from '@vigil/core';
import { createStores, openSqlite, type Database, type Stores } from '@vigil/storage';
import type { Kysely } from 'kysely';
import type { VigilConfig } from '@vigil/types';
import { argon2Hasher } from './adapters/argon2-hasher';
import { createSecretBox, loadSecretKey } from './adapters/secret-box';

/** Everything wired together: adapters into services. The one place that knows both. */
export interface VigilContext {
  config: VigilConfig;
  dataDir: string;
  /** The database, for feature stores (`db.withTables<FeatureTables>()`). */
  db: Kysely<Database>;
  stores: Stores;
  audit: AuditService;
  units: UnitService;
  users: UserService;
  auth: AuthService;
  cameras: CameraService;
  clock: Clock;
  /** Video runtime, set by the video feature when it loads (null in the CLI). */
  video: { manager: import('./video/video-manager').VideoManager; recordings: RecordingService; recordingStore: RecordingStore } | null;
  /** Health runtime, set by the health feature when it loads. */
  health: { monitor: import('./health/monitor').HealthMonitor; store: import('@vigil/core').HealthStore } | null;
  /** Analytics runtime, set by the analytics feature when video ingest runs. */
  analytics: import('./analytics/runtime').AnalyticsRuntime | null;
  /** An all-powerful actor for start-up jobs and the CLI. */
  system(): Promise<ReturnType<typeof systemActor>>;
  close(): Promise<void>;
}

export async function createContext(config: VigilConfig, clock: Clock = systemClock): Promise<VigilContext> {
  const dataDir = resolve(config.storage.dataDir);
  const db = await openSqlite({ file: join(dataDir, 'vigil.db') });
  const stores = createStores(db);
  const secrets = createSecretBox(loadSecretKey(dataDir));
  const audit = new AuditService(stores.audit, clock);
  const units = new UnitService(stores.units, audit);
  const users = new UserService({ users: stores.users, sessions: stores.sessions, units: stores.units, hasher: argon2Hasher, audit, clock });
  const auth = new AuthService({ users: stores.users, sessions: stores.sessions, hasher: argon2Hasher, units, audit, clock, policy: config.auth });
  const cameras = new CameraService({ cameras: stores.cameras, units: stores.units, secrets, audit, clock });
  return {
    config,
    dataDir,
    db,
    stores,
    audit,
    units,
    users,
    auth,
    cameras,
    clock,
    video: null,
    health: null,
    analytics: null,
    system: async () => systemActor((await stores.units.all()).map((u) => u.id)),
    close: () => db.destroy(),
  };
}
