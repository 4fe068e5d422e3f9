import type { Checkpoint, CheckpointCreate, CheckpointUpdate, StationSync } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { conflict, invalid, notFound } from '../errors';
import type { Clock, SecretBox, UnitStore } from '../ports';
import { newId } from '../util/ids';
import { publicKeyOf } from './declaration';
import { DEFAULT_ACTIONS, REASON_TEXT } from './messages';
import type { CheckpointRecord, CheckpointStores } from './ports';

export interface CheckpointServiceDeps {
  stores: CheckpointStores;
  units: UnitStore;
  secrets: SecretBox;
  audit: AuditService;
  clock: Clock;
}

/** Most hashed entries per list sent to an offline station (flag lists are small; permits may not be). */
export const SYNC_LIST_CAP = 200_000;

/** Checkpoint stations: place, unit, cameras, officers on duty, rules, trusted issuers. */
export class CheckpointService {
  constructor(private readonly d: CheckpointServiceDeps) {}

  async list(actor: Actor): Promise<Checkpoint[]> {
    assertCan(actor, 'checkpoints:read');
    return (await this.d.stores.checkpoints.list([...actor.scope])).map((r) => this.view(r));
  }

  async get(actor: Actor, id: string): Promise<Checkpoint> {
    assertCan(actor, 'checkpoints:read');
    return this.view(await this.load(actor, id));
  }

  /** The record, after permission-free scope check; for the scan path. */
  async load(actor: Actor, id: string): Promise<CheckpointRecord> {
    const rec = await this.d.stores.checkpoints.get(id);
    if (!rec) throw notFound('checkpoint', id);
    assertInScope(actor, rec.unitId, 'checkpoint');
    return rec;
  }

  async create(actor: Actor, input: CheckpointCreate, ip?: string): Promise<Checkpoint> {
    assertCan(actor, 'checkpoints:write');
    await this.checkUnit(actor, input.unitId);
    await this.checkName(input.unitId, input.name);
    await this.checkConfig(input);
    const now = this.d.clock.now().toISOString();
    const rec: CheckpointRecord = {
      id: newId(),
      name: input.name,
      unitId: input.unitId,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      cameraIds: [...new Set(input.cameraIds)],
      officers: input.officers,
      rules: input.rules,
      declaration: input.declaration,
      national: input.national ? { url: input.national.url, timeoutMs: input.national.timeoutMs, apiKeySealed: input.national.apiKey ? this.d.secrets.seal(input.national.apiKey) : null } : null,
      webhookUrl: input.webhookUrl,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.stores.checkpoints.insert(rec);
    await this.d.audit.record({ actor, action: 'checkpoint.create', targetType: 'checkpoint', targetId: rec.id, unitId: rec.unitId, ip, details: { name: rec.name } });
    return this.view(rec);
  }

  async update(actor: Actor, id: string, patch: CheckpointUpdate, ip?: string): Promise<Checkpoint> {
    assertCan(actor, 'checkpoints:write');
    const rec = await this.load(actor, id);
    if (patch.unitId && patch.unitId !== rec.unitId) await this.checkUnit(actor, patch.unitId);
    if ((patch.name && patch.name !== rec.name) || (patch.unitId && patch.unitId !== rec.unitId)) {
      await this.checkName(patch.unitId ?? rec.unitId, patch.name ?? rec.name, id);
    }
    await this.checkConfig({ declaration: patch.declaration ?? rec.declaration, rules: patch.rules ?? rec.rules });
    const { national, ...rest } = patch;
    const changes: Partial<CheckpointRecord> = { ...rest, updatedAt: this.d.clock.now().toISOString() };
    if (patch.cameraIds) changes.cameraIds = [...new Set(patch.cameraIds)];
    if (national !== undefined) {
      // Leaving apiKey out keeps the stored one, as with camera passwords.
      const keep = national && national.apiKey === undefined ? rec.national?.apiKeySealed ?? null : null;
      changes.national = national
        ? { url: national.url, timeoutMs: national.timeoutMs, apiKeySealed: national.apiKey ? this.d.secrets.seal(national.apiKey) : keep }
        : null;
    }
    await this.d.stores.checkpoints.update(id, changes);
    await this.d.audit.record({ actor, action: 'checkpoint.update', targetType: 'checkpoint', targetId: id, unitId: changes.unitId ?? rec.unitId, ip, details: { changed: Object.keys(patch) } });
    return this.view({ ...rec, ...changes });
  }

  async delete(actor: Actor, id: string, ip?: string): Promise<void> {
    assertCan(actor, 'checkpoints:write');
    const rec = await this.load(actor, id);
    await this.d.stores.checkpoints.delete(id);
    await this.d.audit.record({ actor, action: 'checkpoint.delete', targetType: 'checkpoint', targetId: id, unitId: rec.unitId, ip, details: { name: rec.name } });
  }

  /** The national platform's API key, unsealed for the HTTP adapter. */
  apiKeyOf(rec: CheckpointRecord): string | undefined {
    return rec.national?.apiKeySealed ? this.d.secrets.open(rec.national.apiKeySealed) : undefined;
  }

  /** Rules, issuer keys and hashed list entries, so a station keeps checking when the link drops. */
  async sync(actor: Actor, id: string, ip?: string): Promise<StationSync> {
    assertCan(actor, 'checkpoint:scan');
    const rec = await this.load(actor, id);
    const lists = [];
    for (const listId of rec.rules.listIds) {
      const list = await this.d.stores.lists.getList(listId);
      if (!list) continue;
      const entries = await this.d.stores.lists.entries(list.id, SYNC_LIST_CAP);
      lists.push({ id: list.id, kind: list.kind, name: list.name, salt: list.salt, digest: list.digest, truncated: list.entries > entries.length, entries });
    }
    await this.d.audit.record({ actor, action: 'checkpoint.sync', targetType: 'checkpoint', targetId: id, unitId: rec.unitId, ip, details: { lists: lists.map((l) => ({ id: l.id, entries: l.entries.length })) } });
    const messages = Object.fromEntries(Object.entries(REASON_TEXT).map(([k, t]) => [k, { vi: t.vi, en: t.en }]));
    return {
      checkpoint: this.view(rec),
      generatedAt: this.d.clock.now().toISOString(),
      hash: { algorithm: 'sha256', note: 'entry key = first 32 hex chars of sha256(salt + idNumber)' },
      lists,
      defaultActions: { ...DEFAULT_ACTIONS },
      messages,
    };
  }

  view(r: CheckpointRecord): Checkpoint {
    const { national, ...rest } = r;
    return { ...rest, national: national ? { url: national.url, timeoutMs: national.timeoutMs, hasApiKey: national.apiKeySealed !== null } : null };
  }

  private async checkUnit(actor: Actor, unitId: string): Promise<void> {
    if (!(await this.d.units.get(unitId))) throw invalid('unitId', `unit ${unitId} does not exist`);
    assertInScope(actor, unitId, 'unit');
  }

  private async checkName(unitId: string, name: string, selfId?: string): Promise<void> {
    const clash = (await this.d.stores.checkpoints.list([unitId])).find((c) => c.name === name && c.id !== selfId);
    if (clash) throw conflict('name', `a checkpoint named "${name}" already exists in this unit`);
  }

  private async checkConfig(input: Pick<CheckpointCreate, 'declaration' | 'rules'>): Promise<void> {
    input.declaration.issuers.forEach((iss, i) => {
      try {
        publicKeyOf(iss.publicKey);
      } catch (err) {
        throw invalid(`declaration.issuers.${i}.publicKey`, `not an Ed25519 public key (${(err as Error).message})`);
      }
    });
    for (const [i, listId] of input.rules.listIds.entries()) {
      if (!(await this.d.stores.lists.getList(listId))) throw invalid(`rules.listIds.${i}`, `list ${listId} does not exist`);
    }
  }
}
