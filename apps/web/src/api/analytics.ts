// Analytics (issue 7): events raised by camera rules, their live stream and snapshots, and the
// rules themselves. Geometry is normalised to 0..1 of the frame (x right, y down).
import { request } from './client';
import { withToken } from './video';

export type ObjectClass = 'person' | 'bicycle' | 'motorcycle' | 'car' | 'bus' | 'truck' | 'object';
export const OBJECT_CLASSES: readonly ObjectClass[] = ['person', 'bicycle', 'motorcycle', 'car', 'bus', 'truck', 'object'];
export type RuleKind = 'zone' | 'line' | 'dwell' | 'parking' | 'wrong_way' | 'red_light' | 'stop_line' | 'crowd';
export const RULE_KINDS: readonly RuleKind[] = ['zone', 'line', 'dwell', 'parking', 'wrong_way', 'red_light', 'stop_line', 'crowd'];

export interface Pt {
  x: number;
  y: number;
}
export interface Schedule {
  days: number[];
  from: string;
  to: string;
}
export type SignalSource = { type: 'region'; polygon: Pt[] } | { type: 'external' };

/** One rule as the server stores it; kind-specific fields are optional here and checked by the server. */
export interface Rule {
  id: string;
  name: string;
  kind: RuleKind;
  enabled: boolean;
  classes: ObjectClass[];
  createCase: boolean;
  polygon?: Pt[];
  line?: Pt[];
  stopLine?: Pt[];
  /** `line`: both/forward/backward; red light & stop line: forward/backward; wrong way: the lane's segment. */
  direction?: string | Pt[];
  schedule?: Schedule | null;
  seconds?: number;
  frames?: number;
  signal?: SignalSource;
  amberGrace?: number;
  threshold?: number;
}

export interface CameraRules {
  rules: Rule[];
  masks: Pt[][];
  calibration: { image: Pt[]; ground: Pt[] } | null;
  fps: number;
}

export interface AnalyticsEvent {
  id: string;
  cameraId: string;
  unitId: string;
  ruleId: string;
  ruleName: string;
  ruleKind: RuleKind;
  class: ObjectClass;
  trackId: number;
  at: string;
  box: [number, number, number, number];
  snapshotUrl: string | null;
  clip: { from: string; to: string };
  plate: string | null;
  speedKmh: number | null;
  details: Record<string, unknown>;
  caseId: string | null;
}

export interface EventFilter {
  cameraId?: string;
  rule?: string;
  class?: string;
  plate?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const enc = encodeURIComponent;

export const analyticsApi = {
  events: (query: EventFilter, signal?: AbortSignal) => request<{ items: AnalyticsEvent[]; total: number }>('/api/events', { query: { ...query }, signal }),
  rules: (cameraId: string, signal?: AbortSignal) => request<CameraRules>(`/api/cameras/${enc(cameraId)}/rules`, { signal }),
  saveRules: (cameraId: string, body: CameraRules) => request<CameraRules>(`/api/cameras/${enc(cameraId)}/rules`, { method: 'PUT', body }),
  /** SSE URL; EventSource cannot send headers, so the token rides in the query. */
  streamUrl: () => withToken('/api/events/stream'),
  snapshotUrl: (eventId: string) => withToken(`/api/events/${enc(eventId)}/snapshot.jpg`),
  cameraSnapshotUrl: (cameraId: string) => withToken(`/api/cameras/${enc(cameraId)}/snapshot.jpg`, { t: String(Date.now()) }),
};
