import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newIssuerKeys } from '@vigil/core';
import type { VigilContext } from '../context';
import { checkpointFeature } from './wiring';

/** Demo people (made up, but with consistent CCCD numbers) whose codes reach each verdict. */
export const DEMO_PERSONS = {
  /** On the permit list, valid: pass. */
  ok: '022090001234|123456789|Nguyễn Văn An|15061990|Nam|Phường Trần Phú, Móng Cái, Quảng Ninh|10052021',
  /** On the wanted list: deny and an alert. */
  wanted: '022088004321||Phạm Văn Đức|20111988|Nam|Xã Hải Xuân, Móng Cái, Quảng Ninh|01052021',
  /** Permit expired: needs an officer. */
  permitExpired: '022195005678||Trần Thị Mai|07071995|Nữ|Phường Ka Long, Móng Cái, Quảng Ninh|01042021',
  /** On the flagged (watch) list. */
  flagged: '022079007777||Hoàng Văn Bảy|14021979|Nam|Phường Hòa Lạc, Móng Cái, Quảng Ninh|01062021',
} as const;

export const DEMO_ISSUER = { kid: 'demo-syt-qn', name: 'Sở Y tế Quảng Ninh (mô phỏng)' };

/** Where the demo issuer's private key lives, so demo declarations can be signed (never in production data). */
export function demoIssuerKeyFile(dataDir: string): string {
  return join(dataDir, 'checkpoints', 'demo-issuer.pem');
}

/** The demo issuer's private key (PEM), or undefined when the demo was not seeded here. */
export function demoIssuerKey(dataDir: string): string | undefined {
  const file = demoIssuerKeyFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * A checkpoint station at the Bắc Luân border gate (DEMO-MC) with a wanted/flagged list, a permit
 * list and a demo health-declaration issuer.
 */
export async function seedCheckpoints(ctx: VigilContext): Promise<void> {
  const system = await ctx.system();
  const unit = await ctx.stores.units.getByCode('DEMO-MC');
  if (!unit) return;
  const f = checkpointFeature(ctx);
  const keys = newIssuerKeys();
  const keyFile = demoIssuerKeyFile(ctx.dataDir);
  mkdirSync(join(ctx.dataDir, 'checkpoints'), { recursive: true });
  writeFileSync(keyFile, keys.privateKeyPem, { mode: 0o600 });
  chmodSync(keyFile, 0o600);

  const idOf = (cccd: string) => cccd.split('|')[0];
  const flagged = await f.lists.create(system, { name: 'Đối tượng truy nã / cần kiểm tra (mô phỏng)', kind: 'flagged', unitId: unit.id });
  await f.lists.importRows(system, flagged.id, [
    { id_number: idOf(DEMO_PERSONS.wanted), category: 'wanted', note: 'Quyết định truy nã số 12/QĐ (mô phỏng)' },
    { id_number: idOf(DEMO_PERSONS.flagged), category: 'flagged', note: 'Cần kiểm tra hành lý' },
  ]);
  const permits = await f.lists.create(system, { name: 'Giấy phép qua chốt (mô phỏng)', kind: 'permit', unitId: unit.id });
  const year = ctx.clock.now().getUTCFullYear();
  await f.lists.importRows(system, permits.id, [
    { id_number: idOf(DEMO_PERSONS.ok), permit_no: 'GP-0001', valid_to: `${year + 1}-12-31` },
    { id_number: idOf(DEMO_PERSONS.permitExpired), permit_no: 'GP-0002', valid_to: `${year - 1}-01-31` },
  ]);

  const { items: cameras } = await ctx.cameras.list(system, { unitId: unit.id, purpose: 'checkpoint', limit: 50, offset: 0 });
  await f.checkpoints.create(system, {
    name: 'Chốt kiểm soát cửa khẩu Bắc Luân',
    unitId: unit.id,
    address: 'Cầu Bắc Luân II, Phường Hải Hòa, Móng Cái, Quảng Ninh',
    lat: 21.5405,
    lng: 107.9575,
    cameraIds: cameras.slice(0, 2).map((c) => c.id),
    officers: [
      { name: 'Nguyễn Văn Bình', rank: 'Thượng úy', userId: null },
      { name: 'Trần Thị Hoa', rank: 'Trung úy', userId: null },
    ],
    rules: {
      accept: ['cccd', 'declaration'],
      requirePermit: false,
      requiredHealth: [],
      actions: {},
      listIds: [flagged.id, permits.id],
      duplicateWindowSeconds: 10,
      retentionDays: 30,
      queueAlertPerHour: 600,
    },
    declaration: { formats: ['json', 'compact'], prefix: 'VGD1', prefixV2: 'VGD2', maxValidityHours: 72, clockSkewSeconds: 120, issuers: [{ ...DEMO_ISSUER, publicKey: keys.publicKey }] },
    national: null,
    webhookUrl: null,
    enabled: true,
  });
}
