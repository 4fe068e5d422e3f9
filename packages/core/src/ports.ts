import type { AuditEntry, CameraStatus, Location, Ownership, Purpose, Role, UnitLevel } from '@vigil/types';

/** Stored unit row. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
}

export interface UnitStore {
  all(): Promise<UnitRecord[]>;
  get(id: string): Promise<UnitRecord | undefined>;
  getByCode(code: string): Promise<UnitRecord | undefined>;
  insert(unit: UnitRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<UnitRecord, 'id'>>): Promise<void>;
  delete(id: string): Promise<void>;
  /** Number of child units and of cameras and users attached, to refuse deleting a unit in use. */
  usage(id: string): Promise<{ children: number; cameras: number; users: number }>;
}

/** Stored user row, hash included. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserStore {
  get(id: string): Promise<UserRecord | undefined>;
  getByUsername(username: string): Promise<UserRecord | undefined>;
  list(unitIds: readonly string[]): Promise<UserRecord[]>;
  insert(user: UserRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  get(tokenHash: string): Promise<SessionRecord | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(nowIso: string): Promise<number>;
}

/** Stored camera row; credentials are sealed by a SecretBox before they reach the store. */
export interface CameraRecord {
  id: string;
  name: string;
  unitId: string;
  mainUrl: string;
  subUrl: string | null;
  credentialsSealed: string | null;
  location: Location;
  purposes: Purpose[];
  ownership: Ownership;
  recorder: { name: string; channel: number | null } | null;
  tags: string[];
  enabled: boolean;
  recording: { enabled: boolean; retentionDays: number };
  rtspTransport: 'tcp' | 'udp';
  status: CameraStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CameraFilter {
  unitIds: readonly string[];
  purpose?: Purpose;
  status?: CameraStatus;
  q?: string;
  limit: number;
  offset: number;
}

export interface CameraStore {
  list(filter: CameraFilter): Promise<{ rows: CameraRecord[]; total: number }>;
  get(id: string): Promise<CameraRecord | undefined>;
  findByName(unitId: string, name: string): Promise<CameraRecord | undefined>;
  insert(camera: CameraRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<CameraRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
}

/** An audit row before it is chained. */
export type AuditDraft = Omit<AuditEntry, 'seq'>;
export interface AuditRow extends AuditEntry {
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetId?: string;
  from?: string;
  to?: string;
  unitIds?: readonly string[];
  limit: number;
  offset: number;
}

export interface AuditStore {
  /**
   * Appends one row atomically: `chain` receives the last row's seq and hash (or null for an empty
   * log) and returns the row to insert, so no two appends can share a predecessor.
   */
  append(chain: (last: { seq: number; hash: string } | null) => AuditRow): Promise<AuditRow>;
  list(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }>;
  /** Rows in seq order, in batches, for verification. */
  scan(afterSeq: number, batch: number): Promise<AuditRow[]>;
  head(): Promise<{ seq: number; hash: string; count: number } | null>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Authenticated encryption of small secrets at rest. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
