import { z } from 'zod';

export const HealthState = z.enum(['online', 'offline', 'frozen', 'black', 'tampered', 'degraded', 'clock_drift', 'recording_failed', 'disabled', 'unknown']);
export type HealthState = z.infer<typeof HealthState>;

/** Thresholds per camera; defaults suit a typical 1-2 s GOP camera. */
export const HealthSettings = z.object({
  enabled: z.boolean().default(true).describe('Watch this camera'),
  offlineAfterSec: z.number().min(1).max(300).default(3).describe('No data for this long = offline'),
  freezeAfterSec: z.number().min(2).max(600).default(6).describe('Unchanging picture for this long = frozen'),
  blackAfterSec: z.number().min(1).max(600).default(4).describe('Black or blank picture for this long = black'),
  tamperAfterSec: z.number().min(2).max(600).default(10).describe('Scene unlike its reference for this long = tampered'),
  degradedAfterSec: z.number().min(5).max(3600).default(20).describe('Frame rate or bitrate far below normal for this long = degraded'),
  degradedRatio: z.number().min(0.05).max(0.95).default(0.5).describe('Below this share of the normal frame rate/bitrate counts as degraded'),
  driftPercent: z.number().min(0.5).max(50).default(5).describe('Stream clock running faster/slower than the server by more than this'),
  clearAfterSec: z.number().min(1).max(600).default(5).describe('Healthy for this long closes the alert'),
  freezeDiff: z.number().min(0.01).max(20).default(0.6).describe('Mean pixel change (0-255) below which two samples count as identical'),
});
export type HealthSettings = z.infer<typeof HealthSettings>;
export const HealthSettingsPatch = HealthSettings.partial();

/** Every reason a camera can be unhealthy, as a stable code; the numbers and words it needs ride in `values`. */
export const HealthReasonCode = z.enum([
  'no_data_since_start', 'no_data_for', 'recording_error', 'disk_almost_full', 'black', 'frozen',
  'covered', 'out_of_focus', 'scene_changed', 'low_frame_rate', 'low_bitrate', 'clock_drift',
]);
export type HealthReasonCode = z.infer<typeof HealthReasonCode>;
/** A reason as code + values (the English `reasons` text is made from it; the UI translates it). */
export const HealthReason = z.object({ code: HealthReasonCode, values: z.record(z.string(), z.union([z.string(), z.number()])) });
export type HealthReason = z.infer<typeof HealthReason>;

export const CameraHealth = z.object({
  cameraId: z.string(),
  status: HealthState,
  since: z.string(),
  fps: z.number(),
  bitrateKbps: z.number(),
  lastFrameAt: z.string().nullable(),
  reasons: z.array(z.string()),
  /** The same reasons, in the same order, as codes with their values. */
  reasonCodes: z.array(HealthReason),
  alertId: z.string().nullable(),
});
export type CameraHealth = z.infer<typeof CameraHealth>;

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export const HealthAlert = z.object({
  id: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  unitId: z.string(),
  kind: HealthState,
  status: AlertStatus,
  openedAt: z.string(),
  stateSince: z.string(),
  detectedAfterMs: z.number(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  flaps: z.number(),
  message: z.string(),
  /** The reasons behind `message` as codes; absent on alerts opened before codes were stored. */
  reasonCodes: z.array(HealthReason).optional(),
});
export type HealthAlert = z.infer<typeof HealthAlert>;

export const AlertQuery = z.object({
  status: AlertStatus.optional(),
  cameraId: z.string().max(64).optional(),
  kind: HealthState.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertQuery = z.infer<typeof AlertQuery>;
export const AlertAction = z.object({ note: z.string().trim().max(1000).optional() });

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'must be an http(s) URL');
const mqttUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => URL.canParse(v) && ['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(new URL(v).protocol), 'must be an mqtt(s):// or ws(s):// URL');

export const Notifiers = z.object({
  webhooks: z.array(z.object({ url: httpUrl, secret: z.string().max(200).optional() })).max(20).default([]),
  mqtt: z.object({ url: mqttUrl, topicPrefix: z.string().trim().min(1).max(200).default('vigil'), username: z.string().max(200).optional(), password: z.string().max(200).optional() }).nullable().default(null),
});
export type Notifiers = z.infer<typeof Notifiers>;
