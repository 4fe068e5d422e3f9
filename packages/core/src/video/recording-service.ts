import type { Camera, RecordingsResult } from '@vigil/types';
import type { AuditService } from '../audit/audit-service';
import { type Actor, assertCan } from '../auth/permissions';
import type { CameraService } from '../cameras/camera-service';
import { invalid } from '../errors';
import type { CameraStore, Clock } from '../ports';
import type { FileRemover, RecordingStore, SegmentRecord } from './ports';
import { spansOf } from './spans';

export interface RetentionPolicy {
  /** Largest total size of recordings; oldest unheld files go first beyond it. */
  maxBytes: number;
  /** Keep at least this much disk free. */
  minFreeBytes: number;
}

export interface RetentionReport {
  deletedByAge: number;
  deletedByQuota: number;
  bytesFreed: number;
}

/** The largest window one listing may cover. */
const MAX_WINDOW_MS = 31 * 24 * 3600_000;

/** The recording index: what was recorded when, and retention (age per camera, global quota). */
export class RecordingService {
  constructor(
    private readonly d: { store: RecordingStore; cameras: CameraService; cameraStore: CameraStore; audit: AuditService; files: FileRemover; clock: Clock },
  ) {}

  /** Loads a camera the actor may watch, or throws 403/404. */
  async watchable(actor: Actor, cameraId: string): Promise<Camera> {
    assertCan(actor, 'video:view');
    return this.d.cameras.get(actor, cameraId);
  }

  async list(actor: Actor, cameraId: string, from: string, to: string): Promise<RecordingsResult> {
    const { fromMs, toMs } = window(from, to);
    await this.watchable(actor, cameraId);
    const segs = await this.d.store.list(cameraId, fromMs, toMs);
    const { spans, gaps } = spansOf(segs, fromMs, toMs);
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      items: spans.map((s) => ({ id: `${cameraId}:${s.startMs}`, cameraId, start: iso(s.startMs), end: iso(s.endMs), segments: s.segments })),
      gaps: gaps.map((g) => ({ start: iso(g.startMs), end: iso(g.endMs) })),
      segments: segs.map((s) => ({ id: String(s.id), start: iso(s.startMs), end: iso(s.endMs), bytes: s.bytes, url: `/api/recordings/segments/${s.id}/file` })),
    };
  }

  /** Segments for playback; the view itself is audited. */
  async forPlayback(actor: Actor, cameraId: string, from: string, to: string, ip?: string): Promise<SegmentRecord[]> {
    const { fromMs, toMs } = window(from, to);
    const cam = await this.watchable(actor, cameraId);
    const segs = await this.d.store.list(cameraId, fromMs, toMs);
    if (segs.length === 0) throw invalid('from', `no recording of this camera between ${from} and ${to}`);
    await this.d.audit.record({ actor, action: 'video.playback.view', targetType: 'camera', targetId: cameraId, unitId: cam.unitId, ip, details: { from, to } });
    return segs;
  }

  /** The recorded segment holding the moment `at` (no video is served: not audited). */
  async segmentAt(actor: Actor, cameraId: string, at: string): Promise<SegmentRecord> {
    const atMs = Date.parse(at);
    await this.watchable(actor, cameraId);
    const seg = (await this.d.store.list(cameraId, atMs, atMs + 1)).find((s) => s.startMs <= atMs && atMs < s.endMs);
    if (!seg) throw invalid('at', `no recording of this camera at ${at}`);
    return seg;
  }

  async segment(actor: Actor, id: number, ip?: string): Promise<SegmentRecord> {
    const seg = await this.d.store.get(id);
    if (!seg) throw invalid('id', `no recorded segment ${id}`);
    const cam = await this.watchable(actor, seg.cameraId);
    await this.d.audit.record({ actor, action: 'video.segment.view', targetType: 'camera', targetId: seg.cameraId, unitId: cam.unitId, ip, details: { segment: id } });
    return seg;
  }

  /** Deletes expired files per camera, then the oldest unheld ones while over quota. */
  async enforceRetention(policy: RetentionPolicy): Promise<RetentionReport> {
    const now = this.d.clock.now().getTime();
    const report: RetentionReport = { deletedByAge: 0, deletedByQuota: 0, bytesFreed: 0 };
    for (const cameraId of await this.d.store.cameraIds()) {
      const cam = await this.d.cameraStore.get(cameraId);
      const days = cam?.recording.retentionDays ?? 0; // a deleted camera's footage ages out at once
      for (;;) {
        const batch = await this.d.store.expired(cameraId, now - days * 86_400_000, now, 500);
        if (batch.length === 0) break;
        report.bytesFreed += await this.remove(batch);
        report.deletedByAge += batch.length;
        if (batch.length < 500) break;
      }
    }
    for (;;) {
      const over = (await this.d.store.totalBytes()) > policy.maxBytes || (await this.d.files.freeBytes()) < policy.minFreeBytes;
      if (!over) break;
      const batch = await this.d.store.oldestUnheld(now, 20);
      if (batch.length === 0) break;
      report.bytesFreed += await this.remove(batch);
      report.deletedByQuota += batch.length;
    }
    if (report.deletedByAge + report.deletedByQuota > 0) {
      await this.d.audit.record({ actor: null, actorName: 'system', action: 'recording.retention', details: { ...report } });
    }
    return report;
  }

  private async remove(segs: SegmentRecord[]): Promise<number> {
    for (const s of segs) await this.d.files.remove(s.path);
    await this.d.store.delete(segs.map((s) => s.id));
    return segs.reduce((n, s) => n + s.bytes, 0);
  }
}

export function window(from: string, to: string): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (Number.isNaN(fromMs)) throw invalid('from', 'not an ISO 8601 time');
  if (Number.isNaN(toMs)) throw invalid('to', 'not an ISO 8601 time');
  if (fromMs >= toMs) throw invalid('from', 'must be before to');
  if (toMs - fromMs > MAX_WINDOW_MS) throw invalid('to', 'window longer than 31 days');
  return { fromMs, toMs };
}
