import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { moofWithDecodeTime, type FragmentInfo } from '../fmp4/fragment';
import type { InitInfo } from '../fmp4/init';
import type { StreamSubscriber } from '../hub/stream-hub';

/** A recorded file as the index sees it; `endMs` grows while the file is open. */
export interface SegmentEvent {
  phase: 'open' | 'progress' | 'close';
  cameraId: string;
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

export interface SegmentRecorderOptions {
  cameraId: string;
  /** Root of all recordings; files go to `<root>/<cameraId>/<YYYY-MM-DD>/<HHmmss-SSS>.mp4` (UTC). */
  root: string;
  /** Start a new file at the first keyframe after this many seconds. */
  segmentSeconds?: number;
  /** Report progress (for the index) at most this often. */
  progressEveryMs?: number;
  /** Gather writes for this long before flushing them (bounded loss on a crash). */
  flushMs?: number;
  onSegment(e: SegmentEvent): void;
  onError?(err: Error): void;
}

interface OpenSegment {
  stream: WriteStream;
  path: string;
  startMs: number;
  mediaMs: number;
  bytes: number;
  reportedAt: number;
  /** Decode time of the file's first fragment: subtracted so the file starts at zero. */
  baseDecodeTime: number;
  corked: boolean;
}

/**
 * Continuous recording by stream copy: every fragment is appended to the current file as it arrives
 * (a crash loses at most what was in flight), and a file starts on a keyframe so each one plays on
 * its own. Times come from the media clock anchored at the first fragment's arrival.
 */
export class SegmentRecorder implements StreamSubscriber {
  private init: Buffer | null = null;
  private timescale = 90_000;
  private seg: OpenSegment | null = null;
  private closed = false;

  constructor(private readonly o: SegmentRecorderOptions) {}

  onInit(init: Buffer, info: InitInfo): void {
    this.finish();
    this.init = init;
    this.timescale = info.timescale || 90_000;
  }

  onFragment(data: Buffer, info: FragmentInfo, receivedAt: number): void {
    if (this.closed || !this.init) return;
    const segMs = (this.o.segmentSeconds ?? 4) * 1000;
    if (info.keyframe && (!this.seg || this.seg.mediaMs >= segMs)) {
      const next = this.seg ? this.seg.startMs + this.seg.mediaMs : receivedAt;
      // Keep the timeline continuous across files of one connection, unless the clock drifted far.
      this.open(Math.abs(next - receivedAt) < 2000 ? next : receivedAt, info.decodeTime);
    }
    const seg = this.seg;
    if (!seg) return;
    const moof = moofWithDecodeTime(data, Math.max(0, info.decodeTime - seg.baseDecodeTime));
    // Writes are gathered and flushed together (one writev) every flushMs: far fewer syscalls, and a
    // crash still loses well under a second.
    if (!seg.corked) {
      seg.stream.cork();
      seg.corked = true;
      setTimeout(() => {
        seg.corked = false;
        seg.stream.uncork();
      }, this.o.flushMs ?? 250);
    }
    seg.stream.write(moof);
    seg.stream.write(data.subarray(moof.length));
    seg.bytes += data.length;
    seg.mediaMs += (info.duration / this.timescale) * 1000;
    if (receivedAt - seg.reportedAt >= (this.o.progressEveryMs ?? 1000)) {
      seg.reportedAt = receivedAt;
      this.emit('progress', seg);
    }
  }

  onEnd(): void {
    this.finish();
    this.init = null;
  }

  /** Closes the current file; the recorder can be dropped afterwards. */
  close(): Promise<void> {
    this.closed = true;
    const seg = this.seg;
    this.finish();
    return seg ? new Promise((resolve) => seg.stream.once('close', () => resolve())) : Promise.resolve();
  }

  private open(startMs: number, baseDecodeTime: number): void {
    this.finish();
    const d = new Date(startMs);
    const iso = d.toISOString();
    const dir = join(this.o.root, this.o.cameraId, iso.slice(0, 10));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}.mp4`);
    const stream = createWriteStream(path, { flags: 'w' });
    stream.on('error', (err) => this.o.onError?.(err));
    stream.write(this.init!);
    this.seg = { stream, path, startMs, mediaMs: 0, bytes: this.init!.length, reportedAt: startMs, baseDecodeTime, corked: false };
    this.emit('open', this.seg);
  }

  private finish(): void {
    const seg = this.seg;
    if (!seg) return;
    this.seg = null;
    seg.stream.end();
    this.emit('close', seg);
  }

  private emit(phase: SegmentEvent['phase'], seg: OpenSegment): void {
    this.o.onSegment({ phase, cameraId: this.o.cameraId, path: seg.path, startMs: Math.round(seg.startMs), endMs: Math.round(seg.startMs + seg.mediaMs), bytes: seg.bytes });
  }
}
