/** Credentials lifted out of a stream URL; kept apart so URLs can be shown and logged safely. */
export interface StreamCredentials {
  username: string;
  password: string;
}

/** Splits `rtsp://user:pass@host/path` into the URL without userinfo and the credentials. */
export function splitCredentials(url: string): { url: string; credentials: StreamCredentials | null } {
  const u = new URL(url);
  if (!u.username && !u.password) return { url, credentials: null };
  const credentials = { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
  u.username = '';
  u.password = '';
  return { url: u.toString(), credentials };
}

/** Puts credentials back into a URL for the ingest process (never for display). */
export function withCredentials(url: string, credentials: StreamCredentials | null): string {
  if (!credentials || (!credentials.username && !credentials.password)) return url;
  const u = new URL(url);
  u.username = encodeURIComponent(credentials.username);
  u.password = encodeURIComponent(credentials.password);
  return u.toString();
}
