// Checkpoint API: stations, scanning (online and queued offline), dashboard figures and alerts.
import { request } from './client';

export type ScanVerdict = 'pass' | 'officer' | 'deny';

export interface ScanReason {
  code: string;
  verdict: ScanVerdict;
  message: string;
  messageEn: string;
}

export interface Checkpoint {
  id: string;
  name: string;
  unitId: string;
  address: string;
  cameraIds: string[];
  officers: { name: string; rank: string; userId: string | null }[];
  rules: {
    accept: ('cccd' | 'declaration')[];
    requirePermit: boolean;
    requiredHealth: string[];
    actions: Partial<Record<string, ScanVerdict>>;
    listIds: string[];
    duplicateWindowSeconds: number;
    retentionDays: number;
  };
  declaration: { formats: ('json' | 'compact')[]; prefix: string; prefixV2?: string; maxValidityHours: number; clockSkewSeconds: number; issuers: { kid: string; name: string; publicKey: string }[] };
  enabled: boolean;
}

export interface ScanResult {
  scanId: string;
  checkpointId: string;
  at: string;
  verdict: ScanVerdict;
  reasons: ScanReason[];
  kind: 'cccd' | 'declaration' | 'unknown';
  person?: { name: string; initials: string; idMasked: string; dateOfBirth: string | null; sex: string | null };
  declaration?: { issuer: string; expiresAt: string; health: string | null };
  duplicate: boolean;
  latencyMs: number;
  /** Set by the station when the verdict was reached without the server. */
  offline?: boolean;
}

export interface StationSync {
  checkpoint: Checkpoint;
  generatedAt: string;
  lists: { id: string; kind: 'flagged' | 'permit' | 'health'; name: string; salt: string; digest: string; entries: [string, Record<string, string>][] }[];
  defaultActions: Record<string, ScanVerdict>;
  messages: Record<string, { vi: string; en: string }>;
}

export interface QueuedScan {
  scanId: string;
  at: string;
  payload: string;
  verdict: ScanVerdict;
  reasons: string[];
  latencyMs: number;
  thumbnail?: string;
}

export interface CheckpointStats {
  from: string;
  to: string;
  checkpoints: { id: string; name: string; total: number; verdicts: Record<ScanVerdict, number>; medianMs: number | null; p95Ms: number | null; perHour: { hour: string; count: number }[] }[];
}

export interface CheckpointAlert {
  id: string;
  checkpointId: string;
  checkpointName: string;
  at: string;
  kind: 'flagged_person' | 'queue';
  message: string;
  acknowledgedAt: string | null;
}

export const checkpointsApi = {
  list: () => request<{ items: Checkpoint[] }>('/api/checkpoints'),
  get: (id: string) => request<Checkpoint>(`/api/checkpoints/${encodeURIComponent(id)}`),
  sync: (id: string) => request<StationSync>(`/api/checkpoints/${encodeURIComponent(id)}/sync`),
  scan: (id: string, body: { payload: string; scanId: string; thumbnail?: string; clientMs?: number }, signal?: AbortSignal) =>
    request<ScanResult>(`/api/checkpoints/${encodeURIComponent(id)}/scans`, { method: 'POST', body, signal }),
  batch: (id: string, scans: QueuedScan[]) =>
    request<{ accepted: number; duplicates: number; results: { scanId: string; status: string }[] }>(`/api/checkpoints/${encodeURIComponent(id)}/scans/batch`, { method: 'POST', body: { scans } }),
  stats: (from?: string) => request<CheckpointStats>('/api/checkpoints/stats', { query: { from } }),
  alerts: () => request<{ items: CheckpointAlert[] }>('/api/checkpoints/alerts', { query: { limit: 50 } }),
  acknowledge: (id: string) => request<void>(`/api/checkpoints/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' }),
};
