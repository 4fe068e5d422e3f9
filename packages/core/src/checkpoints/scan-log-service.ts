import type { CheckpointAlert, CheckpointStats, ScanLogEntry, ScanVerdict } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { notFound } from '../errors';
import type { Clock } from '../ports';
import type { CheckpointService } from './checkpoint-service';
import type { CheckpointStores, ScanRecord } from './ports';

export interface ScanLogDeps {
  stores: CheckpointStores;
  checkpoints: CheckpointService;
  audit: AuditService;
  clock: Clock;
}

/** Nearest-rank latencyPercentile of sorted numbers. */
export function latencyPercentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Reading the scan log, the dashboard figures, alerts, and purging personal data on time. */
export class ScanLogService {
  constructor(private readonly d: ScanLogDeps) {}

  async list(actor: Actor, checkpointId: string, q: { from?: string; to?: string; verdict?: ScanVerdict; limit: number; offset: number }, ip?: string) {
    assertCan(actor, 'checkpoints:read');
    const cp = await this.d.checkpoints.load(actor, checkpointId);
    const { rows, total } = await this.d.stores.scans.list({ checkpointId, ...q });
    // Reading the log is reading (minimised) personal data: it goes in the audit log.
    await this.d.audit.record({ actor, action: 'checkpoint.log.view', targetType: 'checkpoint', targetId: cp.id, unitId: cp.unitId, ip, details: { rows: rows.length, from: q.from, to: q.to } });
    return { items: rows.map(logView), total };
  }

  async thumbnail(actor: Actor, scanId: string, ip?: string): Promise<Buffer> {
    assertCan(actor, 'checkpoints:read');
    const rec = await this.d.stores.scans.get(scanId);
    if (!rec || !rec.thumbnail) throw notFound('scan thumbnail', scanId);
    assertInScope(actor, rec.unitId, 'scan');
    await this.d.audit.record({ actor, action: 'checkpoint.thumbnail.view', targetType: 'checkpoint-scan', targetId: scanId, unitId: rec.unitId, ip });
    return Buffer.from(rec.thumbnail, 'base64');
  }

  /** Scans per hour, verdict mix and time per scan for every checkpoint in scope. */
  async stats(actor: Actor, q: { from?: string; to?: string }): Promise<CheckpointStats> {
    assertCan(actor, 'checkpoints:read');
    const to = q.to ?? this.d.clock.now().toISOString();
    const from = q.from ?? new Date(Date.parse(to) - 24 * 3600_000).toISOString();
    const cps = await this.d.stores.checkpoints.list([...actor.scope]);
    const rows = await this.d.stores.scans.timings(cps.map((c) => c.id), from, to);
    const checkpoints = cps.map((cp) => {
      const mine = rows.filter((r) => r.checkpointId === cp.id);
      const verdicts = { pass: 0, officer: 0, deny: 0 };
      const hours = new Map<string, number>();
      for (const r of mine) {
        verdicts[r.verdict]++;
        const hour = `${r.at.slice(0, 13)}:00:00.000Z`;
        hours.set(hour, (hours.get(hour) ?? 0) + 1);
      }
      const times = mine.map((r) => r.latencyMs).sort((a, b) => a - b);
      return {
        id: cp.id,
        name: cp.name,
        total: mine.length,
        verdicts,
        medianMs: latencyPercentile(times, 50),
        p95Ms: latencyPercentile(times, 95),
        perHour: [...hours].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hour, count]) => ({ hour, count })),
      };
    });
    return { from, to, checkpoints };
  }

  async alerts(actor: Actor, q: { open?: boolean; limit: number }): Promise<{ items: CheckpointAlert[] }> {
    assertCan(actor, 'checkpoints:read');
    const rows = await this.d.stores.alerts.list([...actor.scope], q);
    const names = new Map((await this.d.stores.checkpoints.list([...actor.scope])).map((c) => [c.id, c.name]));
    return { items: rows.map((a) => ({ ...a, checkpointName: names.get(a.checkpointId) ?? '' })) };
  }

  async acknowledge(actor: Actor, alertId: string, ip?: string): Promise<void> {
    assertCan(actor, 'checkpoints:read');
    const alert = await this.d.stores.alerts.get(alertId);
    if (!alert) throw notFound('alert', alertId);
    assertInScope(actor, alert.unitId, 'alert');
    await this.d.stores.alerts.acknowledge(alertId, actor.username, this.d.clock.now().toISOString());
    await this.d.audit.record({ actor, action: 'checkpoint.alert.ack', targetType: 'checkpoint-alert', targetId: alertId, unitId: alert.unitId, ip });
  }

  /**
   * Clears personal fields of scans older than each checkpoint's retention period and forgets
   * expired nonces. Verdicts and timings stay for the statistics.
   */
  async purge(): Promise<{ scans: number; nonces: number }> {
    const now = this.d.clock.now();
    let scans = 0;
    for (const cp of await this.d.stores.checkpoints.all()) {
      const before = new Date(now.getTime() - cp.rules.retentionDays * 24 * 3600_000).toISOString();
      scans += await this.d.stores.scans.purgePersonal(cp.id, before, now.toISOString());
    }
    const nonces = await this.d.stores.nonces.purgeExpired(now.toISOString());
    if (scans > 0) {
      await this.d.audit.record({ actor: null, actorName: 'system', action: 'checkpoint.purge', targetType: 'checkpoint-scan', details: { scans, nonces } });
    }
    return { scans, nonces };
  }
}

function logView(r: ScanRecord): ScanLogEntry {
  return {
    id: r.id,
    checkpointId: r.checkpointId,
    at: r.at,
    verdict: r.verdict,
    reasons: r.reasons,
    kind: r.kind,
    idMasked: r.idMasked,
    initials: r.initials,
    officers: r.officers,
    operator: r.operatorName,
    source: r.source,
    latencyMs: r.latencyMs,
    hasThumbnail: r.thumbnail !== null,
    purged: r.purgedAt !== null,
  };
}
