import type { AuditEntry, AuditQuery, AuditVerifyResult } from '@vigil/types';
import type { Actor } from '../auth/permissions';
import type { AuditRow, AuditStore, Clock } from '../ports';
import { canonicalJson, sha256 } from '../util/ids';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller tells the audit log; the service adds time, sequence and chain. */
export interface AuditInput {
  actor: Pick<Actor, 'id' | 'username'> | null;
  actorName?: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  unitId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Hash of a row: its content plus the previous row's hash. */
export function rowHash(prevHash: string, entry: AuditEntry): string {
  return sha256(`${prevHash}\n${canonicalJson(entry)}`);
}

function entryOf(row: AuditRow): AuditEntry {
  const { prevHash: _p, hash: _h, ...entry } = row;
  return entry;
}

/** Append-only, hash-chained audit log (each row stores the previous row's hash). */
export class AuditService {
  constructor(
    private readonly store: AuditStore,
    private readonly clock: Clock,
  ) {}

  async record(input: AuditInput): Promise<AuditRow> {
    const at = this.clock.now().toISOString();
    return this.store.append((last) => {
      const entry: AuditEntry = {
        seq: (last?.seq ?? 0) + 1,
        at,
        actorId: input.actor?.id ?? null,
        actorName: input.actorName ?? input.actor?.username ?? 'anonymous',
        action: input.action,
        targetType: input.targetType ?? null,
        targetId: input.targetId ?? null,
        unitId: input.unitId ?? null,
        ip: input.ip ?? null,
        details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      return { ...entry, prevHash, hash: rowHash(prevHash, entry) };
    });
  }

  async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    // Actors of a top-level unit see everything; others only rows of their units.
    const { rows, total } = await this.store.list({ ...q, unitIds: actor.global ? undefined : [...actor.scope] });
    return { items: rows.map(entryOf), total };
  }

  /** Walks the whole chain; any changed, inserted or deleted row breaks it. */
  async verify(): Promise<AuditVerifyResult> {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await this.store.scan(expectedSeq - 1, 1000);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (row.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
        if (row.prevHash !== prev) return { ok: false, checked, firstBadSeq: row.seq, reason: `row ${row.seq} does not follow row ${row.seq - 1}` };
        if (rowHash(prev, entryOf(row)) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, reason: `row ${row.seq} was altered` };
        prev = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    const head = await this.store.head();
    if (head && (head.count !== checked || head.hash !== prev)) {
      return { ok: false, checked, firstBadSeq: checked + 1, reason: `the log ends at row ${checked} but ${head.count} rows were written` };
    }
    return { ok: true, checked };
  }
}
