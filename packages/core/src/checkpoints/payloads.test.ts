import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeclarationConfig } from '@vigil/types';
import { cccdConsistent, cccdExpiry, parseCccd } from './cccd';
import { checkDeclaration, newIssuerKeys, signDeclaration } from './declaration';
import type { DeclarationBody } from './declaration-v2';
import { decideVerdict } from './messages';
import { initialsOf, maskIdNumber } from './privacy';
import { findingsOf } from './verify';

const OK = '022090001234|123456789|Nguyễn Văn An|15061990|Nam|Phường Trần Phú|10052021';

test('CCCD payloads: valid, malformed fields, forged numbers, expiry by renewal age', () => {
  const p = parseCccd(OK);
  assert.ok(p.ok);
  assert.equal(p.data.dateOfBirth, '1990-06-15');
  assert.equal(p.data.oldIdNumber, '123456789');
  assert.ok(cccdConsistent(p.data));
  assert.equal(cccdExpiry(p.data), '2030-06-15');

  const malformed: [string, RegExp][] = [
    ['022090001234|123456789|Nguyễn Văn An|15061990|Nam|Phường Trần Phú', /7 fields/],
    ['02209000123|123456789|Nguyễn Văn An|15061990|Nam|X|10052021', /12 digits/],
    ['022090001234|12345|Nguyễn Văn An|15061990|Nam|X|10052021', /old ID/],
    ['022090001234||Nguyễn Văn An|31021990|Nam|X|10052021', /date of birth/],
    ['022090001234||Nguyễn Văn An|15061990|Male|X|10052021', /sex/],
    ['022090001234||Nguyễn Văn An|15061990|Nam|X|2021-05-10', /issue date/],
  ];
  for (const [text, err] of malformed) {
    const r = parseCccd(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.error, err);
  }
  // Forged: the number says a man born in 1990, the card a woman / another year.
  for (const text of ['022090001234||Nguyễn Thị An|15061990|Nữ|X|10052021', '022090001234||Nguyễn Văn An|15061991|Nam|X|10052021', '099090001234||Nguyễn Văn An|15061990|Nam|X|10052021']) {
    const r = parseCccd(text);
    assert.ok(r.ok);
    assert.equal(cccdConsistent(r.data), false, text);
  }
  // Issued at 56: expires at 60. Issued at 59: never. Issued at 23 (within 2 years of 25): valid to 40.
  const exp = (dob: string, issued: string) => {
    const r = parseCccd(`022060001234||Trần Văn Cũ|${dob}|Nam|X|${issued}`);
    assert.ok(r.ok);
    return cccdExpiry(r.data);
  };
  assert.equal(exp('01011960', '01012016'), '2020-01-01');
  assert.equal(exp('01011960', '01012019'), null);
  assert.equal(exp('01011960', '02011983'), '2000-01-01');
});

test('declarations: valid in both forms, forged, unknown issuer, expired, not yet valid, too long, malformed', () => {
  const keys = newIssuerKeys();
  const other = newIssuerKeys();
  const cfg = DeclarationConfig.parse({ issuers: [{ kid: 'k1', name: 'Sở Y tế', publicKey: keys.publicKey }] });
  const now = new Date('2026-01-10T00:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const body = (over: Partial<DeclarationBody> = {}): DeclarationBody => ({ v: 1, kid: 'k1', nonce: 'n1', iat: t - 3600, exp: t + 71 * 3600, id: '022090001234', name: 'Nguyễn Văn An', health: 'green', ...over });
  const check = (text: string) => checkDeclaration(text, cfg, now);

  for (const form of ['json', 'compact', 'v2'] as const) {
    const r = check(signDeclaration(body(), keys.privateKeyPem, { form }));
    assert.equal(r.kind, 'checked');
    if (r.kind === 'checked') {
      assert.deepEqual(r.findings, [], form);
      assert.equal(r.declaration.form, form);
      assert.equal(r.declaration.body.name, 'Nguyễn Văn An');
    }
  }
  const cases: [string, string, string][] = [
    ['forged (other key)', signDeclaration(body(), other.privateKeyPem, { form: 'compact' }), 'bad_signature'],
    ['unknown issuer', signDeclaration(body({ kid: 'zz' }), keys.privateKeyPem, { form: 'json' }), 'unknown_issuer'],
    ['expired', signDeclaration(body({ iat: t - 80 * 3600, exp: t - 8 * 3600 }), keys.privateKeyPem, { form: 'compact' }), 'declaration_expired'],
    ['not yet valid', signDeclaration(body({ iat: t + 3600, exp: t + 7200 }), keys.privateKeyPem, { form: 'compact' }), 'declaration_not_yet_valid'],
    ['too long', signDeclaration(body({ exp: t + 200 * 3600 }), keys.privateKeyPem, { form: 'compact' }), 'declaration_too_long'],
    ['v2 forged (other key)', signDeclaration(body(), other.privateKeyPem, { form: 'v2' }), 'bad_signature'],
    ['v2 unknown issuer', signDeclaration(body({ kid: 'zz' }), keys.privateKeyPem, { form: 'v2' }), 'unknown_issuer'],
    ['v2 expired', signDeclaration(body({ iat: t - 80 * 3600, exp: t - 8 * 3600 }), keys.privateKeyPem, { form: 'v2' }), 'declaration_expired'],
    ['v2 not yet valid', signDeclaration(body({ iat: t + 3600, exp: t + 7200 }), keys.privateKeyPem, { form: 'v2' }), 'declaration_not_yet_valid'],
    ['v2 too long', signDeclaration(body({ exp: t + 200 * 3600 }), keys.privateKeyPem, { form: 'v2' }), 'declaration_too_long'],
  ];
  for (const [name, text, code] of cases) {
    const r = check(text);
    assert.equal(r.kind, 'checked', name);
    if (r.kind === 'checked') assert.ok(r.findings.includes(code as never), `${name}: ${r.findings}`);
  }
  // Tampering with the signed body (name changed) breaks the signature.
  const good = JSON.parse(signDeclaration(body(), keys.privateKeyPem, { form: 'json' }));
  const tampered = check(JSON.stringify({ ...good, name: 'Người Khác' }));
  assert.ok(tampered.kind === 'checked' && tampered.findings.includes('bad_signature'));

  for (const text of ['{not json', 'VGD1.@@@.sig', 'VGD1.onlytwo', JSON.stringify({ v: 1, kid: 'k1' }), JSON.stringify({ ...body(), v: 2, sig: 'x' }), 'VGD2:abc', 'VGD2:', 'VGD2:0123456789']) {
    assert.equal(check(text).kind, 'malformed', text);
  }
  assert.equal(check('https://example.com').kind, 'not-declaration');
});

test('rules: strictest action wins, overrides apply, registry answers become findings', () => {
  assert.deepEqual(decideVerdict([]).reasons.map((r) => r.code), ['ok']);
  assert.equal(decideVerdict(['permit_expired']).verdict, 'officer');
  assert.equal(decideVerdict(['permit_expired', 'wanted']).verdict, 'deny');
  assert.equal(decideVerdict(['permit_expired'], { permit_expired: 'deny' }).verdict, 'deny');
  const passOverride = decideVerdict(['card_expired'], { card_expired: 'pass' });
  assert.equal(passOverride.verdict, 'pass');
  assert.deepEqual(passOverride.reasons.map((r) => r.code), ['ok', 'card_expired']);

  const rules = (o: object) => ({ rules: { accept: ['cccd'], requirePermit: false, requiredHealth: [], actions: {}, listIds: [], duplicateWindowSeconds: 10, retentionDays: 30, queueAlertPerHour: 0, ...o } as never });
  const today = '2026-01-10';
  assert.deepEqual(findingsOf({ flagged: [{ category: 'wanted' }] }, rules({}), { today }), ['wanted']);
  assert.deepEqual(findingsOf({ permit: { validTo: '2026-01-09' } }, rules({}), { today }), ['permit_expired']);
  assert.deepEqual(findingsOf({ permit: { validTo: '2026-01-10' } }, rules({}), { today }), []);
  assert.deepEqual(findingsOf({}, rules({ requirePermit: true }), { today }), ['permit_missing']);
  assert.deepEqual(findingsOf({}, rules({ requiredHealth: ['green'] }), { today }), ['health_missing']);
  assert.deepEqual(findingsOf({ health: { status: 'red' } }, rules({ requiredHealth: ['green'] }), { today }), ['health_status']);
  assert.deepEqual(findingsOf({ health: { status: 'red' } }, rules({ requiredHealth: ['green'] }), { today, declaredHealth: 'green' }), []);
});

test('privacy helpers keep only what an officer needs', () => {
  assert.equal(maskIdNumber('022090001234'), '022******234');
  assert.equal(initialsOf('Nguyễn Văn Đức'), 'N.V.Đ.');
});
