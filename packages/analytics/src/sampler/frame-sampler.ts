import { RawVideoDecoder, type FragmentInfo, type InitInfo, type StreamSubscriber } from '@vigil/media';
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
  private readonly decoder: RawVideoDecoder;
  private closed = false;
  droppedFragments = 0;
  frames = 0;

  constructor(private readonly o: FrameSamplerOptions) {
    this.width = o.width ?? 640;
    this.height = o.height ?? 360;
    this.decoder = new RawVideoDecoder({
      onFrame: (data, at) => {
        this.frames += 1;
        this.o.onFrame({ width: this.width, height: this.height, data, at });
      },
      onError: o.onError,
    });
  }

  onInit(init: Buffer, _info: InitInfo): void {
    if (this.closed) return;
    this.decoder.start(
      ['-hide_banner', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0', '-vf', `fps=${this.o.fps},scale=${this.width}:${this.height}`, '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'],
      this.width * this.height * 3,
    );
    this.decoder.write(init);
  }

  onFragment(data: Buffer, _info: FragmentInfo): void {
    if (this.decoder.running && !this.decoder.write(data)) this.droppedFragments += 1;
  }

  onEnd(): void {
    void this.decoder.stop();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.decoder.stop();
  }
}
