import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { probe } from '../ffmpeg/probe';
import { runFfmpegIngest, TRANSCODE_H264 } from './ffmpeg-ingest';
import { classifyFfmpegError, SourceError, type SourceDriver, type SourceOptions } from './source';

const PASSTHROUGH = new Set(['h264', 'hevc']);
const COPY = ['-c:v', 'copy'];

async function probeVideo(input: string, timeoutMs = 10_000, inputArgs: string[] = []) {
  let p;
  try {
    p = await probe(input, timeoutMs, inputArgs);
  } catch (err) {
    throw classifyFfmpegError((err as Error).message);
  }
  if (!p.video) throw new SourceError('NOT_VIDEO', 'the URL answers but carries no video stream');
  return { codec: p.video.codec, width: p.video.width, height: p.video.height };
}

function rtspInput(url: string, o: SourceOptions): string[] {
  const transport = o.rtspTransport ?? 'tcp';
  // Over UDP ffmpeg waits up to 0.5 s to reorder packets by default: a tenth is enough on a LAN.
  const udp = transport === 'udp' ? ['-max_delay', '100000', '-reorder_queue_size', '128'] : [];
  return ['-rtsp_transport', transport, ...udp, '-timeout', '5000000', '-fflags', '+nobuffer+genpts', '-i', url];
}

/** RTSP cameras and NVR channels (TCP by default, UDP on request), H.264/H.265 passed through. */
export const rtspSource: SourceDriver = {
  schemes: ['rtsp', 'rtsps'],
  async run(url, ctx) {
    await runFfmpegIngest({ input: rtspInput(url, ctx.options), video: COPY }, ctx);
  },
  probe: (url, o) => probeVideo(url, 10_000, ['-rtsp_transport', o.rtspTransport ?? 'tcp', '-timeout', '5000000']),
};

/** HTTP(S) MPEG-TS (copied) and MJPEG (re-encoded to H.264, the only case that costs CPU). */
export const httpSource: SourceDriver = {
  schemes: ['http', 'https'],
  async run(url, ctx) {
    const { codec } = await probeVideo(url);
    const input = ['-reconnect', '1', '-reconnect_streamed', '1', '-rw_timeout', '5000000', '-i', url];
    await runFfmpegIngest({ input, video: PASSTHROUGH.has(codec) ? COPY : TRANSCODE_H264 }, ctx);
  },
  probe: (url) => probeVideo(url),
};

/** A local file played in a loop at its own speed: demos and tests. */
export const fileSource: SourceDriver = {
  schemes: ['file'],
  async run(url, ctx) {
    const path = fileURLToPath(url);
    if (!existsSync(path)) throw new SourceError('NOT_FOUND', `no such file ${path}`);
    const { codec } = await probeVideo(path);
    await runFfmpegIngest({ input: ['-re', '-stream_loop', '-1', '-i', path], video: PASSTHROUGH.has(codec) ? COPY : TRANSCODE_H264 }, ctx);
  },
  async probe(url) {
    const path = fileURLToPath(url);
    if (!existsSync(path)) throw new SourceError('NOT_FOUND', `no such file ${path}`);
    return probeVideo(path);
  },
};
