import { TICKET_TRANSITIONS, type MaintenanceTicket, type TicketCreate, type TicketNote, type TicketQuery, type TicketStatus, type TicketUpdate } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, conflict, invalid, notFound } from '../errors';
import type { CameraRecord, CameraStore, Clock } from '../ports';
import { newId, sha256 } from '../util/ids';
import type { HealthHistory, PhotoRecord, TicketRecord, TicketStore } from './ports';

/** Where photo bytes are kept (the server puts them under dataDir/maintenance). */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export interface TicketDeps {
  tickets: TicketStore;
  cameras: CameraStore;
  history: HealthHistory;
  blobs: BlobStore;
  audit: AuditService;
  clock: Clock;
}

/** Image types a repair photo may have, recognised by their first bytes rather than the client's word. */
function imageType(data: Buffer): { mime: string; ext: string } | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  return null;
}

/** Repair tickets: open -> in_progress -> fixed -> verified, every move audited; verification is automatic once the camera stays online. */
export class TicketService {
  constructor(private readonly d: TicketDeps) {}

  private async camera(actor: Actor, id: string, field = 'cameraId'): Promise<CameraRecord> {
    const cam = await this.d.cameras.get(id);
    if (!cam) throw new VigilError('NOT_FOUND', `camera ${id} not found`, field);
    assertInScope(actor, cam.unitId, 'camera');
    return cam;
  }

  private async load(actor: Actor, id: string): Promise<TicketRecord> {
    const rec = await this.d.tickets.get(id);
    if (!rec) throw notFound('ticket', id);
    assertInScope(actor, rec.unitId, 'ticket');
    return rec;
  }

  private async view(rec: TicketRecord, names?: Map<string, string>): Promise<MaintenanceTicket> {
    const cameraName = names?.get(rec.cameraId) ?? (await this.d.cameras.get(rec.cameraId))?.name ?? rec.cameraId;
    const photos = (await this.d.tickets.photos(rec.id)).map(({ ticketId: _t, path: _p, ...p }) => p);
    return { ...rec, cameraName, notes: await this.d.tickets.notes(rec.id), photos };
  }

  async list(actor: Actor, q: TicketQuery): Promise<{ items: MaintenanceTicket[]; total: number }> {
    assertCan(actor, 'health:read');
    await this.verifyDue();
    const { rows, total } = await this.d.tickets.list({
      unitIds: [...actor.scope],
      status: q.status,
      open: q.open === undefined ? undefined : q.open === 'true',
      cameraId: q.cameraId,
      alertId: q.alertId,
      assignee: q.assignee,
      limit: q.limit,
      offset: q.offset,
    });
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.cameraId))) names.set(id, (await this.d.cameras.get(id))?.name ?? id);
    return { items: await Promise.all(rows.map((r) => this.view(r, names))), total };
  }

  async get(actor: Actor, id: string): Promise<MaintenanceTicket> {
    assertCan(actor, 'health:read');
    let rec = await this.load(actor, id);
    // Evaluated on read too, so a ticket never shows "fixed" once its verification time has passed.
    if (rec.status === 'fixed' && (await this.verifyOne(rec))) rec = (await this.d.tickets.get(id))!;
    return this.view(rec);
  }

  async create(actor: Actor, input: TicketCreate, ip?: string): Promise<MaintenanceTicket> {
    assertCan(actor, 'health:manage');
    const cam = await this.camera(actor, input.cameraId);
    if (input.alertId) {
      const alert = await this.d.history.alert(input.alertId);
      if (!alert) throw new VigilError('NOT_FOUND', `alert ${input.alertId} not found`, 'alertId');
      if (alert.cameraId !== cam.id) throw invalid('alertId', 'the alert belongs to another camera');
      const open = await this.d.tickets.list({ unitIds: [cam.unitId], alertId: alert.id, open: true, limit: 1, offset: 0 });
      if (open.rows[0]) throw conflict('alertId', `the alert already has open ticket ${open.rows[0].id}`);
    }
    const now = this.d.clock.now().toISOString();
    const rec: TicketRecord = {
      id: newId(),
      cameraId: cam.id,
      unitId: cam.unitId,
      alertId: input.alertId ?? null,
      assignee: input.assignee,
      contractor: input.contractor || null,
      status: 'open',
      verifyAfterMin: input.verifyAfterMin,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
      fixedAt: null,
      verifiedAt: null,
    };
    await this.d.tickets.insert(rec);
    if (input.note) await this.d.tickets.addNote(rec.id, { at: now, by: actor.username, kind: 'note', text: input.note });
    await this.d.audit.record({ actor, action: 'maintenance.ticket.create', targetType: 'ticket', targetId: rec.id, unitId: rec.unitId, ip, details: { cameraId: rec.cameraId, alertId: rec.alertId, assignee: rec.assignee, contractor: rec.contractor } });
    return this.view(rec);
  }

  async update(actor: Actor, id: string, input: TicketUpdate, ip?: string): Promise<MaintenanceTicket> {
    assertCan(actor, 'health:manage');
    const rec = await this.load(actor, id);
    const now = this.d.clock.now().toISOString();
    const patch: Partial<TicketRecord> = { updatedAt: now };
    if (input.assignee !== undefined) patch.assignee = input.assignee;
    if (input.contractor !== undefined) patch.contractor = input.contractor || null;
    if (input.verifyAfterMin !== undefined) patch.verifyAfterMin = input.verifyAfterMin;
    const to = input.status;
    if (to !== undefined && to !== rec.status) {
      if (!TICKET_TRANSITIONS[rec.status].includes(to)) {
        throw conflict('status', `a ${rec.status} ticket cannot become ${to} (allowed: ${TICKET_TRANSITIONS[rec.status].join(', ') || 'none'})`);
      }
      patch.status = to;
      if (to === 'fixed') patch.fixedAt = now;
      if (to === 'in_progress') patch.fixedAt = null;
      if (to === 'verified') patch.verifiedAt = now;
    } else if (rec.status === 'verified' && Object.keys(patch).length > 1) {
      throw conflict('status', 'a verified ticket is closed');
    }
    if (!(await this.d.tickets.update(id, rec.status, patch))) throw conflict('status', 'the ticket changed meanwhile; reload it');
    if (patch.status) await this.d.tickets.addNote(id, { at: now, by: actor.username, kind: 'status', text: `${rec.status} -> ${patch.status}${input.note ? `: ${input.note}` : ''}` });
    else if (input.note) await this.d.tickets.addNote(id, { at: now, by: actor.username, kind: 'note', text: input.note });
    const { updatedAt: _u, ...changed } = patch;
    await this.d.audit.record({ actor, action: patch.status ? 'maintenance.ticket.status' : 'maintenance.ticket.update', targetType: 'ticket', targetId: id, unitId: rec.unitId, ip, details: { from: rec.status, ...changed } });
    return this.view((await this.d.tickets.get(id))!);
  }

  async addNote(actor: Actor, id: string, text: string, ip?: string): Promise<MaintenanceTicket> {
    assertCan(actor, 'health:manage');
    const rec = await this.load(actor, id);
    const now = this.d.clock.now().toISOString();
    await this.d.tickets.addNote(id, { at: now, by: actor.username, kind: 'note', text });
    await this.d.audit.record({ actor, action: 'maintenance.ticket.note', targetType: 'ticket', targetId: id, unitId: rec.unitId, ip, details: { length: text.length } });
    return this.view(rec);
  }

  async addPhoto(actor: Actor, id: string, file: { name: string; data: Buffer }, ip?: string): Promise<MaintenanceTicket> {
    assertCan(actor, 'health:manage');
    const rec = await this.load(actor, id);
    const type = imageType(file.data);
    if (!type) throw invalid('file', 'must be a JPEG or PNG image');
    const now = this.d.clock.now().toISOString();
    const photoId = newId();
    const digest = sha256(file.data);
    const path = `${rec.id}/${photoId}.${type.ext}`;
    await this.d.blobs.put(path, file.data);
    const photo: PhotoRecord = { id: photoId, ticketId: id, name: file.name.slice(0, 200), mime: type.mime, size: file.data.length, sha256: digest, at: now, by: actor.username, path };
    await this.d.tickets.addPhoto(photo);
    await this.d.tickets.addNote(id, { at: now, by: actor.username, kind: 'photo', text: `${photo.name} (sha256 ${digest.slice(0, 16)}…)` });
    await this.d.audit.record({ actor, action: 'maintenance.ticket.photo', targetType: 'ticket', targetId: id, unitId: rec.unitId, ip, details: { photoId, sha256: digest, size: photo.size } });
    return this.view(rec);
  }

  async photoFile(actor: Actor, id: string, photoId: string): Promise<{ rec: PhotoRecord; data: Buffer }> {
    assertCan(actor, 'health:read');
    await this.load(actor, id);
    const rec = await this.d.tickets.photo(id, photoId);
    if (!rec) throw notFound('photo', photoId);
    return { rec, data: await this.d.blobs.get(rec.path) };
  }

  /** Verifies every fixed ticket whose camera has stayed online long enough; returns how many. */
  async verifyDue(): Promise<number> {
    let n = 0;
    for (const rec of await this.d.tickets.fixed()) if (await this.verifyOne(rec)) n++;
    return n;
  }

  private async verifyOne(rec: TicketRecord): Promise<boolean> {
    if (rec.status !== 'fixed' || !rec.fixedAt) return false;
    const cur = await this.d.history.current(rec.cameraId);
    if (!cur || cur.state !== 'online') return false;
    const healthySince = Math.max(cur.startMs, Date.parse(rec.fixedAt));
    const verifiedMs = healthySince + rec.verifyAfterMin * 60_000;
    const nowMs = this.d.clock.now().getTime();
    if (verifiedMs > nowMs) return false;
    const at = new Date(verifiedMs).toISOString();
    const status: TicketStatus = 'verified';
    if (!(await this.d.tickets.update(rec.id, 'fixed', { status, verifiedAt: at, updatedAt: new Date(nowMs).toISOString() }))) return false;
    const text = `fixed -> verified: online since ${new Date(cur.startMs).toISOString()} for ${rec.verifyAfterMin} min`;
    await this.d.tickets.addNote(rec.id, { at, by: 'system', kind: 'system', text } satisfies TicketNote);
    await this.d.audit.record({ actor: null, actorName: 'system', action: 'maintenance.ticket.verify', targetType: 'ticket', targetId: rec.id, unitId: rec.unitId, details: { cameraId: rec.cameraId, onlineSince: new Date(cur.startMs).toISOString(), verifiedAt: at } });
    return true;
  }
}
