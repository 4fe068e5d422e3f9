import { EventEmitter } from 'node:events';
import { HealthTracker, healthReason, newId, type HealthAlertRecord, type HealthStore, type HealthTransition } from '@vigil/core';
import { KeyframeSampler } from '@vigil/media';
import { HealthSettings, type CameraHealth, type HealthReason, type HealthState } from '@vigil/types';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';
import { fileRemover, type VideoManager } from '../video/video-manager';
import type { HealthEvent, HealthNotifier } from './notifier';

interface Watched {
  tracker: HealthTracker;
  sampler: KeyframeSampler;
  unsubscribe: () => void;
  samples: { at: number; px: Uint8Array }[];
  unitId: string;
  name: string;
  generation: number;
}

/** A resolved alert that recurs within this window is reopened, not duplicated (flapping). */
const FLAP_WINDOW_MS = 120_000;
const SAMPLE = { width: 96, height: 54 };

/**
 * Watches every running camera once a second: ingest state, data age, frame rate, bitrate, and
 * keyframes decoded small; turns them into states with hysteresis, logs state periods, opens one
 * alert per incident (reopening it when the camera flaps), pushes events to the UI and notifiers.
 */
export class HealthMonitor {
  readonly events = new EventEmitter();
  private watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private diskFull: HealthReason | null = null;
  private lastDiskCheck = 0;

  constructor(
    private readonly ctx: VigilContext,
    private readonly manager: VideoManager,
    private readonly store: HealthStore,
    private readonly notifier: HealthNotifier,
    private readonly log: FastifyBaseLogger,
    private readonly tickMs = 1000,
  ) {
    this.events.setMaxListeners(1000);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const w of this.watched.values()) {
      w.unsubscribe();
      await w.sampler.close();
    }
    this.watched.clear();
  }

  /** The current health of one camera as the API shows it. */
  async health(cameraId: string, enabled: boolean): Promise<CameraHealth> {
    const w = this.watched.get(cameraId);
    const stats = this.manager.hub(cameraId)?.stats();
    const active = (await this.store.activeAlerts(cameraId))[0];
    const status: HealthState = !enabled ? 'disabled' : (w?.tracker.state ?? 'unknown');
    return {
      cameraId,
      status,
      since: new Date(w?.tracker.stateSince || Date.now()).toISOString(),
      fps: stats?.fps ?? 0,
      bitrateKbps: stats?.bitrateKbps ?? 0,
      lastFrameAt: stats?.lastDataAt ? new Date(stats.lastDataAt).toISOString() : null,
      reasons: w?.tracker.reasons ?? [],
      reasonCodes: w?.tracker.reasonCodes ?? [],
      alertId: active?.id ?? null,
    };
  }

  /** Applies new thresholds to a watched camera at once. */
  applySettings(cameraId: string, s: HealthSettings): void {
    const w = this.watched.get(cameraId);
    if (w) w.tracker.settings = s;
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.reconcile();
      await this.checkDisk(now);
      for (const [id, w] of this.watched) {
        const status = this.manager.status(id);
        const stats = this.manager.hub(id)?.stats(now);
        if (!status || !stats) continue;
        const recErr = this.manager.recordingErrors.get(id);
        const samples = w.samples;
        w.samples = [];
        const t = w.tracker.update({
          now,
          ingest: status.state === 'stopped' ? 'offline' : status.state,
          ingestSince: status.since,
          lastDataAt: stats.lastDataAt,
          fps: stats.fps,
          bitrateKbps: stats.bitrateKbps,
          samples,
          sampleSize: SAMPLE,
          recordingError: this.diskFull ?? (recErr && now - recErr.at < 30_000 ? recErr.message : null),
          mediaRate: stats.mediaRate,
        });
        if (t) await this.onTransition(id, w, t, now);
        else if (w.tracker.state === 'online') await this.maybeResolve(id, w, now);
      }
    } catch (err) {
      this.log.error({ err }, 'health tick failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Starts watching new pipelines, stops watching removed ones. */
  private async reconcile(): Promise<void> {
    const running = new Set(this.manager.cameraIds());
    for (const [id, w] of this.watched) {
      if (running.has(id)) continue;
      w.unsubscribe();
      await w.sampler.close();
      this.watched.delete(id);
    }
    for (const id of running) {
      const hub = this.manager.hub(id);
      const existing = this.watched.get(id);
      if (existing && existing.generation === hub?.stats().generation) continue;
      if (existing || !hub) continue;
      const cam = await this.ctx.stores.cameras.get(id);
      if (!cam) continue;
      const settings = (await this.store.settings(id)) ?? HealthSettings.parse({});
      if (!settings.enabled) continue;
      const w: Watched = {
        tracker: new HealthTracker(settings),
        sampler: null as unknown as KeyframeSampler,
        unsubscribe: () => undefined,
        samples: [],
        unitId: cam.unitId,
        name: cam.name,
        generation: hub.stats().generation,
      };
      w.sampler = new KeyframeSampler({ ...SAMPLE, onSample: (px, at) => w.samples.push({ px, at }), onError: (err) => this.log.debug({ err: err.message, cameraId: id }, 'sampler') });
      w.unsubscribe = hub.subscribe(w.sampler);
      this.watched.set(id, w);
    }
  }

  private async checkDisk(now: number): Promise<void> {
    if (now - this.lastDiskCheck < 10_000) return;
    this.lastDiskCheck = now;
    const free = await fileRemover(this.manager.recordRoot).freeBytes();
    const min = this.ctx.config.video.minFreeGb * 1024 ** 3;
    this.diskFull = typeof free === 'number' && free < min / 2 ? healthReason('disk_almost_full', { freeGb: Number((free / 1024 ** 3).toFixed(1)) }) : null;
  }

  private async onTransition(id: string, w: Watched, t: HealthTransition, now: number): Promise<void> {
    await this.store.logState({ cameraId: id, unitId: w.unitId, state: t.to, atMs: t.since });
    await this.ctx.stores.cameras.update(id, { status: t.to === 'unknown' ? 'unknown' : t.to });
    const since = new Date(t.since).toISOString();
    this.emit({ type: 'health', cameraId: id, status: t.to, since, reasons: t.reasons, reasonCodes: t.reasonCodes });
    if (t.to === 'online' || t.to === 'unknown') return;
    const active = await this.store.activeAlerts(id);
    if (active.some((a) => a.kind === t.to)) return;
    const message = `${w.name}: ${t.reasons.join('; ') || t.to}`;
    const reasonCodes = t.reasonCodes;
    const recent = await this.store.recentResolved(id, t.to, new Date(now - FLAP_WINDOW_MS).toISOString());
    let alert: HealthAlertRecord;
    if (recent) {
      alert = { ...recent, status: 'open', resolvedAt: null, resolvedBy: null, flaps: recent.flaps + 1, message, reasonCodes };
      await this.store.updateAlert(recent.id, { status: 'open', resolvedAt: null, resolvedBy: null, flaps: alert.flaps, message, reasonCodes });
    } else {
      alert = {
        id: newId(), cameraId: id, unitId: w.unitId, kind: t.to, status: 'open', openedAt: new Date(now).toISOString(), stateSince: since,
        detectedAfterMs: Math.max(0, now - t.since), acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, flaps: 0, message, reasonCodes,
      };
      await this.store.insertAlert(alert);
      await this.ctx.audit.record({ actor: null, actorName: 'health-monitor', action: 'health.alert.open', targetType: 'camera', targetId: id, unitId: w.unitId, details: { alertId: alert.id, kind: t.to, reasons: t.reasons } });
    }
    this.emit({ type: 'alert', alert: { ...alert, cameraName: w.name } });
  }

  /** Healthy long enough: every active alert of the camera closes by itself. */
  private async maybeResolve(id: string, w: Watched, now: number): Promise<void> {
    if (now - w.tracker.stateSince < w.tracker.settings.clearAfterSec * 1000) return;
    for (const a of await this.store.activeAlerts(id)) {
      const resolvedAt = new Date(now).toISOString();
      await this.store.updateAlert(a.id, { status: 'resolved', resolvedAt, resolvedBy: 'auto' });
      this.emit({ type: 'alert', alert: { ...a, status: 'resolved', resolvedAt, resolvedBy: 'auto', cameraName: w.name } });
    }
  }

  emit(e: HealthEvent): void {
    this.events.emit('event', e);
    this.notifier.send(e);
  }
}
