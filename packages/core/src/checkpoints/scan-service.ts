import { performance } from 'node:perf_hooks';
import type { ScanBatchResult, ScanBatchItem, ScanReasonCode, ScanPerson, ScanResult } from '@vigil/types';
import { type Actor, assertCan } from '../auth/permissions';
import { invalid } from '../errors';
import type { Clock } from '../ports';
import { newId, sha256 } from '../util/ids';
import type { CheckpointService } from './checkpoint-service';
import { decideVerdict, reasonOf } from './messages';
import type { AlertNotifier, AlertRecord, CheckpointRecord, CheckpointStores, PersonRegistry, ScanRecord, ScanSource } from './ports';
import { initialsOf, maskIdNumber } from './privacy';
import { type Verification, verifyPayload } from './verify';

export interface ScanServiceDeps {
  stores: CheckpointStores;
  checkpoints: CheckpointService;
  clock: Clock;
  /** Keyed hash of an ID number for the log. */
  hashId(idNumber: string): string;
  /** Registries a checkpoint checks against: its local lists, plus the national platform when set. */
  registriesFor(cp: CheckpointRecord): PersonRegistry[];
  notifier: AlertNotifier;
}

export interface ScanInput {
  payload: string;
  scanId?: string;
  /** Base64 JPEG (a data: URL prefix is tolerated). */
  thumbnail?: string | null;
  source: ScanSource;
  /** performance.now() when the request (or frame) arrived, so latency covers decoding too. */
  startedAt?: number;
  decodeMs?: number;
}

const FLAG_CODES: ReadonlySet<ScanReasonCode> = new Set(['flagged', 'wanted']);
const DUPLICATE_CACHE_MAX = 5000;

/** The check itself: payload -> verdict, logged with as little personal data as the rules need. */
export class ScanService {
  /** Recent payloads per checkpoint, so a code held in front of a camera is one scan, not thirty. */
  private readonly recent = new Map<string, { atMs: number; result: ScanResult }>();

  constructor(private readonly d: ScanServiceDeps) {}

  async scan(actor: Actor, checkpointId: string, input: ScanInput): Promise<ScanResult> {
    assertCan(actor, 'checkpoint:scan');
    const startedAt = input.startedAt ?? performance.now();
    const cp = await this.d.checkpoints.load(actor, checkpointId);
    if (!cp.enabled) throw invalid('id', 'checkpoint is disabled');
    if (input.scanId) {
      const known = await this.d.stores.scans.get(input.scanId);
      if (known) return this.fromLog(known, cp, startedAt);
    }
    const now = this.d.clock.now();
    const dupKey = `${cp.id}:${sha256(input.payload)}`;
    const hit = this.recent.get(dupKey);
    if (hit && now.getTime() - hit.atMs < cp.rules.duplicateWindowSeconds * 1000) {
      return { ...hit.result, duplicate: true, latencyMs: round(performance.now() - startedAt) };
    }
    const scanId = input.scanId ?? newId();
    const v = await verifyPayload(input.payload, cp, { registries: this.d.registriesFor(cp), nonces: this.d.stores.nonces, now, scanId });
    const { verdict, reasons } = decideVerdict(v.findings, cp.rules.actions);
    const rec = this.record({ cp, actor, v, scanId, at: now.toISOString(), source: input.source, thumbnail: input.thumbnail });
    rec.verdict = verdict;
    rec.reasons = reasons.map((r) => r.code);
    rec.latencyMs = round(performance.now() - startedAt);
    await this.d.stores.scans.insert(rec);
    await this.afterLog(cp, rec, v);
    const result: ScanResult = {
      scanId,
      checkpointId: cp.id,
      at: rec.at,
      verdict,
      reasons,
      kind: v.kind,
      person: personOf(v),
      declaration: v.declaration && v.idNumber
        ? { issuer: v.declaration.issuer, expiresAt: new Date(v.declaration.body.exp * 1000).toISOString(), health: v.declaration.body.health ?? null }
        : undefined,
      duplicate: false,
      latencyMs: round(performance.now() - startedAt),
      ...(input.decodeMs !== undefined && { decodeMs: round(input.decodeMs) }),
    };
    this.remember(dupKey, now.getTime(), result);
    return result;
  }

  /**
   * Scans a station queued while offline. Idempotent by scan id: a batch sent twice stores each
   * scan once. The station's verdict is what happened at the barrier and is kept; the server
   * re-checks the payload against today's lists and raises the alerts the station could not.
   */
  async batch(actor: Actor, checkpointId: string, scans: ScanBatchItem[]): Promise<ScanBatchResult> {
    assertCan(actor, 'checkpoint:scan');
    const cp = await this.d.checkpoints.load(actor, checkpointId);
    const out: ScanBatchResult = { accepted: 0, duplicates: 0, alerts: 0, results: [] };
    const seen = new Set<string>();
    for (const s of scans) {
      if (seen.has(s.scanId) || (await this.d.stores.scans.get(s.scanId))) {
        out.duplicates++;
        out.results.push({ scanId: s.scanId, status: 'duplicate', serverVerdict: null });
        continue;
      }
      seen.add(s.scanId);
      let v: Verification = { kind: 'unknown', findings: [] };
      let serverVerdict: ScanBatchResult['results'][number]['serverVerdict'] = null;
      if (s.payload) {
        v = await verifyPayload(s.payload, cp, { registries: this.d.registriesFor(cp), nonces: this.d.stores.nonces, now: new Date(s.at), scanId: s.scanId });
        serverVerdict = decideVerdict(v.findings, cp.rules.actions).verdict;
      }
      const rec = this.record({ cp, actor, v, scanId: s.scanId, at: s.at, source: 'batch', thumbnail: s.thumbnail });
      rec.verdict = s.verdict;
      rec.reasons = s.reasons.length ? s.reasons : decideVerdict(v.findings, cp.rules.actions).reasons.map((r) => r.code);
      rec.latencyMs = s.latencyMs;
      if (!(await this.d.stores.scans.insert(rec))) {
        // Another request stored it between our check and insert: still exactly once.
        out.duplicates++;
        out.results.push({ scanId: s.scanId, status: 'duplicate', serverVerdict: null });
        continue;
      }
      out.accepted++;
      out.alerts += await this.afterLog(cp, rec, v);
      out.results.push({ scanId: s.scanId, status: 'stored', serverVerdict });
    }
    return out;
  }

  private record(o: { cp: CheckpointRecord; actor: Actor; v: Verification; scanId: string; at: string; source: ScanSource; thumbnail?: string | null }): ScanRecord {
    const { v } = o;
    const name = v.card?.fullName ?? (v.idNumber ? v.declaration?.body.name : undefined);
    return {
      id: o.scanId,
      checkpointId: o.cp.id,
      unitId: o.cp.unitId,
      at: o.at,
      receivedAt: this.d.clock.now().toISOString(),
      verdict: 'pass',
      reasons: [],
      kind: v.kind,
      idHash: v.idNumber ? this.d.hashId(v.idNumber) : null,
      idMasked: v.idNumber ? maskIdNumber(v.idNumber) : null,
      initials: name ? initialsOf(name) : null,
      officers: o.cp.officers.map((x) => (x.rank ? `${x.rank} ${x.name}` : x.name)),
      operatorId: o.actor.id,
      operatorName: o.actor.username,
      source: o.source,
      latencyMs: 0,
      thumbnail: cleanThumbnail(o.thumbnail),
      purgedAt: null,
    };
  }

  /** Alerts after a logged scan: flagged person (always), queue length (when configured). */
  private async afterLog(cp: CheckpointRecord, rec: ScanRecord, v: Verification): Promise<number> {
    let raised = 0;
    const flags = v.findings.filter((c) => FLAG_CODES.has(c));
    if (flags.length > 0) {
      const label = flags.includes('wanted') ? 'đối tượng truy nã/cấm đi lại' : 'người trong danh sách cần kiểm tra';
      await this.raise(cp, {
        kind: 'flagged_person',
        scanId: rec.id,
        at: rec.at,
        message: `Phát hiện ${label} tại ${cp.name}: ${rec.initials ?? '?'} (${rec.idMasked ?? '?'})`,
        details: { reasons: flags, verdict: rec.verdict, initials: rec.initials, idMasked: rec.idMasked, notes: (v.answer?.flagged ?? []).map((f) => f.note).filter(Boolean), source: rec.source },
      });
      raised++;
    }
    const limit = cp.rules.queueAlertPerHour;
    if (limit > 0) {
      const now = this.d.clock.now().getTime();
      const count = await this.d.stores.scans.countSince(cp.id, new Date(now - 3600_000).toISOString());
      const last = await this.d.stores.alerts.lastAt(cp.id, 'queue');
      if (count >= limit && (!last || Date.parse(last) < now - 30 * 60_000)) {
        await this.raise(cp, { kind: 'queue', scanId: null, at: new Date(now).toISOString(), message: `Ùn tắc tại ${cp.name}: ${count} lượt kiểm tra trong 1 giờ`, details: { count, limit } });
        raised++;
      }
    }
    return raised;
  }

  private async raise(cp: CheckpointRecord, a: Pick<AlertRecord, 'kind' | 'scanId' | 'at' | 'message' | 'details'>): Promise<void> {
    const alert: AlertRecord = { id: newId(), checkpointId: cp.id, unitId: cp.unitId, acknowledgedAt: null, acknowledgedBy: null, ...a };
    await this.d.stores.alerts.insert(alert);
    this.d.notifier.notify(alert, cp.webhookUrl);
  }

  /** A retried scan id answers from the log (person details are not kept, so none are shown). */
  private fromLog(rec: ScanRecord, cp: CheckpointRecord, startedAt: number): ScanResult {
    return {
      scanId: rec.id,
      checkpointId: rec.checkpointId,
      at: rec.at,
      verdict: rec.verdict,
      reasons: rec.reasons.map((c) => reasonOf(c, cp.rules.actions)),
      kind: rec.kind,
      duplicate: true,
      latencyMs: round(performance.now() - startedAt),
    };
  }

  private remember(key: string, atMs: number, result: ScanResult): void {
    if (this.recent.size >= DUPLICATE_CACHE_MAX) {
      // Map iterates in insertion order: drop the oldest half.
      let n = DUPLICATE_CACHE_MAX / 2;
      for (const k of this.recent.keys()) {
        this.recent.delete(k);
        if (--n <= 0) break;
      }
    }
    this.recent.set(key, { atMs, result });
  }
}

function personOf(v: Verification): ScanPerson | undefined {
  if (!v.idNumber) return undefined;
  if (v.card) {
    const [y, m, d] = v.card.dateOfBirth.split('-');
    return { kind: 'cccd', name: v.card.fullName, initials: initialsOf(v.card.fullName), idMasked: maskIdNumber(v.idNumber), dateOfBirth: `${d}/${m}/${y}`, sex: v.card.sex };
  }
  const b = v.declaration!.body;
  return { kind: 'declaration', name: b.name, initials: initialsOf(b.name), idMasked: maskIdNumber(v.idNumber), dateOfBirth: b.dob ?? null, sex: null };
}

/** Keeps a small base64 JPEG; anything else (or too big) is dropped rather than stored. */
function cleanThumbnail(t: string | null | undefined): string | null {
  if (!t) return null;
  const b64 = t.replace(/^data:image\/jpeg;base64,/, '');
  if (!b64.startsWith('/9j/') || b64.length > 60_000 || !/^[A-Za-z0-9+/=]+$/.test(b64)) return null;
  return b64;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
