// The one place that talks HTTP to the server: adds the bearer token, parses JSON and turns
// non-2xx answers into ApiError carrying the server's code, message and field(s).

const TOKEN_KEY = 'vigil.token';

/** A field-level problem reported by the server (400 validation). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Error thrown for every non-2xx answer; `status` 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field path -> message, merging `field` and `fields`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) if (f.field && !out[f.field]) out[f.field] = stripField(f.field, f.message);
    if (this.field && !out[this.field]) out[this.field] = stripField(this.field, this.message);
    return out;
  }
}

/** "location.lat: too big" shown beside the lat field reads better as "too big". */
function stripField(field: string, message: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Called on any 401 (except the login call itself): the app sends the user back to login. */
export function setUnauthorizedHandler(fn: UnauthorizedHandler): void {
  onUnauthorized = fn;
}

export interface RequestOptions {
  method?: string;
  /** JSON-serialised unless `contentType` is given, in which case it is sent as-is. */
  body?: unknown;
  contentType?: string;
  query?: Record<string, string | number | undefined | null>;
  /** Do not treat 401 as "session expired" (the login form shows it instead). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** Accept header; JSON unless a download asks for something else. */
  accept?: string;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (opts.contentType) {
      headers['Content-Type'] = opts.contentType;
      body = opts.body as BodyInit;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method: opts.method ?? 'GET', headers, body, signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await toError(res, opts);
  return res;
}

async function toError(res: Response, opts: RequestOptions): Promise<ApiError> {
  let data: { error?: string; message?: string; field?: string; fields?: FieldProblem[] } = {};
  const text = await res.text();
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { message: text };
  }
  if (res.status === 401 && !opts.skipAuthRedirect) {
    setToken(null);
    onUnauthorized();
  }
  return new ApiError(
    res.status,
    data.error ?? `HTTP_${res.status}`,
    data.message || res.statusText || `HTTP ${res.status}`,
    data.field,
    Array.isArray(data.fields) ? data.fields : [],
  );
}

/** JSON request; 204 / empty bodies resolve to undefined. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Binary download (e.g. CSV export) with the same auth and error handling. */
export async function requestBlob(path: string, opts: RequestOptions = {}): Promise<Blob> {
  const res = await send(path, opts);
  return res.blob();
}
