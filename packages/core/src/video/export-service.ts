import { join } from 'node:path';
import type { ExportCreate, ExportView } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import type { CameraService } from '../cameras/camera-service';
import { invalid, notFound } from '../errors';
import type { Clock } from '../ports';
import { newId } from '../util/ids';
import type { ClipCutter, ExportRecord, ExportStore, RecordingStore } from './ports';
import { window } from './recording-service';
import { spansOf } from './spans';

/** Longest clip one export may cut. */
const MAX_CLIP_MS = 2 * 3600_000;

/** Evidence export: clips and stills with SHA-256, requester and reason; their footage is held from retention. */
export class ExportService {
  constructor(
    private readonly d: { store: ExportStore; recordings: RecordingStore; cameras: CameraService; cutter: ClipCutter; audit: AuditService; clock: Clock; dir: string },
  ) {}

  async create(actor: Actor, input: ExportCreate, ip?: string): Promise<ExportView> {
    assertCan(actor, 'video:export');
    const { fromMs, toMs } = window(input.from, input.to);
    if (toMs - fromMs > MAX_CLIP_MS) throw invalid('to', 'a clip may be at most 2 hours long');
    const cam = await this.d.cameras.get(actor, input.cameraId);
    const segs = await this.d.recordings.list(cam.id, fromMs, toMs);
    if (segs.length === 0) throw invalid('from', `nothing was recorded by this camera between ${input.from} and ${input.to}`);
    const id = newId();
    const ext = input.kind === 'still' ? 'jpg' : 'mp4';
    const file = join(this.d.dir, `${id}.${ext}`);
    let result: { bytes: number; sha256: string };
    if (input.kind === 'still') {
      const seg = segs.find((s) => s.startMs <= fromMs && s.endMs > fromMs);
      if (!seg) throw invalid('from', 'no recorded picture at that moment');
      result = await this.d.cutter.still({ segment: seg, atMs: fromMs, out: file });
    } else {
      result = await this.d.cutter.clip({ segments: segs, fromMs, toMs, out: file });
    }
    const iso = (ms: number) => new Date(ms).toISOString();
    const rec: ExportRecord = {
      id,
      cameraId: cam.id,
      unitId: cam.unitId,
      kind: input.kind,
      fromMs,
      toMs: input.kind === 'still' ? fromMs : toMs,
      reason: input.reason,
      requestedBy: actor.id,
      requestedByName: actor.username,
      file,
      sha256: result.sha256,
      bytes: result.bytes,
      gaps: spansOf(segs, fromMs, toMs).gaps.map((g) => ({ start: iso(g.startMs), end: iso(g.endMs) })),
      createdAt: this.d.clock.now().toISOString(),
    };
    await this.d.store.insert(rec);
    await this.d.recordings.addHold({ id: newId(), cameraId: cam.id, fromMs, toMs, reason: `export: ${input.reason}`, ref: `export:${id}`, untilMs: null, createdAt: rec.createdAt });
    await this.d.audit.record({ actor, action: 'export.create', targetType: 'export', targetId: id, unitId: cam.unitId, ip, details: { cameraId: cam.id, kind: input.kind, from: input.from, to: input.to, reason: input.reason, sha256: rec.sha256 } });
    return this.view(rec, cam.name);
  }

  async list(actor: Actor, q: { cameraId?: string; limit: number; offset: number }) {
    assertCan(actor, 'video:view');
    const { rows, total } = await this.d.store.list({ unitIds: [...actor.scope], cameraId: q.cameraId, limit: q.limit, offset: q.offset });
    const items: ExportView[] = [];
    for (const r of rows) items.push(this.view(r, await this.cameraName(actor, r.cameraId)));
    return { items, total };
  }

  async get(actor: Actor, id: string): Promise<{ record: ExportRecord; view: ExportView }> {
    assertCan(actor, 'video:view');
    const rec = await this.d.store.get(id);
    if (!rec) throw notFound('export', id);
    assertInScope(actor, rec.unitId, 'export');
    return { record: rec, view: this.view(rec, await this.cameraName(actor, rec.cameraId)) };
  }

  /** The file of an export; every download is audited. */
  async download(actor: Actor, id: string, ip?: string): Promise<ExportRecord> {
    const { record } = await this.get(actor, id);
    await this.d.audit.record({ actor, action: 'export.download', targetType: 'export', targetId: id, unitId: record.unitId, ip, details: { sha256: record.sha256 } });
    return record;
  }

  private async cameraName(actor: Actor, cameraId: string): Promise<string> {
    try {
      return (await this.d.cameras.get(actor, cameraId)).name;
    } catch (err) {
      // A deleted camera keeps its exports: show its id instead of a name.
      if ((err as { code?: string }).code === 'NOT_FOUND') return cameraId;
      throw err;
    }
  }

  private view(r: ExportRecord, cameraName: string): ExportView {
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      id: r.id, cameraId: r.cameraId, cameraName, unitId: r.unitId, kind: r.kind, from: iso(r.fromMs), to: iso(r.toMs), reason: r.reason,
      requestedBy: r.requestedByName, sha256: r.sha256, bytes: r.bytes, gaps: r.gaps, createdAt: r.createdAt,
      fileUrl: `/api/exports/${r.id}/file`, custodyUrl: `/api/exports/${r.id}/custody`,
    };
  }
}
