/** States a supervised worker reports. */
export type SupervisorState = 'starting' | 'running' | 'backoff' | 'stopped';

export interface SupervisorOptions {
  name: string;
  /** One attempt: resolves or rejects when the work ends; must stop promptly when `signal` aborts. */
  run(signal: AbortSignal): Promise<void>;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** An attempt that lasted this long resets the backoff. */
  healthyAfterMs?: number;
  onState?(state: SupervisorState, detail: { attempt: number; error?: Error; retryInMs?: number }): void;
}

/**
 * Keeps a long-lived job alive: restarts it with exponential backoff, and `close()` aborts the
 * current attempt and waits for it to finish, so nothing outlives its owner (MediaMTX's
 * Recorder/recorderInstance split).
 */
export class Supervisor {
  private abort = new AbortController();
  private loop: Promise<void> | null = null;
  private attempt = 0;

  constructor(private readonly o: SupervisorOptions) {}

  start(): this {
    if (!this.loop) this.loop = this.run();
    return this;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const min = this.o.minBackoffMs ?? 500;
    const max = this.o.maxBackoffMs ?? 30_000;
    let backoff = min;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      this.attempt += 1;
      this.o.onState?.('starting', { attempt: this.attempt });
      const started = Date.now();
      let error: Error | undefined;
      try {
        this.o.onState?.('running', { attempt: this.attempt });
        await this.o.run(signal);
      } catch (err) {
        error = err instanceof Error ? err : new Error(String(err));
      }
      if (signal.aborted) break;
      if (Date.now() - started >= (this.o.healthyAfterMs ?? 30_000)) backoff = min;
      this.o.onState?.('backoff', { attempt: this.attempt, error, retryInMs: backoff });
      await sleep(backoff, signal);
      backoff = Math.min(max, backoff * 2);
    }
    this.o.onState?.('stopped', { attempt: this.attempt });
  }
}

/** setTimeout that an AbortSignal cuts short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
