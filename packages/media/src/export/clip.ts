import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runFfmpeg } from '../ffmpeg/spawn';

export interface ClipSegment {
  path: string;
  startMs: number;
  endMs: number;
}

export interface CutClipOptions {
  segments: ClipSegment[];
  fromMs: number;
  toMs: number;
  out: string;
  signal?: AbortSignal;
}

/**
 * Cuts [from, to] out of recorded segments by stream copy (no re-encode: a minute takes about a
 * second). Stream copy must start on a keyframe: the seek is on the input side, so the file starts
 * at the keyframe at or before `from` and an edit list hides the frames before `from` (players
 * show `from` first). Seeking on the output side instead would start at the keyframe after `from`
 * and lose up to a GOP of evidence.
 */
export async function cutClip(o: CutClipOptions): Promise<{ bytes: number; sha256: string }> {
  const segs = o.segments.filter((s) => s.endMs > o.fromMs && s.startMs < o.toMs).sort((a, b) => a.startMs - b.startMs);
  if (segs.length === 0) throw new Error('no recording in the requested span');
  mkdirSync(dirname(o.out), { recursive: true });
  const list = `${o.out}.concat.txt`;
  try {
    await runFfmpeg(['-hide_banner', '-loglevel', 'error', ...segmentCopyInput(segs, o.fromMs, o.toMs, list), '-movflags', '+faststart', '-y', o.out], { signal: o.signal });
  } finally {
    rmSync(list, { force: true });
  }
  return { bytes: statSync(o.out).size, sha256: await sha256File(o.out) };
}

/**
 * ffmpeg input and stream-copy arguments for [from, to] of recorded segments (in time order),
 * writing their concat list to `list`. The seek is on the input side: the output starts at the
 * keyframe at or before `from` (stream copy cannot start elsewhere) and an MP4 edit list hides the
 * frames before it; seeking on the output side would start at the keyframe after `from` instead.
 */
export function segmentCopyInput(segs: ClipSegment[], fromMs: number, toMs: number, list: string): string[] {
  writeFileSync(list, segs.map((s) => `file '${s.path.replaceAll("'", "'\\''")}'`).join('\n'));
  const offset = Math.max(0, (fromMs - segs[0].startMs) / 1000);
  const duration = (Math.min(toMs, segs[segs.length - 1].endMs) - Math.max(fromMs, segs[0].startMs)) / 1000;
  return ['-ss', offset.toFixed(3), '-f', 'concat', '-safe', '0', '-i', list, '-t', duration.toFixed(3), '-map', '0:v:0', '-c', 'copy'];
}

/** Decodes one full-resolution JPEG at `atMs` from the segment that holds it. */
export async function stillFromSegment(seg: ClipSegment, atMs: number, out: string): Promise<{ bytes: number; sha256: string }> {
  mkdirSync(dirname(out), { recursive: true });
  const offset = Math.max(0, (atMs - seg.startMs) / 1000);
  await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-ss', offset.toFixed(3), '-i', seg.path, '-frames:v', '1', '-q:v', '2', '-y', out]);
  return { bytes: statSync(out).size, sha256: await sha256File(out) };
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Latest picture of a live hub: decodes its current GOP and keeps the last frame. */
export async function snapshotJpeg(gop: { init: Buffer; fragments: Buffer[] }, tmpDir: string): Promise<Buffer> {
  mkdirSync(tmpDir, { recursive: true });
  const src = join(tmpDir, `snap-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.mp4`);
  writeFileSync(src, Buffer.concat([gop.init, ...gop.fragments]));
  try {
    return await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-i', src, '-an', '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'], { signal: AbortSignal.timeout(10_000) }).then((buf) => lastJpeg(buf));
  } finally {
    rmSync(src, { force: true });
  }
}

/** ffmpeg writes one JPEG per frame to the pipe; the last complete one is the newest picture. */
function lastJpeg(buf: Buffer): Buffer {
  const soi = buf.lastIndexOf(Buffer.from([0xff, 0xd8, 0xff]));
  if (soi < 0) throw new Error('no picture decoded');
  return buf.subarray(soi);
}
