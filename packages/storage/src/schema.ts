import type { Generated } from 'kysely';

/** Table shapes as the database holds them (booleans as 0/1, lists as JSON text). */
export interface UnitsTable {
  id: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface CamerasTable {
  id: string;
  name: string;
  unit_id: string;
  main_url: string;
  sub_url: string | null;
  credentials_sealed: string | null;
  lat: number | null;
  lng: number | null;
  address: string;
  place_type: string;
  purposes: string;
  ownership: string;
  recorder_name: string | null;
  recorder_channel: number | null;
  tags: string;
  enabled: number;
  record_enabled: number;
  retention_days: number;
  rtsp_transport: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  unit_id: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  count: number;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  cameras: CamerasTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type { Generated };
