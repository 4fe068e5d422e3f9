import { spawnFfmpeg, type FfmpegRun, type FragmentInfo, type InitInfo, type StreamSubscriber } from '@vigil/media';
import type { Frame } from '../frame';

export interface FrameSamplerOptions {
  fps: number;
  width?: number;
  height?: number;
  /** Each decoded frame (RGB24); the receiver owns its buffer. */
  onFrame(f: Frame): void;
  onError?(err: Error): void;
}

/**
 * Decodes a camera hub's fMP4 at a low rate into RGB frames (one ffmpeg per camera, restarted on
 * every new init segment). Fragments that arrive while ffmpeg's stdin is full are dropped and counted.
 */
export class FrameSampler implements StreamSubscriber {
  readonly width: number;
  readonly height: number;
  private run: FfmpegRun | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private busy = false;
  private closed = false;
  droppedFragments = 0;
  frames = 0;

  constructor(private readonly o: FrameSamplerOptions) {
    this.width = o.width ?? 640;
    this.height = o.height ?? 360;
  }

  onInit(init: Buffer, _info: InitInfo): void {
    void this.stopDecoder();
    if (this.closed) return;
    const run = spawnFfmpeg(
      ['-hide_banner', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0', '-vf', `fps=${this.o.fps},scale=${this.width}:${this.height}`, '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.run = run;
    const size = this.width * this.height * 3;
    run.child.stdout?.on('data', (d: Buffer) => {
      this.pending.push(d);
      this.pendingBytes += d.length;
      if (this.pendingBytes < size) return;
      const all = Buffer.concat(this.pending);
      let off = 0;
      while (all.length - off >= size) {
        // A fresh ArrayBuffer per frame so that it can be transferred to the worker.
        const data = new Uint8Array(size);
        data.set(all.subarray(off, off + size));
        off += size;
        this.frames += 1;
        this.o.onFrame({ width: this.width, height: this.height, data, at: Date.now() });
      }
      const rest = all.subarray(off);
      this.pending = rest.length ? [Buffer.from(rest)] : [];
      this.pendingBytes = rest.length;
    });
    run.child.stdin?.on('error', (err) => this.o.onError?.(err));
    run.child.stdin?.on('drain', () => (this.busy = false));
    this.write(init);
  }

  onFragment(data: Buffer, _info: FragmentInfo): void {
    if (!this.run) return;
    if (this.busy) {
      this.droppedFragments += 1;
      return;
    }
    this.write(data);
  }

  onEnd(): void {
    void this.stopDecoder();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopDecoder();
  }

  private write(buf: Buffer): void {
    const stdin = this.run?.child.stdin;
    if (!stdin || stdin.destroyed) return;
    if (!stdin.write(buf)) this.busy = true;
  }

  private stopDecoder(): Promise<void> {
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
