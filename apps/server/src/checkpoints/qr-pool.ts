import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { VigilError } from '@vigil/core';
import { type DecodeResult, type DecodeStrategy, decoderDefaults } from './qr-codec';
import type { FromQrWorker, ToQrWorker } from './qr-worker';

export interface QrPoolOptions {
  /** Worker threads; 0 or unset = cores - 1, at least 1, at most 2. */
  size?: number;
  /** A frame still undecoded after this long (a stuck worker) fails and its worker is replaced. */
  timeoutMs?: number;
  /** Frames waiting beyond this many are refused at once (503) rather than answered late. */
  maxQueue?: number;
  onLog?(level: 'info' | 'warn', msg: string): void;
}

/** What a decode gives the route: the codes, and a log thumbnail when asked and a code was found. */
export interface PooledDecode extends DecodeResult {
  thumbnail: string | null;
  /** Time the frame waited for a free worker. */
  queuedMs: number;
}

interface Job {
  id: number;
  buf: ArrayBuffer;
  strategy: Required<DecodeStrategy>;
  thumbnail: boolean;
  enqueuedAt: number;
  startedAt?: number;
  resolve(r: PooledDecode): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Being replaced (stuck): takes no more frames. */
  dead: boolean;
  job: Job | null;
  started: Promise<void>;
}

export const defaultQrWorkers = (): number => Math.min(2, Math.max(1, availableParallelism() - 1));

/**
 * QR decoding in worker threads: the event loop only hands a frame over and gets codes back. A
 * worker that dies or hangs fails its frame with a 503 naming the cause, and is replaced.
 */
export class QrDecodePool {
  readonly size: number;
  private readonly slots: (Slot | null)[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  decoded = 0;
  crashes = 0;
  /** Replaced by the scan routes with Fastify's logger. */
  onLog: (level: 'info' | 'warn', msg: string) => void;

  constructor(private readonly o: QrPoolOptions = {}) {
    this.onLog = o.onLog ?? ((level, msg) => level === 'warn' && process.emitWarning(msg));
    this.size = o.size && o.size > 0 ? o.size : defaultQrWorkers();
    this.slots = Array.from({ length: this.size }, () => null);
  }

  /** Starts the workers (zxing loaded) ahead of the first frame; resolves when all are ready. */
  async warm(): Promise<void> {
    this.closing = false;
    await Promise.all(this.slots.map((_, i) => this.ensure(i).started));
  }

  /**
   * Decodes one image. The rescue budget counts from when the frame was queued, so waiting for a
   * worker eats into it rather than adding to frame-to-verdict time.
   */
  decode(buf: Buffer, o: { strategy?: DecodeStrategy; thumbnail?: boolean } = {}): Promise<PooledDecode> {
    if (this.queue.length >= (this.o.maxQueue ?? 32)) {
      return Promise.reject(new VigilError('UNAVAILABLE', 'image: the QR decoder is busy, send the frame again', 'image'));
    }
    this.closing = false;
    // A copy in a fresh ArrayBuffer: Fastify's body may be a slice of a shared pool buffer.
    const own = new Uint8Array(buf.byteLength);
    own.set(buf);
    const strategy = { mode: o.strategy?.mode ?? decoderDefaults.mode, budgetMs: o.strategy?.budgetMs ?? decoderDefaults.budgetMs };
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, buf: own.buffer, strategy, thumbnail: o.thumbnail ?? false, enqueuedAt: performance.now(), resolve, reject });
      this.pump();
    });
  }

  /** Live threads, for tests that need to kill one. */
  workers(): Worker[] {
    return this.slots.flatMap((s) => (s ? [s.worker] : []));
  }

  private ensure(i: number): Slot {
    const existing = this.slots[i];
    if (existing) return existing;
    const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./qr-worker.ts', import.meta.url).href } });
    worker.unref();
    let started!: () => void;
    const slot: Slot = { worker, ready: false, dead: false, job: null, started: new Promise<void>((res) => (started = res)) };
    this.slots[i] = slot;
    worker.on('message', (m: FromQrWorker) => {
      if (m.type === 'ready') started();
      this.onMessage(slot, m);
    });
    worker.on('error', (err) => this.onLog('warn', `QR worker error: ${err.message}`));
    worker.on('exit', (code) => {
      started();
      this.onExit(i, slot, code);
    });
    return slot;
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = this.ensure(i);
      if (slot.job || !slot.ready || slot.dead) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      job.startedAt = performance.now();
      const budgetMs = Math.max(0, job.strategy.budgetMs - (job.startedAt - job.enqueuedAt));
      job.timer = setTimeout(() => this.onTimeout(slot), this.o.timeoutMs ?? 10_000);
      const msg: ToQrWorker = { type: 'decode', id: job.id, buf: job.buf, strategy: { ...job.strategy, budgetMs }, thumbnail: job.thumbnail };
      slot.worker.postMessage(msg, [job.buf]);
    }
  }

  private onMessage(slot: Slot, m: FromQrWorker): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    slot.job = null;
    clearTimeout(job.timer);
    if (m.type === 'result') {
      this.decoded += 1;
      const queuedMs = job.startedAt! - job.enqueuedAt;
      // decodeMs covers the wait too: it is the time the request spent on decoding.
      job.resolve({ ...m.result, decodeMs: m.result.decodeMs + queuedMs, thumbnail: m.thumbnail, queuedMs });
    } else {
      job.reject(new VigilError('VALIDATION', `image: not a readable JPEG/PNG (${m.message})`, 'image'));
    }
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    slot.dead = true;
    job.reject(new VigilError('UNAVAILABLE', `image: QR decoding took over ${this.o.timeoutMs ?? 10_000} ms and was stopped; send the frame again`, 'image'));
    this.onLog('warn', 'QR worker stuck: replaced');
    void slot.worker.terminate();
  }

  private onExit(i: number, slot: Slot, code: number): void {
    if (this.slots[i] === slot) this.slots[i] = null;
    const job = slot.job;
    slot.job = null;
    if (job) {
      clearTimeout(job.timer);
      if (this.closing) job.reject(new VigilError('UNAVAILABLE', 'image: the server is shutting down', 'image'));
      else {
        this.crashes += 1;
        this.onLog('warn', `QR worker exited (code ${code}) while decoding: restarted`);
        job.reject(new VigilError('UNAVAILABLE', 'image: the QR decoder stopped while reading this frame; it has been restarted, send the frame again', 'image'));
      }
    }
    if (this.closing) return;
    if (!slot.ready && !slot.dead) {
      // It died starting up (zxing or the loader missing): fail the waiting frames instead of
      // respawning in a loop; the next frame tries again.
      this.onLog('warn', `QR worker failed to start (exit code ${code})`);
      for (const j of this.queue.splice(0)) j.reject(new VigilError('UNAVAILABLE', 'image: the QR decoder could not start; see the server log', 'image'));
      return;
    }
    // Frames still queued go to the replacement.
    if (this.queue.length > 0) this.pump();
  }

  /** Stops the workers; frames still queued fail. A later decode starts fresh workers. */
  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) job.reject(new VigilError('UNAVAILABLE', 'image: the server is shutting down', 'image'));
    await Promise.all(this.workers().map((w) => w.terminate()));
  }
}
