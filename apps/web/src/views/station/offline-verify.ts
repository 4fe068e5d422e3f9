// The station's own check when the server cannot be reached: the same rules as the server, against
// the hashed lists of the last sync. Declarations are verified with WebCrypto Ed25519 where the
// browser has it; otherwise the verdict says "offline, not fully verified". The compact v2 codec is
// the server's own file (pure TypeScript), so both sides read a code the same way.
import type { ScanReason, ScanReasonCode, ScanResult, ScanVerdict, StationSync } from '../../api/checkpoints';
import { V2_DEFAULT_PREFIX, isDeclarationV2, splitDeclarationV2 } from '../../../../../packages/core/src/checkpoints/declaration-v2';

const RANK: Record<ScanVerdict, number> = { pass: 0, officer: 1, deny: 2 };
const NONCES_KEY = 'vigil.station.nonces';

async function sha256Hex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function b64urlBytes(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

async function ed25519Verify(publicKeyB64: string, data: Uint8Array<ArrayBuffer>, sig: Uint8Array<ArrayBuffer>): Promise<boolean | null> {
  try {
    const raw = Uint8Array.from(atob(publicKeyB64), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, data);
  } catch {
    return null; // No Ed25519 in this browser (or a PEM key): cannot tell offline.
  }
}

interface Parsed {
  kind: ScanResult['kind'];
  findings: ScanReasonCode[];
  id?: string;
  name?: string;
  health?: string;
}

type Split = { form: 'json' | 'compact'; version: 1 | 2; body: Record<string, unknown>; signed: Uint8Array<ArrayBuffer>; sig: Uint8Array<ArrayBuffer> };

/** The same three forms as the server's declaration.ts; a string says why the code is malformed. */
function splitDeclaration(text: string, cfg: StationSync['checkpoint']['declaration']): Split | string | null {
  const v2Prefix = cfg.prefixV2 ?? V2_DEFAULT_PREFIX;
  try {
    if (text.startsWith('{')) {
      const { sig, ...rest } = JSON.parse(text) as Record<string, unknown>;
      if (typeof sig !== 'string') return 'signature missing';
      return { form: 'json', version: 1, body: rest, signed: new TextEncoder().encode(canonical(rest)), sig: b64urlBytes(sig) };
    }
    if (text.startsWith(`${cfg.prefix}.`)) {
      const parts = text.split('.');
      if (parts.length !== 3) return 'compact form needs PREFIX.body.sig';
      const body = JSON.parse(new TextDecoder().decode(b64urlBytes(parts[1]))) as Record<string, unknown>;
      return { form: 'compact', version: 1, body, signed: new TextEncoder().encode(`${parts[0]}.${parts[1]}`), sig: b64urlBytes(parts[2]) };
    }
    if (isDeclarationV2(text, v2Prefix)) {
      const v2 = splitDeclarationV2(text, v2Prefix);
      if (typeof v2 === 'string') return v2;
      return { form: 'compact', version: 2, body: { ...v2.body }, signed: new Uint8Array(v2.signed), sig: new Uint8Array(v2.sig) };
    }
  } catch {
    return 'unreadable';
  }
  return null;
}

/** The server's body checks (declaration.ts parseBody). */
function bodyValid(b: Record<string, unknown>, version: 1 | 2): boolean {
  const str = (k: string) => typeof b[k] === 'string' && (b[k] as string).length > 0 && (b[k] as string).length <= 300;
  if (b.v !== version || !['kid', 'nonce', 'id', 'name'].every(str)) return false;
  if (!Number.isInteger(b.iat) || !Number.isInteger(b.exp) || !/^\d{9,12}$/.test(b.id as string)) return false;
  return ['dob', 'health', 'from', 'to'].every((k) => b[k] === undefined || str(k));
}

async function parseDeclaration(text: string, sync: StationSync, now: number): Promise<Parsed | null> {
  const cfg = sync.checkpoint.declaration;
  const parts = splitDeclaration(text.trim(), cfg);
  if (parts === null) return null;
  const malformed: Parsed = { kind: 'declaration', findings: ['malformed'] };
  if (typeof parts === 'string' || !cfg.formats.includes(parts.form) || !bodyValid(parts.body, parts.version)) return malformed;
  const body = parts.body;
  const issuer = cfg.issuers.find((i) => i.kid === body.kid);
  if (!issuer) return { kind: 'declaration', findings: ['unknown_issuer'] };
  const ok = parts.sig.length === 64 ? await ed25519Verify(issuer.publicKey, parts.signed, parts.sig) : false;
  if (ok === false) return { kind: 'declaration', findings: ['bad_signature'] };
  const findings: ScanReasonCode[] = ok === null ? ['offline_unverified'] : [];
  const nowS = Math.floor(now / 1000);
  const [iat, exp] = [body.iat as number, body.exp as number];
  if (exp <= iat || exp - iat > cfg.maxValidityHours * 3600) findings.push('declaration_too_long');
  if (iat > nowS + cfg.clockSkewSeconds) findings.push('declaration_not_yet_valid');
  if (exp + cfg.clockSkewSeconds < nowS) findings.push('declaration_expired');
  // Like the server: only a valid code uses up its nonce and is looked up.
  if (findings.some((f) => f !== 'offline_unverified')) return { kind: 'declaration', findings };
  const seen = new Set<string>(JSON.parse(localStorage.getItem(NONCES_KEY) ?? '[]') as string[]);
  const nonceKey = `${String(body.kid)}:${String(body.nonce)}`;
  if (seen.has(nonceKey)) findings.push('replayed');
  seen.add(nonceKey);
  localStorage.setItem(NONCES_KEY, JSON.stringify([...seen].slice(-5000)));
  return { kind: 'declaration', findings, id: String(body.id), name: String(body.name), health: body.health ? String(body.health) : undefined };
}

function parseCccd(text: string): Parsed | null {
  if (!/^\d{9,12}\|/.test(text)) return null;
  const f = text.split('|');
  if (f.length !== 7 || !/^\d{12}$/.test(f[0]) || !/^\d{8}$/.test(f[3])) return { kind: 'cccd', findings: ['malformed'] };
  return { kind: 'cccd', findings: [], id: f[0], name: f[2] };
}

/** Verdict for one payload from the synced lists; `offline: true` marks it on screen and in the log. */
export async function verifyOffline(text: string, sync: StationSync, scanId: string): Promise<ScanResult> {
  const now = Date.now();
  const cp = sync.checkpoint;
  const p: Parsed = (await parseDeclaration(text, sync, now)) ?? parseCccd(text) ?? { kind: 'unknown', findings: ['malformed'] };
  if (p.id) {
    const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
    let permit: string | null | undefined;
    let health = p.health;
    for (const list of sync.lists) {
      const h = (await sha256Hex(list.salt + p.id)).slice(0, 32);
      const hit = list.entries.find(([k]) => k === h)?.[1];
      if (!hit) continue;
      if (list.kind === 'flagged') p.findings.push(hit.category === 'wanted' ? 'wanted' : 'flagged');
      if (list.kind === 'permit') permit = hit.validTo || null;
      if (list.kind === 'health') health ??= hit.status;
    }
    if (permit) {
      if (permit < today) p.findings.push('permit_expired');
    } else if (permit === undefined && cp.rules.requirePermit) p.findings.push('permit_missing');
    if (cp.rules.requiredHealth.length) {
      if (!health) p.findings.push('health_missing');
      else if (!cp.rules.requiredHealth.includes(health)) p.findings.push('health_status');
    }
  }
  const reasons: ScanReason[] = [...new Set(p.findings)].map((code) => ({
    code,
    verdict: cp.rules.actions[code] ?? sync.defaultActions[code] ?? 'officer',
    message: sync.messages[code]?.vi ?? code,
    messageEn: sync.messages[code]?.en ?? code,
  }));
  const verdict = reasons.reduce<ScanVerdict>((v, r) => (RANK[r.verdict] > RANK[v] ? r.verdict : v), 'pass');
  if (verdict === 'pass') reasons.unshift({ code: 'ok', verdict: 'pass', message: sync.messages.ok?.vi ?? 'OK', messageEn: sync.messages.ok?.en ?? 'OK' });
  const masked = p.id ? `${p.id.slice(0, 3)}${'*'.repeat(p.id.length - 6)}${p.id.slice(-3)}` : '';
  return {
    scanId,
    checkpointId: cp.id,
    at: new Date(now).toISOString(),
    verdict,
    reasons,
    kind: p.kind,
    person: p.id && p.name ? { kind: p.kind, name: p.name, initials: '', idMasked: masked, dateOfBirth: null, sex: null } : undefined,
    duplicate: false,
    latencyMs: Date.now() - now,
    offline: true,
  };
}
