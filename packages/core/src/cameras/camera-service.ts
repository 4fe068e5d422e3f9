import type { Camera, CameraCreate, CameraQuery, CameraUpdate, ImportResult } from '@vigil/types';
import { CameraCreate as CameraCreateSchema } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, conflict, invalid, notFound } from '../errors';
import { subtreeOf } from '../units/unit-service';
import type { CameraRecord, CameraStore, Clock, SecretBox, UnitRecord, UnitStore } from '../ports';
import { newId } from '../util/ids';
import { zodIssueToField } from '../util/zod-errors';
import { BODY_TO_CSV, CameraCsvRow, cameraToCsvRow, csvRowToBody } from './camera-csv';
import { type StreamCredentials, splitCredentials, withCredentials } from './stream-url';

export interface CameraServiceDeps {
  cameras: CameraStore;
  units: UnitStore;
  secrets: SecretBox;
  audit: AuditService;
  clock: Clock;
}

/** What changed about a camera; the video pipeline follows these. */
export interface CameraChange {
  kind: 'created' | 'updated' | 'deleted';
  id: string;
}

/** Camera registry: places, units, stream URLs with sealed credentials. */
export class CameraService {
  private listeners = new Set<(c: CameraChange) => void>();
  constructor(private readonly d: CameraServiceDeps) {}

  /** Calls `fn` after every committed change; returns the unsubscribe function. */
  onChange(fn: (c: CameraChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(kind: CameraChange['kind'], id: string): void {
    for (const fn of this.listeners) fn({ kind, id });
  }

  async list(actor: Actor, q: CameraQuery): Promise<{ items: Camera[]; total: number }> {
    assertCan(actor, 'cameras:read');
    let unitIds = [...actor.scope];
    if (q.unitId) {
      assertInScope(actor, q.unitId, 'unit');
      unitIds = [...subtreeOf(await this.d.units.all(), q.unitId)];
    }
    const { rows, total } = await this.d.cameras.list({ unitIds, purpose: q.purpose, status: q.status, q: q.q, limit: q.limit, offset: q.offset });
    const names = await this.unitNames();
    return { items: rows.map((r) => this.view(r, names)), total };
  }

  async get(actor: Actor, id: string): Promise<Camera> {
    assertCan(actor, 'cameras:read');
    const rec = await this.load(actor, id);
    return this.view(rec, await this.unitNames());
  }

  async create(actor: Actor, input: CameraCreate, ip?: string): Promise<Camera> {
    assertCan(actor, 'cameras:write');
    await this.checkUnit(actor, input.unitId);
    if (await this.d.cameras.findByName(input.unitId, input.name)) {
      throw conflict('name', `a camera named "${input.name}" already exists in this unit`);
    }
    const main = splitCredentials(input.mainUrl);
    const sub = input.subUrl ? splitCredentials(input.subUrl) : null;
    const creds = explicitCredentials(input) ?? main.credentials ?? sub?.credentials ?? null;
    const now = this.d.clock.now().toISOString();
    const rec: CameraRecord = {
      id: newId(),
      name: input.name,
      unitId: input.unitId,
      mainUrl: main.url,
      subUrl: sub?.url ?? null,
      credentialsSealed: creds ? this.d.secrets.seal(JSON.stringify(creds)) : null,
      location: input.location,
      purposes: [...new Set(input.purposes)],
      ownership: input.ownership,
      recorder: input.recorder,
      tags: [...new Set(input.tags)],
      enabled: input.enabled,
      recording: input.recording,
      rtspTransport: input.rtspTransport,
      status: input.enabled ? 'unknown' : 'disabled',
      createdAt: now,
      updatedAt: now,
    };
    await this.d.cameras.insert(rec);
    this.changed('created', rec.id);
    await this.d.audit.record({ actor, action: 'camera.create', targetType: 'camera', targetId: rec.id, unitId: rec.unitId, ip, details: { name: rec.name, mainUrl: rec.mainUrl } });
    return this.view(rec, await this.unitNames());
  }

  async update(actor: Actor, id: string, patch: CameraUpdate, ip?: string): Promise<Camera> {
    assertCan(actor, 'cameras:write');
    const rec = await this.load(actor, id);
    const unitId = patch.unitId ?? rec.unitId;
    if (patch.unitId && patch.unitId !== rec.unitId) await this.checkUnit(actor, patch.unitId);
    const name = patch.name ?? rec.name;
    if (name !== rec.name || unitId !== rec.unitId) {
      const clash = await this.d.cameras.findByName(unitId, name);
      if (clash && clash.id !== id) throw conflict('name', `a camera named "${name}" already exists in this unit`);
    }
    const changes: Partial<CameraRecord> = { updatedAt: this.d.clock.now().toISOString() };
    let creds: StreamCredentials | null | undefined;
    if (patch.mainUrl !== undefined) {
      const main = splitCredentials(patch.mainUrl);
      changes.mainUrl = main.url;
      if (main.credentials) creds = main.credentials;
    }
    if (patch.subUrl !== undefined) {
      const sub = patch.subUrl ? splitCredentials(patch.subUrl) : null;
      changes.subUrl = sub?.url ?? null;
      if (sub?.credentials && !creds) creds = sub.credentials;
    }
    if (patch.username !== undefined || patch.password !== undefined) {
      const current = this.credentialsOf(rec);
      const next = { username: patch.username ?? current?.username ?? '', password: patch.password ?? current?.password ?? '' };
      creds = next.username || next.password ? next : null;
    }
    if (creds !== undefined) changes.credentialsSealed = creds ? this.d.secrets.seal(JSON.stringify(creds)) : null;
    for (const k of ['name', 'unitId', 'location', 'ownership', 'recorder', 'recording', 'rtspTransport'] as const) {
      if (patch[k] !== undefined) (changes as Record<string, unknown>)[k] = patch[k];
    }
    if (patch.purposes) changes.purposes = [...new Set(patch.purposes)];
    if (patch.tags) changes.tags = [...new Set(patch.tags)];
    if (patch.enabled !== undefined) {
      changes.enabled = patch.enabled;
      changes.status = patch.enabled ? (rec.status === 'disabled' ? 'unknown' : rec.status) : 'disabled';
    }
    await this.d.cameras.update(id, changes);
    this.changed('updated', id);
    const { password: _pw, username: _un, ...shown } = patch;
    await this.d.audit.record({ actor, action: 'camera.update', targetType: 'camera', targetId: id, unitId, ip, details: { changed: Object.keys(shown), credentialsChanged: creds !== undefined } });
    return this.view({ ...rec, ...changes }, await this.unitNames());
  }

  async delete(actor: Actor, id: string, ip?: string): Promise<void> {
    assertCan(actor, 'cameras:write');
    const rec = await this.load(actor, id);
    await this.d.cameras.delete(id);
    this.changed('deleted', id);
    await this.d.audit.record({ actor, action: 'camera.delete', targetType: 'camera', targetId: id, unitId: rec.unitId, ip, details: { name: rec.name } });
  }

  /** The URL with credentials, for the ingest pipeline only. Never returned by the API. */
  async streamUrl(id: string, which: 'main' | 'sub' = 'main'): Promise<string> {
    const rec = await this.d.cameras.get(id);
    if (!rec) throw notFound('camera', id);
    const url = which === 'sub' && rec.subUrl ? rec.subUrl : rec.mainUrl;
    return withCredentials(url, this.credentialsOf(rec));
  }

  async exportRows(actor: Actor): Promise<string[][]> {
    assertCan(actor, 'cameras:read');
    const { items } = await this.list(actor, { limit: 1_000_000, offset: 0 });
    const codes = new Map((await this.d.units.all()).map((u) => [u.id, u.code]));
    await this.d.audit.record({ actor, action: 'camera.export', targetType: 'camera', unitId: actor.unitId, details: { count: items.length } });
    return items.map((c) => cameraToCsvRow(c, codes.get(c.unitId) ?? ''));
  }

  /** Imports CSV rows; each bad row is reported with its line and column, good rows are kept. */
  async importRows(actor: Actor, rows: Record<string, string>[], ip?: string): Promise<ImportResult> {
    assertCan(actor, 'cameras:write');
    const result: ImportResult = { created: 0, updated: 0, errors: [] };
    for (const [i, raw] of rows.entries()) {
      const line = i + 2;
      try {
        const row = CameraCsvRow.safeParse(raw);
        if (!row.success) throw toFieldError(row.error.issues[0], (f) => f);
        const unit = await this.d.units.getByCode(row.data.unit_code);
        if (!unit) throw invalid('unit_code', `unknown unit ${row.data.unit_code}`);
        const body = CameraCreateSchema.safeParse(csvRowToBody(row.data, unit.id));
        if (!body.success) throw toFieldError(body.error.issues[0], (f) => BODY_TO_CSV[f] ?? f);
        await this.create(actor, body.data, ip);
        result.created += 1;
      } catch (err) {
        if (!(err instanceof VigilError)) throw err;
        const field = err.field === 'unitId' ? 'unit_code' : err.field;
        result.errors.push({ line, field, message: err.message });
      }
    }
    await this.d.audit.record({ actor, action: 'camera.import', targetType: 'camera', unitId: actor.unitId, ip, details: { created: result.created, errors: result.errors.length } });
    return result;
  }

  private async load(actor: Actor, id: string): Promise<CameraRecord> {
    const rec = await this.d.cameras.get(id);
    if (!rec) throw notFound('camera', id);
    assertInScope(actor, rec.unitId, 'camera');
    return rec;
  }

  private async checkUnit(actor: Actor, unitId: string): Promise<UnitRecord> {
    const unit = await this.d.units.get(unitId);
    if (!unit) throw invalid('unitId', `unknown unit ${unitId}`);
    if (!actor.scope.has(unitId)) throw new VigilError('FORBIDDEN', 'unitId: unit outside your scope', 'unitId', { unitId });
    return unit;
  }

  private credentialsOf(rec: CameraRecord): StreamCredentials | null {
    return rec.credentialsSealed ? (JSON.parse(this.d.secrets.open(rec.credentialsSealed)) as StreamCredentials) : null;
  }

  private async unitNames(): Promise<Map<string, string>> {
    return new Map((await this.d.units.all()).map((u) => [u.id, u.name]));
  }

  private view(r: CameraRecord, unitNames: Map<string, string>): Camera {
    const { credentialsSealed, ...rest } = r;
    return { ...rest, unitName: unitNames.get(r.unitId) ?? '', hasCredentials: credentialsSealed !== null };
  }
}

function explicitCredentials(input: { username?: string; password?: string }): StreamCredentials | null {
  if (!input.username && !input.password) return null;
  return { username: input.username ?? '', password: input.password ?? '' };
}

function toFieldError(issue: Parameters<typeof zodIssueToField>[0], rename: (f: string) => string): VigilError {
  const { field } = zodIssueToField(issue);
  const col = field ? rename(field) : undefined;
  return new VigilError('VALIDATION', col ? `${col}: ${issue?.message}` : issue?.message ?? 'invalid row', col);
}
