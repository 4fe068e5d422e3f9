import type { SubmissionStore, UnitContactStore, VehicleRegistryStore } from '@vigil/core';
import type { Submission, VehicleRecord, VehicleType } from '@vigil/types';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema';
import { type CasesDb, type CitizenSubmissionsTable, casesDb } from './cases-tables';

const toSubmission = (r: Selectable<CitizenSubmissionsTable>): Submission => ({
  id: r.id, unitId: r.unit_id, receivedAt: r.received_at, providerName: r.provider_name, providerAddress: r.provider_address,
  providerPhone: r.provider_phone ?? undefined, typeCode: r.type_code, description: r.description, receivingOfficer: r.receiving_officer,
  verification: r.verification as Submission['verification'], verificationNote: r.verification_note ?? undefined,
  fileName: r.file_name, fileSize: r.file_size, fileSha256: r.file_sha256, fileMeta: r.file_meta ? (JSON.parse(r.file_meta) as Record<string, string>) : undefined,
  duplicateOf: r.duplicate_of, violationId: r.violation_id, createdAt: r.created_at,
});

/** The citizens' submissions logbook. */
export class SqlSubmissionStore implements SubmissionStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }
  async insert(s: Submission & { filePath: string | null }): Promise<void> {
    await this.db.insertInto('citizen_submissions').values({
      id: s.id, unit_id: s.unitId, received_at: s.receivedAt, provider_name: s.providerName, provider_address: s.providerAddress,
      provider_phone: s.providerPhone ?? null, type_code: s.typeCode, description: s.description, receiving_officer: s.receivingOfficer,
      verification: s.verification, verification_note: s.verificationNote ?? null, file_name: s.fileName, file_size: s.fileSize,
      file_sha256: s.fileSha256, file_path: s.filePath, file_meta: s.fileMeta ? JSON.stringify(s.fileMeta) : null,
      duplicate_of: s.duplicateOf, violation_id: s.violationId, created_at: s.createdAt,
    }).execute();
  }
  async list(unitIds: readonly string[] | undefined, limit: number, offset: number) {
    let q = this.db.selectFrom('citizen_submissions');
    if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : ['']);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('received_at', 'desc').limit(limit).offset(offset).execute();
    return { rows: rows.map(toSubmission), total };
  }
  async findByHash(sha256: string) {
    const r = await this.db.selectFrom('citizen_submissions').selectAll().where('file_sha256', '=', sha256).orderBy('created_at').executeTakeFirst();
    return r && toSubmission(r);
  }
}

/** The default vehicle registry: a local table imported from CSV. */
export class SqlVehicleRegistry implements VehicleRegistryStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }
  async lookup(plate: string, vehicleType: VehicleType): Promise<VehicleRecord | undefined> {
    const r = await this.db.selectFrom('vehicle_registry').selectAll().where('plate', '=', plate).where('vehicle_type', '=', vehicleType).executeTakeFirst();
    return r && {
      plate: r.plate, vehicleType: r.vehicle_type as VehicleType, ownerName: r.owner_name, ownerAddress: r.owner_address,
      ownerIdNumber: r.owner_id_number, ownerUnitCode: r.owner_unit_code, brand: r.brand,
    };
  }
  /** Inserts or replaces rows; returns how many were new. */
  async upsertMany(rows: VehicleRecord[]): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      let created = 0;
      for (const v of rows) {
        const exists = await tx.selectFrom('vehicle_registry').select('plate').where('plate', '=', v.plate).where('vehicle_type', '=', v.vehicleType).executeTakeFirst();
        const row = { owner_name: v.ownerName, owner_address: v.ownerAddress, owner_id_number: v.ownerIdNumber, owner_unit_code: v.ownerUnitCode, brand: v.brand };
        if (exists) await tx.updateTable('vehicle_registry').set(row).where('plate', '=', v.plate).where('vehicle_type', '=', v.vehicleType).execute();
        else {
          await tx.insertInto('vehicle_registry').values({ plate: v.plate, vehicle_type: v.vehicleType, ...row }).execute();
          created++;
        }
      }
      return created;
    });
  }
  async count(): Promise<number> {
    return Number((await this.db.selectFrom('vehicle_registry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
}

/** Address and phone of each unit, printed on notices and the public look-up. */
export class SqlUnitContactStore implements UnitContactStore {
  private readonly db: CasesDb;
  constructor(db: Kysely<Database>) {
    this.db = casesDb(db);
  }
  async get(unitId: string) {
    return this.db.selectFrom('unit_contacts').select(['address', 'phone']).where('unit_id', '=', unitId).executeTakeFirst();
  }
  async set(unitId: string, address: string, phone: string): Promise<void> {
    await this.db.insertInto('unit_contacts').values({ unit_id: unitId, address, phone })
      .onConflict((oc) => oc.column('unit_id').doUpdateSet({ address, phone })).execute();
  }
  async all() {
    const rows = await this.db.selectFrom('unit_contacts').selectAll().execute();
    return rows.map((r) => ({ unitId: r.unit_id, address: r.address, phone: r.phone }));
  }
}
