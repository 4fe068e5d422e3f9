// Analytics (issue 7): events raised by camera rules, their live stream and snapshots, and the
// rules themselves. Geometry is normalised to 0..1 of the frame (x right, y down).
// Shapes are the server's own (type-only imports from @vigil/types: no zod in the bundle).
import type {
  AnalyticsEvent,
  CameraRules as ServerCameraRules,
  EventQuery,
  ObjectClass,
  Point,
  Rule as ServerRule,
  RuleKind,
} from '@vigil/types';
import { request } from './client';
import { withToken } from './video';

export type { AnalyticsEvent, LineDirection, ObjectClass, RuleKind, Schedule, SignalSource } from '@vigil/types';
export type Pt = Point;

// Value lists cannot come from @vigil/types without pulling zod into the bundle; a Record over the
// server's union makes a missing or unknown entry a compile error.
const objectClasses: Record<ObjectClass, true> = { person: true, bicycle: true, motorcycle: true, car: true, bus: true, truck: true, object: true };
export const OBJECT_CLASSES: readonly ObjectClass[] = Object.keys(objectClasses) as ObjectClass[];
const ruleKinds: Record<RuleKind, true> = { zone: true, line: true, dwell: true, parking: true, wrong_way: true, red_light: true, stop_line: true, crowd: true };
export const RULE_KINDS: readonly RuleKind[] = Object.keys(ruleKinds) as RuleKind[];

type KeysOfAny<T> = T extends unknown ? keyof T : never;
type FieldOfAny<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * A rule in the editor: the server's rule union flattened, fields every kind has as they are and the
 * kind-specific ones optional (a rule being drawn has no geometry yet); `cleanRule` keeps only the
 * fields of its kind before saving, and the server checks the rest.
 */
export type Rule = Pick<ServerRule, keyof ServerRule> & { [K in Exclude<KeysOfAny<ServerRule>, keyof ServerRule>]?: FieldOfAny<ServerRule, K> };

/** The server's camera rules, with editor rules (every server rule is one). */
export type CameraRules = Omit<ServerCameraRules, 'rules'> & { rules: Rule[] };

/** Query of GET /api/events (the server's EventQuery, every field optional). */
export type EventFilter = Partial<EventQuery>;

const enc = encodeURIComponent;

export const analyticsApi = {
  events: (query: EventFilter, signal?: AbortSignal) => request<{ items: AnalyticsEvent[]; total: number }>('/api/events', { query: { ...query }, signal }),
  rules: (cameraId: string, signal?: AbortSignal) => request<ServerCameraRules>(`/api/cameras/${enc(cameraId)}/rules`, { signal }),
  saveRules: (cameraId: string, body: CameraRules) => request<ServerCameraRules>(`/api/cameras/${enc(cameraId)}/rules`, { method: 'PUT', body }),
  /** SSE URL; EventSource cannot send headers, so the token rides in the query. */
  streamUrl: () => withToken('/api/events/stream'),
  snapshotUrl: (eventId: string) => withToken(`/api/events/${enc(eventId)}/snapshot.jpg`),
  cameraSnapshotUrl: (cameraId: string) => withToken(`/api/cameras/${enc(cameraId)}/snapshot.jpg`, { t: String(Date.now()) }),
};
