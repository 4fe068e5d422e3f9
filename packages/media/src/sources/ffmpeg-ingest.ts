import { Fmp4Demuxer } from '../hub/fmp4-demuxer';
import { spawnFfmpeg } from '../ffmpeg/spawn';
import { classifyFfmpegError, SourceError, type SourceRunContext } from './source';

/**
 * fMP4 to stdout. Every fragment wakes the server once, and wake-ups, not bytes, are what a camera
 * costs (~0.2 ms each here): `fragmentMs` trades a little live latency for far less CPU. 0 = one
 * fragment per frame (lowest latency). A keyframe always starts a new fragment.
 */
export function fmp4PipeOutput(fragmentMs = 100): string[] {
  const flags = fragmentMs > 0 ? '+frag_keyframe+empty_moov+default_base_moof' : '+frag_every_frame+empty_moov+default_base_moof';
  return ['-f', 'mp4', '-movflags', flags, ...(fragmentMs > 0 ? ['-frag_duration', String(fragmentMs * 1000)] : []), '-flush_packets', '1', 'pipe:1'];
}

/** Re-encode settings for sources that are not H.264/H.265 (MJPEG over HTTP, say). */
export const TRANSCODE_H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '50'];

export interface IngestArgs {
  input: string[];
  /** `['-c:v', 'copy']` for passthrough. */
  video: string[];
  fragmentMs?: number;
}

/** Builds the whole ffmpeg command line of one ingest attempt. */
export function ingestCommand(a: IngestArgs): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', ...a.input, '-map', '0:v:0', ...a.video, '-an', ...fmp4PipeOutput(a.fragmentMs)];
}

/**
 * Runs one ffmpeg pull into the hub. A stall (no bytes for `stallMs`) kills it, so a camera that
 * hangs without closing the connection is noticed as dead.
 */
export async function runFfmpegIngest(args: IngestArgs, ctx: SourceRunContext): Promise<void> {
  const stallMs = ctx.options.stallMs ?? 8000;
  const run = spawnFfmpeg(ingestCommand({ fragmentMs: ctx.options.fragmentMs, ...args }), { signal: ctx.signal });
  const demux = new Fmp4Demuxer(ctx.hub);
  let lastData = Date.now();
  let stalled = false;
  let demuxError: Error | null = null;
  run.child.stdout?.on('data', (chunk: Buffer) => {
    lastData = Date.now();
    try {
      demux.push(chunk);
    } catch (err) {
      demuxError = err as Error;
      void run.stop();
    }
  });
  const watchdog = setInterval(() => {
    if (Date.now() - lastData > stallMs) {
      stalled = true;
      void run.stop(500);
    }
  }, Math.min(1000, stallMs / 2));
  try {
    const { code, stderr } = await run.exited;
    if (ctx.signal.aborted) return;
    if (demuxError) throw new SourceError('FAILED', `bad stream data: ${(demuxError as Error).message}`);
    if (stalled) throw new SourceError('TIMEOUT', `no data for ${stallMs} ms`);
    if (code === 0) throw new SourceError('ENDED', 'stream ended');
    throw classifyFfmpegError(stderr);
  } finally {
    clearInterval(watchdog);
    ctx.hub.end(ctx.signal.aborted ? 'stopped' : 'source lost');
  }
}
