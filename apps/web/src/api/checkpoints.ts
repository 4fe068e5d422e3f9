// Checkpoint API: stations, scanning (online and queued offline), dashboard figures and alerts.
// Response shapes are the server's own (type-only imports from @vigil/types: no zod in the bundle).
import type {
  Checkpoint,
  CheckpointAlert,
  CheckpointStats,
  ScanBatchResult,
  ScanReasonCode,
  ScanRequest,
  ScanResult as ServerScanResult,
  ScanVerdict,
  StationSync,
} from '@vigil/types';
import { request } from './client';

export type { Checkpoint, CheckpointAlert, CheckpointStats, ScanBatchResult, ScanReason, ScanReasonCode, ScanVerdict, StationSync } from '@vigil/types';

export type ScanResult = ServerScanResult & {
  /** Set by the station when the verdict was reached without the server. */
  offline?: boolean;
};

/** A scan checked offline, waiting on the station for the batch upload (one item of the batch body). */
export interface QueuedScan {
  scanId: string;
  at: string;
  payload: string;
  verdict: ScanVerdict;
  reasons: ScanReasonCode[];
  latencyMs: number;
  thumbnail?: string;
}

export const checkpointsApi = {
  list: () => request<{ items: Checkpoint[] }>('/api/checkpoints'),
  get: (id: string) => request<Checkpoint>(`/api/checkpoints/${encodeURIComponent(id)}`),
  sync: (id: string) => request<StationSync>(`/api/checkpoints/${encodeURIComponent(id)}/sync`),
  scan: (id: string, body: ScanRequest & { scanId: string }, signal?: AbortSignal) =>
    request<ServerScanResult>(`/api/checkpoints/${encodeURIComponent(id)}/scans`, { method: 'POST', body, signal }),
  batch: (id: string, scans: QueuedScan[]) =>
    request<ScanBatchResult>(`/api/checkpoints/${encodeURIComponent(id)}/scans/batch`, { method: 'POST', body: { scans } }),
  stats: (from?: string) => request<CheckpointStats>('/api/checkpoints/stats', { query: { from } }),
  alerts: () => request<{ items: CheckpointAlert[] }>('/api/checkpoints/alerts', { query: { limit: 50 } }),
  acknowledge: (id: string) => request<void>(`/api/checkpoints/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' }),
};
