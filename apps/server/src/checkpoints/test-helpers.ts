// Helpers shared by the checkpoint tests and the benchmark (not a test file itself).
import { randomUUID } from 'node:crypto';
import { type DeclarationBody, signDeclaration } from '@vigil/core';
import type { TestVigil } from '../testing';
import { DEMO_ISSUER, demoIssuerKey } from './seed';

export interface DemoCheckpoint {
  id: string;
  unitId: string;
  listIds: string[];
}

/** The seeded demo station. */
export async function demoCheckpoint(v: TestVigil, headers: Record<string, string>): Promise<DemoCheckpoint> {
  const res = await v.app.inject({ method: 'GET', url: '/api/checkpoints', headers });
  const cp = res.json().items[0];
  return { id: cp.id, unitId: cp.unitId, listIds: cp.rules.listIds };
}

/** Creates a user with a role in a unit and returns its login headers. */
export async function userHeaders(v: TestVigil, admin: Record<string, string>, o: { username: string; role: string; unitId: string }): Promise<Record<string, string>> {
  const password = 'User-pass-12345';
  const res = await v.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: o.username, displayName: o.username, password, role: o.role, unitId: o.unitId } });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`user create failed: ${res.statusCode} ${res.body}`);
  return v.login(o.username, password);
}

/** A declaration signed by the demo issuer; `hoursFromNow` moves its validity window. */
export function demoDeclaration(dataDir: string, o: { id: string; name: string; health?: string; form?: 'json' | 'compact'; issuedHoursAgo?: number; validHours?: number; nonce?: string }): string {
  const key = demoIssuerKey(dataDir);
  if (!key) throw new Error('demo issuer key missing: was the demo seeded?');
  const iat = Math.floor(Date.now() / 1000) - (o.issuedHoursAgo ?? 0) * 3600;
  const body: DeclarationBody = { v: 1, kid: DEMO_ISSUER.kid, nonce: o.nonce ?? randomUUID(), iat, exp: iat + (o.validHours ?? 72) * 3600, id: o.id, name: o.name, health: o.health ?? 'green' };
  return signDeclaration(body, key, { form: o.form ?? 'compact', prefix: 'VGD1' });
}
