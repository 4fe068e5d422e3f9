import { createHmac } from 'node:crypto';
import {
  type AlertNotifier,
  type AlertRecord,
  type CheckpointRecord,
  CheckpointService,
  type CheckpointStores,
  LocalListRegistry,
  type PersonRegistry,
  RegistryListService,
  ScanLogService,
  ScanService,
  logHasher,
} from '@vigil/core';
import { createCheckpointStores } from '@vigil/storage';
import { createSecretBox, loadSecretKey } from '../adapters/secret-box';
import type { VigilContext } from '../context';
import { HttpNationalRegistry } from './national-http';
import { QrDecodePool } from './qr-pool';

/** The checkpoint feature's services, built once per context (bootstrap's seed and the routes share them). */
export interface CheckpointFeature {
  stores: CheckpointStores;
  checkpoints: CheckpointService;
  lists: RegistryListService;
  scans: ScanService;
  log: ScanLogService;
  notifier: WebhookNotifier;
  /** Frame decoding off the event loop (the scan routes close it with the app). */
  qr: QrDecodePool;
}

/** Posts alerts to a checkpoint's webhook; a failed call is logged, the scan goes on. */
export class WebhookNotifier implements AlertNotifier {
  /** Replaced by the plugin with Fastify's logger. */
  warn: (obj: object, msg: string) => void = (obj, msg) => process.emitWarning(`${msg} ${JSON.stringify(obj)}`);
  readonly sent: Promise<unknown>[] = [];

  notify(alert: AlertRecord, webhookUrl: string | null): void {
    if (!webhookUrl) return;
    const p = fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'checkpoint.alert', alert }),
      signal: AbortSignal.timeout(3000),
    }).then(
      (res) => {
        if (!res.ok) this.warn({ alertId: alert.id, status: res.status }, 'checkpoint webhook refused the alert');
      },
      (err: unknown) => this.warn({ alertId: alert.id, err: String(err) }, 'checkpoint webhook unreachable'),
    );
    // Kept briefly so tests (and shutdown) can await pending deliveries.
    this.sent.push(p);
    if (this.sent.length > 100) this.sent.splice(0, 50);
  }
}

const built = new WeakMap<VigilContext, CheckpointFeature>();

export function checkpointFeature(ctx: VigilContext): CheckpointFeature {
  let f = built.get(ctx);
  if (f) return f;
  const stores = createCheckpointStores(ctx.db);
  const secretKey = loadSecretKey(ctx.dataDir);
  // A key derived for this one purpose: the log's ID hashes cannot be matched by trying every number.
  const hashKey = createHmac('sha256', secretKey).update('vigil/checkpoint-log-id-hash').digest();
  const checkpoints = new CheckpointService({ stores, units: ctx.stores.units, secrets: createSecretBox(secretKey), audit: ctx.audit, clock: ctx.clock });
  const notifier = new WebhookNotifier();
  const registriesFor = (cp: CheckpointRecord): PersonRegistry[] => {
    const regs: PersonRegistry[] = [new LocalListRegistry(stores.lists, cp.rules.listIds)];
    if (cp.national) regs.push(new HttpNationalRegistry({ url: cp.national.url, timeoutMs: cp.national.timeoutMs, apiKey: checkpoints.apiKeyOf(cp) }));
    return regs;
  };
  f = {
    stores,
    checkpoints,
    lists: new RegistryListService({ lists: stores.lists, units: ctx.stores.units, audit: ctx.audit, clock: ctx.clock }),
    scans: new ScanService({ stores, checkpoints, clock: ctx.clock, hashId: logHasher(hashKey), registriesFor, notifier }),
    log: new ScanLogService({ stores, checkpoints, audit: ctx.audit, clock: ctx.clock }),
    notifier,
    qr: new QrDecodePool({ size: ctx.config.checkpoints?.qrWorkers }),
  };
  built.set(ctx, f);
  return f;
}
