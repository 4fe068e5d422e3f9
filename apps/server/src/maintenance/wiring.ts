import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type BlobStore, HealthReportService, TicketService, WindowService } from '@vigil/core';
import { createMaintenanceStores } from '@vigil/storage';
import type { VigilContext } from '../context';

/** Photo bytes under dataDir/maintenance/<ticket>/<photo>.<ext>. */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}
  private path(key: string): string {
    const p = resolve(this.root, key);
    // Keys are built from ids, but a path never leaves the root whatever it holds.
    if (!p.startsWith(this.root + sep)) throw new Error(`blob key escapes the store: ${key}`);
    return p;
  }
  async put(key: string, data: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data, { flag: 'wx' });
  }
  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }
}

export interface MaintenanceFeature {
  audit: VigilContext['audit'];
  tickets: TicketService;
  windows: WindowService;
  reports: HealthReportService;
}

const built = new WeakMap<VigilContext, MaintenanceFeature>();

/** The maintenance feature's services, built once per context. */
export function maintenanceFeature(ctx: VigilContext): MaintenanceFeature {
  let f = built.get(ctx);
  if (f) return f;
  const s = createMaintenanceStores(ctx.db);
  const cameras = ctx.stores.cameras;
  f = {
    audit: ctx.audit,
    tickets: new TicketService({ tickets: s.tickets, cameras, history: s.history, blobs: new FsBlobStore(resolve(join(ctx.dataDir, 'maintenance'))), audit: ctx.audit, clock: ctx.clock }),
    windows: new WindowService({ windows: s.windows, cameras, audit: ctx.audit, clock: ctx.clock }),
    reports: new HealthReportService({ cameras, units: ctx.stores.units, windows: s.windows, tickets: s.tickets, history: s.history, clock: ctx.clock }),
  };
  built.set(ctx, f);
  return f;
}
