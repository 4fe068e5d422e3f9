// Compact declaration format v2: a packed binary body and the whole 64-byte Ed25519 signature in
// base45 (RFC 9285), whose 45 characters are exactly QR's alphanumeric set, so the code is encoded
// in alphanumeric mode (5.5 bits a character) instead of byte mode (8 bits). A typical declaration
// drops from ~320 characters (69x69 modules) to ~190 (49x49), which a blurred camera reads far more
// often. Pure TypeScript (no node: imports): the station's offline verifier uses this same file.

/** The fields a declaration carries; times in Unix seconds. */
export interface DeclarationBody {
  v: 1 | 2;
  kid: string;
  nonce: string;
  iat: number;
  exp: number;
  id: string;
  name: string;
  dob?: string;
  health?: string;
  from?: string;
  to?: string;
}

export const V2_VERSION = 2;
export const V2_DEFAULT_PREFIX = 'VGD2';
const SIG_BYTES = 64;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));
const OPTIONAL = ['dob', 'health', 'from', 'to'] as const;
const FLAG_NONCE_TEXT = 0x10;
const FLAG_PAD = 0x80;

/** RFC 9285 base45. */
export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += ALPHABET[n % 45];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

/** RFC 9285 base45; null on a character outside the alphabet or an impossible group. */
export function base45Decode(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const group = text.slice(i, i + 3);
    let n = 0;
    for (let k = group.length - 1; k >= 0; k--) {
      const d = INDEX.get(group[k]);
      if (d === undefined) return null;
      n = n * 45 + d;
    }
    if (group.length === 3) {
      if (n > 0xffff) return null;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      if (n > 0xff) return null;
      out[o++] = n;
    }
  }
  return out;
}

/** Thrown by the issuer side when a body cannot be packed (a field too long, a non-minute expiry). */
export class DeclarationEncodeError extends Error {
  readonly code = 'DECLARATION_ENCODE';
}

const utf8 = new TextEncoder();

class Writer {
  private bytes: number[] = [];
  u8(n: number) {
    this.bytes.push(n & 0xff);
  }
  u16(n: number) {
    this.u8(n >>> 8);
    this.u8(n);
  }
  u32(n: number) {
    this.u16(Math.floor(n / 65536));
    this.u16(n % 65536);
  }
  chunk(field: string, b: Uint8Array) {
    if (b.length > 255) throw new DeclarationEncodeError(`${field}: longer than 255 bytes`);
    this.u8(b.length);
    for (const x of b) this.u8(x);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
  get length() {
    return this.bytes.length;
  }
}

const isHexNonce = (s: string) => s.length >= 2 && s.length <= 64 && s.length % 2 === 0 && /^[0-9a-f]+$/.test(s);
const hexBytes = (s: string) => Uint8Array.from(s.match(/../g)!, (h) => parseInt(h, 16));
const toHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/**
 * The signed part of a v2 code: version, flags, kid, nonce (hex nonces as raw bytes), iat (u32 s),
 * validity (u16 minutes), ID number as BCD, name, then dob/health/from/to when present. A pad byte
 * keeps the total (body + signature) odd, so the base45 text never ends in a space that a trim
 * somewhere on the way would eat.
 */
export function packDeclarationV2(body: DeclarationBody): Uint8Array {
  const validity = (body.exp - body.iat) / 60;
  if (!Number.isInteger(validity) || validity < 1 || validity > 0xffff) throw new DeclarationEncodeError('exp: must be 1..65535 whole minutes after iat');
  if (!Number.isInteger(body.iat) || body.iat < 0 || body.iat > 0xffffffff) throw new DeclarationEncodeError('iat: must be Unix seconds');
  if (!/^\d{1,24}$/.test(body.id)) throw new DeclarationEncodeError('id: digits only');
  let flags = 0;
  OPTIONAL.forEach((k, i) => {
    if (body[k] !== undefined) flags |= 1 << i;
  });
  const hexNonce = isHexNonce(body.nonce);
  if (!hexNonce) flags |= FLAG_NONCE_TEXT;
  const w = new Writer();
  w.u8(V2_VERSION);
  w.u8(flags);
  w.chunk('kid', utf8.encode(body.kid));
  w.chunk('nonce', hexNonce ? hexBytes(body.nonce) : utf8.encode(body.nonce));
  w.u32(body.iat);
  w.u16(validity);
  w.u8(body.id.length);
  for (let i = 0; i < body.id.length; i += 2) w.u8((Number(body.id[i]) << 4) | (i + 1 < body.id.length ? Number(body.id[i + 1]) : 0));
  w.chunk('name', utf8.encode(body.name));
  for (const k of OPTIONAL) if (body[k] !== undefined) w.chunk(k, utf8.encode(body[k]!));
  const out = w.done();
  if ((out.length + SIG_BYTES) % 2 === 1) return out;
  const padded = new Uint8Array(out.length + 1);
  padded.set(out);
  padded[1] |= FLAG_PAD;
  return padded;
}

/** `PREFIX:base45(body || signature)`. */
export function encodeDeclarationV2(body: Uint8Array, sig: Uint8Array, prefix = V2_DEFAULT_PREFIX): string {
  if (sig.length !== SIG_BYTES) throw new DeclarationEncodeError('signature: Ed25519 signatures are 64 bytes');
  const all = new Uint8Array(body.length + sig.length);
  all.set(body);
  all.set(sig, body.length);
  return `${prefix}:${base45Encode(all)}`;
}

export interface SplitV2 {
  body: DeclarationBody;
  /** The bytes the signature covers. */
  signed: Uint8Array;
  sig: Uint8Array;
}

class Reader {
  private at = 0;
  constructor(private readonly b: Uint8Array) {}
  u8(): number {
    if (this.at >= this.b.length) throw new Error('truncated');
    return this.b[this.at++];
  }
  u16(): number {
    return this.u8() * 256 + this.u8();
  }
  u32(): number {
    return this.u16() * 65536 + this.u16();
  }
  bytes(n: number): Uint8Array {
    if (this.at + n > this.b.length) throw new Error('truncated');
    this.at += n;
    return this.b.subarray(this.at - n, this.at);
  }
  chunk(): Uint8Array {
    return this.bytes(this.u8());
  }
  get left() {
    return this.b.length - this.at;
  }
}

/** True when the text is a v2 code for this prefix. */
export function isDeclarationV2(text: string, prefix = V2_DEFAULT_PREFIX): boolean {
  return text.startsWith(`${prefix}:`);
}

/**
 * Decodes `PREFIX:base45` into body, signed bytes and signature (not verified here); a string
 * says why the text is malformed.
 */
export function splitDeclarationV2(text: string, prefix = V2_DEFAULT_PREFIX): SplitV2 | string {
  const all = base45Decode(text.slice(prefix.length + 1));
  if (!all) return 'compact v2: not base45';
  if (all.length < SIG_BYTES + 16) return 'compact v2: too short';
  const bodyBytes = all.subarray(0, all.length - SIG_BYTES);
  const r = new Reader(bodyBytes);
  const text8 = new TextDecoder('utf-8', { fatal: true });
  try {
    if (r.u8() !== V2_VERSION) return 'unsupported version';
    const flags = r.u8();
    const kid = text8.decode(r.chunk());
    const rawNonce = r.chunk();
    const nonce = flags & FLAG_NONCE_TEXT ? text8.decode(rawNonce) : toHex(rawNonce);
    const iat = r.u32();
    const exp = iat + r.u16() * 60;
    const digits = r.u8();
    const bcd = r.bytes(Math.ceil(digits / 2));
    let id = '';
    for (let i = 0; i < digits; i++) {
      const d = i % 2 === 0 ? bcd[i >> 1] >> 4 : bcd[i >> 1] & 15;
      if (d > 9) return 'id: not decimal';
      id += d;
    }
    const name = text8.decode(r.chunk());
    const body: DeclarationBody = { v: 2, kid, nonce, iat, exp, id, name };
    OPTIONAL.forEach((k, i) => {
      if (flags & (1 << i)) body[k] = text8.decode(r.chunk());
    });
    if (flags & FLAG_PAD) r.u8();
    if (r.left !== 0) return 'compact v2: trailing bytes';
    return { body, signed: bodyBytes, sig: all.subarray(all.length - SIG_BYTES) };
  } catch (err) {
    return `compact v2: ${(err as Error).message === 'truncated' ? 'truncated' : 'unreadable text field'}`;
  }
}
