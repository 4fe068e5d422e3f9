import type { CheckpointRules, DeclarationConfig, RegistryListKind, CheckpointOfficer, ScanPayloadKind, ScanReasonCode, ScanVerdict } from '@vigil/types';

/** Stored checkpoint; the national platform's API key is sealed before it reaches the store. */
export interface CheckpointRecord {
  id: string;
  name: string;
  unitId: string;
  address: string;
  lat: number | null;
  lng: number | null;
  cameraIds: string[];
  officers: CheckpointOfficer[];
  rules: CheckpointRules;
  declaration: DeclarationConfig;
  national: { url: string; timeoutMs: number; apiKeySealed: string | null } | null;
  webhookUrl: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CheckpointStore {
  list(unitIds: readonly string[]): Promise<CheckpointRecord[]>;
  /** Every checkpoint, for start-up and purge jobs. */
  all(): Promise<CheckpointRecord[]>;
  get(id: string): Promise<CheckpointRecord | undefined>;
  insert(rec: CheckpointRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<CheckpointRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A local list imported from CSV; entries are keyed by sha256(salt + ID number), never the number. */
export interface RegistryListRecord {
  id: string;
  unitId: string;
  name: string;
  kind: RegistryListKind;
  salt: string;
  entries: number;
  digest: string;
  importedAt: string | null;
  createdAt: string;
}

export interface RegistryListStore {
  lists(unitIds?: readonly string[]): Promise<RegistryListRecord[]>;
  getList(id: string): Promise<RegistryListRecord | undefined>;
  insertList(rec: RegistryListRecord): Promise<void>;
  updateList(id: string, patch: Partial<Omit<RegistryListRecord, 'id' | 'createdAt'>>): Promise<void>;
  deleteList(id: string): Promise<void>;
  /** Replaces every entry of a list in one transaction. */
  replaceEntries(listId: string, entries: Iterable<{ idHash: string; data: Record<string, string> }>): Promise<number>;
  find(listId: string, idHash: string): Promise<Record<string, string> | undefined>;
  entries(listId: string, limit: number): Promise<[string, Record<string, string>][]>;
}

export type ScanSource = 'station' | 'frame' | 'batch';

/** One line of the scan log: only what the rules and the dashboard need about the person. */
export interface ScanRecord {
  id: string;
  checkpointId: string;
  unitId: string;
  at: string;
  receivedAt: string;
  verdict: ScanVerdict;
  reasons: ScanReasonCode[];
  kind: ScanPayloadKind;
  /** Keyed hash of the ID number (not reversible without the server's key). */
  idHash: string | null;
  idMasked: string | null;
  initials: string | null;
  officers: string[];
  operatorId: string;
  operatorName: string;
  source: ScanSource;
  latencyMs: number;
  /** Base64 JPEG, a few kB. */
  thumbnail: string | null;
  purgedAt: string | null;
}

export interface ScanFilter {
  checkpointId: string;
  from?: string;
  to?: string;
  verdict?: ScanVerdict;
  limit: number;
  offset: number;
}

export interface ScanStore {
  /** False when a scan with this id is already stored (idempotent client retries). */
  insert(rec: ScanRecord): Promise<boolean>;
  get(id: string): Promise<ScanRecord | undefined>;
  list(f: ScanFilter): Promise<{ rows: ScanRecord[]; total: number }>;
  /** Minimal rows for the dashboard. */
  timings(checkpointIds: readonly string[], from: string, to: string): Promise<{ checkpointId: string; at: string; verdict: ScanVerdict; latencyMs: number }[]>;
  countSince(checkpointId: string, since: string): Promise<number>;
  /** Clears personal fields (hash, mask, initials, thumbnail) of scans before `before`. */
  purgePersonal(checkpointId: string, before: string, now: string): Promise<number>;
}

export interface NonceStore {
  /** Records a nonce; answers whether it was new and which scan used it first. */
  claim(key: string, scanId: string, expiresAt: string): Promise<{ fresh: boolean; firstScanId: string }>;
  purgeExpired(now: string): Promise<number>;
}

export interface AlertRecord {
  id: string;
  checkpointId: string;
  unitId: string;
  scanId: string | null;
  at: string;
  kind: 'flagged_person' | 'queue';
  message: string;
  details: Record<string, unknown>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface AlertStore {
  insert(rec: AlertRecord): Promise<void>;
  get(id: string): Promise<AlertRecord | undefined>;
  list(unitIds: readonly string[], opts: { limit: number; open?: boolean }): Promise<AlertRecord[]>;
  acknowledge(id: string, by: string, at: string): Promise<void>;
  lastAt(checkpointId: string, kind: AlertRecord['kind']): Promise<string | undefined>;
}

/** What a registry knows about a person. */
export interface RegistryAnswer {
  flagged?: { category: 'wanted' | 'flagged'; note?: string }[];
  permit?: { validTo: string | null; number?: string } | null;
  health?: { status: string } | null;
}

/** A source to check a person against: local lists, the national platform, ... */
export interface PersonRegistry {
  readonly name: string;
  lookup(idNumber: string): Promise<RegistryAnswer>;
}

/** Tells the operations centre (webhook, bus) about an alert; failures are logged, not thrown. */
export interface AlertNotifier {
  notify(alert: AlertRecord, webhookUrl: string | null): void;
}

export interface CheckpointStores {
  checkpoints: CheckpointStore;
  lists: RegistryListStore;
  scans: ScanStore;
  nonces: NonceStore;
  alerts: AlertStore;
}
