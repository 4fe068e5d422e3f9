import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { VigilError } from '@vigil/core';

/** Parses a CSV body (header line first) into rows keyed by column; a UTF-8 BOM is tolerated. */
export function parseCsv(body: unknown): Record<string, string>[] {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    throw new VigilError('VALIDATION', 'body: send the CSV file as text/csv', 'body');
  }
  try {
    return parse(body, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new VigilError('VALIDATION', `body: unreadable CSV: ${(err as Error).message}`, 'body');
  }
}

export function toCsv(header: readonly string[], rows: string[][]): string {
  return stringify([header as string[], ...rows]);
}
