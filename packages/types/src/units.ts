import { z } from 'zod';
import { text } from './common';

export const UnitLevel = z.enum(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** An administrative unit: province > (district, legacy) > commune/ward. */
export const Unit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: UnitLevel,
  parentId: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitCode = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, . _ - only');

export const UnitCreate = z.object({
  code: UnitCode,
  name: text(200),
  level: UnitLevel,
  parentId: z.string().max(64).nullable().optional(),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitUpdate = z.object({ code: UnitCode.optional(), name: text(200).optional() });
export type UnitUpdate = z.infer<typeof UnitUpdate>;

/** One row of a unit CSV import (header: code,name,level,parent_code). */
export const UnitCsvRow = z.object({
  code: UnitCode,
  name: text(200),
  level: UnitLevel,
  parent_code: z.string().trim().max(32).optional().default(''),
});
