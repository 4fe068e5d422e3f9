// Endpoints of the cases, incidents and reports features, and the shapes the UI reads.
import { ApiError, getToken, request, requestBlob } from './client';

export type ViolationStatus = 'detected' | 'verified' | 'rejected' | 'owner_identified' | 'notice_issued' | 'resolved' | 'escalated' | 'closed';
export type ViolationAction = 'verify' | 'reject' | 'identify_owner' | 'issue_notice' | 'resolve' | 'escalate' | 'close';
export type Queue = 'review' | 'owner' | 'notice' | 'near_deadline' | 'escalated' | 'all';
export type VehicleType = 'car' | 'motorbike' | 'ebike' | 'none';

export interface Rule { key: string; code: string; category: string; titleVi: string; legalBasisVi: string; vehicleTypes: VehicleType[]; fineMin: number; fineMax: number; additionalVi: string[]; validFrom: string; validTo: string | null }
export interface Deadline { kind: 'owner' | 'resolve'; dueAt: string; daysLeft: number; state: 'ok' | 'near' | 'overdue' }
export interface Violation {
  id: string; status: ViolationStatus; source: string; unitId: string; unitName: string; resolvingUnitId: string; cameraId: string | null;
  occurredAt: string; place: string; rule: Rule; plate: string | null; plateDisplay: string | null; plateColour: string | null; vehicleType: VehicleType;
  subjectVi: string | null; owner: { name: string; address: string; idNumber?: string; unitId?: string | null } | null; verifiedBy: string | null;
  rejectReason: string | null; ownerDueAt: string; noticeNo: string | null; noticeDueAt: string | null; appearPlace: string | null; appearAt: string | null;
  routedToUnitId: string | null; decisionNo: string | null; fineAmount: number | null; paid: boolean; inspectionFlag: boolean; publishedAt: string | null;
  closeReason: string | null; retainUntil: string | null; deadline: Deadline | null; note: string | null; createdAt: string;
}
export interface Evidence { id: string; kind: string; fileName: string | null; mime: string | null; size: number | null; sha256: string | null; ref: string | null; capturedAt: string | null; createdBy: string }
export interface ViolationDetail extends Violation {
  evidence: Evidence[];
  history: { at: string; action: string; fromStatus: string | null; toStatus: string; actorName: string; note: string | null }[];
}
export interface ActionBody { action: ViolationAction; reason?: string; decisionNo?: string; amount?: number; paid?: boolean; appearPlace?: string }
export interface PublicViolation {
  plate: string; plateColour: string; vehicleType: string; occurredAt: string; place: string; violation: string; status: 'not_handled' | 'handled';
  statusVi: string; detectingUnit: string; resolvingUnit: { name: string; address: string; phone: string };
}
export interface Incident {
  id: string; unitId: string; unitName: string; type: string; title: string; description: string; place: string; occurredAt: string;
  cameraIds: string[]; officers: string[]; status: 'open' | 'investigating' | 'resolved' | 'closed'; outcome: string;
}
export interface FootageRequest { id: string; unitId: string; requesterName: string; requesterPhone: string; from: string; to: string; reason: string; status: string; decidedBy: string | null; decisionNote: string }
export interface Count { key: string; label: string; count: number }
export interface CaseReport {
  from: string; to: string;
  incidents: { total: number; byType: Count[]; byStatus: Count[]; byUnit: Count[]; byCamera: Count[]; summaryVi: string };
  violations: { total: number; byType: Count[]; byStatus: Count[]; byUnit: Count[]; byCamera: Count[]; finesPaid: number; summaryVi: string };
}
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
