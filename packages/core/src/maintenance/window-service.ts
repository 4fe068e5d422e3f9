import type { MaintenanceWindow, WindowCreate } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import { VigilError, notFound } from '../errors';
import type { CameraStore, Clock } from '../ports';
import { newId } from '../util/ids';
import type { WindowRecord, WindowStore } from './ports';

/** Planned maintenance per camera: time excluded from availability. */
export class WindowService {
  constructor(private readonly d: { windows: WindowStore; cameras: CameraStore; audit: AuditService; clock: Clock }) {}

  private async view(rec: WindowRecord): Promise<MaintenanceWindow> {
    return { ...rec, cameraName: (await this.d.cameras.get(rec.cameraId))?.name ?? rec.cameraId };
  }

  async list(actor: Actor, q: { cameraId?: string; from?: string; to?: string }): Promise<MaintenanceWindow[]> {
    assertCan(actor, 'health:read');
    const rows = await this.d.windows.list({ unitIds: [...actor.scope], ...q });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async create(actor: Actor, input: WindowCreate, ip?: string): Promise<MaintenanceWindow> {
    assertCan(actor, 'health:manage');
    const cam = await this.d.cameras.get(input.cameraId);
    if (!cam) throw new VigilError('NOT_FOUND', `camera ${input.cameraId} not found`, 'cameraId');
    assertInScope(actor, cam.unitId, 'camera');
    const rec: WindowRecord = {
      id: newId(),
      cameraId: cam.id,
      unitId: cam.unitId,
      from: new Date(input.from).toISOString(),
      to: new Date(input.to).toISOString(),
      reason: input.reason,
      createdAt: this.d.clock.now().toISOString(),
      createdBy: actor.username,
    };
    await this.d.windows.insert(rec);
    await this.d.audit.record({ actor, action: 'maintenance.window.create', targetType: 'camera', targetId: cam.id, unitId: cam.unitId, ip, details: { windowId: rec.id, from: rec.from, to: rec.to, reason: rec.reason } });
    return this.view(rec);
  }

  async delete(actor: Actor, id: string, ip?: string): Promise<void> {
    assertCan(actor, 'health:manage');
    const rec = await this.d.windows.get(id);
    if (!rec) throw notFound('maintenance window', id);
    assertInScope(actor, rec.unitId, 'maintenance window');
    await this.d.windows.delete(id);
    await this.d.audit.record({ actor, action: 'maintenance.window.delete', targetType: 'camera', targetId: rec.cameraId, unitId: rec.unitId, ip, details: { windowId: id, from: rec.from, to: rec.to } });
  }
}
