import { z } from 'zod';
import { isoTime, text } from './common';

export const IncidentType = z.enum([
  'theft', 'robbery', 'assault', 'property_damage', 'illegal_racing', 'loan_shark_flyers',
  'traffic_accident', 'waste_dumping', 'fire', 'gathering', 'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;
export const IncidentStatus = z.enum(['open', 'investigating', 'resolved', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const incidentFields = {
  unitId: z.string().min(1).max(64),
  type: IncidentType,
  title: text(300),
  description: z.string().trim().max(5000),
  place: z.string().trim().max(500),
  occurredAt: isoTime,
  reportedBy: z.enum(['operator', 'citizen', 'patrol']),
  reporterName: z.string().trim().max(200),
  cameraIds: z.array(z.string().max(64)).max(50),
  eventIds: z.array(z.string().max(64)).max(100),
  exportIds: z.array(z.string().max(64)).max(100),
  officers: z.array(z.string().trim().min(1).max(200)).max(20),
};

export const IncidentCreate = z.object({
  ...incidentFields,
  description: incidentFields.description.default(''),
  place: incidentFields.place.default(''),
  reportedBy: incidentFields.reportedBy.default('operator'),
  reporterName: incidentFields.reporterName.default(''),
  cameraIds: incidentFields.cameraIds.default([]),
  eventIds: incidentFields.eventIds.default([]),
  exportIds: incidentFields.exportIds.default([]),
  officers: incidentFields.officers.default([]),
});
export type IncidentCreate = z.infer<typeof IncidentCreate>;
/** A patch: only the fields sent change (no defaults here, or a patch would wipe lists). */
export const IncidentUpdate = z.object(incidentFields).partial().extend({
  status: IncidentStatus.optional(),
  outcome: z.string().trim().max(5000).optional(),
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const Incident = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: IncidentType,
  title: z.string(),
  description: z.string(),
  place: z.string(),
  occurredAt: z.string(),
  reportedBy: z.string(),
  reporterName: z.string(),
  cameraIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  exportIds: z.array(z.string()),
  officers: z.array(z.string()),
  status: IncidentStatus,
  outcome: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentQuery = z.object({
  unitId: z.string().max(64).optional(),
  type: IncidentType.optional(),
  status: IncidentStatus.optional(),
  cameraId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const FootageRequestStatus = z.enum(['pending', 'approved', 'rejected', 'fulfilled']);
export const FootageRequestCreate = z.object({
  unitId: z.string().min(1).max(64),
  incidentId: z.string().max(64).nullable().default(null),
  requesterName: text(200),
  requesterPhone: z.string().trim().max(32).default(''),
  requesterAddress: z.string().trim().max(500).default(''),
  cameraId: z.string().max(64).nullable().default(null),
  from: isoTime,
  to: isoTime,
  reason: text(2000),
});
export type FootageRequestCreate = z.infer<typeof FootageRequestCreate>;
export const FootageDecision = z.object({
  decision: z.enum(['approve', 'reject', 'fulfil']),
  note: z.string().trim().max(2000).default(''),
  exportId: z.string().max(64).optional(),
});
export type FootageDecision = z.infer<typeof FootageDecision>;
export const FootageRequest = z.object({
  id: z.string(),
  unitId: z.string(),
  incidentId: z.string().nullable(),
  requesterName: z.string(),
  requesterPhone: z.string(),
  requesterAddress: z.string(),
  cameraId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  status: FootageRequestStatus,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  exportId: z.string().nullable(),
  createdAt: z.string(),
});
export type FootageRequest = z.infer<typeof FootageRequest>;

export const ReportQuery = z.object({
  from: isoTime,
  to: isoTime,
  unitId: z.string().max(64).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const CaseReport = z.object({
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  incidents: z.object({ total: z.number().int(), byType: z.array(Count), byStatus: z.array(Count), byUnit: z.array(Count), byCamera: z.array(Count), summaryVi: z.string() }),
  violations: z.object({
    total: z.number().int(),
    byType: z.array(Count),
    byStatus: z.array(Count),
    byUnit: z.array(Count),
    byCamera: z.array(Count),
    finesPaid: z.number(),
    summaryVi: z.string(),
  }),
});
export type CaseReport = z.infer<typeof CaseReport>;
