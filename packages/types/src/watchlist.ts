import { z } from 'zod';
import { isoTime, PageQuery, text } from './common';

/** Why a plate is on the watch-list. */
export const WatchlistCategory = z.enum(['stolen', 'wanted', 'other']);
export type WatchlistCategory = z.infer<typeof WatchlistCategory>;

/** A plate to add; the plate may be written in any printed form ("51F-123.45", "29-B1 123.45"). */
export const WatchlistEntryCreate = z.object({
  plate: text(20).describe('Vietnamese plate, any printed form; validated and normalised with the plate grammar'),
  reason: text(500),
  category: WatchlistCategory,
  until: isoTime.optional().describe('The entry stops matching after this time'),
});
export type WatchlistEntryCreate = z.infer<typeof WatchlistEntryCreate>;

export const WatchlistEntry = z.object({
  id: z.string(),
  plate: z.string().describe('Normalised ("51F12345")'),
  display: z.string().describe('As printed ("51F-123.45")'),
  reason: z.string(),
  category: WatchlistCategory,
  until: z.string().nullable(),
  unitId: z.string().describe('Unit of the officer who listed it'),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;

export const WatchlistQuery = PageQuery.extend({
  plate: z.string().max(20).optional().describe('Part of a plate, any printed form'),
  category: WatchlistCategory.optional(),
  active: z.enum(['true', 'false']).optional().describe('true: only entries not past their end'),
});
export type WatchlistQuery = z.infer<typeof WatchlistQuery>;

export const WatchlistList = z.object({ items: z.array(WatchlistEntry), total: z.number().int() });

export const WatchlistCheck = z.object({ plate: text(20) });
export type WatchlistCheck = z.infer<typeof WatchlistCheck>;

/** A match of a read or typed plate against the watch-list: also the alert an operator acts on. */
export const WatchlistHit = z.object({
  id: z.string(),
  entryId: z.string(),
  plate: z.string(),
  display: z.string(),
  category: WatchlistCategory,
  reason: z.string(),
  at: z.string(),
  source: z.enum(['camera', 'manual']),
  cameraId: z.string().nullable(),
  unitId: z.string(),
  confidence: z.number().nullable(),
  checkedBy: z.string().nullable(),
});
export type WatchlistHit = z.infer<typeof WatchlistHit>;

export const WatchlistCheckResult = z.object({
  plate: z.string().describe('Normalised plate that was checked'),
  display: z.string(),
  hit: z.boolean(),
  entries: z.array(WatchlistEntry),
  hits: z.array(WatchlistHit).describe('Alert rows raised by this check'),
});
export type WatchlistCheckResult = z.infer<typeof WatchlistCheckResult>;

export const WatchlistHitQuery = PageQuery.extend({
  plate: z.string().max(20).optional(),
  cameraId: z.string().max(64).optional(),
});
export type WatchlistHitQuery = z.infer<typeof WatchlistHitQuery>;

export const WatchlistHitList = z.object({ items: z.array(WatchlistHit), total: z.number().int() });
