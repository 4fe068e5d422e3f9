import { z } from 'zod';

/** One schema per config section; every field has a description so docs and errors derive from it. */
export const ServerConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port (VIGIL_PORT)'),
  host: z.string().min(1).default('0.0.0.0').describe('Address to listen on (VIGIL_HOST)'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level (VIGIL_LOG_LEVEL)'),
  bodyLimitBytes: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024).describe('Largest request body accepted'),
});

export const StorageConfig = z.object({
  dataDir: z.string().min(1).default('./data').describe('Directory for the database, keys and media (VIGIL_DATA_DIR)'),
});

export const AuthConfig = z.object({
  adminPassword: z.string().min(8).optional().describe('Initial password of user "admin" (VIGIL_ADMIN_PASSWORD); random and printed once when unset'),
  sessionTtlHours: z.coerce.number().int().min(1).max(24 * 90).default(12).describe('Lifetime of a login token'),
  maxFailedLogins: z.coerce.number().int().min(1).max(100).default(5).describe('Failed logins before the account locks'),
  lockoutMinutes: z.coerce.number().int().min(1).max(24 * 60).default(15).describe('How long a locked account stays locked'),
});

export const DemoConfig = z.object({
  enabled: z.boolean().default(false).describe('Create demo units and cameras on an empty database (VIGIL_DEMO)'),
});

export const MapConfig = z.object({
  tilesUrl: z.string().max(500).nullable().default(null).describe('Tile URL template, e.g. https://tile.example/{z}/{x}/{y}.png (VIGIL_MAP_TILES_URL); null shows a blank grid'),
  center: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).default([16.0, 106.6]).describe('Initial map centre [lat, lng]'),
  zoom: z.number().int().min(1).max(20).default(6).describe('Initial zoom'),
});

export const VideoConfig = z.object({
  ingest: z.boolean().default(true).describe('Pull every enabled camera (VIGIL_INGEST=0 turns video off, e.g. for tests)'),
  recordDir: z.string().nullable().default(null).describe('Where recordings go; default <dataDir>/recordings'),
  segmentSeconds: z.number().int().min(1).max(60).default(4).describe('Length of recorded files'),
  maxRecordingGb: z.number().min(0.01).default(200).describe('Global quota: the oldest unheld recordings are deleted beyond it'),
  minFreeGb: z.number().min(0).default(2).describe('Keep at least this much disk free'),
  retentionIntervalSec: z.number().int().min(5).max(3600).default(60).describe('How often retention runs'),
  liveFragmentMs: z.number().int().min(0).max(1000).default(50).describe('Live fragment length: lower = less latency, more CPU per camera (0 = every frame)'),
});

export const CheckpointsConfig = z.object({
  qrWorkers: z.coerce.number().int().min(0).max(16).default(0).describe('Worker threads decoding checkpoint camera frames (VIGIL_QR_WORKERS); 0 = cores - 1, at least 1, at most 2'),
});

export const VigilConfig = z.object({
  server: ServerConfig.default(ServerConfig.parse({})),
  storage: StorageConfig.default(StorageConfig.parse({})),
  auth: AuthConfig.default(AuthConfig.parse({})),
  demo: DemoConfig.default(DemoConfig.parse({})),
  map: MapConfig.default(MapConfig.parse({})),
  video: VideoConfig.default(VideoConfig.parse({})),
  checkpoints: CheckpointsConfig.default(CheckpointsConfig.parse({})),
});
export type VigilConfig = z.infer<typeof VigilConfig>;
export type VigilConfigInput = z.input<typeof VigilConfig>;
