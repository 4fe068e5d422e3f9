import { z } from 'zod';
import { text } from './common';

export const PlaceType = z.enum([
  'border', 'gate', 'intersection', 'road', 'hospital', 'bus_station', 'admin_centre',
  'school', 'market', 'residential', 'checkpoint', 'other',
]);
export type PlaceType = z.infer<typeof PlaceType>;
export const Purpose = z.enum(['security', 'traffic', 'checkpoint']);
export type Purpose = z.infer<typeof Purpose>;
export const Ownership = z.enum(['police', 'commune', 'community']);
export type Ownership = z.infer<typeof Ownership>;
/** A camera's state as the health monitor last saw it. */
export const CameraStatus = z.enum(['unknown', 'online', 'offline', 'frozen', 'black', 'tampered', 'degraded', 'clock_drift', 'recording_failed', 'disabled']);
export type CameraStatus = z.infer<typeof CameraStatus>;

/** Stream URL schemes a camera source may use (sources are registered by scheme). */
export const STREAM_SCHEMES = ['rtsp', 'rtsps', 'http', 'https', 'file', 'demo'] as const;

export const StreamUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((v) => URL.canParse(v), 'not a valid URL')
  .refine(
    (v) => !URL.canParse(v) || (STREAM_SCHEMES as readonly string[]).includes(new URL(v).protocol.replace(/:$/, '')),
    `URL scheme must be one of ${STREAM_SCHEMES.join(', ')}`,
  );

export const Location = z.object({
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  address: z.string().trim().max(500).default(''),
  placeType: PlaceType.default('other'),
});
export type Location = z.infer<typeof Location>;

export const Recorder = z.object({
  name: z.string().trim().min(1).max(200),
  channel: z.number().int().min(0).max(1024).nullable().default(null),
});

export const RecordingSettings = z.object({
  enabled: z.boolean().default(true).describe('Record continuously'),
  retentionDays: z.number().int().min(1).max(3650).default(30).describe('Days to keep recordings (evidence is kept longer)'),
});
export type RecordingSettings = z.infer<typeof RecordingSettings>;

const cameraFields = {
  name: text(200),
  unitId: z.string().min(1).max(64),
  mainUrl: StreamUrl,
  subUrl: StreamUrl.nullable().optional(),
  username: z.string().max(200).optional().describe('Stream user name; stored encrypted, never returned'),
  password: z.string().max(200).optional().describe('Stream password; stored encrypted, never returned'),
  location: Location,
  purposes: z.array(Purpose).max(3),
  ownership: Ownership,
  recorder: Recorder.nullable(),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
  enabled: z.boolean(),
  recording: RecordingSettings,
  rtspTransport: z.enum(['tcp', 'udp']).describe('RTSP transport for rtsp:// URLs'),
};

export const CameraCreate = z.object({
  ...cameraFields,
  subUrl: cameraFields.subUrl.default(null),
  location: Location.default({ lat: null, lng: null, address: '', placeType: 'other' }),
  purposes: cameraFields.purposes.default(['security']),
  ownership: Ownership.default('police'),
  recorder: Recorder.nullable().default(null),
  tags: cameraFields.tags.default([]),
  enabled: z.boolean().default(true),
  recording: RecordingSettings.default({ enabled: true, retentionDays: 30 }),
  rtspTransport: z.enum(['tcp', 'udp']).default('tcp'),
});
export type CameraCreate = z.infer<typeof CameraCreate>;

export const CameraUpdate = z.object(cameraFields).partial();
export type CameraUpdate = z.infer<typeof CameraUpdate>;

/** A camera as the API shows it: URLs never carry credentials. */
export const Camera = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  mainUrl: z.string(),
  subUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  location: z.object({ lat: z.number().nullable(), lng: z.number().nullable(), address: z.string(), placeType: PlaceType }),
  purposes: z.array(Purpose),
  ownership: Ownership,
  recorder: z.object({ name: z.string(), channel: z.number().nullable() }).nullable(),
  tags: z.array(z.string()),
  enabled: z.boolean(),
  recording: z.object({ enabled: z.boolean(), retentionDays: z.number() }),
  rtspTransport: z.enum(['tcp', 'udp']),
  status: CameraStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Camera = z.infer<typeof Camera>;

export const CameraQuery = z.object({
  unitId: z.string().max(64).optional(),
  purpose: Purpose.optional(),
  status: CameraStatus.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CameraQuery = z.infer<typeof CameraQuery>;
