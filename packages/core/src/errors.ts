/** Typed error codes every layer understands; the HTTP layer maps them to status codes. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'UNAVAILABLE'
  | 'CONFIG';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  UNAVAILABLE: 503,
  CONFIG: 500,
};

/** An expected failure with a code, an HTTP status and, where it applies, the input field at fault. */
export class VigilError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'VigilError';
    this.status = STATUS[code];
  }
}

export const notFound = (what: string, id: string) => new VigilError('NOT_FOUND', `${what} ${id} not found`, 'id');
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new VigilError('FORBIDDEN', message, undefined, details);
export const invalid = (field: string, message: string) => new VigilError('VALIDATION', `${field}: ${message}`, field);
export const conflict = (field: string, message: string) => new VigilError('CONFLICT', message, field);
