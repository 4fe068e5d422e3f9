import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AnalysisPool, encodeJpeg, FrameSampler, type DetectorSpec, type HitWithFrame } from '@vigil/analytics';
import { createHash, randomUUID as newId } from 'node:crypto';
import type { SqlAnalyticsStore, EventRecord } from '@vigil/storage';
import type { CameraRules, SignalPhase } from '@vigil/types';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';
import { watchlistOf } from '../routes/watchlist-routes';
import { EventDelivery } from './delivery';
import { PlatePool } from './plates/plate-pool';
import type { VotedPlate } from './plates/protocol';
import { ViolationCases } from './violation-cases';

/** Called with every plate read on an event (the watch list hooks in here: `ctx.analytics?.watchPlates(fn)`). */
export type PlateWatcher = (plate: VotedPlate, event: EventRecord) => Promise<unknown> | unknown;

const W = 640;
const H = 360;

/**
 * Analytics at run time: one frame sampler per camera that has rules (decoding its hub), one
 * analysis worker thread for all of them, and the sink that stores hits as events with a snapshot
 * and pushes them to live listeners.
 */
export class AnalyticsRuntime {
  readonly pool: AnalysisPool;
  private readonly samplers = new Map<string, { sampler: FrameSampler; unsubscribe: () => void; key: string }>();
  private readonly listeners = new Set<(e: EventRecord) => void>();
  private timer: NodeJS.Timeout | null = null;
  private readonly units = new Map<string, string>();
  private readonly configs = new Map<string, CameraRules>();
  private readonly plateWatchers = new Set<PlateWatcher>();
  readonly plates: PlatePool;
  readonly delivery: EventDelivery;
  private readonly cases: ViolationCases;
  eventsStored = 0;
  casesOpened = 0;

  constructor(
    private readonly ctx: VigilContext,
    private readonly store: SqlAnalyticsStore,
    private readonly log: FastifyBaseLogger,
  ) {
    this.pool = new AnalysisPool({
      onHits: (cameraId, hits) => void this.onHits(cameraId, hits).catch((err: Error) => this.log.error({ err: err.message, cameraId }, 'analytics event not stored')),
      onLog: (level, msg) => this.log[level](msg),
    });
    this.plates = new PlatePool({ onLog: (level, msg) => this.log[level](msg), timeoutMs: 8000 });
    this.delivery = new EventDelivery(ctx, log);
    this.cases = new ViolationCases(ctx, store, log);
    // Every plate read on an event is checked against the watch list (a hit is stored, audited, alerted there).
    this.watchPlates((p, e) => watchlistOf(ctx).checkPlate(p.text, { unitId: e.unitId, cameraId: e.cameraId, at: e.at, confidence: p.confidence }));
  }

  /** Attaches cameras that have rules and a live hub; re-checks every few seconds (hubs come and go). */
  start(): void {
    const tick = () => void this.sync().catch((err: Error) => this.log.warn({ err: err.message }, 'analytics sync failed'));
    tick();
    this.timer = setInterval(tick, 5000);
  }

  async sync(): Promise<void> {
    const manager = this.ctx.video?.manager;
    const all = await this.store.allRules();
    const wanted = new Map(all.filter((r) => r.config.rules.some((x) => x.enabled)).map((r) => [r.cameraId, r.config]));
    for (const [id, cfg] of wanted) this.configs.set(id, cfg);
    await this.delivery.refresh();
    for (const [id, s] of this.samplers) {
      const cfg = wanted.get(id);
      if (!cfg || !manager?.hub(id) || s.key !== JSON.stringify(cfg)) await this.detach(id);
    }
    for (const [id, cfg] of wanted) {
      if (this.samplers.has(id)) continue;
      const hub = manager?.hub(id);
      if (!hub) continue;
      const cam = await this.ctx.stores.cameras.get(id);
      if (!cam) continue;
      this.units.set(id, cam.unitId);
      this.pool.configure({ cameraId: id, config: cfg, width: W, height: H, detector: detectorFor(cam.mainUrl) });
      const sampler = new FrameSampler({ fps: cfg.fps, width: W, height: H, onFrame: (f) => this.pool.submit(id, f), onError: (err) => this.log.warn({ err: err.message, cameraId: id }, 'analytics decoder') });
      this.samplers.set(id, { sampler, unsubscribe: hub.subscribe(sampler), key: JSON.stringify(cfg) });
    }
  }

  private async detach(id: string): Promise<void> {
    const s = this.samplers.get(id);
    if (!s) return;
    this.samplers.delete(id);
    s.unsubscribe();
    await s.sampler.close();
    this.pool.remove(id);
  }

  phase(cameraId: string, phase: SignalPhase): void {
    this.pool.phase(cameraId, phase);
  }

  subscribe(fn: (e: EventRecord) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stats per attached camera: analysed and dropped frames, detector runs. */
  stats(): Record<string, { analysed: number; dropped: number; detectorRuns: number; lastMs: number; decoded: number }> {
    const out: Record<string, { analysed: number; dropped: number; detectorRuns: number; lastMs: number; decoded: number }> = {};
    for (const [id, s] of this.samplers) out[id] = { ...(this.pool.stats.get(id) ?? { analysed: 0, dropped: 0, detectorRuns: 0, lastMs: 0 }), decoded: s.sampler.frames };
    return out;
  }

  /** The watch list (or anything else) sees every plate read on an event; returns the unsubscribe. */
  watchPlates(fn: PlateWatcher): () => void {
    this.plateWatchers.add(fn);
    return () => this.plateWatchers.delete(fn);
  }

  async onHits(cameraId: string, hits: HitWithFrame[]): Promise<void> {
    const unitId = this.units.get(cameraId) ?? (await this.ctx.stores.cameras.get(cameraId))?.unitId;
    if (!unitId) return;
    const dir = join(this.ctx.dataDir, 'analytics', 'snapshots');
    await mkdir(dir, { recursive: true });
    // Hits are independent: a slow plate read on one must not hold the others.
    await Promise.all(hits.map((h) => this.onHit(cameraId, unitId, dir, h)));
  }

  /** Snapshot, plate, store, violation case, then live listeners, webhooks/MQTT and plate watchers. */
  private async onHit(cameraId: string, unitId: string, dir: string, h: HitWithFrame): Promise<void> {
    const id = newId();
    const path = join(dir, `${id}.jpg`);
    const { width, height, buf } = h.snapshot;
    const [jpeg, plate] = await Promise.all([encodeJpeg(new Uint8Array(buf), width, height), h.crops?.length ? this.plates.read(h.crops) : Promise.resolve(null)]);
    await writeFile(path, jpeg);
    const at = new Date(h.at);
    const e: EventRecord = {
      id,
      cameraId,
      unitId,
      ruleId: h.ruleId,
      ruleName: h.ruleName,
      ruleKind: h.kind,
      class: h.class,
      trackId: h.trackId,
      at: at.toISOString(),
      box: [h.box.x / width, h.box.y / height, h.box.w / width, h.box.h / height],
      snapshotPath: path,
      clip: { from: new Date(at.getTime() - 5000).toISOString(), to: new Date(at.getTime() + 5000).toISOString() },
      plate: plate?.text ?? null,
      speedKmh: h.speedKmh === null ? null : Math.round(h.speedKmh),
      details: plate ? { ...h.details, plateDisplay: plate.display, plateConfidence: plate.confidence, plateVotes: plate.votes, plateColour: plate.colour } : h.details,
      caseId: null,
    };
    await this.store.insertEvent(e);
    this.eventsStored += 1;
    const rule = this.configs.get(cameraId)?.rules.find((r) => r.id === h.ruleId);
    if (rule?.createCase) {
      const sha = createHash('sha256').update(jpeg).digest('hex');
      const out = await this.cases.open(e, rule, sha).catch((err: Error) => ({ skipped: `intake refused: ${err.message}` }));
      if ('caseId' in out) {
        e.caseId = out.caseId;
        this.casesOpened += 1;
      } else this.log.debug({ eventId: e.id, reason: out.skipped }, 'no violation case for event');
    }
    for (const fn of this.listeners) fn(e);
    this.delivery.send(e);
    if (plate) for (const fn of this.plateWatchers) void Promise.resolve(fn(plate, e)).catch((err: Error) => this.log.warn({ err: err.message, eventId: e.id }, 'plate watcher failed'));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const id of [...this.samplers.keys()]) await this.detach(id);
    await this.pool.close();
    this.cases.clips.close();
    await this.plates.close();
    await this.delivery.close();
  }
}

/** Generated demo scenes hold coloured shapes no COCO model knows: those use motion blobs. */
export function detectorFor(url: string): DetectorSpec {
  if (url.startsWith('demo://')) return { kind: 'blobs' };
  const onnx = process.env.VIGIL_ANALYTICS_ONNX;
  return onnx ? { kind: 'onnx', path: onnx } : { kind: 'tfjs', model: 'centernet' };
}

export type { CameraRules };
