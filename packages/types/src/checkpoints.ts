import { z } from 'zod';
import { text } from './common';

/** Outcome of one check at a checkpoint: green pass, red deny, amber "an officer must look". */
export const ScanVerdict = z.enum(['pass', 'officer', 'deny']);
export type ScanVerdict = z.infer<typeof ScanVerdict>;

/** Why a verdict was reached; every reason has a code (stable) and Vietnamese/English text. */
export const ScanReasonCode = z.enum([
  'ok',
  'malformed',
  'unsupported_kind',
  'id_inconsistent',
  'card_expired',
  'declaration_expired',
  'declaration_not_yet_valid',
  'declaration_too_long',
  'bad_signature',
  'unknown_issuer',
  'replayed',
  'flagged',
  'wanted',
  'permit_missing',
  'permit_expired',
  'health_missing',
  'health_status',
  'registry_unavailable',
  'offline_unverified',
]);
export type ScanReasonCode = z.infer<typeof ScanReasonCode>;

export const ScanReason = z.object({
  code: ScanReasonCode,
  verdict: ScanVerdict.describe('What this reason alone asks for'),
  message: z.string().describe('Vietnamese text for the station screen'),
  messageEn: z.string(),
});
export type ScanReason = z.infer<typeof ScanReason>;

export const ScanPayloadKind = z.enum(['cccd', 'declaration', 'unknown']);
export type ScanPayloadKind = z.infer<typeof ScanPayloadKind>;

/** What a reason code leads to at this checkpoint; codes not named keep their default. */
export const CheckpointRuleActions = z.partialRecord(ScanReasonCode, ScanVerdict);
export type CheckpointRuleActions = z.infer<typeof CheckpointRuleActions>;

export const DeclarationIssuerKey = z.object({
  kid: z.string().trim().min(1).max(64).describe('Key id carried in the code'),
  name: z.string().trim().min(1).max(200).describe('Issuer shown to officers, e.g. Sở Y tế Hà Nội'),
  publicKey: z.string().trim().min(40).max(2000).describe('Ed25519 public key: PEM (SPKI) or base64 of the 32 raw bytes'),
});
export type DeclarationIssuerKey = z.infer<typeof DeclarationIssuerKey>;

/** How signed travel/health declarations look at this checkpoint and whom to trust. */
export const DeclarationConfig = z.object({
  formats: z.array(z.enum(['json', 'compact'])).min(1).default(['json', 'compact']).describe('Accepted encodings; compact covers both PREFIX.body.sig (v1) and the base45 v2 form'),
  prefix: z.string().trim().min(1).max(16).default('VGD1').describe('Leading tag of the compact v1 form PREFIX.body.sig'),
  prefixV2: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{1,16}$/, 'upper-case letters and digits only (QR alphanumeric mode)')
    .default('VGD2')
    .describe('Leading tag of the compact v2 form PREFIX:base45(binary body + signature)'),
  maxValidityHours: z.number().int().min(1).max(24 * 30).default(72).describe('Longest validity accepted from exp - iat'),
  clockSkewSeconds: z.number().int().min(0).max(3600).default(120),
  issuers: z.array(DeclarationIssuerKey).max(50).default([]),
});
export type DeclarationConfig = z.infer<typeof DeclarationConfig>;

/** A national-platform look-up over HTTP; unreachable within the timeout -> `registry_unavailable`. */
export const NationalRegistryConfig = z.object({
  url: z.url().max(500).describe('POST endpoint receiving {idNumber} and answering {flagged, wanted, permit, health}'),
  timeoutMs: z.number().int().min(50).max(10_000).default(800),
  apiKey: z.string().max(500).optional().describe('Sent as Authorization: Bearer; never returned'),
});
export type NationalRegistryConfig = z.infer<typeof NationalRegistryConfig>;

export const CheckpointRules = z.object({
  accept: z.array(z.enum(['cccd', 'declaration'])).min(1).default(['cccd', 'declaration']).describe('Payload kinds this checkpoint reads'),
  requirePermit: z.boolean().default(false).describe('A valid travel permit in the local lists is needed'),
  requiredHealth: z.array(z.string().trim().min(1).max(30)).max(10).default([]).describe('Health statuses accepted, e.g. ["green"]; empty = not checked'),
  actions: CheckpointRuleActions.default({}).describe('Override the verdict a reason leads to, e.g. {"permit_expired": "deny"}'),
  listIds: z.array(z.string().max(64)).max(50).default([]).describe('Local lists (imported CSV) checked here'),
  duplicateWindowSeconds: z.number().int().min(0).max(3600).default(10).describe('Same card again within this window is not logged twice'),
  retentionDays: z.number().int().min(1).max(3650).default(30).describe('Days before personal data in the scan log is purged'),
  queueAlertPerHour: z.number().int().min(0).max(100_000).default(0).describe('Raise a queue alert above this many scans per hour (0 = off)'),
});
export type CheckpointRules = z.infer<typeof CheckpointRules>;

export const CheckpointOfficer = z.object({
  name: text(200),
  rank: z.string().trim().max(100).default(''),
  userId: z.string().max(64).nullable().default(null),
});
export type CheckpointOfficer = z.infer<typeof CheckpointOfficer>;

const checkpointFields = {
  name: text(200),
  unitId: z.string().min(1).max(64),
  address: z.string().trim().max(500),
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  cameraIds: z.array(z.string().max(64)).max(50),
  officers: z.array(CheckpointOfficer).max(50),
  rules: CheckpointRules,
  declaration: DeclarationConfig,
  national: NationalRegistryConfig.nullable(),
  webhookUrl: z.url().max(500).nullable().describe('Called with flagged-person alerts'),
  enabled: z.boolean(),
};

export const CheckpointCreate = z.object({
  ...checkpointFields,
  address: checkpointFields.address.default(''),
  lat: checkpointFields.lat.default(null),
  lng: checkpointFields.lng.default(null),
  cameraIds: checkpointFields.cameraIds.default([]),
  officers: checkpointFields.officers.default([]),
  rules: CheckpointRules.default(CheckpointRules.parse({})),
  declaration: DeclarationConfig.default(DeclarationConfig.parse({})),
  national: NationalRegistryConfig.nullable().default(null),
  webhookUrl: checkpointFields.webhookUrl.default(null),
  enabled: z.boolean().default(true),
});
export type CheckpointCreate = z.infer<typeof CheckpointCreate>;
export const CheckpointUpdate = z.object(checkpointFields).partial();
export type CheckpointUpdate = z.infer<typeof CheckpointUpdate>;

export const Checkpoint = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  cameraIds: z.array(z.string()),
  officers: z.array(z.object({ name: z.string(), rank: z.string(), userId: z.string().nullable() })),
  rules: CheckpointRules,
  declaration: DeclarationConfig,
  national: z.object({ url: z.string(), timeoutMs: z.number(), hasApiKey: z.boolean() }).nullable(),
  webhookUrl: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** Person data shown to the officer at the station (never stored in full). */
export const ScanPerson = z.object({
  kind: ScanPayloadKind,
  name: z.string(),
  initials: z.string(),
  idMasked: z.string(),
  dateOfBirth: z.string().nullable(),
  sex: z.string().nullable(),
});
export type ScanPerson = z.infer<typeof ScanPerson>;

export const ScanResult = z.object({
  scanId: z.string(),
  checkpointId: z.string(),
  at: z.string(),
  verdict: ScanVerdict,
  reasons: z.array(ScanReason),
  kind: ScanPayloadKind,
  person: ScanPerson.optional(),
  declaration: z.object({ issuer: z.string(), expiresAt: z.string(), health: z.string().nullable() }).optional(),
  duplicate: z.boolean().describe('Same card seen within the duplicate window: the earlier verdict, not logged again'),
  latencyMs: z.number().describe('Server time from request (or frame) to verdict'),
  decodeMs: z.number().optional(),
});
export type ScanResult = z.infer<typeof ScanResult>;

export const ScanRequest = z.object({
  payload: z.string().min(1).max(4000).describe('Text decoded from the QR code or typed by a USB scanner'),
  scanId: z.uuid().optional().describe('Client-generated id; repeats are answered from the log'),
  thumbnail: z.string().max(60_000).optional().describe('Small JPEG of the frame, as a data: URL or base64'),
  clientMs: z.number().min(0).max(600_000).optional().describe('Time the station spent decoding'),
});
export type ScanRequest = z.infer<typeof ScanRequest>;

export const ScanBatchItem = z.object({
  scanId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  payload: z.string().min(1).max(4000).optional(),
  verdict: ScanVerdict.describe('What the station decided offline (what happened at the barrier)'),
  reasons: z.array(ScanReasonCode).max(30).default([]),
  latencyMs: z.number().min(0).max(600_000).default(0),
  thumbnail: z.string().max(60_000).optional(),
});
export type ScanBatchItem = z.infer<typeof ScanBatchItem>;
export const ScanBatchRequest = z.object({ scans: z.array(ScanBatchItem).max(5000) });
export const ScanBatchResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  alerts: z.number().int(),
  results: z.array(z.object({ scanId: z.string(), status: z.enum(['stored', 'duplicate']), serverVerdict: ScanVerdict.nullable() })),
});
export type ScanBatchResult = z.infer<typeof ScanBatchResult>;

export const ScanFrameResult = z.object({
  codes: z.array(z.object({ text: z.string(), format: z.string() })),
  results: z.array(ScanResult),
  decodeMs: z.number(),
  latencyMs: z.number(),
});

export const ScanLogEntry = z.object({
  id: z.string(),
  checkpointId: z.string(),
  at: z.string(),
  verdict: ScanVerdict,
  reasons: z.array(ScanReasonCode),
  kind: ScanPayloadKind,
  idMasked: z.string().nullable(),
  initials: z.string().nullable(),
  officers: z.array(z.string()),
  operator: z.string(),
  source: z.enum(['station', 'frame', 'batch']),
  latencyMs: z.number(),
  hasThumbnail: z.boolean(),
  purged: z.boolean(),
});
export type ScanLogEntry = z.infer<typeof ScanLogEntry>;

export const ScanLogQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  verdict: ScanVerdict.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RegistryListKind = z.enum(['flagged', 'permit', 'health']);
export type RegistryListKind = z.infer<typeof RegistryListKind>;
export const RegistryList = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  kind: RegistryListKind,
  entries: z.number().int(),
  digest: z.string(),
  importedAt: z.string().nullable(),
});
export type RegistryList = z.infer<typeof RegistryList>;
export const RegistryListCreate = z.object({ name: text(200), kind: RegistryListKind, unitId: z.string().min(1).max(64) });

export const CheckpointAlert = z.object({
  id: z.string(),
  checkpointId: z.string(),
  checkpointName: z.string(),
  unitId: z.string(),
  scanId: z.string().nullable(),
  at: z.string(),
  kind: z.enum(['flagged_person', 'queue']),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type CheckpointAlert = z.infer<typeof CheckpointAlert>;

export const CheckpointStats = z.object({
  from: z.string(),
  to: z.string(),
  checkpoints: z.array(z.object({
    id: z.string(),
    name: z.string(),
    total: z.number().int(),
    verdicts: z.object({ pass: z.number().int(), officer: z.number().int(), deny: z.number().int() }),
    medianMs: z.number().nullable(),
    p95Ms: z.number().nullable(),
    perHour: z.array(z.object({ hour: z.string(), count: z.number().int() })),
  })),
});
export type CheckpointStats = z.infer<typeof CheckpointStats>;

/** What an offline station needs to keep checking when the link drops. */
export const StationSync = z.object({
  checkpoint: Checkpoint,
  generatedAt: z.string(),
  hash: z.object({ algorithm: z.literal('sha256'), note: z.string() }),
  lists: z.array(z.object({
    id: z.string(),
    kind: RegistryListKind,
    name: z.string(),
    salt: z.string(),
    digest: z.string(),
    truncated: z.boolean(),
    entries: z.array(z.tuple([z.string(), z.record(z.string(), z.string())])).describe('[sha256(salt + idNumber) hex prefix, minimal data]'),
  })),
  defaultActions: z.record(z.string(), ScanVerdict),
  messages: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
});
export type StationSync = z.infer<typeof StationSync>;
