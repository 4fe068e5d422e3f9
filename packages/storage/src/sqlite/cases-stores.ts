import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { SqlSubmissionStore, SqlUnitContactStore, SqlVehicleRegistry } from './cases-misc-store';
import { SqlViolationStore } from './cases-violation-store';
import { SqlFootageRequestStore, SqlIncidentStore } from './incidents-store';

/** Every store of the cases and incidents features over one database. */
export function createCaseStores(db: Kysely<Database>) {
  return {
    violations: new SqlViolationStore(db),
    submissions: new SqlSubmissionStore(db),
    registry: new SqlVehicleRegistry(db),
    contacts: new SqlUnitContactStore(db),
    incidents: new SqlIncidentStore(db),
    requests: new SqlFootageRequestStore(db),
  };
}
export type CaseStores = ReturnType<typeof createCaseStores>;
export { SqlViolationStore, SqlSubmissionStore, SqlVehicleRegistry, SqlUnitContactStore, SqlIncidentStore, SqlFootageRequestStore };
export { violationRow } from './cases-violation-store';
export { incidentRow } from './incidents-store';
