// Helpers shared by the checkpoint tests and the benchmark (not a test file itself).
import { randomBytes, randomUUID } from 'node:crypto';
import { type DeclarationBody, type DeclarationForm, signDeclaration } from '@vigil/core';
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

/**
 * A declaration signed by the demo issuer, in the compact v2 form unless `form` says otherwise;
 * `issuedHoursAgo` and `validHours` move its validity window.
 */
export function demoDeclaration(dataDir: string, o: { id: string; name: string; health?: string; form?: DeclarationForm; issuedHoursAgo?: number; validHours?: number; nonce?: string }): string {
  const key = demoIssuerKey(dataDir);
  if (!key) throw new Error('demo issuer key missing: was the demo seeded?');
  const form = o.form ?? 'v2';
  const iat = Math.floor(Date.now() / 1000) - (o.issuedHoursAgo ?? 0) * 3600;
  // v2 carries a hex nonce as raw bytes (8 are plenty per issuer); v1 forms a UUID as text.
  const nonce = o.nonce ?? (form === 'v2' ? randomBytes(8).toString('hex') : randomUUID());
  const body: DeclarationBody = { v: form === 'v2' ? 2 : 1, kid: DEMO_ISSUER.kid, nonce, iat, exp: iat + (o.validHours ?? 72) * 3600, id: o.id, name: o.name, health: o.health ?? 'green' };
  return signDeclaration(body, key, { form, prefix: form === 'v2' ? 'VGD2' : 'VGD1' });
}
