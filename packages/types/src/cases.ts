import { z } from 'zod';
import { isoTime, text } from './common';

/** Vehicle kinds the national look-up distinguishes; `none` for public-order cases without a vehicle. */
export const VehicleType = z.enum(['car', 'motorbike', 'ebike', 'none']);
export type VehicleType = z.infer<typeof VehicleType>;
/** Plate background colour: white (private), yellow (commercial), blue (state), red (military). */
export const PlateColour = z.enum(['white', 'yellow', 'blue', 'red']);
export type PlateColour = z.infer<typeof PlateColour>;

export const ViolationStatus = z.enum([
  'detected', 'verified', 'rejected', 'owner_identified', 'notice_issued', 'resolved', 'escalated', 'closed',
]);
export type ViolationStatus = z.infer<typeof ViolationStatus>;
export const ViolationAction = z.enum(['verify', 'reject', 'identify_owner', 'issue_notice', 'resolve', 'escalate', 'close']);
export type ViolationAction = z.infer<typeof ViolationAction>;
export const ViolationSource = z.enum(['analytics', 'operator', 'citizen']);
export type ViolationSource = z.infer<typeof ViolationSource>;
export const EvidenceKind = z.enum(['frame', 'clip', 'plate_crop', 'document', 'reference']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** One version of a violation type, as the decree in force words it. */
export const ViolationRule = z.object({
  key: z.string().describe('Stable key across decree versions, e.g. red_light_motorbike'),
  code: z.string().describe('National-style code decree/year/article.clause.point, e.g. 168/2024/7.7.c'),
  category: z.enum(['traffic', 'public_order']),
  titleVi: z.string(),
  legalBasisVi: z.string(),
  vehicleTypes: z.array(VehicleType),
  fineMin: z.number().int(),
  fineMax: z.number().int(),
  additionalVi: z.array(z.string()),
  validFrom: z.string().describe('First day in force (YYYY-MM-DD, Vietnam time)'),
  validTo: z.string().nullable().describe('Last day in force, or null while in force'),
});
export type ViolationRule = z.infer<typeof ViolationRule>;

export const PlateInput = z.object({
  text: z.string().trim().min(1).max(20).describe('Plate as read, e.g. 51F-123.45'),
  colour: PlateColour.default('white'),
  vehicleType: VehicleType,
});

export const EvidenceRef = z.object({
  kind: EvidenceKind,
  ref: z.string().trim().min(1).max(2000).describe('Where the item lives: an export id, event frame URL or file path'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  capturedAt: isoTime.optional(),
  cameraId: z.string().max(64).optional(),
  deviceId: z.string().max(200).optional(),
  signalState: z.enum(['red', 'amber', 'green', 'unknown']).optional(),
  note: z.string().max(500).optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** A violation candidate from analytics or an operator marking a moment in video. */
export const ViolationIntake = z.object({
  cameraId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional().describe('Detecting unit; defaults to the camera\'s unit'),
  occurredAt: isoTime,
  typeCode: z.string().trim().min(1).max(64).describe('Catalogue code (e.g. 168/2024/7.2.h) or stable key'),
  plate: PlateInput.optional(),
  place: z.string().trim().max(500).optional(),
  source: ViolationSource.default('operator'),
  eventId: z.string().max(64).optional(),
  subjectVi: z.string().trim().max(500).optional().describe('Who, for public-order cases without a vehicle'),
  evidence: z.array(EvidenceRef).max(50).default([]),
  note: z.string().max(2000).optional(),
});
export type ViolationIntake = z.infer<typeof ViolationIntake>;

export const Owner = z.object({
  name: text(200),
  address: text(500),
  idNumber: z.string().trim().max(32).optional(),
  unitId: z.string().max(64).nullable().optional().describe('Commune/ward where the owner lives'),
});
export type Owner = z.infer<typeof Owner>;

export const ActionBody = z.object({
  action: ViolationAction,
  reason: z.string().trim().max(2000).optional(),
  /** identify_owner: override the registry with a manually established owner. */
  owner: Owner.optional(),
  /** issue_notice: where and when the owner must come. */
  appearPlace: z.string().trim().max(500).optional(),
  appearAt: isoTime.optional(),
  /** resolve */
  decisionNo: z.string().trim().max(64).optional(),
  amount: z.number().int().min(0).max(2_000_000_000).optional(),
  paid: z.boolean().optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

export const BulkActionBody = ActionBody.extend({ ids: z.array(z.string().max(64)).min(1).max(500) });
export type BulkActionBody = z.infer<typeof BulkActionBody>;

export const DeadlineState = z.enum(['ok', 'near', 'overdue']);
export const Deadline = z.object({
  kind: z.enum(['owner', 'resolve']),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  state: DeadlineState,
});
export type Deadline = z.infer<typeof Deadline>;

export const Evidence = z.object({
  id: z.string(),
  kind: EvidenceKind,
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  ref: z.string().nullable(),
  capturedAt: z.string().nullable(),
  cameraId: z.string().nullable(),
  deviceId: z.string().nullable(),
  signalState: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Violation = z.object({
  id: z.string(),
  status: ViolationStatus,
  source: ViolationSource,
  unitId: z.string(),
  unitName: z.string(),
  resolvingUnitId: z.string(),
  cameraId: z.string().nullable(),
  eventId: z.string().nullable(),
  occurredAt: z.string(),
  place: z.string(),
  rule: ViolationRule,
  plate: z.string().nullable(),
  plateDisplay: z.string().nullable(),
  plateColour: PlateColour.nullable(),
  vehicleType: VehicleType,
  subjectVi: z.string().nullable(),
  owner: Owner.nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  ownerDueAt: z.string(),
  noticeNo: z.string().nullable(),
  noticeIssuedAt: z.string().nullable(),
  noticeDueAt: z.string().nullable(),
  appearPlace: z.string().nullable(),
  appearAt: z.string().nullable(),
  routedToUnitId: z.string().nullable(),
  decisionNo: z.string().nullable(),
  fineAmount: z.number().nullable(),
  paid: z.boolean(),
  resolvedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  inspectionFlag: z.boolean(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  retainUntil: z.string().nullable(),
  deadline: Deadline.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Violation = z.infer<typeof Violation>;

export const HistoryEntry = z.object({
  at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), actorName: z.string(), note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ViolationDetail = Violation.extend({ evidence: z.array(Evidence), history: z.array(HistoryEntry) });
export type ViolationDetail = z.infer<typeof ViolationDetail>;

export const Queue = z.enum(['review', 'owner', 'notice', 'near_deadline', 'escalated', 'all']);
export type Queue = z.infer<typeof Queue>;

export const ViolationQuery = z.object({
  queue: Queue.optional(),
  unitId: z.string().max(64).optional(),
  status: ViolationStatus.optional(),
  plate: z.string().max(20).optional(),
  typeCode: z.string().max(64).optional(),
  place: z.string().max(200).optional(),
  cameraId: z.string().max(64).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ViolationQuery = z.infer<typeof ViolationQuery>;

export const PublicLookupQuery = z.object({
  plate: z.string().trim().min(4).max(20),
  vehicleType: z.enum(['car', 'motorbike', 'ebike']),
  challenge: z.string().max(500).optional().describe('Token from GET /api/public/challenge, required after a few queries'),
  answer: z.string().max(100).optional(),
});
export type PublicLookupQuery = z.infer<typeof PublicLookupQuery>;

/** What the public may see: never the owner's personal data. */
export const PublicViolation = z.object({
  plate: z.string(),
  plateColour: z.string(),
  vehicleType: z.string(),
  occurredAt: z.string(),
  place: z.string(),
  violation: z.string(),
  status: z.enum(['not_handled', 'handled']),
  statusVi: z.string(),
  detectingUnit: z.string(),
  resolvingUnit: z.object({ name: z.string(), address: z.string(), phone: z.string() }),
});
export type PublicViolation = z.infer<typeof PublicViolation>;

export const SubmissionVerification = z.enum(['pending', 'original', 'suspect', 'duplicate', 'rejected']);
export const SubmissionCreate = z.object({
  unitId: z.string().max(64),
  receivedAt: isoTime,
  providerName: text(200),
  providerAddress: text(500),
  providerPhone: z.string().trim().max(32).optional(),
  typeCode: z.string().trim().min(1).max(64),
  description: z.string().trim().max(2000).default(''),
  receivingOfficer: text(200),
  verification: SubmissionVerification.default('pending'),
  verificationNote: z.string().trim().max(2000).optional(),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  fileMeta: z.record(z.string(), z.string()).optional().describe('Metadata the provider gave or the file carries (device, recorded at)'),
});
export type SubmissionCreate = z.infer<typeof SubmissionCreate>;
export const Submission = SubmissionCreate.extend({
  id: z.string(),
  fileName: z.string().nullable(),
  fileSize: z.number().nullable(),
  fileSha256: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  violationId: z.string().nullable(),
  createdAt: z.string(),
});
export type Submission = z.infer<typeof Submission>;

export const VehicleRecord = z.object({
  plate: z.string(),
  vehicleType: VehicleType,
  ownerName: z.string(),
  ownerAddress: z.string(),
  ownerIdNumber: z.string().default(''),
  ownerUnitCode: z.string().default(''),
  brand: z.string().default(''),
});
export type VehicleRecord = z.infer<typeof VehicleRecord>;

export const UnitContact = z.object({ unitId: z.string(), address: z.string().max(500), phone: z.string().max(64) });
export type UnitContact = z.infer<typeof UnitContact>;
