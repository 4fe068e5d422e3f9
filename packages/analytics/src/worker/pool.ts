import { Worker } from 'node:worker_threads';
import type { CameraRules, SignalPhase } from '@vigil/types';
import type { Frame } from '../frame';
import type { DetectorSpec, FromWorker, HitWithFrame, ToWorker } from './protocol';

export interface PoolOptions {
  /** Called for every rule hit, on the main thread. */
  onHits(cameraId: string, hits: HitWithFrame[]): void;
  onLog?(level: 'warn' | 'error', msg: string): void;
  /** Restart delay after a crash, ms (doubles up to 30 s). */
  restartMs?: number;
}

export interface CameraStats {
  analysed: number;
  dropped: number;
  detectorRuns: number;
  lastMs: number;
}

type Setup = Extract<ToWorker, { type: 'configure' }>;

/**
 * The analysis worker thread and the frames in flight to it. One frame per camera may be in
 * flight; a frame that arrives meanwhile is dropped and counted (never queued: stale frames are
 * worth nothing). A crashed worker is restarted and told every camera's rules again.
 */
export class AnalysisPool {
  private worker: Worker | null = null;
  private readonly setups = new Map<string, Setup>();
  private readonly inFlight = new Set<string>();
  readonly stats = new Map<string, CameraStats>();
  restarts = 0;
  private closed = false;
  private backoff: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: PoolOptions) {
    this.backoff = o.restartMs ?? 500;
    this.start();
  }

  private start(): void {
    const w = new Worker(new URL('./boot.mjs', import.meta.url), { workerData: { entry: new URL('./analysis-worker.ts', import.meta.url).href } });
    this.worker = w;
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (err) => this.o.onLog?.('error', `analysis worker failed: ${err.message}`));
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.inFlight.clear();
      if (this.closed) return;
      this.restarts += 1;
      this.o.onLog?.('warn', `analysis worker exited (${code}); restarting in ${this.backoff} ms`);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.closed) return;
        this.start();
        for (const s of this.setups.values()) this.send(s);
      }, this.backoff);
      this.backoff = Math.min(this.backoff * 2, 30_000);
    });
    for (const s of this.setups.values()) this.send(s);
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  private send(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'error') this.o.onLog?.('warn', `analytics ${m.cameraId}: ${m.message}`);
    if (m.type !== 'done') return;
    this.inFlight.delete(m.cameraId);
    const s = this.stat(m.cameraId);
    s.analysed += 1;
    s.lastMs = m.ms;
    if (m.ranDetector) s.detectorRuns += 1;
    // A healthy frame resets the crash backoff.
    this.backoff = this.o.restartMs ?? 500;
    if (m.hits.length) this.o.onHits(m.cameraId, m.hits);
  }

  private stat(id: string): CameraStats {
    let s = this.stats.get(id);
    if (!s) this.stats.set(id, (s = { analysed: 0, dropped: 0, detectorRuns: 0, lastMs: 0 }));
    return s;
  }

  configure(o: { cameraId: string; config: CameraRules; width: number; height: number; detector: DetectorSpec }): void {
    const m: Setup = { type: 'configure', ...o };
    this.setups.set(o.cameraId, m);
    this.send(m);
  }

  remove(cameraId: string): void {
    this.setups.delete(cameraId);
    this.inFlight.delete(cameraId);
    this.send({ type: 'remove', cameraId });
  }

  phase(cameraId: string, phase: SignalPhase): void {
    this.send({ type: 'phase', cameraId, phase });
  }

  /** Hands a frame over (its buffer is transferred); answers false when it was dropped. */
  submit(cameraId: string, f: Frame): boolean {
    if (!this.worker || this.inFlight.has(cameraId) || !this.setups.has(cameraId)) {
      this.stat(cameraId).dropped += 1;
      return false;
    }
    this.inFlight.add(cameraId);
    const buf = f.data.byteOffset === 0 && f.data.byteLength === f.data.buffer.byteLength ? (f.data.buffer as ArrayBuffer) : f.data.slice().buffer;
    this.send({ type: 'frame', cameraId, at: f.at, width: f.width, height: f.height, buf }, [buf]);
    return true;
  }

  /** Test hook: makes the worker throw. */
  crashForTest(): void {
    this.send({ type: 'crash' });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
