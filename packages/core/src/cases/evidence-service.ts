import type { EvidenceKind, ImportResult, PublicViolation, Submission, SubmissionCreate, VehicleRecord, VehicleType } from '@vigil/types';
import { VehicleType as VehicleTypeSchema } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { conflict, invalid, notFound } from '../errors';
import type { Clock, UnitStore } from '../ports';
import { newId, sha256 } from '../util/ids';
import { ruleFor } from './catalogue';
import { parsePlate } from './plate';
import type { EvidenceFiles, EvidenceRecord, SubmissionStore, UnitContactStore, VehicleRegistryStore, ViolationStore } from './ports';
import type { ViolationService } from './violation-service';

export interface EvidenceServiceDeps {
  violations: ViolationStore;
  cases: ViolationService;
  submissions: SubmissionStore;
  registry: VehicleRegistryStore;
  contacts: UnitContactStore;
  files: EvidenceFiles;
  units: UnitStore;
  audit: AuditService;
  clock: Clock;
}

export interface EvidenceUpload {
  kind: EvidenceKind;
  fileName: string;
  mime: string;
  data: Buffer;
  capturedAt?: string;
  cameraId?: string;
  deviceId?: string;
  signalState?: string;
}

const STATUS_VI = { not_handled: 'Chưa xử phạt', handled: 'Đã xử phạt' } as const;

/** Evidence files with hashes, citizens' submissions, the vehicle registry and the public look-up. */
export class EvidenceService {
  constructor(private readonly d: EvidenceServiceDeps) {}

  async addFile(actor: Actor, violationId: string, up: EvidenceUpload, ip?: string): Promise<EvidenceRecord> {
    assertCan(actor, 'cases:intake');
    const rec = await this.d.cases.load(actor, violationId);
    if (rec.status === 'closed') throw conflict('id', 'a closed case takes no new evidence');
    if (up.data.length === 0) throw invalid('file', 'the file is empty');
    const e: EvidenceRecord = {
      id: newId(), violationId, kind: up.kind, fileName: up.fileName, mime: up.mime, size: up.data.length, sha256: sha256(up.data),
      path: await this.d.files.put(violationId, `${newId()}-${up.fileName.replace(/[^\w.-]+/g, '_')}`, up.data), ref: null,
      capturedAt: up.capturedAt ?? null, cameraId: up.cameraId ?? rec.cameraId, deviceId: up.deviceId ?? null, signalState: up.signalState ?? null,
      createdAt: this.d.clock.now().toISOString(), createdBy: actor.username,
    };
    await this.d.violations.addEvidence(e);
    await this.d.audit.record({ actor, action: 'case.evidence.add', targetType: 'violation', targetId: violationId, unitId: rec.unitId, ip, details: { evidenceId: e.id, kind: e.kind, sha256: e.sha256, size: e.size } });
    return e;
  }

  /** One evidence file's bytes; every view is audited. */
  async file(actor: Actor, violationId: string, evidenceId: string, ip?: string): Promise<{ rec: EvidenceRecord; data: Buffer }> {
    assertCan(actor, 'cases:read');
    const c = await this.d.cases.load(actor, violationId);
    const rec = (await this.d.violations.evidence(violationId)).find((e) => e.id === evidenceId);
    if (!rec?.path) throw notFound('evidence file', evidenceId);
    const data = await this.d.files.read(rec.path);
    await this.d.audit.record({ actor, action: 'case.evidence.view', targetType: 'violation', targetId: violationId, unitId: c.unitId, ip, details: { evidenceId } });
    return { rec, data };
  }

  /** Re-hashes every stored file of a case: any change since intake shows as a mismatch. */
  async check(actor: Actor, violationId: string, ip?: string) {
    assertCan(actor, 'cases:read');
    const c = await this.d.cases.load(actor, violationId);
    const items = [];
    for (const e of await this.d.violations.evidence(violationId)) {
      if (!e.path) {
        items.push({ id: e.id, kind: e.kind, expected: e.sha256, actual: null, ok: null as boolean | null, note: 'reference only' });
        continue;
      }
      let actual: string | null = null;
      let note = '';
      try {
        actual = sha256(await this.d.files.read(e.path));
      } catch (err) {
        // A missing file is itself tampering evidence: report it instead of failing the check.
        note = `unreadable: ${err instanceof Error ? err.message : String(err)}`;
      }
      items.push({ id: e.id, kind: e.kind, expected: e.sha256, actual, ok: actual === e.sha256, note });
    }
    const ok = items.every((i) => i.ok !== false);
    await this.d.audit.record({ actor, action: 'case.evidence.check', targetType: 'violation', targetId: violationId, unitId: c.unitId, ip, details: { ok, files: items.length } });
    return { ok, checkedAt: this.d.clock.now().toISOString(), items };
  }

  /** What the national look-up shows for a plate: no owner data, ever. */
  async publicLookup(plateText: string, vehicleType: Exclude<VehicleType, 'none'>): Promise<PublicViolation[]> {
    const plate = parsePlate(plateText, vehicleType, 'plate');
    const rows = await this.d.violations.published(plate.text, vehicleType);
    const units = await this.d.cases.unitMap();
    const out: PublicViolation[] = [];
    for (const r of rows) {
      const resolving = r.routedToUnitId ?? r.unitId;
      const contact = await this.d.contacts.get(resolving);
      const status = r.status === 'resolved' || (r.status === 'closed' && r.resolvedAt) ? 'handled' : 'not_handled';
      out.push({
        plate: r.plateDisplay ?? plate.display, plateColour: r.plateColour ?? 'white', vehicleType: r.vehicleType,
        occurredAt: r.occurredAt, place: r.place, violation: `${r.rule.titleVi} (${r.rule.legalBasisVi})`,
        status, statusVi: STATUS_VI[status], detectingUnit: units.get(r.unitId)?.name ?? '',
        resolvingUnit: { name: units.get(resolving)?.name ?? '', address: contact?.address ?? '', phone: contact?.phone ?? '' },
      });
    }
    return out;
  }

  /** Logs a citizen's footage with its hash; the same file twice is flagged as a duplicate. */
  async submit(actor: Actor, body: SubmissionCreate, file?: { name: string; data: Buffer }, ip?: string): Promise<Submission> {
    assertCan(actor, 'cases:intake');
    if (!(await this.d.units.get(body.unitId))) throw invalid('unitId', `unknown unit ${body.unitId}`);
    assertInScope(actor, body.unitId, 'unit');
    ruleFor(body.typeCode, new Date(body.receivedAt));
    const hash = file ? sha256(file.data) : (body.fileSha256 ?? null);
    if (file && body.fileSha256 && body.fileSha256 !== hash) throw invalid('fileSha256', 'does not match the uploaded file: it changed on the way');
    const dup = hash ? await this.d.submissions.findByHash(hash) : undefined;
    const id = newId();
    const s: Submission = {
      ...body, id, fileName: file?.name ?? null, fileSize: file?.data.length ?? null, fileSha256: hash,
      verification: dup ? 'duplicate' : body.verification, duplicateOf: dup?.id ?? null, violationId: null,
      createdAt: this.d.clock.now().toISOString(),
    };
    const filePath = file ? await this.d.files.put(`submissions/${id}`, file.name.replace(/[^\w.-]+/g, '_'), file.data) : null;
    await this.d.submissions.insert({ ...s, filePath });
    await this.d.audit.record({ actor, action: 'case.submission', targetType: 'submission', targetId: id, unitId: body.unitId, ip, details: { sha256: hash, duplicateOf: s.duplicateOf, provider: body.providerName } });
    return s;
  }

  async submissions(actor: Actor, limit: number, offset: number) {
    assertCan(actor, 'cases:read');
    const { rows, total } = await this.d.submissions.list(actor.global ? undefined : [...actor.scope], limit, offset);
    return { items: rows, total };
  }

  /** Imports the local vehicle registry (plate, vehicle_type, owner_name, owner_address, owner_id_number, owner_unit_code, brand). */
  async importVehicles(actor: Actor, rows: Record<string, string>[], ip?: string): Promise<ImportResult> {
    assertCan(actor, 'cases:process');
    const ok: VehicleRecord[] = [];
    const errors: ImportResult['errors'] = [];
    rows.forEach((r, i) => {
      const line = i + 2;
      const vt = VehicleTypeSchema.safeParse(r.vehicle_type);
      if (!vt.success || vt.data === 'none') return errors.push({ line, field: 'vehicle_type', message: 'vehicle_type: car, motorbike or ebike' });
      if (!r.owner_name?.trim()) return errors.push({ line, field: 'owner_name', message: 'owner_name: required' });
      try {
        const plate = parsePlate(r.plate ?? '', vt.data, 'plate');
        ok.push({ plate: plate.text, vehicleType: vt.data, ownerName: r.owner_name.trim(), ownerAddress: (r.owner_address ?? '').trim(), ownerIdNumber: (r.owner_id_number ?? '').trim(), ownerUnitCode: (r.owner_unit_code ?? '').trim(), brand: (r.brand ?? '').trim() });
      } catch (err) {
        errors.push({ line, field: 'plate', message: err instanceof Error ? err.message : String(err) });
      }
      return undefined;
    });
    const created = await this.d.registry.upsertMany(ok);
    await this.d.audit.record({ actor, action: 'case.registry.import', targetType: 'vehicle_registry', unitId: actor.unitId, ip, details: { rows: ok.length, errors: errors.length } });
    return { created, updated: ok.length - created, errors };
  }

  async setContact(actor: Actor, unitId: string, address: string, phone: string, ip?: string): Promise<void> {
    assertCan(actor, 'cases:process');
    if (!(await this.d.units.get(unitId))) throw notFound('unit', unitId);
    assertInScope(actor, unitId, 'unit');
    await this.d.contacts.set(unitId, address, phone);
    await this.d.audit.record({ actor, action: 'case.contact.set', targetType: 'unit', targetId: unitId, unitId, ip, details: { address, phone } });
  }
}
