// Camera health: states, alerts (monitor), repair tickets, maintenance windows, availability
// reports and ONVIF discovery (issue 4).
import { ApiError, getToken, request, requestBlob } from './client';

export const HEALTH_STATES = ['online', 'offline', 'frozen', 'black', 'tampered', 'degraded', 'clock_drift', 'recording_failed', 'disabled', 'unknown'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export interface CameraHealthItem {
  cameraId: string;
  cameraName: string;
  unitId: string;
  status: HealthState;
  since: string;
  fps: number;
  bitrateKbps: number;
  lastFrameAt: string | null;
  reasons: string[];
  alertId: string | null;
}

export interface HealthOverview {
  items: CameraHealthItem[];
  summary: Partial<Record<HealthState, number>>;
}

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export interface HealthAlert {
  id: string;
  cameraId: string;
  cameraName: string;
  unitId: string;
  kind: HealthState;
  status: AlertStatus;
  openedAt: string;
  stateSince: string;
  detectedAfterMs: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  flaps: number;
  message: string;
}

export const TICKET_STATUSES = ['open', 'in_progress', 'fixed', 'verified'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Mirrors TICKET_TRANSITIONS on the server. */
export const NEXT_STATUS: Record<TicketStatus, TicketStatus[]> = { open: ['in_progress'], in_progress: ['fixed'], fixed: ['verified', 'in_progress'], verified: [] };

export interface Ticket {
  id: string;
  cameraId: string;
  cameraName: string;
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
  notes: { at: string; by: string; text: string; kind: 'note' | 'status' | 'photo' | 'system' }[];
  photos: { id: string; name: string; mime: string; size: number; sha256: string; at: string; by: string }[];
}

export interface MaintenanceWindow {
  id: string;
  cameraId: string;
  cameraName: string;
  from: string;
  to: string;
  reason: string;
  createdBy: string;
}

export type GroupBy = 'camera' | 'unit' | 'day' | 'week' | 'month';
export interface AvailabilityRow {
  key: string;
  label: string;
  cameras: number;
  availabilityPct: number | null;
  onlineMs: number;
  downMs: number;
  maintenanceMs: number;
  disabledMs: number;
  unmonitoredMs: number;
  downByState: Record<string, number>;
}
export interface AvailabilityReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  timeZone: string;
  rows: AvailabilityRow[];
  overall: AvailabilityRow;
  mttdMs: number | null;
  mttrTicketMs: number | null;
  mttrAlertMs: number | null;
  alerts: number;
  longestDown: { cameraId: string; cameraName: string; unitId: string; downMs: number; longestMs: number; currentState: HealthState | null; availabilityPct: number | null }[];
}

export interface DiscoveredDevice {
  xaddr: string;
  address: string;
  manufacturer: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  hardware: string | null;
  name: string | null;
  location: string | null;
  profiles: { token: string; name: string; width: number | null; height: number | null; encoding: string | null; streamUri: string | null }[];
  error: string | null;
}

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
