import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Table shapes of migration 0004 (cases and incidents). */
export type ViolationsTable = {
  id: string; status: string; source: string; unit_id: string; camera_id: string | null; event_id: string | null;
  occurred_at: string; place: string; type_code: string; rule: string; plate: string | null; plate_display: string | null;
  plate_colour: string | null; vehicle_type: string; subject: string | null; owner: string | null; verified_at: string | null;
  verified_by: string | null; reject_reason: string | null; owner_due_at: string; notice_no: string | null;
  notice_issued_at: string | null; notice_due_at: string | null; appear_place: string | null; appear_at: string | null;
  routed_to_unit_id: string | null; decision_no: string | null; fine_amount: number | null; paid: number;
  resolved_at: string | null; escalated_at: string | null; inspection_flag: number; published_at: string | null;
  closed_at: string | null; close_reason: string | null; retain_until: string | null; note: string | null;
  created_by: string; created_at: string; updated_at: string;
};
export type ViolationEvidenceTable = {
  id: string; violation_id: string; kind: string; file_name: string | null; mime: string | null; size: number | null;
  sha256: string | null; path: string | null; ref: string | null; captured_at: string | null; camera_id: string | null;
  device_id: string | null; signal_state: string | null; created_at: string; created_by: string;
};
export type ViolationHistoryTable = {
  seq?: number; violation_id: string; at: string; action: string; from_status: string | null; to_status: string;
  actor_id: string | null; actor_name: string; note: string | null;
};
export type CitizenSubmissionsTable = {
  id: string; unit_id: string; received_at: string; provider_name: string; provider_address: string; provider_phone: string | null;
  type_code: string; description: string; receiving_officer: string; verification: string; verification_note: string | null;
  file_name: string | null; file_size: number | null; file_sha256: string | null; file_path: string | null; file_meta: string | null;
  duplicate_of: string | null; violation_id: string | null; created_at: string;
};
export type VehicleRegistryTable = {
  plate: string; vehicle_type: string; owner_name: string; owner_address: string; owner_id_number: string; owner_unit_code: string; brand: string;
};
export type IncidentsTable = {
  id: string; unit_id: string; type: string; title: string; description: string; place: string; occurred_at: string;
  reported_by: string; reporter_name: string; camera_ids: string; event_ids: string; export_ids: string; officers: string;
  status: string; outcome: string; created_by: string; created_at: string; updated_at: string;
};
export type FootageRequestsTable = {
  id: string; unit_id: string; incident_id: string | null; requester_name: string; requester_phone: string; requester_address: string;
  camera_id: string | null; from_time: string; to_time: string; reason: string; status: string; decided_by: string | null;
  decided_at: string | null; decision_note: string; export_id: string | null; created_at: string;
};

export type CasesTables = {
  violations: ViolationsTable;
  violation_evidence: ViolationEvidenceTable;
  violation_history: ViolationHistoryTable;
  violation_notice_seq: { unit_id: string; year: number; last: number };
  citizen_submissions: CitizenSubmissionsTable;
  vehicle_registry: VehicleRegistryTable;
  unit_contacts: { unit_id: string; address: string; phone: string };
  incidents: IncidentsTable;
  footage_requests: FootageRequestsTable;
};

export type CasesDb = Kysely<Database & CasesTables>;

export function casesDb(db: Kysely<Database>): CasesDb {
  return db.withTables<CasesTables>() as unknown as CasesDb;
}

/** Escapes LIKE wildcards so user text matches literally (with `escape '\'`). */
export const likeText = (s: string): string => `%${s.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
