// Video API: stream state, wall layouts, recordings, evidence exports, and the URLs of media that
// <video>, <img> and WebSocket load themselves (they cannot send headers, so the token rides in the query).
import { getToken, request, requestBlob } from './client';
import type { ExportView, KeyframeResult, RecordingsResult, StreamInfo, WallLayout, WallLayoutBody } from '@vigil/types';
import type { Page } from './types';

// Response shapes are the server's own schemas (type-only imports: nothing of zod reaches the bundle).
export type { StreamInfo, WallLayout, WallLayoutBody } from '@vigil/types';
export type StreamState = StreamInfo['state'];
export type WallGrid = WallLayoutBody['grid'];
export type WallTour = NonNullable<WallLayoutBody['tour']>;
export type Recordings = RecordingsResult;
export type RecordingSpan = RecordingsResult['items'][number];
export type TimeRange = RecordingsResult['gaps'][number];
export type EvidenceExport = ExportView;
export type ExportKind = ExportView['kind'];
export type ExportBody = Pick<ExportView, 'cameraId' | 'from' | 'to' | 'reason' | 'kind'>;

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
  /** The last keyframe at or before `at`: where `play.mp4` must start to show `at`. */
  keyframe: (cameraId: string, at: Date) => request<KeyframeResult>('/api/recordings/keyframe', { query: { cameraId, at: at.toISOString() } }),
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
