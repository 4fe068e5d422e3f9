import type { UnitRecord, UnitStore } from '@vigil/core';
import type { UnitLevel } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UnitsTable } from '../schema';

const toRecord = (r: Selectable<UnitsTable>): UnitRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level as UnitLevel,
  parentId: r.parent_id,
});

/** Units in SQL; the tree is small (thousands at most) so `all()` feeds scope computations. */
export class SqlUnitStore implements UnitStore {
  constructor(private readonly db: Kysely<Database>) {}

  async all(): Promise<UnitRecord[]> {
    return (await this.db.selectFrom('units').selectAll().orderBy('code').execute()).map(toRecord);
  }
  async get(id: string) {
    const r = await this.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }
  async getByCode(code: string) {
    const r = await this.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return r && toRecord(r);
  }
  async insert(u: UnitRecord): Promise<void> {
    await this.db
      .insertInto('units')
      .values({ id: u.id, code: u.code, name: u.name, level: u.level, parent_id: u.parentId, created_at: new Date().toISOString() })
      .execute();
  }
  async update(id: string, patch: Partial<Omit<UnitRecord, 'id'>>): Promise<void> {
    const set: Partial<UnitsTable> = {};
    if (patch.code !== undefined) set.code = patch.code;
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.level !== undefined) set.level = patch.level;
    if (patch.parentId !== undefined) set.parent_id = patch.parentId;
    if (Object.keys(set).length) await this.db.updateTable('units').set(set).where('id', '=', id).execute();
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('units').where('id', '=', id).execute();
  }
  async usage(id: string) {
    const count = async (table: 'units' | 'cameras' | 'users', col: 'parent_id' | 'unit_id') => {
      const r = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(col, '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    };
    return { children: await count('units', 'parent_id'), cameras: await count('cameras', 'unit_id'), users: await count('users', 'unit_id') };
  }
}
