import type { ImportResult, Unit, UnitCreate, UnitUpdate } from '@vigil/types';
import { UnitCsvRow } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, conflict, invalid, notFound } from '../errors';
import type { UnitRecord, UnitStore } from '../ports';
import { newId } from '../util/ids';
import { zodIssueToField } from '../util/zod-errors';

const LEVEL_RANK = { province: 0, district: 1, commune: 2 } as const;

/** The administrative-unit tree and the scope (a unit and everything below it) derived from it. */
export class UnitService {
  constructor(
    private readonly store: UnitStore,
    private readonly audit: AuditService,
  ) {}

  /** Ids of the unit and all its descendants. */
  async subtree(unitId: string): Promise<Set<string>> {
    const all = await this.store.all();
    return subtreeOf(all, unitId);
  }

  async isRoot(unitId: string): Promise<boolean> {
    const u = await this.store.get(unitId);
    return !!u && u.parentId === null;
  }

  async list(actor: Actor): Promise<Unit[]> {
    assertCan(actor, 'units:read');
    const all = await this.store.all();
    return all.filter((u) => actor.scope.has(u.id));
  }

  async get(actor: Actor, id: string): Promise<UnitRecord> {
    const unit = await this.store.get(id);
    if (!unit) throw notFound('unit', id);
    assertInScope(actor, unit.id, 'unit');
    return unit;
  }

  async create(actor: Actor, input: UnitCreate, ip?: string): Promise<Unit> {
    assertCan(actor, 'units:write');
    const parentId = input.parentId ?? null;
    await this.checkPlacement(actor, input.level, parentId);
    if (await this.store.getByCode(input.code)) throw conflict('code', `unit code ${input.code} already exists`);
    const unit: UnitRecord = { id: newId(), code: input.code, name: input.name, level: input.level, parentId };
    await this.store.insert(unit);
    await this.audit.record({ actor, action: 'unit.create', targetType: 'unit', targetId: unit.id, unitId: unit.id, ip, details: { code: unit.code, name: unit.name } });
    return unit;
  }

  async update(actor: Actor, id: string, patch: UnitUpdate, ip?: string): Promise<Unit> {
    assertCan(actor, 'units:write');
    const unit = await this.get(actor, id);
    if (patch.code && patch.code !== unit.code && (await this.store.getByCode(patch.code))) {
      throw conflict('code', `unit code ${patch.code} already exists`);
    }
    await this.store.update(id, patch);
    await this.audit.record({ actor, action: 'unit.update', targetType: 'unit', targetId: id, unitId: id, ip, details: { before: { code: unit.code, name: unit.name }, after: patch } });
    return { ...unit, ...patch };
  }

  async delete(actor: Actor, id: string, ip?: string): Promise<void> {
    assertCan(actor, 'units:write');
    const unit = await this.get(actor, id);
    const usage = await this.store.usage(id);
    if (usage.children + usage.cameras + usage.users > 0) {
      throw new VigilError('CONFLICT', `unit ${unit.code} still has ${usage.children} units, ${usage.cameras} cameras and ${usage.users} users`, 'id', usage);
    }
    await this.store.delete(id);
    await this.audit.record({ actor, action: 'unit.delete', targetType: 'unit', targetId: id, unitId: unit.parentId, ip, details: { code: unit.code, name: unit.name } });
  }

  /** Imports rows of `code,name,level,parent_code`; parents may come earlier in the same file or exist already. */
  async importRows(actor: Actor, rows: Record<string, string>[], ip?: string): Promise<ImportResult> {
    assertCan(actor, 'units:write');
    // Units created earlier in the file become valid parents for later lines.
    const scope = new Set(actor.scope);
    const local: Actor = { ...actor, scope };
    const result: ImportResult = { created: 0, updated: 0, errors: [] };
    for (const [i, raw] of rows.entries()) {
      const line = i + 2; // header is line 1
      const parsed = UnitCsvRow.safeParse(raw);
      if (!parsed.success) {
        const { field, message } = zodIssueToField(parsed.error.issues[0]);
        result.errors.push({ line, field, message });
        continue;
      }
      const row = parsed.data;
      try {
        let parentId: string | null = null;
        if (row.parent_code) {
          const parent = await this.store.getByCode(row.parent_code);
          if (!parent) throw invalid('parent_code', `unknown parent unit ${row.parent_code}`);
          parentId = parent.id;
        }
        const existing = await this.store.getByCode(row.code);
        if (existing) {
          assertInScope(local, existing.id, 'unit');
          await this.store.update(existing.id, { name: row.name });
          result.updated += 1;
        } else {
          await this.checkPlacement(local, row.level, parentId);
          const unit: UnitRecord = { id: newId(), code: row.code, name: row.name, level: row.level, parentId };
          await this.store.insert(unit);
          scope.add(unit.id);
          result.created += 1;
        }
      } catch (err) {
        if (!(err instanceof VigilError)) throw err;
        result.errors.push({ line, field: err.field, message: err.message });
      }
    }
    await this.audit.record({ actor, action: 'unit.import', targetType: 'unit', ip, details: { created: result.created, updated: result.updated, errors: result.errors.length } });
    return result;
  }

  private async checkPlacement(actor: Actor, level: UnitRecord['level'], parentId: string | null): Promise<void> {
    if (parentId === null) {
      if (!actor.global) throw invalid('parentId', 'only a top-level administrator may create a top-level unit');
      return;
    }
    const parent = await this.store.get(parentId);
    if (!parent) throw invalid('parentId', `unknown parent unit ${parentId}`);
    assertInScope(actor, parent.id, 'parent unit');
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[level]) {
      throw invalid('level', `a ${level} cannot sit under a ${parent.level}`);
    }
  }
}

/** Ids of `rootId` and every unit below it. */
export function subtreeOf(all: readonly UnitRecord[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of all) {
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const out = new Set<string>();
  const stack = all.some((u) => u.id === rootId) ? [rootId] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
