/** Row shapes of the checkpoint tables (migration 0005), for `db.withTables<CheckpointTables>()`. */
export type CheckpointTables = {
  checkpoints: {
    id: string;
    unit_id: string;
    name: string;
    address: string;
    lat: number | null;
    lng: number | null;
    camera_ids: string;
    officers: string;
    rules: string;
    declaration: string;
    national: string | null;
    webhook_url: string | null;
    enabled: number;
    created_at: string;
    updated_at: string;
  };
  checkpoint_lists: {
    id: string;
    unit_id: string;
    name: string;
    kind: string;
    salt: string;
    entries: number;
    digest: string;
    imported_at: string | null;
    created_at: string;
  };
  checkpoint_list_entries: { list_id: string; id_hash: string; data: string };
  checkpoint_scans: {
    id: string;
    checkpoint_id: string;
    unit_id: string;
    at: string;
    received_at: string;
    verdict: string;
    reasons: string;
    kind: string;
    id_hash: string | null;
    id_masked: string | null;
    initials: string | null;
    officers: string;
    operator_id: string;
    operator_name: string;
    source: string;
    latency_ms: number;
    thumbnail: string | null;
    purged_at: string | null;
  };
  checkpoint_nonces: { key: string; scan_id: string; expires_at: string };
  checkpoint_alerts: {
    id: string;
    checkpoint_id: string;
    unit_id: string;
    scan_id: string | null;
    at: string;
    kind: string;
    message: string;
    details: string;
    acknowledged_at: string | null;
    acknowledged_by: string | null;
  };
};
