import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportService } from '@vigil/core';
import { cutClip, stillFromSegment } from '@vigil/media';
import { SqlExportStore, type EventRecord } from '@vigil/storage';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';
import type { CaseServices } from '../cases/services';

/** Slack after the clip's end before cutting: the segment holding it must be closed and indexed. */
const SETTLE_MS = 3000;

/**
 * The clip of a violation event, cut through the evidence export service (SHA-256, hold against
 * retention, audited) once the span is recorded, and attached to the case as a file. Best effort:
 * when the camera is not recorded the case keeps the clip as a reference to the recording span.
 */
export class ClipEvidence {
  private exports: ExportService | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly ctx: VigilContext,
    private readonly services: () => CaseServices,
    private readonly log: FastifyBaseLogger,
  ) {}

  schedule(e: EventRecord, caseId: string): void {
    if (!this.ctx.video) return;
    const wait = Math.max(0, Date.parse(e.clip.to) + this.ctx.config.video.segmentSeconds * 1000 + SETTLE_MS - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attach(e, caseId).catch((err: Error) => this.log.warn({ err: err.message, eventId: e.id, caseId }, 'event clip not exported; the case keeps the recording reference'));
    }, wait);
    timer.unref();
    this.timers.add(timer);
  }

  async attach(e: EventRecord, caseId: string): Promise<void> {
    const video = this.ctx.video;
    if (!video) return;
    this.exports ??= new ExportService({
      store: new SqlExportStore(this.ctx.db),
      recordings: video.recordingStore,
      cameras: this.ctx.cameras,
      audit: this.ctx.audit,
      clock: this.ctx.clock,
      dir: join(this.ctx.dataDir, 'exports'),
      cutter: { clip: (o) => cutClip({ segments: o.segments, fromMs: o.fromMs, toMs: o.toMs, out: o.out }), still: (o) => stillFromSegment(o.segment, o.atMs, o.out) },
    });
    const actor = await this.ctx.system();
    const view = await this.exports.create(actor, { cameraId: e.cameraId, from: e.clip.from, to: e.clip.to, kind: 'clip', reason: `Bằng chứng vi phạm: ${e.ruleName} (sự kiện ${e.id})` });
    const { record } = await this.exports.get(actor, view.id);
    await this.services().evidence.addFile(actor, caseId, { kind: 'clip', fileName: `su-kien-${e.id}.mp4`, mime: 'video/mp4', data: await readFile(record.file), capturedAt: e.clip.from, cameraId: e.cameraId });
    this.log.info({ eventId: e.id, caseId, exportId: view.id }, 'event clip attached to its case');
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
