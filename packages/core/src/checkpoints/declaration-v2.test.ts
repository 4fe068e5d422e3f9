import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { DeclarationConfig } from '@vigil/types';
import { checkDeclaration, newIssuerKeys, signDeclaration } from './declaration';
import { type DeclarationBody, DeclarationEncodeError, base45Decode, base45Encode, packDeclarationV2, splitDeclarationV2 } from './declaration-v2';

const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

test('base45: RFC 9285 vectors, round trips, invalid text refused', () => {
  const vectors: [string, string][] = [['AB', 'BB8'], ['Hello!!', '%69 VD92EX0'], ['base-45', 'UJCLQE7W581'], ['ietf!', 'QED8WEX0']];
  for (const [plain, enc] of vectors) {
    assert.equal(base45Encode(new TextEncoder().encode(plain)), enc);
    assert.equal(new TextDecoder().decode(base45Decode(enc)!), plain);
  }
  for (let n = 0; n < 40; n++) {
    const b = randomBytes(n);
    assert.deepEqual(Buffer.from(base45Decode(base45Encode(b))!), b);
  }
  for (const bad of ['GGW', ':::', 'abc', 'A', 'AAAA', 'Z:']) assert.equal(base45Decode(bad), null, bad);
});

const t = 1_768_000_000;
const body = (over: Partial<DeclarationBody> = {}): DeclarationBody => ({ v: 2, kid: 'demo-syt-qn', nonce: '9f86d081884c7d65', iat: t, exp: t + 72 * 3600, id: '022090001234', name: 'Nguyễn Văn An', health: 'green', ...over });

test('v2 body: packs and unpacks every field, text and hex nonces, odd ID lengths', () => {
  for (const b of [body(), body({ nonce: 'nonce-replay-1', id: '123456789', dob: '15061990', from: 'Móng Cái', to: 'Hà Nội', health: undefined })]) {
    const packed = packDeclarationV2(b);
    assert.equal((packed.length + 64) % 2, 1, 'body + signature has an odd length');
    const text = `VGD2:${base45Encode(Buffer.concat([packed, Buffer.alloc(64, 7)]))}`;
    const split = splitDeclarationV2(text);
    assert.ok(typeof split !== 'string', String(split));
    const expected: DeclarationBody = { ...b };
    for (const k of Object.keys(expected) as (keyof DeclarationBody)[]) if (expected[k] === undefined) delete expected[k];
    assert.deepEqual(split.body, expected);
    assert.deepEqual(Buffer.from(split.signed), Buffer.from(packed));
  }
  assert.throws(() => packDeclarationV2(body({ exp: t + 90 })), DeclarationEncodeError);
  assert.throws(() => packDeclarationV2(body({ name: 'x'.repeat(300) })), DeclarationEncodeError);
});

test('v2 codes: QR alphanumeric only, far smaller than compact v1, never end in a space', () => {
  const keys = newIssuerKeys();
  const v1 = signDeclaration({ ...body(), v: 1, nonce: '3b0f4c0e-7d1f-4a51-9e59-3cc2a8e0c7a1' }, keys.privateKeyPem, { form: 'compact' });
  const v2 = signDeclaration(body(), keys.privateKeyPem, { form: 'v2' });
  assert.match(v2, QR_ALPHANUMERIC);
  assert.ok(v2.length < 200, `${v2.length} characters`);
  // Alphanumeric mode costs 5.5 bits a character, byte mode 8.
  assert.ok(v2.length * 5.5 < v1.length * 8 * 0.5, `v2 ${v2.length} alnum vs v1 ${v1.length} bytes`);
  for (let i = 0; i < 200; i++) {
    const code = signDeclaration(body({ nonce: randomBytes(8).toString('hex'), name: 'A'.repeat(1 + (i % 7)) }), keys.privateKeyPem, { form: 'v2' });
    assert.equal(code, code.trim());
  }
});

test('v2 verification: valid, tampered, truncated, wrong version, not accepted, custom prefix', () => {
  const keys = newIssuerKeys();
  const now = new Date((t + 3600) * 1000);
  const cfg = DeclarationConfig.parse({ issuers: [{ kid: 'demo-syt-qn', name: 'Sở Y tế', publicKey: keys.publicKey }] });
  const code = signDeclaration(body(), keys.privateKeyPem, { form: 'v2' });
  const ok = checkDeclaration(code, cfg, now);
  assert.ok(ok.kind === 'checked' && ok.findings.length === 0 && ok.declaration.body.id === '022090001234');

  // Each body byte changed (through base45) breaks the signature or the parse, never passes.
  const raw = base45Decode(code.slice(5))!;
  for (let i = 0; i < raw.length - 64; i++) {
    const bad = Buffer.from(raw);
    bad[i] ^= 0x01;
    const r = checkDeclaration(`VGD2:${base45Encode(bad)}`, cfg, now);
    assert.ok(r.kind === 'malformed' || (r.kind === 'checked' && r.findings.length > 0), `byte ${i}`);
  }
  assert.equal(checkDeclaration(`VGD2:${base45Encode(raw.subarray(0, raw.length - 10))}`, cfg, now).kind, 'malformed');
  const v3 = Buffer.from(raw);
  v3[0] = 3;
  assert.deepEqual(checkDeclaration(`VGD2:${base45Encode(v3)}`, cfg, now), { kind: 'malformed', error: 'unsupported version' });

  assert.equal(checkDeclaration(code, { ...cfg, formats: ['json'] }, now).kind, 'malformed');
  const custom = { ...cfg, prefixV2: 'HC1X' };
  assert.equal(checkDeclaration(code, custom, now).kind, 'not-declaration');
  const customCode = signDeclaration(body(), keys.privateKeyPem, { form: 'v2', prefix: 'HC1X' });
  assert.equal(checkDeclaration(customCode, custom, now).kind, 'checked');
  // A checkpoint stored before v2 existed has no prefixV2: the default applies.
  const { prefixV2: _unused, ...legacy } = cfg;
  assert.equal(checkDeclaration(code, legacy as typeof cfg, now).kind, 'checked');
});
