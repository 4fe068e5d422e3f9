// Helpers for the video benchmark: CPU accounting of process trees and simulated RTSP cameras.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFfmpeg, spawnFfmpeg, type FfmpegRun } from '../packages/media/src/index.ts';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by the processes whose pids are given. */
export function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended between listing and reading: its time is lost to the sample, not an error
    }
  }
  return ticks / TICKS;
}

/** Pids of ffmpeg processes whose command line contains `needle`. */
export function ffmpegPidsSync(needle: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.startsWith('ffmpeg') && cmd.includes(needle)) out.push(Number(d));
  }
  return out;
}

/** A 720p, 25 fps, ~2 Mb/s H.264 clip with a 2 s GOP: the stand-in for a typical IP camera. */
export async function cameraClip(dir: string, seconds = 20): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `clip720-${seconds}s.mp4`);
  if (existsSync(out)) return out;
  await runFfmpeg([
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2M', '-maxrate', '2M', '-bufsize', '4M', '-g', '50', '-pix_fmt', 'yuv420p', '-y', out,
  ]);
  return out;
}

/** Publishes the clip in a loop to an RTSP URL, by stream copy (a cheap simulated camera). */
export function publishClip(clip: string, url: string): FfmpegRun {
  return spawnFfmpeg(['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clip, '-c', 'copy', '-f', 'rtsp', '-rtsp_transport', 'udp', url]);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
