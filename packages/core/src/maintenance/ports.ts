import type { TicketNote, TicketPhoto, TicketStatus } from '@vigil/types';

/** Stored repair ticket (history and photos live in their own tables). */
export interface TicketRecord {
  id: string;
  cameraId: string;
  unitId: string;
  alertId: string | null;
  assignee: string;
  contractor: string | null;
  status: TicketStatus;
  verifyAfterMin: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  fixedAt: string | null;
  verifiedAt: string | null;
}

export interface TicketFilter {
  unitIds: readonly string[];
  status?: TicketStatus;
  /** Every status but verified. */
  open?: boolean;
  cameraId?: string;
  alertId?: string;
  assignee?: string;
  limit: number;
  offset: number;
}

/** A stored photo: metadata plus where the bytes lie under the data directory. */
export interface PhotoRecord extends TicketPhoto {
  ticketId: string;
  path: string;
}

export interface TicketStore {
  list(filter: TicketFilter): Promise<{ rows: TicketRecord[]; total: number }>;
  get(id: string): Promise<TicketRecord | undefined>;
  insert(rec: TicketRecord): Promise<void>;
  /** Updates only when the status is still `expected`, so two concurrent moves cannot both win. */
  update(id: string, expected: TicketStatus, patch: Partial<Omit<TicketRecord, 'id' | 'createdAt'>>): Promise<boolean>;
  /** Tickets in `fixed`, for the verification job. */
  fixed(): Promise<TicketRecord[]>;
  addNote(ticketId: string, note: TicketNote): Promise<void>;
  notes(ticketId: string): Promise<TicketNote[]>;
  addPhoto(rec: PhotoRecord): Promise<void>;
  photos(ticketId: string): Promise<PhotoRecord[]>;
  photo(ticketId: string, photoId: string): Promise<PhotoRecord | undefined>;
  /** Tickets fixed in [from, to), for mean time to repair. */
  fixedBetween(unitIds: readonly string[], from: string, to: string): Promise<{ createdAt: string; fixedAt: string }[]>;
}

export interface WindowRecord {
  id: string;
  cameraId: string;
  unitId: string;
  from: string;
  to: string;
  reason: string;
  createdAt: string;
  createdBy: string;
}

export interface WindowStore {
  /** Windows overlapping [from, to) of cameras in the units (or of one camera). */
  list(q: { unitIds: readonly string[]; cameraId?: string; from?: string; to?: string }): Promise<WindowRecord[]>;
  get(id: string): Promise<WindowRecord | undefined>;
  insert(rec: WindowRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** One period of a camera in one state (the monitor's camera_state_log); endMs null = still in it. */
export interface StatePeriod {
  cameraId: string;
  state: string;
  startMs: number;
  endMs: number | null;
}

/** A health alert, reduced to what the reports need. */
export interface AlertFacts {
  id: string;
  cameraId: string;
  unitId: string;
  status: string;
  openedAt: string;
  detectedAfterMs: number;
  resolvedAt: string | null;
}

/** Read access to the monitor's history (written by the health monitor, read here). */
export interface HealthHistory {
  /** Periods of the cameras overlapping [fromMs, toMs). */
  periods(cameraIds: readonly string[], fromMs: number, toMs: number): Promise<StatePeriod[]>;
  /** The camera's current period, if the monitor has one. */
  current(cameraId: string): Promise<StatePeriod | undefined>;
  alert(id: string): Promise<AlertFacts | undefined>;
  /** Alerts opened or resolved within [from, to) in the units. */
  alertsBetween(unitIds: readonly string[], from: string, to: string): Promise<AlertFacts[]>;
}
