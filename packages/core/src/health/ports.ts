import type { HealthReason, HealthSettings, HealthState, Notifiers } from '@vigil/types';

export interface HealthAlertRecord {
  id: string;
  cameraId: string;
  unitId: string;
  kind: HealthState;
  status: 'open' | 'acknowledged' | 'resolved';
  openedAt: string;
  stateSince: string;
  detectedAfterMs: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  flaps: number;
  message: string;
  /** The reasons behind `message` as codes (absent on alerts stored before migration 0009). */
  reasonCodes?: HealthReason[];
}

export interface HealthAlertFilter {
  unitIds: readonly string[];
  status?: HealthAlertRecord['status'];
  cameraId?: string;
  kind?: HealthState;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface HealthStore {
  insertAlert(a: HealthAlertRecord): Promise<void>;
  updateAlert(id: string, patch: Partial<HealthAlertRecord>): Promise<void>;
  getAlert(id: string): Promise<HealthAlertRecord | undefined>;
  listAlerts(f: HealthAlertFilter): Promise<{ rows: HealthAlertRecord[]; total: number }>;
  /** Open or acknowledged alerts of a camera. */
  activeAlerts(cameraId: string): Promise<HealthAlertRecord[]>;
  /** The latest resolved alert of this kind resolved after `sinceIso` (to reopen a flapping one). */
  recentResolved(cameraId: string, kind: HealthState, sinceIso: string): Promise<HealthAlertRecord | undefined>;
  /** Closes the camera's current state period and opens the next. */
  logState(e: { cameraId: string; unitId: string; state: HealthState; atMs: number }): Promise<void>;
  settings(cameraId: string): Promise<HealthSettings | undefined>;
  saveSettings(cameraId: string, s: HealthSettings): Promise<void>;
  notifiers(): Promise<Notifiers | undefined>;
  saveNotifiers(n: Notifiers): Promise<void>;
}
