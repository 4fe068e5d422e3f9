import type { FragmentInfo } from '../fmp4/fragment';
import type { InitInfo } from '../fmp4/init';
import { spawnFfmpeg, type FfmpegRun } from '../ffmpeg/spawn';
import type { StreamSubscriber } from '../hub/stream-hub';

export interface KeyframeSamplerOptions {
  width?: number;
  height?: number;
  /** Called with each decoded grey picture (width*height bytes). */
  onSample(px: Uint8Array, at: number): void;
  onError?(err: Error): void;
}

/**
 * Decodes only the keyframes of a hub into small grey pictures (one per GOP) for health checks:
 * the decoder is fed the init segment and the keyframe fragments, nothing else, so it costs a
 * fraction of a full decode. One ffmpeg per camera, restarted when the stream re-initialises.
 */
export class KeyframeSampler implements StreamSubscriber {
  readonly width: number;
  readonly height: number;
  private run: FfmpegRun | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private busy = false;
  private closed = false;
  dropped = 0;

  constructor(private readonly o: KeyframeSamplerOptions) {
    this.width = o.width ?? 160;
    this.height = o.height ?? 90;
  }

  onInit(init: Buffer, _info: InitInfo): void {
    this.stopDecoder();
    if (this.closed) return;
    const run = spawnFfmpeg(
      // One decoding thread and no probing: with one picture per GOP, every frame a decoder holds back
      // is a second of delay before a fault is seen.
      ['-hide_banner', '-loglevel', 'error', '-threads', '1', '-flags', 'low_delay', '-probesize', '32768', '-analyzeduration', '0', '-skip_frame', 'nokey', '-f', 'mp4', '-i', 'pipe:0', '-vf', `scale=${this.width}:${this.height},format=gray`, '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.run = run;
    const size = this.width * this.height;
    run.child.stdout?.on('data', (d: Buffer) => {
      this.pending.push(d);
      this.pendingBytes += d.length;
      while (this.pendingBytes >= size) {
        const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
        const frame = new Uint8Array(all.subarray(0, size));
        const rest = all.subarray(size);
        this.pending = rest.length ? [rest] : [];
        this.pendingBytes = rest.length;
        this.o.onSample(frame, Date.now());
      }
    });
    run.child.stdin?.on('error', (err) => this.o.onError?.(err));
    run.child.stdin?.on('drain', () => (this.busy = false));
    this.write(init);
  }

  onFragment(data: Buffer, info: FragmentInfo): void {
    if (!info.keyframe || !this.run) return;
    // A decoder that cannot keep up skips pictures rather than queueing them.
    if (this.busy) {
      this.dropped += 1;
      return;
    }
    this.write(data);
  }

  onEnd(): void {
    this.stopDecoder();
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
