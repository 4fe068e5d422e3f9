// Camera health: states, alerts (monitor), repair tickets, maintenance windows, availability
// reports and ONVIF discovery (issue 4).
import { ApiError, getToken, request, requestBlob } from './client';

import type {
  AvailabilityReport, AvailabilityRow, CameraHealth, DiscoveredDevice, HealthAlert, HealthReason, HealthState, MaintenanceTicket, MaintenanceWindow, ReportGroupBy, TicketStatus,
} from '@vigil/types';

// The shapes are the server's own schemas (type-only imports: nothing of zod reaches the bundle);
// only the lists the UI iterates over are spelled out here, checked against those types.
export type { AvailabilityReport, AvailabilityRow, DiscoveredDevice, HealthAlert, HealthReason, HealthState, MaintenanceWindow, TicketStatus };
export type Ticket = MaintenanceTicket;
export type GroupBy = ReportGroupBy;
export type AlertStatus = HealthAlert['status'];

export const HEALTH_STATES = ['online', 'offline', 'frozen', 'black', 'tampered', 'degraded', 'clock_drift', 'recording_failed', 'disabled', 'unknown'] as const satisfies readonly HealthState[];

/** GET /api/health items: the camera's health with its name and unit. */
export type CameraHealthItem = CameraHealth & { cameraName: string; unitId: string };

export interface HealthOverview {
  items: CameraHealthItem[];
  summary: Partial<Record<HealthState, number>>;
}

export const TICKET_STATUSES = ['open', 'in_progress', 'fixed', 'verified'] as const satisfies readonly TicketStatus[];
/** Mirrors TICKET_TRANSITIONS on the server. */
export const NEXT_STATUS: Record<TicketStatus, TicketStatus[]> = { open: ['in_progress'], in_progress: ['fixed'], fixed: ['verified', 'in_progress'], verified: [] };

type Q = Record<string, string | number | undefined>;

export const healthApi = {
  overview: (signal?: AbortSignal) => request<HealthOverview>('/api/health', { signal }),
  alerts: (query: Q, signal?: AbortSignal) => request<{ items: HealthAlert[]; total: number }>('/api/alerts', { query, signal }),
  ack: (id: string, note?: string) => request<HealthAlert>(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', body: { note } }),
  resolve: (id: string, note?: string) => request<HealthAlert>(`/api/alerts/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { note } }),
  /** SSE URL; EventSource cannot send headers, so the token rides in the query. */
  streamUrl: () => `/api/alerts/stream?access_token=${encodeURIComponent(getToken() ?? '')}`,
};

export const maintenanceApi = {
  tickets: (query: Q, signal?: AbortSignal) => request<{ items: Ticket[]; total: number }>('/api/maintenance/tickets', { query, signal }),
  ticket: (id: string, signal?: AbortSignal) => request<Ticket>(`/api/maintenance/tickets/${encodeURIComponent(id)}`, { signal }),
  create: (body: { cameraId: string; alertId?: string; assignee: string; contractor?: string; note?: string; verifyAfterMin?: number }) =>
    request<Ticket>('/api/maintenance/tickets', { method: 'POST', body }),
  update: (id: string, body: { status?: TicketStatus; assignee?: string; contractor?: string | null; verifyAfterMin?: number; note?: string }) =>
    request<Ticket>(`/api/maintenance/tickets/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  note: (id: string, text: string) => request<Ticket>(`/api/maintenance/tickets/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { text } }),
  /** Multipart upload: the shared client sends JSON or raw bodies only, so this one call uses fetch. */
  photo: async (id: string, file: File) => {
    const form = new FormData();
    form.set('file', file, file.name);
    const res = await fetch(`/api/maintenance/tickets/${encodeURIComponent(id)}/photos`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
    const data = await res.json();
    if (!res.ok) throw new ApiError(res.status, data.error ?? 'HTTP', data.message ?? res.statusText, data.field);
    return data as Ticket;
  },
  photoBlob: (id: string, photoId: string) => requestBlob(`/api/maintenance/tickets/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`, { accept: 'image/*' }),
  windows: (query: Q, signal?: AbortSignal) => request<{ items: MaintenanceWindow[] }>('/api/maintenance/windows', { query, signal }),
  addWindow: (body: { cameraId: string; from: string; to: string; reason: string }) => request<MaintenanceWindow>('/api/maintenance/windows', { method: 'POST', body }),
  deleteWindow: (id: string) => request<void>(`/api/maintenance/windows/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

export const reportsApi = {
  availability: (query: Q, signal?: AbortSignal) => request<AvailabilityReport>('/api/health/reports/availability', { query, signal }),
  download: (query: Q, format: 'csv' | 'xlsx') => requestBlob('/api/health/reports/availability', { query: { ...query, format }, accept: '*/*' }),
};

export const discoveryApi = {
  onvif: (body: { timeoutMs?: number; targets?: string[]; username?: string; password?: string }) =>
    request<{ items: DiscoveredDevice[] }>('/api/discovery/onvif', { method: 'POST', body }),
};
