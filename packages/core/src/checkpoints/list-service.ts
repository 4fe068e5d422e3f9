import { randomBytes } from 'node:crypto';
import type { ImportResult, RegistryListKind, RegistryList } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { invalid, notFound } from '../errors';
import type { Clock, UnitStore } from '../ports';
import { newId, sha256 } from '../util/ids';
import { parseDdMmYyyy } from './cccd';
import type { RegistryListRecord, RegistryListStore } from './ports';
import { listHash } from './privacy';

/** CSV columns per list kind; `id_number` is hashed on import and never stored. */
export const LIST_CSV_COLUMNS: Record<RegistryListKind, readonly string[]> = {
  flagged: ['id_number', 'category', 'note'],
  permit: ['id_number', 'permit_no', 'valid_to'],
  health: ['id_number', 'status'],
};

/** yyyy-mm-dd, dd/mm/yyyy or ddMMyyyy -> yyyy-mm-dd; null when unreadable. */
export function normaliseListDate(s: string): string | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return parseDdMmYyyy(`${t.slice(8, 10)}${t.slice(5, 7)}${t.slice(0, 4)}`);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return parseDdMmYyyy(`${m[1].padStart(2, '0')}${m[2].padStart(2, '0')}${m[3]}`);
  return parseDdMmYyyy(t);
}

/** Minimal data kept per entry: only what a rule reads. */
function entryData(kind: RegistryListKind, row: Record<string, string>): Record<string, string> | string {
  if (kind === 'flagged') {
    const category = (row.category || 'flagged').toLowerCase();
    if (category !== 'flagged' && category !== 'wanted') return 'category must be flagged or wanted';
    return { category, ...(row.note ? { note: row.note.slice(0, 200) } : {}) };
  }
  if (kind === 'permit') {
    const validTo = row.valid_to ? normaliseListDate(row.valid_to) : '';
    if (validTo === null) return 'valid_to must be a date (yyyy-mm-dd or dd/mm/yyyy)';
    return { validTo, ...(row.permit_no ? { number: row.permit_no.slice(0, 50) } : {}) };
  }
  if (!row.status) return 'status is required';
  return { status: row.status.toLowerCase().slice(0, 30) };
}

/** Local registries: flagged persons, travel permits, health status, imported from CSV. */
export class RegistryListService {
  constructor(private readonly d: { lists: RegistryListStore; units: UnitStore; audit: AuditService; clock: Clock }) {}

  async list(actor: Actor): Promise<RegistryList[]> {
    assertCan(actor, 'checkpoints:read');
    return (await this.d.lists.lists([...actor.scope])).map(view);
  }

  async create(actor: Actor, input: { name: string; kind: RegistryListKind; unitId: string }, ip?: string): Promise<RegistryList> {
    assertCan(actor, 'checkpoints:write');
    if (!(await this.d.units.get(input.unitId))) throw invalid('unitId', `unit ${input.unitId} does not exist`);
    assertInScope(actor, input.unitId, 'unit');
    const rec: RegistryListRecord = {
      id: newId(),
      unitId: input.unitId,
      name: input.name,
      kind: input.kind,
      salt: randomBytes(16).toString('hex'),
      entries: 0,
      digest: sha256(''),
      importedAt: null,
      createdAt: this.d.clock.now().toISOString(),
    };
    await this.d.lists.insertList(rec);
    await this.d.audit.record({ actor, action: 'checkpoint-list.create', targetType: 'checkpoint-list', targetId: rec.id, unitId: rec.unitId, ip, details: { name: rec.name, kind: rec.kind } });
    return view(rec);
  }

  /** Replaces a list's entries with the CSV's rows; refused lines are reported, the rest kept. */
  async importRows(actor: Actor, listId: string, rows: Record<string, string>[], ip?: string): Promise<ImportResult & { digest: string }> {
    assertCan(actor, 'checkpoints:write');
    const list = await this.load(actor, listId);
    const errors: ImportResult['errors'] = [];
    const byHash = new Map<string, Record<string, string>>();
    rows.forEach((row, i) => {
      const line = i + 2; // header is line 1
      const id = (row.id_number ?? row.cccd ?? '').replace(/\s/g, '');
      if (!/^\d{9}$|^\d{12}$/.test(id)) return errors.push({ line, field: 'id_number', message: 'id_number must have 12 (or 9) digits' });
      const data = entryData(list.kind, row);
      if (typeof data === 'string') return errors.push({ line, message: data });
      byHash.set(listHash(list.salt, id), data);
    });
    const digest = sha256([...byHash.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([h, d]) => `${h}:${JSON.stringify(d)}`).join('\n'));
    const n = await this.d.lists.replaceEntries(list.id, [...byHash].map(([idHash, data]) => ({ idHash, data })));
    await this.d.lists.updateList(list.id, { entries: n, digest, importedAt: this.d.clock.now().toISOString() });
    await this.d.audit.record({ actor, action: 'checkpoint-list.import', targetType: 'checkpoint-list', targetId: list.id, unitId: list.unitId, ip, details: { entries: n, refused: errors.length, digest } });
    return { created: n, updated: 0, errors, digest };
  }

  async delete(actor: Actor, listId: string, ip?: string): Promise<void> {
    assertCan(actor, 'checkpoints:write');
    const list = await this.load(actor, listId);
    await this.d.lists.deleteList(list.id);
    await this.d.audit.record({ actor, action: 'checkpoint-list.delete', targetType: 'checkpoint-list', targetId: list.id, unitId: list.unitId, ip, details: { name: list.name } });
  }

  private async load(actor: Actor, id: string): Promise<RegistryListRecord> {
    const rec = await this.d.lists.getList(id);
    if (!rec) throw notFound('list', id);
    assertInScope(actor, rec.unitId, 'list');
    return rec;
  }
}

function view(r: RegistryListRecord): RegistryList {
  return { id: r.id, unitId: r.unitId, name: r.name, kind: r.kind, entries: r.entries, digest: r.digest, importedAt: r.importedAt };
}
