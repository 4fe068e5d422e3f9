import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { DeclarationConfig, ScanReasonCode } from '@vigil/types';
import { canonicalJson } from '../util/ids';
import { type DeclarationBody, V2_DEFAULT_PREFIX, encodeDeclarationV2, isDeclarationV2, packDeclarationV2, splitDeclarationV2 } from './declaration-v2';

/**
 * Signed travel/health declaration, in three forms. JSON: the fields plus `sig`, signed over the
 * canonical JSON of the rest. Compact v1: `PREFIX.base64url(json without sig).base64url(sig)`,
 * signed over `PREFIX.body`. Compact v2 (declaration-v2.ts): `PREFIX2:base45(binary body + sig)`,
 * signed over the binary body; the smallest QR code. Ed25519 keys, times in Unix seconds.
 */
export type DeclarationForm = 'json' | 'compact' | 'v2';

export interface VerifiedDeclaration {
  body: DeclarationBody;
  issuer: string;
  form: DeclarationForm;
}

export type DeclarationCheck =
  | { kind: 'not-declaration' }
  | { kind: 'malformed'; error: string }
  | { kind: 'checked'; declaration: VerifiedDeclaration; findings: ScanReasonCode[] };

const keyCache = new Map<string, KeyObject>();

/** PEM (SPKI) or base64 of the 32 raw bytes -> KeyObject; cached because every scan needs it. */
export function publicKeyOf(text: string): KeyObject {
  let key = keyCache.get(text);
  if (!key) {
    key = text.includes('BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(text, 'base64').toString('base64url') }, format: 'jwk' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('issuer key is not Ed25519');
    keyCache.set(text, key);
  }
  return key;
}

/** A new issuer key pair: the public key as base64 of the raw 32 bytes, the private key as PEM. */
export function newIssuerKeys(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(jwk.x!, 'base64url').toString('base64'), privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

/** Signs a declaration (issuer side: demo content, tests, benchmarks). */
export function signDeclaration(body: DeclarationBody, privateKeyPem: string, opts: { form: DeclarationForm; prefix?: string }): string {
  const key = createPrivateKey(privateKeyPem);
  if (opts.form === 'json') {
    const sig = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64url');
    return JSON.stringify({ ...body, sig });
  }
  if (opts.form === 'v2') {
    const packed = packDeclarationV2({ ...body, v: 2 });
    return encodeDeclarationV2(packed, sign(null, packed, key), opts.prefix ?? V2_DEFAULT_PREFIX);
  }
  const head = `${opts.prefix ?? 'VGD1'}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
  return `${head}.${sign(null, Buffer.from(head), key).toString('base64url')}`;
}

function parseBody(raw: unknown, version: 1 | 2): DeclarationBody | string {
  if (!raw || typeof raw !== 'object') return 'not an object';
  const b = raw as Record<string, unknown>;
  const str = (k: string) => typeof b[k] === 'string' && (b[k] as string).length > 0 && (b[k] as string).length <= 300;
  if (b.v !== version) return 'unsupported version';
  for (const k of ['kid', 'nonce', 'id', 'name']) if (!str(k)) return `field ${k} missing`;
  if (!Number.isInteger(b.iat) || !Number.isInteger(b.exp)) return 'iat/exp must be Unix seconds';
  if (!/^\d{9,12}$/.test(b.id as string)) return 'id must be an ID number';
  for (const k of ['dob', 'health', 'from', 'to']) if (b[k] !== undefined && !str(k)) return `field ${k} invalid`;
  return b as unknown as DeclarationBody;
}

/** Splits either form into body, signed bytes and signature; null when the text is neither form. */
function split(text: string, cfg: DeclarationConfig): { form: DeclarationForm; raw: unknown; signed: Uint8Array; sig: Uint8Array } | string | null {
  const t = text.trim();
  const v2Prefix = prefixV2Of(cfg);
  if (isDeclarationV2(t, v2Prefix)) {
    const parts = splitDeclarationV2(t, v2Prefix);
    return typeof parts === 'string' ? parts : { form: 'v2', raw: parts.body, signed: parts.signed, sig: parts.sig };
  }
  if (t.startsWith('{')) {
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(t) as Record<string, unknown>;
    } catch {
      return 'unreadable JSON';
    }
    if (typeof obj.sig !== 'string') return 'signature missing';
    const { sig, ...rest } = obj;
    return { form: 'json', raw: rest, signed: Buffer.from(canonicalJson(rest)), sig: Buffer.from(sig as string, 'base64url') };
  }
  if (!t.startsWith(`${cfg.prefix}.`)) return null;
  const parts = t.split('.');
  if (parts.length !== 3) return 'compact form needs PREFIX.body.sig';
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'unreadable body';
  }
  return { form: 'compact', raw, signed: Buffer.from(`${parts[0]}.${parts[1]}`), sig: Buffer.from(parts[2], 'base64url') };
}

/** The v2 tag; checkpoints stored before v2 existed have none and get the default. */
const prefixV2Of = (cfg: DeclarationConfig): string => cfg.prefixV2 ?? V2_DEFAULT_PREFIX;

/** True when the text is meant as a declaration (JSON object or a configured prefix). */
export function looksLikeDeclaration(text: string, cfg: DeclarationConfig): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith(`${cfg.prefix}.`) || isDeclarationV2(t, prefixV2Of(cfg));
}

/**
 * Parses and verifies a declaration: signature by a configured issuer, validity window. Replay is
 * checked by the caller (it needs the nonce store).
 */
export function checkDeclaration(text: string, cfg: DeclarationConfig, now: Date): DeclarationCheck {
  const parts = split(text, cfg);
  if (parts === null) return { kind: 'not-declaration' };
  if (typeof parts === 'string') return { kind: 'malformed', error: parts };
  // 'compact' in the configuration accepts both compact versions.
  const accepted = parts.form === 'v2' ? 'compact' : parts.form;
  if (!cfg.formats.includes(accepted)) return { kind: 'malformed', error: `${parts.form} form not accepted here` };
  const body = parseBody(parts.raw, parts.form === 'v2' ? 2 : 1);
  if (typeof body === 'string') return { kind: 'malformed', error: body };
  const findings: ScanReasonCode[] = [];
  const issuer = cfg.issuers.find((i) => i.kid === body.kid);
  if (!issuer) findings.push('unknown_issuer');
  else if (parts.sig.length !== 64 || !verify(null, parts.signed, publicKeyOf(issuer.publicKey), parts.sig)) findings.push('bad_signature');
  const nowS = Math.floor(now.getTime() / 1000);
  // Validity only means something once the signature holds; a forged code is just forged.
  if (findings.length === 0) {
    if (body.exp <= body.iat || body.exp - body.iat > cfg.maxValidityHours * 3600) findings.push('declaration_too_long');
    if (body.iat > nowS + cfg.clockSkewSeconds) findings.push('declaration_not_yet_valid');
    if (body.exp + cfg.clockSkewSeconds < nowS) findings.push('declaration_expired');
  }
  return { kind: 'checked', declaration: { body, issuer: issuer?.name ?? body.kid, form: parts.form }, findings };
}
