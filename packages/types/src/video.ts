import { z } from 'zod';
import { isoTime } from './common';

export const RecordingQuery = z.object({
  cameraId: z.string().min(1).max(64),
  from: isoTime.describe('Start of the window, ISO 8601'),
  to: isoTime.describe('End of the window, ISO 8601'),
});

export const RecordingSegment = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  bytes: z.number(),
  url: z.string(),
});

export const RecordingSpan = z.object({ id: z.string(), cameraId: z.string(), start: z.string(), end: z.string(), segments: z.number() });
export const RecordingGap = z.object({ start: z.string(), end: z.string() });

export const RecordingsResult = z.object({
  items: z.array(RecordingSpan).describe('Continuous recorded spans'),
  gaps: z.array(RecordingGap),
  segments: z.array(RecordingSegment),
});
export type RecordingsResult = z.infer<typeof RecordingsResult>;

export const PlaybackQuery = RecordingQuery.extend({ access_token: z.string().optional() });

export const KeyframeQuery = z.object({
  cameraId: z.string().min(1).max(64),
  at: isoTime.describe('A moment of the recording, ISO 8601'),
});
export const KeyframeResult = z.object({
  at: z.string(),
  keyframe: z.string().describe('The last keyframe at or before `at`: `play.mp4` from here shows `at` after (at - keyframe)'),
});
export type KeyframeResult = z.infer<typeof KeyframeResult>;

export const ExportCreate = z.object({
  cameraId: z.string().min(1).max(64),
  from: isoTime,
  to: isoTime,
  reason: z.string().trim().min(3, 'say why the footage is extracted').max(1000),
  kind: z.enum(['clip', 'still']).default('clip').describe('clip: video by stream copy; still: one full-frame JPEG at `from`'),
});
export type ExportCreate = z.infer<typeof ExportCreate>;

export const ExportView = z.object({
  id: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  unitId: z.string(),
  kind: z.enum(['clip', 'still']),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  gaps: z.array(RecordingGap),
  createdAt: z.string(),
  fileUrl: z.string(),
  custodyUrl: z.string(),
});
export type ExportView = z.infer<typeof ExportView>;

export const ExportQuery = z.object({
  cameraId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const WallCell = z.string().max(64).nullable();
export const WallLayoutBody = z.object({
  name: z.string().trim().min(1).max(100),
  grid: z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)]).describe('Tiles: 1, 4 (2x2), 9 (3x3) or 16 (4x4)'),
  cells: z.array(WallCell).max(32).describe("Tiles in order; up to 2 x 16 for a wall spread over two screens"),
  tour: z
    .object({ cameraIds: z.array(z.string().max(64)).min(1).max(500), intervalSec: z.number().int().min(3).max(3600) })
    .nullable()
    .default(null),
});
export type WallLayoutBody = z.infer<typeof WallLayoutBody>;
export const WallLayout = WallLayoutBody.extend({ id: z.string(), updatedAt: z.string() });
export type WallLayout = z.infer<typeof WallLayout>;

export const StreamInfo = z.object({
  cameraId: z.string(),
  state: z.enum(['connecting', 'online', 'offline', 'stopped', 'disabled']),
  since: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  codec: z.string().nullable(),
  browserPlayable: z.boolean(),
  width: z.number(),
  height: z.number(),
  fps: z.number(),
  bitrateKbps: z.number(),
  viewers: z.number(),
  lastFrameAt: z.string().nullable(),
});
export type StreamInfo = z.infer<typeof StreamInfo>;

export const StreamProbeBody = z.object({
  url: z.string().trim().min(1).max(2000),
  username: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
  rtspTransport: z.enum(['tcp', 'udp']).default('tcp'),
});
