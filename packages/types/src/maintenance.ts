import { z } from 'zod';
import { isoTime, text } from './common';
import { HealthState } from './health';

// Maintenance (repair tickets, maintenance windows), health reports and ONVIF discovery (issue 4).

export const TicketStatus = z.enum(['open', 'in_progress', 'fixed', 'verified']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Allowed moves; `fixed -> in_progress` reopens a repair that did not hold. */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress'],
  in_progress: ['fixed'],
  fixed: ['verified', 'in_progress'],
  verified: [],
};

export const TicketNote = z.object({ at: z.string(), by: z.string(), text: z.string(), kind: z.enum(['note', 'status', 'photo', 'system']) });
export type TicketNote = z.infer<typeof TicketNote>;

export const TicketPhoto = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), at: z.string(), by: z.string() });
export type TicketPhoto = z.infer<typeof TicketPhoto>;

export const MaintenanceTicket = z.object({
  id: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  unitId: z.string(),
  alertId: z.string().nullable(),
  assignee: z.string(),
  contractor: z.string().nullable(),
  status: TicketStatus,
  verifyAfterMin: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  fixedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  notes: z.array(TicketNote),
  photos: z.array(TicketPhoto),
});
export type MaintenanceTicket = z.infer<typeof MaintenanceTicket>;

export const TicketCreate = z.object({
  cameraId: z.string().min(1).max(64),
  alertId: z.string().min(1).max(64).optional(),
  assignee: text(200).describe('Technician or contractor who does the repair'),
  contractor: z.string().trim().max(200).optional().describe('Contracting company, when not in-house'),
  note: z.string().trim().max(4000).default(''),
  verifyAfterMin: z.number().int().min(1).max(10080).default(10).describe('Minutes online after "fixed" before the ticket verifies itself'),
});
export type TicketCreate = z.infer<typeof TicketCreate>;

export const TicketUpdate = z.object({
  status: TicketStatus.optional(),
  assignee: text(200).optional(),
  contractor: z.string().trim().max(200).nullable().optional(),
  verifyAfterMin: z.number().int().min(1).max(10080).optional(),
  note: z.string().trim().max(4000).optional().describe('Added to the ticket history with the change'),
});
export type TicketUpdate = z.infer<typeof TicketUpdate>;

export const TicketNoteCreate = z.object({ text: text(4000) });

export const TicketQuery = z.object({
  status: TicketStatus.optional(),
  cameraId: z.string().max(64).optional(),
  alertId: z.string().max(64).optional(),
  assignee: z.string().max(200).optional(),
  open: z.enum(['true', 'false']).optional().describe('true: every status but verified'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TicketQuery = z.infer<typeof TicketQuery>;

export const MaintenanceWindow = z.object({
  id: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

export const WindowCreate = z
  .object({ cameraId: z.string().min(1).max(64), from: isoTime, to: isoTime, reason: text(1000) })
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: 'must be after from', path: ['to'] });
export type WindowCreate = z.infer<typeof WindowCreate>;

export const WindowQuery = z.object({ cameraId: z.string().max(64).optional(), from: isoTime.optional(), to: isoTime.optional() });

export const ReportGroupBy = z.enum(['camera', 'unit', 'day', 'week', 'month']);
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;

export const AvailabilityQuery = z
  .object({
    from: isoTime,
    to: isoTime,
    groupBy: ReportGroupBy.default('camera'),
    unitId: z.string().max(64).optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: 'range longer than 400 days', path: ['to'] });
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

export const AvailabilityRow = z.object({
  key: z.string().describe('Camera id, unit id or bucket start (YYYY-MM-DD / YYYY-MM in Asia/Ho_Chi_Minh)'),
  label: z.string(),
  cameras: z.number(),
  availabilityPct: z.number().nullable().describe('Online time / (window - maintenance - disabled - unmonitored); null when nothing was measured'),
  onlineMs: z.number(),
  downMs: z.number(),
  maintenanceMs: z.number(),
  disabledMs: z.number(),
  unmonitoredMs: z.number(),
  downByState: z.record(z.string(), z.number()),
});
export type AvailabilityRow = z.infer<typeof AvailabilityRow>;

export const DownCamera = z.object({
  cameraId: z.string(),
  cameraName: z.string(),
  unitId: z.string(),
  downMs: z.number(),
  longestMs: z.number(),
  currentState: HealthState.nullable(),
  availabilityPct: z.number().nullable(),
});

export const AvailabilityReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: ReportGroupBy,
  timeZone: z.string(),
  rows: z.array(AvailabilityRow),
  overall: AvailabilityRow,
  mttdMs: z.number().nullable().describe('Mean time to detect: alert detectedAfterMs, alerts opened in range'),
  mttrTicketMs: z.number().nullable().describe('Mean ticket created -> fixed, tickets fixed in range'),
  mttrAlertMs: z.number().nullable().describe('Mean alert opened -> resolved, alerts resolved in range'),
  alerts: z.number(),
  longestDown: z.array(DownCamera),
});
export type AvailabilityReport = z.infer<typeof AvailabilityReport>;

/** Host name, IPv4, or [IPv6], with an optional :port (the port is for simulated devices in tests). */
const HOST_RE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62})(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62}))*|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?$/;
export const DiscoveryTarget = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    const m = HOST_RE.exec(v);
    return !!m && (m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 65535));
  }, 'must be an IP address or host name, optionally with :port');

export const DiscoveryRequest = z.object({
  timeoutMs: z.number().int().min(200).max(15_000).default(3000).describe('How long to wait for probe answers'),
  targets: z.array(DiscoveryTarget).max(256).default([]).describe('Probe these hosts by unicast (port 3702 unless given)'),
  multicast: z.boolean().optional().describe('Also probe 239.255.255.250:3702; default: only when no targets are given'),
  username: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
});
export type DiscoveryRequest = z.infer<typeof DiscoveryRequest>;

export const DiscoveredProfile = z.object({
  token: z.string(),
  name: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  encoding: z.string().nullable(),
  streamUri: z.string().nullable(),
});
export type DiscoveredProfile = z.infer<typeof DiscoveredProfile>;

export const DiscoveredDevice = z.object({
  xaddr: z.string(),
  address: z.string().describe('WS-Discovery endpoint reference'),
  scopes: z.array(z.string()),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  serial: z.string().nullable(),
  hardware: z.string().nullable(),
  name: z.string().nullable(),
  location: z.string().nullable(),
  profiles: z.array(DiscoveredProfile),
  error: z.string().nullable().describe('Why device information could not be read (auth, timeout)'),
});
export type DiscoveredDevice = z.infer<typeof DiscoveredDevice>;
