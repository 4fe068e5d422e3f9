import type { FootageDecision, FootageRequest, FootageRequestCreate, Incident, IncidentCreate, IncidentQuery, IncidentUpdate } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, conflict, invalid, notFound } from '../errors';
import type { CameraStore, Clock, UnitStore } from '../ports';
import { subtreeOf } from '../units/unit-service';
import { newId } from '../util/ids';
import type { FootageRequestStore, IncidentRecord, IncidentStore } from './ports';

export interface IncidentServiceDeps {
  incidents: IncidentStore;
  requests: FootageRequestStore;
  units: UnitStore;
  cameras: CameraStore;
  audit: AuditService;
  clock: Clock;
}

/** Which decision moves a footage request from which state. */
const DECISIONS: Record<FootageDecision['decision'], { from: FootageRequest['status']; to: FootageRequest['status'] }> = {
  approve: { from: 'pending', to: 'approved' },
  reject: { from: 'pending', to: 'rejected' },
  fulfil: { from: 'approved', to: 'fulfilled' },
};

/** The incident log (theft, racing, accidents, ...) and residents' requests to check footage. */
export class IncidentService {
  constructor(private readonly d: IncidentServiceDeps) {}

  async list(actor: Actor, q: IncidentQuery): Promise<{ items: Incident[]; total: number }> {
    assertCan(actor, 'incidents:read');
    const units = await this.d.units.all();
    let unitIds: string[] | undefined = actor.global ? undefined : [...actor.scope];
    if (q.unitId) {
      assertInScope(actor, q.unitId, 'unit');
      unitIds = [...subtreeOf(units, q.unitId)];
    }
    const { rows, total } = await this.d.incidents.list({ ...q, unitIds });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return { items: rows.map((r) => view(r, names)), total };
  }

  async get(actor: Actor, id: string): Promise<Incident> {
    assertCan(actor, 'incidents:read');
    return view(await this.load(actor, id), await this.names());
  }

  async create(actor: Actor, input: IncidentCreate, ip?: string): Promise<Incident> {
    assertCan(actor, 'incidents:write');
    await this.checkUnit(actor, input.unitId);
    await this.checkCameras(actor, input.cameraIds);
    const now = this.d.clock.now().toISOString();
    const rec: IncidentRecord = { id: newId(), ...input, status: 'open', outcome: '', createdBy: actor.username, createdAt: now, updatedAt: now };
    await this.d.incidents.insert(rec);
    await this.d.audit.record({ actor, action: 'incident.create', targetType: 'incident', targetId: rec.id, unitId: rec.unitId, ip, details: { type: rec.type, title: rec.title } });
    return view(rec, await this.names());
  }

  async update(actor: Actor, id: string, patch: IncidentUpdate, ip?: string): Promise<Incident> {
    assertCan(actor, 'incidents:write');
    const rec = await this.load(actor, id);
    if (patch.unitId && patch.unitId !== rec.unitId) await this.checkUnit(actor, patch.unitId);
    if (patch.cameraIds) await this.checkCameras(actor, patch.cameraIds);
    if ((patch.status === 'resolved' || patch.status === 'closed') && !(patch.outcome ?? rec.outcome)) {
      throw invalid('outcome', 'record the outcome before resolving or closing an incident');
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<IncidentRecord>;
    changes.updatedAt = this.d.clock.now().toISOString();
    await this.d.incidents.update(id, changes);
    await this.d.audit.record({ actor, action: 'incident.update', targetType: 'incident', targetId: id, unitId: rec.unitId, ip, details: { changed: Object.keys(patch), status: patch.status } });
    return view({ ...rec, ...changes }, await this.names());
  }

  async requestFootage(actor: Actor, input: FootageRequestCreate, ip?: string): Promise<FootageRequest> {
    assertCan(actor, 'incidents:write');
    await this.checkUnit(actor, input.unitId);
    if (Date.parse(input.to) <= Date.parse(input.from)) throw invalid('to', 'must be after from');
    if (input.cameraId) await this.checkCameras(actor, [input.cameraId]);
    if (input.incidentId) await this.load(actor, input.incidentId);
    const rec: FootageRequest = { id: newId(), ...input, status: 'pending', decidedBy: null, decidedAt: null, decisionNote: '', exportId: null, createdAt: this.d.clock.now().toISOString() };
    await this.d.requests.insert(rec);
    await this.d.audit.record({ actor, action: 'footage.request', targetType: 'footage_request', targetId: rec.id, unitId: rec.unitId, ip, details: { requester: rec.requesterName, cameraId: rec.cameraId, from: rec.from, to: rec.to } });
    return rec;
  }

  /** Approve or reject (officers only, so the requester's own operator cannot approve), then fulfil. */
  async decide(actor: Actor, id: string, body: FootageDecision, ip?: string): Promise<FootageRequest> {
    assertCan(actor, body.decision === 'fulfil' ? 'video:export' : 'cases:review');
    const rec = await this.d.requests.get(id);
    if (!rec) throw notFound('footage request', id);
    assertInScope(actor, rec.unitId, 'footage request');
    const step = DECISIONS[body.decision];
    if (rec.status !== step.from) throw conflict('decision', `cannot ${body.decision} a request that is ${rec.status}`);
    if (body.decision === 'reject' && !body.note) throw invalid('note', 'say why the request is refused');
    const patch: Partial<FootageRequest> = body.decision === 'fulfil'
      ? { status: step.to, exportId: body.exportId ?? null, decisionNote: body.note || rec.decisionNote }
      : { status: step.to, decidedBy: actor.username, decidedAt: this.d.clock.now().toISOString(), decisionNote: body.note };
    if (!(await this.d.requests.update(id, rec.status, patch))) throw new VigilError('CONFLICT', 'request changed meanwhile; reload', 'id');
    await this.d.audit.record({ actor, action: `footage.${body.decision}`, targetType: 'footage_request', targetId: id, unitId: rec.unitId, ip, details: { note: body.note, exportId: body.exportId } });
    return { ...rec, ...patch };
  }

  async requests(actor: Actor, limit: number, offset: number): Promise<{ items: FootageRequest[]; total: number }> {
    assertCan(actor, 'incidents:read');
    const { rows, total } = await this.d.requests.list(actor.global ? undefined : [...actor.scope], limit, offset);
    return { items: rows, total };
  }

  private async load(actor: Actor, id: string): Promise<IncidentRecord> {
    const rec = await this.d.incidents.get(id);
    if (!rec) throw notFound('incident', id);
    assertInScope(actor, rec.unitId, 'incident');
    return rec;
  }

  private async checkUnit(actor: Actor, unitId: string): Promise<void> {
    if (!(await this.d.units.get(unitId))) throw invalid('unitId', `unknown unit ${unitId}`);
    assertInScope(actor, unitId, 'unit');
  }

  private async checkCameras(actor: Actor, ids: readonly string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      const cam = await this.d.cameras.get(id);
      if (!cam) throw invalid(`cameraIds.${i}`, `unknown camera ${id}`);
      assertInScope(actor, cam.unitId, 'camera');
    }
  }

  private async names(): Promise<Map<string, string>> {
    return new Map((await this.d.units.all()).map((u) => [u.id, u.name]));
  }
}

function view(r: IncidentRecord, names: Map<string, string>): Incident {
  const { createdBy: _c, ...rest } = r;
  return { ...rest, unitName: names.get(r.unitId) ?? r.unitId };
}
