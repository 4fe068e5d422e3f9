import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { type Clock, EvidenceService, IncidentService, ReportService, ViolationService, WorkflowService, type EvidenceFiles } from '@vigil/core';
import { createCaseStores } from '@vigil/storage';
import type { VigilContext } from '../context';

/** Evidence kept on disk under the data directory; paths never leave it. */
export function diskEvidenceFiles(root: string): EvidenceFiles {
  const inside = (rel: string) => {
    const p = normalize(join(root, rel));
    if (!p.startsWith(normalize(root) + sep)) throw new Error(`evidence path escapes the store: ${rel}`);
    return p;
  };
  return {
    async put(folder, fileName, data) {
      const rel = join(folder, fileName);
      const p = inside(rel);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data, { flag: 'wx' });
      return rel;
    },
    read: (rel) => readFile(inside(rel)),
  };
}

/** Days evidence is kept after a case closes (VIGIL_CASE_RETENTION_DAYS, default two years). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.VIGIL_CASE_RETENTION_DAYS ?? 730);
  return Number.isFinite(n) && n >= 0 ? n : 730;
}

/** Builds the services of the cases and incidents features from the shared context. */
export function caseServices(ctx: VigilContext, clock: Clock = ctx.clock) {
  const stores = createCaseStores(ctx.db);
  const base = { units: ctx.stores.units, audit: ctx.audit, clock };
  const cases = new ViolationService({ ...base, violations: stores.violations, cameras: ctx.stores.cameras });
  const workflow = new WorkflowService({ ...base, violations: stores.violations, cases, registry: stores.registry, contacts: stores.contacts, retentionDays: retentionDays() });
  const evidence = new EvidenceService({
    ...base, violations: stores.violations, cases, submissions: stores.submissions, registry: stores.registry, contacts: stores.contacts,
    files: diskEvidenceFiles(join(ctx.dataDir, 'evidence')),
  });
  const incidents = new IncidentService({ ...base, incidents: stores.incidents, requests: stores.requests, cameras: ctx.stores.cameras });
  const reports = new ReportService({ violations: stores.violations, incidents: stores.incidents, units: ctx.stores.units, cameras: ctx.stores.cameras });
  return { stores, cases, workflow, evidence, incidents, reports };
}
export type CaseServices = ReturnType<typeof caseServices>;
