import { FFPROBE, lastLines, runFfmpeg, spawnFfmpeg } from './spawn';

export interface ProbeResult {
  format: string;
  durationSec: number;
  video?: { codec: string; width: number; height: number; fps: number };
}

/** ffprobe mapped into our own type (the adapter keeps ffprobe's JSON out of the rest of the code). */
export async function probe(input: string, timeoutMs = 10_000, inputArgs: string[] = []): Promise<ProbeResult> {
  const run = spawnFfmpeg(['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...inputArgs, input], { signal: AbortSignal.timeout(timeoutMs) }, FFPROBE);
  const out: Buffer[] = [];
  run.child.stdout?.on('data', (d: Buffer) => out.push(d));
  const { code, stderr } = await run.exited;
  if (code !== 0) throw new Error(`ffprobe ${input}: ${lastLines(stderr) || `exit ${code}`}`);
  const j = JSON.parse(Buffer.concat(out).toString('utf8')) as {
    format?: { format_name?: string; duration?: string };
    streams?: { codec_type: string; codec_name: string; width: number; height: number; avg_frame_rate?: string }[];
  };
  const v = j.streams?.find((s) => s.codec_type === 'video');
  const [num, den] = (v?.avg_frame_rate ?? '0/1').split('/').map(Number);
  return {
    format: j.format?.format_name ?? '',
    durationSec: Number(j.format?.duration ?? 0),
    video: v && { codec: v.codec_name, width: v.width, height: v.height, fps: den ? num / den : 0 },
  };
}

/**
 * Time (s, from the file's first packet) of the last video keyframe at or before `atSec` (also from
 * the first packet): where a stream copy that must show `atSec` starts. Reads packet headers only,
 * up to `atSec`; recorded files keep the camera's timestamps, so times are taken from the first one.
 */
export async function keyframeAtOrBefore(file: string, atSec: number, timeoutMs = 10_000): Promise<number> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', '-read_intervals', `%+${(atSec + 0.05).toFixed(3)}`, file];
  const out = await runFfmpeg(args, { signal: AbortSignal.timeout(timeoutMs) }, FFPROBE);
  let first: number | null = null;
  let best = 0;
  for (const line of out.toString('utf8').split('\n')) {
    const [pts, flags] = line.split(',');
    const raw = Number(pts);
    if (!pts || !Number.isFinite(raw)) continue;
    first ??= raw;
    const t = raw - first;
    if (flags?.startsWith('K') && t <= atSec + 1e-3 && t >= best) best = t;
  }
  return best;
}
