import { z } from 'zod';

/** A non-empty trimmed string of bounded length. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** ISO 8601 timestamp string. */
export const isoTime = z.iso.datetime({ offset: true });

/** Paging query shared by list routes. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Maximum items to return'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip'),
});

/** Route param holding an entity id. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });

/** Error body every route answers with on 4xx/5xx. */
export const ErrorBody = z.object({
  error: z.string().describe('Typed error code, e.g. VALIDATION, NOT_FOUND, FORBIDDEN'),
  message: z.string(),
  field: z.string().optional().describe('The input field at fault, dotted path'),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Result of a CSV import: what was created and which lines were refused. */
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int().default(0),
  errors: z.array(z.object({ line: z.number().int(), field: z.string().optional(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;
