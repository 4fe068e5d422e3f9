import { Worker } from 'node:worker_threads';
import type { Crop } from '@vigil/analytics';
import type { FromPlateWorker, ToPlateWorker, VotedPlate } from './protocol';

export interface PlatePoolOptions {
  onLog?(level: 'info' | 'warn', msg: string): void;
  /** Requests waiting beyond this are answered `null` at once: events must not wait on a backlog. */
  maxQueue?: number;
  /** Per request; a stuck read gives no plate rather than holding the event. */
  timeoutMs?: number;
}

/**
 * One worker thread with the licence-plate reader, off the server's event loop. `read` resolves
 * to the voted plate, or null when the reader is unavailable (models missing), busy or fails.
 * A crashed worker is started again on the next request.
 */
export class PlatePool {
  private worker: Worker | null = null;
  private state: 'starting' | 'ready' | 'unavailable' = 'starting';
  private readonly pending = new Map<number, { resolve: (p: VotedPlate | null) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private closed = false;
  reads = 0;
  failures = 0;

  constructor(private readonly o: PlatePoolOptions = {}) {}

  get available(): boolean {
    return this.state !== 'unavailable';
  }

  read(crops: Crop[]): Promise<VotedPlate | null> {
    if (this.closed || this.state === 'unavailable' || crops.length === 0) return Promise.resolve(null);
    if (this.pending.size >= (this.o.maxQueue ?? 16)) return Promise.resolve(null);
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, null), this.o.timeoutMs ?? 20_000);
      this.pending.set(id, { resolve, timer });
      const msg: ToPlateWorker = { type: 'read', id, crops };
      w.postMessage(msg, crops.map((c) => c.buf));
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../../worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./plate-worker.ts', import.meta.url).href } });
    w.unref();
    w.on('message', (m: FromPlateWorker) => {
      if (m.type === 'ready') {
        this.state = 'ready';
        this.o.onLog?.('info', 'plate reader loaded');
      } else if (m.type === 'unavailable') {
        this.state = 'unavailable';
        this.o.onLog?.('warn', `plate reader unavailable: ${m.message}; events carry no plates`);
        for (const id of [...this.pending.keys()]) this.settle(id, null);
      } else if (m.type === 'result') {
        this.reads += 1;
        this.settle(m.id, m.plate);
      } else {
        this.failures += 1;
        this.o.onLog?.('warn', `plate read failed: ${m.message}`);
        this.settle(m.id, null);
      }
    });
    w.on('error', (err) => this.o.onLog?.('warn', `plate worker error: ${err.message}`));
    w.on('exit', () => {
      this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle(id, null);
    });
    this.worker = w;
    return w;
  }

  private settle(id: number, plate: VotedPlate | null): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(plate);
  }

  /**
   * Asks the worker to end itself after the read in hand (terminating it while onnxruntime runs
   * or loads a model aborts the process); terminates it only if it has not ended in `graceMs`.
   */
  async close(graceMs = 15_000): Promise<void> {
    this.closed = true;
    for (const id of [...this.pending.keys()]) this.settle(id, null);
    const w = this.worker;
    if (!w) return;
    const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.postMessage({ type: 'close' } satisfies ToPlateWorker);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([exited, late])) === 'late') {
      this.o.onLog?.('warn', `plate worker did not end within ${graceMs} ms; terminating it`);
      await w.terminate();
    }
    clearTimeout(timer);
    this.worker = null;
  }
}
