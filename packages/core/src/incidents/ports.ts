import type { FootageRequest, Incident, IncidentStatus, IncidentType } from '@vigil/types';

/** A stored incident (the API view adds the unit's name). */
export type IncidentRecord = Omit<Incident, 'unitName'> & { createdBy: string };

export interface IncidentFilter {
  unitIds?: readonly string[];
  type?: IncidentType;
  status?: IncidentStatus;
  cameraId?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface IncidentStore {
  insert(rec: IncidentRecord): Promise<void>;
  get(id: string): Promise<IncidentRecord | undefined>;
  update(id: string, patch: Partial<IncidentRecord>): Promise<void>;
  list(f: IncidentFilter): Promise<{ rows: IncidentRecord[]; total: number }>;
  countBy(column: 'type' | 'status' | 'unit_id', f: { from: string; to: string; unitIds?: readonly string[] }): Promise<{ key: string | null; count: number }[]>;
  /** Camera ids (JSON lists) of incidents in a window, for per-camera counts. */
  cameraLists(f: { from: string; to: string; unitIds?: readonly string[] }): Promise<string[][]>;
}

export interface FootageRequestStore {
  insert(rec: FootageRequest): Promise<void>;
  get(id: string): Promise<FootageRequest | undefined>;
  update(id: string, expected: FootageRequest['status'], patch: Partial<FootageRequest>): Promise<boolean>;
  list(unitIds: readonly string[] | undefined, limit: number, offset: number): Promise<{ rows: FootageRequest[]; total: number }>;
}
