import type { z } from 'zod';

/** Turns a zod issue into `{field, message}` with a dotted field path. */
export function zodIssueToField(issue: z.core.$ZodIssue | undefined): { field: string | undefined; message: string } {
  if (!issue) return { field: undefined, message: 'invalid input' };
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}
