// The station's own check when the server cannot be reached: the same rules as the server, against
// the hashed lists of the last sync. Declarations are verified with WebCrypto Ed25519 where the
// browser has it; otherwise the verdict says "offline, not fully verified".
import type { ScanReason, ScanResult, ScanVerdict, StationSync } from '../../api/checkpoints';

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
  findings: string[];
  id?: string;
  name?: string;
  health?: string;
}

async function parseDeclaration(text: string, sync: StationSync, now: number): Promise<Parsed | null> {
  const cfg = sync.checkpoint.declaration;
  let body: Record<string, unknown>;
  let signed: Uint8Array<ArrayBuffer>;
  let sig: Uint8Array<ArrayBuffer>;
  try {
    if (text.startsWith('{')) {
      const { sig: s, ...rest } = JSON.parse(text) as Record<string, unknown>;
      body = rest;
      signed = new TextEncoder().encode(canonical(rest));
      sig = b64urlBytes(String(s));
    } else if (text.startsWith(`${cfg.prefix}.`)) {
      const [p, b, s] = text.split('.');
      body = JSON.parse(new TextDecoder().decode(b64urlBytes(b))) as Record<string, unknown>;
      signed = new TextEncoder().encode(`${p}.${b}`);
      sig = b64urlBytes(s);
    } else return null;
  } catch {
    return { kind: 'declaration', findings: ['malformed'] };
  }
  const issuer = cfg.issuers.find((i) => i.kid === body.kid);
  if (!issuer) return { kind: 'declaration', findings: ['unknown_issuer'] };
  const ok = await ed25519Verify(issuer.publicKey, signed, sig);
  if (ok === false) return { kind: 'declaration', findings: ['bad_signature'] };
  const findings: string[] = ok === null ? ['offline_unverified'] : [];
  const nowS = now / 1000;
  if (Number(body.exp) + cfg.clockSkewSeconds < nowS) findings.push('declaration_expired');
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
  const p = (await parseDeclaration(text, sync, now)) ?? parseCccd(text) ?? { kind: 'unknown' as const, findings: ['malformed'] };
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
    person: p.id && p.name ? { name: p.name, initials: '', idMasked: masked, dateOfBirth: null, sex: null } : undefined,
    duplicate: false,
    latencyMs: Date.now() - now,
    offline: true,
  };
}
