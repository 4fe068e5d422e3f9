import type { FragmentInfo, InitInfo, StreamHub, StreamSubscriber } from '@vigil/media';

interface Segment {
  seq: number;
  parts: Buffer[];
  duration: number;
}

/** Segments kept in the live playlist. */
const WINDOW = 6;

/**
 * HLS (fMP4) made from the hub's own fragments, one segment per GOP: the fallback for browsers
 * without Media Source Extensions. No extra ffmpeg; it runs only while someone is polling it.
 */
export class HlsSession implements StreamSubscriber {
  private init: Buffer | null = null;
  private timescale = 90_000;
  private segments: Segment[] = [];
  private current: Segment | null = null;
  private seq = 0;
  private lastUsed = Date.now();
  private readonly unsubscribe: () => void;

  constructor(hub: StreamHub) {
    this.unsubscribe = hub.subscribe(this);
  }

  onInit(init: Buffer, info: InitInfo): void {
    this.init = init;
    this.timescale = info.timescale || 90_000;
    this.current = null;
  }

  onFragment(data: Buffer, info: FragmentInfo): void {
    if (info.keyframe) {
      if (this.current) {
        this.segments.push(this.current);
        if (this.segments.length > WINDOW) this.segments.shift();
      }
      this.current = { seq: this.seq++, parts: [], duration: 0 };
    }
    if (!this.current) return;
    this.current.parts.push(data);
    this.current.duration += info.duration / this.timescale;
  }

  onEnd(): void {
    this.current = null;
  }

  touch(): void {
    this.lastUsed = Date.now();
  }

  idleFor(now = Date.now()): number {
    return now - this.lastUsed;
  }

  close(): void {
    this.unsubscribe();
  }

  initSegment(): Buffer | null {
    return this.init;
  }

  segment(seq: number): Buffer | null {
    const s = this.segments.find((x) => x.seq === seq);
    return s ? Buffer.concat(s.parts) : null;
  }

  /** The live media playlist; `query` (e.g. the access token) is carried onto every URI. */
  playlist(query: string): string | null {
    if (!this.init || this.segments.length === 0) return null;
    const q = query ? `?${query}` : '';
    const target = Math.max(1, Math.ceil(Math.max(...this.segments.map((s) => s.duration))));
    const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`, `#EXT-X-MEDIA-SEQUENCE:${this.segments[0].seq}`, `#EXT-X-MAP:URI="init.mp4${q}"`];
    for (const s of this.segments) lines.push(`#EXTINF:${s.duration.toFixed(3)},`, `seg-${s.seq}.m4s${q}`);
    return `${lines.join('\n')}\n`;
  }
}
