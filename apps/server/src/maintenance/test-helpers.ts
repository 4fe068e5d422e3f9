// Shared by the maintenance route tests: users of each role, state-log and alert rows written
// directly (as the health monitor would), and multipart bodies built by hand.
import { randomUUID } from 'node:crypto';
import type { TestVigil } from '../testing';

type HistoryTables = {
  camera_state_log: { id?: number; camera_id: string; unit_id: string; state: string; start_ms: number; end_ms: number | null };
  health_alerts: {
    id: string; camera_id: string; unit_id: string; kind: string; status: string; opened_at: string; state_since: string; detected_after_ms: number;
    acknowledged_at: string | null; acknowledged_by: string | null; resolved_at: string | null; resolved_by: string | null; flaps: number; message: string;
  };
};

export interface Cam { id: string; name: string; unitId: string; mainUrl: string }

export async function cameras(v: TestVigil, h: Record<string, string>): Promise<Cam[]> {
  return (await v.app.inject({ method: 'GET', url: '/api/cameras?limit=1000', headers: h })).json().items;
}

export async function unitByCode(v: TestVigil, h: Record<string, string>, code: string): Promise<{ id: string; name: string }> {
  return (await v.app.inject({ method: 'GET', url: '/api/units', headers: h })).json().items.find((u: { code: string }) => u.code === code);
}

/** Creates a user of the role in the unit and returns its auth headers. */
export async function userOf(v: TestVigil, admin: Record<string, string>, role: string, unitId: string): Promise<Record<string, string>> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const res = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username, displayName: username, password: 'Role-pass-123', role, unitId } });
  if (res.statusCode !== 201) throw new Error(`user ${role}: ${res.statusCode} ${res.body}`);
  return v.login(username, 'Role-pass-123');
}

/** Replaces a camera's state history with the given periods (ISO or ms times). */
export async function setStateLog(v: TestVigil, cam: Cam, periods: [state: string, start: string | number, end: string | number | null][]): Promise<void> {
  const db = v.ctx.db.withTables<HistoryTables>();
  await db.deleteFrom('camera_state_log').where('camera_id', '=', cam.id).execute();
  const ms = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
  for (const [state, start, end] of periods) {
    await db.insertInto('camera_state_log').values({ camera_id: cam.id, unit_id: cam.unitId, state, start_ms: ms(start), end_ms: end === null ? null : ms(end) }).execute();
  }
}

export async function insertAlert(v: TestVigil, cam: Cam, a: { kind?: string; openedAt: string; detectedAfterMs?: number; resolvedAt?: string | null }): Promise<string> {
  const id = randomUUID();
  await v.ctx.db.withTables<HistoryTables>().insertInto('health_alerts').values({
    id, camera_id: cam.id, unit_id: cam.unitId, kind: a.kind ?? 'offline', status: a.resolvedAt ? 'resolved' : 'open', opened_at: a.openedAt, state_since: a.openedAt,
    detected_after_ms: a.detectedAfterMs ?? 3000, acknowledged_at: null, acknowledged_by: null, resolved_at: a.resolvedAt ?? null, resolved_by: a.resolvedAt ? 'admin' : null, flaps: 0, message: `${cam.name} ${a.kind ?? 'offline'}`,
  }).execute();
  return id;
}

/** A multipart body with one file field. */
export function multipart(field: string, file: Buffer, type: string, filename = 'photo'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----vigil${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A 1x1 PNG. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
