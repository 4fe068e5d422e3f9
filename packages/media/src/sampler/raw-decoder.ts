import { spawnFfmpeg, type FfmpegRun } from '../ffmpeg/spawn';

/**
 * An ffmpeg fed fMP4 on stdin that writes fixed-size raw frames on stdout: the shared engine of the
 * health and analytics samplers. Each frame is a fresh Uint8Array (transferable to a worker). Input
 * that arrives while stdin is full is refused (`write` returns false) rather than queued.
 */
export class RawVideoDecoder {
  private run: FfmpegRun | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private busy = false;

  constructor(private readonly o: { onFrame(px: Uint8Array, at: number): void; onError?(err: Error): void }) {}

  get running(): boolean {
    return this.run !== null;
  }

  /** (Re)starts the decoder with `args` (input pipe:0, rawvideo to pipe:1) for frames of `frameBytes`. */
  start(args: string[], frameBytes: number): void {
    void this.stop();
    const run = spawnFfmpeg(args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.run = run;
    run.child.stdout?.on('data', (d: Buffer) => {
      this.pending.push(d);
      this.pendingBytes += d.length;
      if (this.pendingBytes < frameBytes) return;
      const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
      let off = 0;
      while (all.length - off >= frameBytes) {
        const px = new Uint8Array(frameBytes);
        px.set(all.subarray(off, off + frameBytes));
        off += frameBytes;
        this.o.onFrame(px, Date.now());
      }
      const rest = all.subarray(off);
      this.pending = rest.length ? [Buffer.from(rest)] : [];
      this.pendingBytes = rest.length;
    });
    run.child.stdin?.on('error', (err) => this.o.onError?.(err));
    run.child.stdin?.on('drain', () => (this.busy = false));
  }

  /** Feeds bytes; false when the decoder is behind and the bytes were dropped. */
  write(buf: Buffer): boolean {
    const stdin = this.run?.child.stdin;
    if (!stdin || stdin.destroyed) return true;
    if (this.busy) return false;
    if (!stdin.write(buf)) this.busy = true;
    return true;
  }

  stop(): Promise<void> {
    const run = this.run;
    this.run = null;
    this.pending = [];
    this.pendingBytes = 0;
    this.busy = false;
    if (!run) return Promise.resolve();
    run.child.stdin?.end();
    return run.stop(1000);
  }
}
