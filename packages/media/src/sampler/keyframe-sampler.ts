import type { FragmentInfo } from '../fmp4/fragment';
import type { InitInfo } from '../fmp4/init';
import type { StreamSubscriber } from '../hub/stream-hub';
import { RawVideoDecoder } from './raw-decoder';

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
  private readonly decoder: RawVideoDecoder;
  private closed = false;
  dropped = 0;

  constructor(o: KeyframeSamplerOptions) {
    this.width = o.width ?? 160;
    this.height = o.height ?? 90;
    this.decoder = new RawVideoDecoder({ onFrame: o.onSample, onError: o.onError });
  }

  onInit(init: Buffer, _info: InitInfo): void {
    if (this.closed) return;
    this.decoder.start(
      // One decoding thread and no probing: with one picture per GOP, every frame a decoder holds back
      // is a second of delay before a fault is seen.
      ['-hide_banner', '-loglevel', 'error', '-threads', '1', '-flags', 'low_delay', '-probesize', '32768', '-analyzeduration', '0', '-skip_frame', 'nokey', '-f', 'mp4', '-i', 'pipe:0', '-vf', `scale=${this.width}:${this.height},format=gray`, '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1'],
      this.width * this.height,
    );
    this.decoder.write(init);
  }

  onFragment(data: Buffer, info: FragmentInfo): void {
    // A decoder that cannot keep up skips pictures rather than queueing them.
    if (info.keyframe && this.decoder.running && !this.decoder.write(data)) this.dropped += 1;
  }

  onEnd(): void {
    void this.decoder.stop();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.decoder.stop();
  }
}
