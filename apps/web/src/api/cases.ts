// Endpoints of the cases, incidents and reports features, and the shapes the UI reads.
import type { CaseReport, Evidence, FootageRequest, Incident, PublicViolation, Violation, ViolationAction, ViolationDetail, ViolationRule } from '@vigil/types';
import { ApiError, getToken, request, requestBlob } from './client';

// Response shapes are the server's own schemas (type-only imports: nothing of zod reaches the bundle).
export type {
  CaseReport, Deadline, Evidence, FootageRequest, Incident, PublicViolation, Queue, VehicleType, Violation, ViolationAction, ViolationDetail, ViolationStatus,
} from '@vigil/types';
export type Rule = ViolationRule;
export type Count = CaseReport['incidents']['byType'][number];
export interface ActionBody { action: ViolationAction; reason?: string; decisionNo?: string; amount?: number; paid?: boolean; appearPlace?: string }
export type Query = Record<string, string | number | undefined>;

const enc = encodeURIComponent;

export const casesApi = {
  list: (query: Query, signal?: AbortSignal) => request<{ items: Violation[]; total: number; capped: boolean }>('/api/violations', { query, signal }),
  summary: () => request<Record<string, number>>('/api/violations/summary'),
  catalogue: (day?: string) => request<{ items: Rule[] }>('/api/violations/catalogue', { query: { day } }).then((r) => r.items),
  get: (id: string) => request<ViolationDetail>(`/api/violations/${enc(id)}`),
  intake: (body: unknown) => request<Violation>('/api/violations', { method: 'POST', body }),
  act: (id: string, body: ActionBody) => request<Violation>(`/api/violations/${enc(id)}/actions`, { method: 'POST', body }),
  bulk: (ids: string[], body: ActionBody) => request<{ done: string[]; failed: { id: string; message: string }[] }>('/api/violations/bulk', { method: 'POST', body: { ...body, ids } }),
  checkEvidence: (id: string) => request<{ ok: boolean; items: { id: string; ok: boolean | null }[] }>(`/api/violations/${enc(id)}/evidence/check`, { method: 'POST', body: {} }),
  /** Multipart upload: the shared client sends JSON or raw bodies only, so this one call uses fetch. */
  uploadEvidence: async (id: string, file: File, kind: string) => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file);
    const res = await fetch(`/api/violations/${enc(id)}/evidence`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
    const data = await res.json();
    if (!res.ok) throw new ApiError(res.status, data.error ?? 'HTTP', data.message ?? res.statusText, data.field);
    return data as Evidence;
  },
  evidenceBlob: (id: string, evidenceId: string) => requestBlob(`/api/violations/${enc(id)}/evidence/${enc(evidenceId)}/file`, { accept: '*/*' }),
  noticePdf: (id: string) => requestBlob(`/api/violations/${enc(id)}/notice.pdf`, { accept: 'application/pdf' }),
};

export const incidentsApi = {
  list: (query: Query, signal?: AbortSignal) => request<{ items: Incident[]; total: number }>('/api/incidents', { query, signal }),
  create: (body: unknown) => request<Incident>('/api/incidents', { method: 'POST', body }),
  update: (id: string, body: unknown) => request<Incident>(`/api/incidents/${enc(id)}`, { method: 'PATCH', body }),
  requests: () => request<{ items: FootageRequest[]; total: number }>('/api/footage-requests'),
  createRequest: (body: unknown) => request<FootageRequest>('/api/footage-requests', { method: 'POST', body }),
  decide: (id: string, decision: string, note: string) => request<FootageRequest>(`/api/footage-requests/${enc(id)}/decision`, { method: 'POST', body: { decision, note } }),
};

export const reportsApi = {
  get: (query: Query, signal?: AbortSignal) => request<CaseReport>('/api/reports/cases', { query, signal }),
  file: (format: 'xlsx' | 'pdf', query: Query) => requestBlob(`/api/reports/cases.${format}`, { query, accept: '*/*' }),
};

export const publicApi = {
  challenge: () => request<{ challenge: string; question: string }>('/api/public/challenge', { skipAuthRedirect: true }),
  lookup: (query: Query) => request<{ items: PublicViolation[] }>('/api/public/violations', { query, skipAuthRedirect: true }),
};

/** Saves a blob the browser fetched with the session's token. */
export function saveBlob(blob: Blob, name: string, open = false): void {
  const url = URL.createObjectURL(blob);
  if (open) window.open(url, '_blank');
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
