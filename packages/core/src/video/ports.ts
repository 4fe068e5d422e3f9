/** A recorded file in the index. Times are epoch milliseconds. */
export interface SegmentRecord {
  id: number;
  cameraId: string;
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
  complete: boolean;
}

export interface HoldRecord {
  id: string;
  cameraId: string;
  fromMs: number;
  toMs: number;
  reason: string;
  /** What holds it (export id, case id). */
  ref: string | null;
  /** Held until then; null = until released. */
  untilMs: number | null;
  createdAt: string;
}

export interface RecordingStore {
  /** Inserts or updates (by path) a segment as the recorder reports it. */
  upsert(s: Omit<SegmentRecord, 'id'>): Promise<void>;
  list(cameraId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]>;
  get(id: number): Promise<SegmentRecord | undefined>;
  /** Unheld segments of a camera ending before `beforeMs`, oldest first. */
  expired(cameraId: string, beforeMs: number, nowMs: number, limit: number): Promise<SegmentRecord[]>;
  /** Unheld segments of all cameras, oldest first (quota enforcement). */
  oldestUnheld(nowMs: number, limit: number): Promise<SegmentRecord[]>;
  delete(ids: number[]): Promise<void>;
  totalBytes(): Promise<number>;
  cameraIds(): Promise<string[]>;
  /** Segments still marked open: left so by a crash or power cut. */
  incomplete(): Promise<SegmentRecord[]>;
  addHold(h: HoldRecord): Promise<void>;
  releaseHolds(ref: string): Promise<void>;
}

export interface ExportRecord {
  id: string;
  cameraId: string;
  unitId: string;
  kind: 'clip' | 'still';
  fromMs: number;
  toMs: number;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  file: string;
  sha256: string;
  bytes: number;
  gaps: { start: string; end: string }[];
  createdAt: string;
}

export interface ExportStore {
  insert(e: ExportRecord): Promise<void>;
  get(id: string): Promise<ExportRecord | undefined>;
  list(f: { unitIds: readonly string[]; cameraId?: string; limit: number; offset: number }): Promise<{ rows: ExportRecord[]; total: number }>;
}

export interface LayoutRecord {
  id: string;
  userId: string;
  name: string;
  data: string;
  updatedAt: string;
}

export interface LayoutStore {
  list(userId: string): Promise<LayoutRecord[]>;
  get(id: string): Promise<LayoutRecord | undefined>;
  upsert(l: LayoutRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Cuts clips and stills out of recorded files (the media adapter implements it). */
export interface ClipCutter {
  clip(o: { segments: SegmentRecord[]; fromMs: number; toMs: number; out: string }): Promise<{ bytes: number; sha256: string }>;
  still(o: { segment: SegmentRecord; atMs: number; out: string }): Promise<{ bytes: number; sha256: string }>;
}

/** Deletes recorded files; a missing file is not an error. */
export interface FileRemover {
  remove(path: string): Promise<void>;
  freeBytes(): Promise<number>;
}
