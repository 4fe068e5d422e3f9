// Cases benchmark: 1,000,000 violations and 100,000 incidents in SQLite (--quick: 100k / 10k),
// then public look-up by plate, work-queue pages, a month's report and sustained intake, all
// through the real services and stores. Prints JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  AuditService, CATALOGUE, EvidenceService, IncidentService, ReportService, ViolationService, WorkflowService, endOfVnDayAfter, systemActor,
  systemClock, type Actor,
} from '@vigil/core';
import { createCaseStores, createStores, openSqlite } from '@vigil/storage';

const DAY = 86_400_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2);
}

async function timeIt(n: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return { n, p50: pct(ms, 50), p95: pct(ms, 95), max: pct(ms, 100) };
}

const plateOf = (n: number, motorbike: boolean) =>
  motorbike ? `${11 + (n % 89)}B${1 + (n % 9)}${String(10000 + (n % 90000))}` : `${11 + (n % 89)}A${String(10000 + (n % 90000))}`;

/** Loads the data with one prepared statement per table inside one transaction. */
function bulkLoad(file: string, o: { violations: number; incidents: number; units: string[] }) {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rand = rng(42);
  const now = Date.now();
  const rules = CATALOGUE.filter((r) => r.validTo === null && r.category === 'traffic');
  const ruleJson = new Map(rules.map((r) => [r.code, JSON.stringify(r)]));
  const statuses = [['closed', 50], ['resolved', 15], ['detected', 5], ['verified', 3], ['owner_identified', 2], ['notice_issued', 15], ['escalated', 5], ['rejected', 5]] as const;
  const pickStatus = () => {
    let x = rand() * 100;
    for (const [s, w] of statuses) if ((x -= w) < 0) return s;
    return 'closed';
  };
  const insV = db.prepare(`insert into violations (id, status, source, unit_id, camera_id, occurred_at, place, type_code, rule, plate, plate_display, plate_colour,
    vehicle_type, owner_due_at, notice_no, notice_issued_at, notice_due_at, routed_to_unit_id, published_at, paid, fine_amount, inspection_flag,
    created_by, created_at, updated_at) values (?, ?, 'analytics', ?, ?, ?, ?, ?, ?, ?, ?, 'white', ?, ?, ?, ?, ?, null, ?, ?, ?, ?, 'bench', ?, ?)`);
  const insI = db.prepare(`insert into incidents (id, unit_id, type, title, description, place, occurred_at, reported_by, reporter_name, camera_ids, event_ids,
    export_ids, officers, status, outcome, created_by, created_at, updated_at) values (?, ?, ?, ?, '', ?, ?, 'operator', '', ?, '[]', '[]', '[]', ?, '', 'bench', ?, ?)`);
  const types = ['theft', 'robbery', 'assault', 'property_damage', 'illegal_racing', 'loan_shark_flyers', 'traffic_accident', 'waste_dumping', 'fire', 'gathering', 'other'];
  const t0 = performance.now();
  // Bulk load the usual way: drop the secondary indexes, insert, build them again.
  const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name in ('violations', 'incidents') and sql is not null`).all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`drop index ${ix.name}`);
  db.transaction(() => {
    for (let i = 0; i < o.violations; i++) {
      const rule = rules[i % rules.length];
      const moto = rule.vehicleTypes.includes('motorbike');
      const plateN = Math.floor(rand() * 300_000);
      const plate = plateOf(plateN, moto);
      const occurred = new Date(now - rand() * 365 * DAY);
      const status = pickStatus();
      const noticed = ['notice_issued', 'resolved', 'escalated', 'closed'].includes(status);
      const noticeAt = noticed ? new Date(occurred.getTime() + 3 * DAY) : null;
      const iso = occurred.toISOString();
      insV.run(
        `v${i}`, status, o.units[i % o.units.length], `cam${i % 400}`, iso, `Nút giao ${i % 400}`, rule.code, ruleJson.get(rule.code), plate, plate,
        moto ? 'motorbike' : 'car', endOfVnDayAfter(occurred, 10).toISOString(), noticed ? `${i}/TB` : null, noticeAt?.toISOString() ?? null,
        noticeAt ? new Date(noticeAt.getTime() + 20 * DAY).toISOString() : null, noticeAt?.toISOString() ?? null,
        status === 'resolved' || status === 'closed' ? 1 : 0, status === 'resolved' || status === 'closed' ? rule.fineMin : null, status === 'escalated' ? 1 : 0, iso, iso,
      );
    }
    for (let i = 0; i < o.incidents; i++) {
      const iso = new Date(now - rand() * 365 * DAY).toISOString();
      insI.run(`i${i}`, o.units[i % o.units.length], types[i % types.length], `Vụ ${i}`, `Địa bàn ${i % 50}`, iso, JSON.stringify([`cam${i % 400}`]), i % 3 ? 'closed' : 'open', iso, iso);
    }
  })();
  for (const ix of indexes) db.exec(ix.sql);
  const loadMs = performance.now() - t0;
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
  db.close();
  return { loadMs: Math.round(loadMs), rowsPerSecond: Math.round((o.violations + o.incidents) / (loadMs / 1000)) };
}

export async function run(args: string[]): Promise<unknown> {
  const quick = args.includes('--quick');
  const violations = quick ? 100_000 : 1_000_000;
  const incidents = quick ? 10_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-cases-'));
  try {
    const file = join(dir, 'vigil.db');
    const db = await openSqlite({ file });
    const stores = createStores(db);
    const audit = new AuditService(stores.audit, systemClock);
    const province = { id: 'u-root', code: 'P', name: 'Tỉnh', level: 'province' as const, parentId: null };
    await stores.units.insert(province);
    const communes = Array.from({ length: 20 }, (_, i) => ({ id: `u${i}`, code: `C${i}`, name: `Xã ${i}`, level: 'commune' as const, parentId: province.id }));
    for (const u of communes) await stores.units.insert(u);
    await db.destroy();
    const load = bulkLoad(file, { violations, incidents, units: communes.map((u) => u.id) });

    const db2 = await openSqlite({ file });
    const s = createStores(db2);
    const cs = createCaseStores(db2);
    const base = { units: s.units, audit: new AuditService(s.audit, systemClock), clock: systemClock };
    const cases = new ViolationService({ ...base, violations: cs.violations, cameras: s.cameras });
    const workflow = new WorkflowService({ ...base, violations: cs.violations, cases, registry: cs.registry, contacts: cs.contacts, retentionDays: 730 });
    const evidence = new EvidenceService({ ...base, violations: cs.violations, cases, submissions: cs.submissions, registry: cs.registry, contacts: cs.contacts, files: { put: async () => '', read: async () => Buffer.alloc(0) } });
    const reports = new ReportService({ violations: cs.violations, incidents: cs.incidents, units: s.units, cameras: s.cameras });
    void new IncidentService({ ...base, incidents: cs.incidents, requests: cs.requests, cameras: s.cameras });
    void workflow;
    const admin = systemActor([province.id, ...communes.map((u) => u.id)]);
    const commune: Actor = { id: 'o', username: 'officer', role: 'officer', unitId: 'u3', scope: new Set(['u3']), global: false };
    const rand = rng(7);

    const baseline = await timeIt(300, (i) => cs.violations.get(`v${(i * 7919) % violations}`));
    const lookup = await timeIt(500, () => {
      const moto = rand() < 0.5;
      return evidence.publicLookup(plateOf(Math.floor(rand() * 300_000), moto), moto ? 'motorbike' : 'car');
    });
    const queues: Record<string, unknown> = {};
    for (const queue of ['review', 'owner', 'notice', 'near_deadline', 'escalated', 'all'] as const) {
      queues[`${queue}/province`] = await timeIt(40, (i) => cases.list(admin, { queue, limit: 50, offset: (i % 4) * 50 }));
      queues[`${queue}/commune`] = await timeIt(40, (i) => cases.list(commune, { queue, limit: 50, offset: (i % 4) * 50 }));
    }
    const queueP95 = Math.max(...Object.values(queues).map((q) => (q as { p95: number }).p95));
    const monthStart = new Date(Date.now() - 45 * DAY);
    const month = { from: monthStart.toISOString(), to: new Date(monthStart.getTime() + 31 * DAY).toISOString() };
    const report = await timeIt(5, () => reports.report(admin, month));
    const reportCommune = await timeIt(5, () => reports.report(commune, month));

    // Sustained intake: candidates back to back for a fixed count; the rate must stay above 100/s.
    const n = quick ? 500 : 2000;
    const t0 = performance.now();
    const intake = await timeIt(n, (i) => cases.intake(admin, {
      unitId: communes[i % 20].id, place: 'Nút giao bench', occurredAt: new Date(Date.now() - 60_000).toISOString(), typeCode: 'red_light_motorbike',
      plate: { text: plateOf(i, true), vehicleType: 'motorbike', colour: 'white' }, source: 'analytics',
      evidence: [{ kind: 'frame', ref: `event://${i}/1`, sha256: 'a'.repeat(64) }, { kind: 'clip', ref: `export://${i}` }, { kind: 'plate_crop', ref: `event://${i}/p` }],
    }));
    const intakeRate = Math.round(n / ((performance.now() - t0) / 1000));
    await db2.destroy();
    return {
      mode: quick ? 'quick' : 'full', violations, incidents, load,
      baseline: { note: 'primary-key get of one violation, same database', ...baseline },
      publicLookupByPlate: { ...lookup, targetP95Ms: 20, pass: lookup.p95 < 20 },
      workQueuePage: { p95Ms: queueP95, targetP95Ms: 50, pass: queueP95 < 50, byQueue: queues },
      monthReport: { province: report, commune: reportCommune, targetMs: 1000, pass: Math.max(report.max, reportCommune.max) < 1000 },
      intake: { candidates: n, perSecond: intakeRate, latency: intake, target: 100, pass: intakeRate >= 100 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(process.argv.slice(2)), null, 2));
}
