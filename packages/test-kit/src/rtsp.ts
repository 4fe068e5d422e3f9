import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { sceneArgs, spawnFfmpeg, type FfmpegRun, type SceneOptions } from '@vigil/media';
import { freePort, waitForPort } from './ports';

export interface RtspServer {
  /** URL a camera client pulls from. */
  url(path: string): string;
  /** URL a publisher pushes to (ANNOUNCE/RECORD over UDP). */
  publishUrl(path: string): string;
  close(): Promise<void>;
}

let rtpBase = 20_000 + (process.pid % 200) * 100;

/**
 * A real RTSP server for simulated cameras: Debian's rtsp-server-perl bound to 127.0.0.1. It relays
 * over UDP only, so cameras pulling from it use `rtspTransport: 'udp'`.
 */
export async function startRtspServer(): Promise<RtspServer> {
  const clientPort = await freePort();
  const sourcePort = await freePort();
  rtpBase += 40;
  const child = spawn('rtsp-server-perl', ['--clientport', String(clientPort), '--serverport', String(sourcePort), '--client_listen_address', '127.0.0.1', '--source_listen_address', '127.0.0.1', '--rtp_start_port', String(rtpBase), '-l', '1'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('error', () => undefined);
  await waitForPort(clientPort);
  await waitForPort(sourcePort);
  return {
    url: (path) => `rtsp://127.0.0.1:${clientPort}/${path}`,
    publishUrl: (path) => `rtsp://127.0.0.1:${sourcePort}/${path}`,
    async close() {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** A simulated camera: ffmpeg renders a scene live and publishes it to the RTSP server. */
export function publishScene(url: string, scene: Partial<SceneOptions> = {}): FfmpegRun {
  return spawnFfmpeg([...sceneArgs({ scene: 'street', ...scene }), '-f', 'rtsp', '-rtsp_transport', 'udp', url], { env: { TZ: 'Asia/Ho_Chi_Minh' } });
}

/** An RTSP endpoint that refuses every request with 401, like a camera given the wrong password. */
export async function startAuthRequiredRtsp(): Promise<{ url: string; close(): Promise<void> }> {
  const srv: Server = createServer((sock) => {
    sock.on('data', (d) => {
      const cseq = /CSeq:\s*(\d+)/i.exec(d.toString())?.[1] ?? '1';
      sock.write(`RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\nWWW-Authenticate: Basic realm="IP Camera"\r\nContent-Length: 0\r\n\r\n`);
    });
    sock.on('error', () => sock.destroy());
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const addr = srv.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `rtsp://127.0.0.1:${port}/Streaming/Channels/101`, close: () => new Promise((r) => srv.close(() => r())) };
}

/** Pids of running ffmpeg processes whose command line mentions `needle`. */
export async function ffmpegPids(needle: string): Promise<number[]> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    if (cmd.startsWith('ffmpeg') && cmd.includes(needle)) pids.push(Number(d));
  }
  return pids;
}
