import type {
  EvidenceKind, Owner, PlateColour, Queue, Submission, VehicleRecord, VehicleType, ViolationRule, ViolationSource, ViolationStatus,
} from '@vigil/types';

/** A stored violation case; personal data of the owner sits in `owner` and never leaves via public routes. */
export interface ViolationRecord {
  id: string;
  status: ViolationStatus;
  source: ViolationSource;
  unitId: string;
  cameraId: string | null;
  eventId: string | null;
  occurredAt: string;
  place: string;
  typeCode: string;
  rule: ViolationRule;
  plate: string | null;
  plateDisplay: string | null;
  plateColour: PlateColour | null;
  vehicleType: VehicleType;
  subjectVi: string | null;
  owner: Owner | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  rejectReason: string | null;
  ownerDueAt: string;
  noticeNo: string | null;
  noticeIssuedAt: string | null;
  noticeDueAt: string | null;
  appearPlace: string | null;
  appearAt: string | null;
  routedToUnitId: string | null;
  decisionNo: string | null;
  fineAmount: number | null;
  paid: boolean;
  resolvedAt: string | null;
  escalatedAt: string | null;
  inspectionFlag: boolean;
  publishedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  retainUntil: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ViolationFilter {
  /** Units whose cases (detected there or routed there) are visible; undefined = every unit. */
  unitIds?: readonly string[];
  queue?: Queue;
  status?: ViolationStatus;
  plate?: string;
  typeCode?: string;
  place?: string;
  cameraId?: string;
  from?: string;
  to?: string;
  /** For the near-deadline queue: due in [nearAfter, nearBefore] (passed ones show as overdue elsewhere). */
  nearAfter?: string;
  nearBefore?: string;
  limit: number;
  offset: number;
}

export interface EvidenceRecord {
  id: string;
  violationId: string;
  kind: EvidenceKind;
  fileName: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  /** Path of the stored file relative to the evidence store, or null for a reference. */
  path: string | null;
  ref: string | null;
  capturedAt: string | null;
  cameraId: string | null;
  deviceId: string | null;
  signalState: string | null;
  createdAt: string;
  createdBy: string;
}

export interface HistoryRecord {
  violationId: string;
  at: string;
  action: string;
  fromStatus: ViolationStatus | null;
  toStatus: ViolationStatus;
  actorId: string | null;
  actorName: string;
  note: string | null;
}

export interface CountRow {
  key: string | null;
  count: number;
  amount?: number;
}

export interface ViolationStore {
  insert(rec: ViolationRecord, evidence: EvidenceRecord[], history: HistoryRecord): Promise<void>;
  get(id: string): Promise<ViolationRecord | undefined>;
  /** Applies `patch` only while the case is still in `expected` state; false when someone else moved it. */
  transition(id: string, expected: ViolationStatus, patch: Partial<ViolationRecord>, history: HistoryRecord): Promise<boolean>;
  list(filter: ViolationFilter): Promise<{ rows: ViolationRecord[]; total: number; capped: boolean }>;
  /** Published cases of one plate, for the public look-up. */
  published(plate: string, vehicleType: VehicleType): Promise<ViolationRecord[]>;
  /** Cases with notices past their resolve deadline, for the escalation job. */
  overdueNotices(nowIso: string, limit: number): Promise<ViolationRecord[]>;
  addEvidence(rec: EvidenceRecord): Promise<void>;
  evidence(violationId: string): Promise<EvidenceRecord[]>;
  history(violationId: string): Promise<HistoryRecord[]>;
  /** Counts grouped by one column over a time window (for reports). */
  countBy(column: 'type_code' | 'status' | 'unit_id' | 'camera_id', f: { from: string; to: string; unitIds?: readonly string[] }): Promise<CountRow[]>;
  finesPaid(f: { from: string; to: string; unitIds?: readonly string[] }): Promise<number>;
  /** Next notice number in a year (per detecting unit), allocated atomically. */
  nextNoticeNo(unitId: string, year: number): Promise<number>;
}

export interface SubmissionStore {
  insert(s: Submission & { filePath: string | null }): Promise<void>;
  list(unitIds: readonly string[] | undefined, limit: number, offset: number): Promise<{ rows: Submission[]; total: number }>;
  findByHash(sha256: string): Promise<Submission | undefined>;
}

/** The vehicle registry adapter: the default reads a local table imported from CSV. */
export interface VehicleRegistry {
  lookup(plate: string, vehicleType: VehicleType): Promise<VehicleRecord | undefined>;
}

export interface VehicleRegistryStore extends VehicleRegistry {
  upsertMany(rows: VehicleRecord[]): Promise<number>;
  count(): Promise<number>;
}

export interface UnitContactStore {
  get(unitId: string): Promise<{ address: string; phone: string } | undefined>;
  set(unitId: string, address: string, phone: string): Promise<void>;
  all(): Promise<{ unitId: string; address: string; phone: string }[]>;
}

/** Where evidence files live (the server keeps them under its data directory). */
export interface EvidenceFiles {
  /** Stores bytes and returns the relative path. */
  put(violationId: string, fileName: string, data: Buffer): Promise<string>;
  read(path: string): Promise<Buffer>;
}
