// Typed functions for each API resource; pages call these, never fetch directly.
import { request, requestBlob } from './client';
import type {
  AuditEntry, AuditVerify, Camera, CameraBody, ImportResult, LoginResult, Page, PublicConfig, Role, Unit, UnitLevel, User,
} from './types';

export const authApi = {
  login: (username: string, password: string) =>
    request<LoginResult>('/api/auth/login', { method: 'POST', body: { username, password }, skipAuthRedirect: true }),
  me: () => request<User>('/api/auth/me'),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', skipAuthRedirect: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
};

export const configApi = {
  public: () => request<PublicConfig>('/api/config/public'),
};

export const unitsApi = {
  list: () => request<{ items: Unit[] }>('/api/units').then((r) => r.items),
  create: (body: { code: string; name: string; level: UnitLevel; parentId?: string | null }) =>
    request<Unit>('/api/units', { method: 'POST', body }),
  update: (id: string, body: { name?: string; code?: string }) =>
    request<Unit>(`/api/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => request<void>(`/api/units/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  importCsv: (csv: string) =>
    request<ImportResult>('/api/units/import', { method: 'POST', body: csv, contentType: 'text/csv' }),
};

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string | null;
}

export const usersApi = {
  list: () => request<{ items: User[] }>('/api/users').then((r) => r.items),
  create: (body: NewUser) => request<User>('/api/users', { method: 'POST', body }),
  update: (
    id: string,
    body: Partial<{ displayName: string; role: Role; unitId: string | null; disabled: boolean; password: string }>,
  ) => request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};

export interface CameraQuery {
  unitId?: string;
  purpose?: string;
  status?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const camerasApi = {
  list: (query: CameraQuery = {}, signal?: AbortSignal) =>
    request<Page<Camera>>('/api/cameras', { query: { ...query }, signal }),
  /** Every camera the caller may see, fetched page by page. */
  async listAll(signal?: AbortSignal): Promise<Camera[]> {
    const out: Camera[] = [];
    const limit = 100;
    for (let offset = 0; ; offset += limit) {
      const page = await camerasApi.list({ limit, offset }, signal);
      out.push(...page.items);
      if (page.items.length < limit || out.length >= page.total) return out;
    }
  },
  get: (id: string) => request<Camera>(`/api/cameras/${encodeURIComponent(id)}`),
  create: (body: CameraBody) => request<Camera>('/api/cameras', { method: 'POST', body }),
  update: (id: string, body: Partial<CameraBody>) =>
    request<Camera>(`/api/cameras/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => request<void>(`/api/cameras/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  exportCsv: () => requestBlob('/api/cameras/export.csv', { accept: 'text/csv, */*' }),
  importCsv: (csv: string) =>
    request<ImportResult>('/api/cameras/import', { method: 'POST', body: csv, contentType: 'text/csv' }),
};

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const auditApi = {
  list: (query: AuditQuery) => request<Page<AuditEntry>>('/api/audit', { query: { ...query } }),
  verify: () => request<AuditVerify>('/api/audit/verify'),
};
