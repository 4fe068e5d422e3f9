import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export const FFMPEG = process.env.VIGIL_FFMPEG ?? 'ffmpeg';
export const FFPROBE = process.env.VIGIL_FFPROBE ?? 'ffprobe';

export interface FfmpegRun {
  child: ChildProcess;
  /** Resolves when the process has exited (never rejects): code, signal and the stderr tail. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  signal?: AbortSignal;
  stdio?: StdioOptions;
  /** Keep this many bytes of stderr for error messages. */
  stderrTail?: number;
  /** Extra environment (e.g. TZ for local-time overlays). */
  env?: Record<string, string>;
}

/** Spawns ffmpeg (or ffprobe) with a bounded stderr tail; aborting the signal stops it. */
export function spawnFfmpeg(args: string[], opts: SpawnOptions = {}, bin = FFMPEG): FfmpegRun {
  const child = spawn(bin, args, { stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'], env: opts.env ? { ...process.env, ...opts.env } : process.env });
  const tailMax = opts.stderrTail ?? 4096;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-tailMax);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('error', (err) => resolve({ code: -1, signal: null, stderr: `${stderr}\n${err.message}` }));
    child.once('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  const stop = async (graceMs = 2000) => {
    if (child.exitCode !== null || child.signalCode !== null) return void (await exited);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  if (opts.signal) {
    const signal = opts.signal;
    const onAbort = () => void stop();
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      // A supervisor's signal outlives many attempts: each one must take its listener away.
      void exited.then(() => signal.removeEventListener('abort', onAbort));
    }
  }
  return { child, exited, stop };
}

/** Runs ffmpeg (or ffprobe, `bin`) to completion: its stdout; rejects with the stderr tail when it fails. */
export async function runFfmpeg(args: string[], opts: SpawnOptions = {}, bin = FFMPEG): Promise<Buffer> {
  const run = spawnFfmpeg(args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] }, bin);
  const out: Buffer[] = [];
  run.child.stdout?.on('data', (d: Buffer) => out.push(d));
  const { code, stderr } = await run.exited;
  if (code !== 0) throw new Error(`${bin === FFMPEG ? 'ffmpeg' : 'ffprobe'} failed (${code}): ${lastLines(stderr)}`);
  return Buffer.concat(out);
}

export function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
