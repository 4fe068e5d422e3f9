// Video API: stream state, wall layouts, recordings, evidence exports, and the URLs of media that
// <video>, <img> and WebSocket load themselves (they cannot send headers, so the token rides in the query).
import { getToken, request, requestBlob } from './client';
import type { Page } from './types';

export type StreamState = 'connecting' | 'online' | 'offline' | 'stopped' | 'disabled';

export interface StreamInfo {
  cameraId: string;
  state: StreamState;
  since: string;
  error: { code: string; message: string } | null;
  codec: string | null;
  browserPlayable: boolean;
  width: number;
  height: number;
  fps: number;
  bitrateKbps: number;
  viewers: number;
  lastFrameAt: string | null;
}

export type WallGrid = 1 | 4 | 9 | 16;

export interface WallTour {
  cameraIds: string[];
  intervalSec: number;
}

export interface WallLayoutBody {
  name: string;
  grid: WallGrid;
  cells: (string | null)[];
  tour: WallTour | null;
}

export interface WallLayout extends WallLayoutBody {
  id: string;
  updatedAt: string;
}

export interface TimeRange {
  start: string;
  end: string;
}

export interface RecordingSpan extends TimeRange {
  id: string;
  cameraId: string;
  segments: number;
}

export interface Recordings {
  items: RecordingSpan[];
  gaps: TimeRange[];
  segments: (TimeRange & { id: string; bytes: number; url: string })[];
}

export type ExportKind = 'clip' | 'still';

export interface ExportBody {
  cameraId: string;
  from: string;
  to: string;
  reason: string;
  kind: ExportKind;
}

export interface EvidenceExport extends ExportBody {
  id: string;
  cameraName: string;
  unitId: string;
  requestedBy: string;
  sha256: string;
  bytes: number;
  gaps: TimeRange[];
  createdAt: string;
  fileUrl: string;
  custodyUrl: string;
}

const enc = encodeURIComponent;

/** Same-origin path with `access_token` added, for media elements and new tabs. */
export function withToken(path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  const token = getToken();
  if (token) params.set('access_token', token);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}`;
}

export const videoUrls = {
  live(cameraId: string): string {
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${proto}//${window.location.host}${withToken(`/api/cameras/${enc(cameraId)}/live`)}`;
  },
  hls: (cameraId: string) => withToken(`/api/cameras/${enc(cameraId)}/hls/index.m3u8`),
  snapshot: (cameraId: string) => withToken(`/api/cameras/${enc(cameraId)}/snapshot.jpg`, { t: String(Date.now()) }),
  play: (cameraId: string, from: Date, to: Date) =>
    withToken('/api/recordings/play.mp4', { cameraId, from: from.toISOString(), to: to.toISOString() }),
};

export const videoApi = {
  stream: (cameraId: string, signal?: AbortSignal) => request<StreamInfo>(`/api/cameras/${enc(cameraId)}/stream`, { signal }),
  snapshot: (cameraId: string) => requestBlob(`/api/cameras/${enc(cameraId)}/snapshot.jpg`, { accept: 'image/jpeg' }),
  recordings: (cameraId: string, from: Date, to: Date, signal?: AbortSignal) =>
    request<Recordings>('/api/recordings', { query: { cameraId, from: from.toISOString(), to: to.toISOString() }, signal }),
};

export const wallApi = {
  list: () => request<{ items: WallLayout[] }>('/api/wall/layouts').then((r) => r.items),
  create: (body: WallLayoutBody) => request<WallLayout>('/api/wall/layouts', { method: 'POST', body }),
  update: (id: string, body: WallLayoutBody) => request<WallLayout>(`/api/wall/layouts/${enc(id)}`, { method: 'PUT', body }),
  remove: (id: string) => request<void>(`/api/wall/layouts/${enc(id)}`, { method: 'DELETE' }),
};

export const exportsApi = {
  create: (body: ExportBody) => request<EvidenceExport>('/api/exports', { method: 'POST', body }),
  list: (query: { cameraId?: string; limit?: number; offset?: number } = {}, signal?: AbortSignal) =>
    request<Page<EvidenceExport>>('/api/exports', { query: { ...query }, signal }),
  file: (e: EvidenceExport) => requestBlob(e.fileUrl, { accept: '*/*' }),
};
