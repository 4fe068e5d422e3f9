import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-video';
import * as m0003 from './0003-health';
import * as m0004 from './0004-cases';
import * as m0005 from './0005-checkpoints';
import * as m0006 from './0006-maintenance';
import * as m0007 from './0007-analytics';
import * as m0008 from './0008-watchlist';
import * as m0009 from './0009-health-reason-codes';

/** Numbered migrations, applied in order at start; never edit one that has shipped, add the next. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-video': m0002,
  '0003-health': m0003,
  '0004-cases': m0004,
  '0005-checkpoints': m0005,
  '0006-maintenance': m0006,
  '0007-analytics': m0007,
  '0008-watchlist': m0008,
  '0009-health-reason-codes': m0009,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
