import { StreamHub } from '../hub/stream-hub';
import { Fmp4Demuxer } from '../hub/fmp4-demuxer';
import { spawnFfmpeg } from '../ffmpeg/spawn';
import { Supervisor } from '../ingest/supervisor';
import { fmp4PipeOutput } from '../sources/ffmpeg-ingest';
import { classifyFfmpegError, SourceError, type SourceDriver } from '../sources/source';
import { SCENES, sceneArgs, type SceneName } from './scene';

/**
 * One live encoder per scene, shared by every demo:// camera showing it, so a demo of 80 cameras
 * costs three encoders, not eighty. Each camera still has its own hub, recorder and viewers.
 */
class SceneGenerator {
  readonly hub: StreamHub;
  private users = 0;
  private sup: Supervisor | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly scene: SceneName) {
    this.hub = new StreamHub(`scene:${scene}`);
  }

  acquire(): void {
    this.users += 1;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (!this.sup) {
      this.sup = new Supervisor({ name: `demo-${this.scene}`, run: (signal) => this.runOnce(signal), minBackoffMs: 1000 }).start();
    }
  }

  release(): void {
    this.users -= 1;
    if (this.users > 0 || this.idle) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.users === 0 && this.sup) {
        const s = this.sup;
        this.sup = null;
        void s.close();
      }
    }, 2000);
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const s = this.sup;
    this.sup = null;
    await s?.close();
  }

  private async runOnce(signal: AbortSignal): Promise<void> {
    const run = spawnFfmpeg([...sceneArgs({ scene: this.scene }), ...fmp4PipeOutput(0)], { signal, env: { TZ: process.env.VIGIL_TZ ?? 'Asia/Ho_Chi_Minh' } });
    const demux = new Fmp4Demuxer(this.hub);
    run.child.stdout?.on('data', (c: Buffer) => demux.push(c));
    const { code, stderr } = await run.exited;
    this.hub.end('demo encoder stopped');
    if (!signal.aborted) throw code === 0 ? new SourceError('ENDED', 'demo encoder ended') : classifyFfmpegError(stderr);
  }
}

const generators = new Map<SceneName, SceneGenerator>();

function generator(scene: SceneName): SceneGenerator {
  let g = generators.get(scene);
  if (!g) generators.set(scene, (g = new SceneGenerator(scene)));
  return g;
}

export function sceneOf(url: string): SceneName {
  const scene = (new URL(url).searchParams.get('scene') ?? 'street') as SceneName;
  if (!SCENES.includes(scene)) throw new SourceError('NOT_FOUND', `unknown demo scene "${scene}" (${SCENES.join(', ')})`);
  return scene;
}

/** `demo://<name>?scene=street|traffic|plate`: synthetic cameras for demos and tests. */
export const demoSource: SourceDriver = {
  schemes: ['demo'],
  async run(url, ctx) {
    const g = generator(sceneOf(url));
    g.acquire();
    const unsubscribe = g.hub.subscribe({
      onInit: (init, info) => ctx.hub.setInit(init, info),
      onFragment: (data, info, at) => ctx.hub.pushFragment(data, info, at),
      onEnd: (reason) => ctx.hub.end(reason),
    });
    try {
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
    } finally {
      unsubscribe();
      ctx.hub.end('stopped');
      g.release();
    }
  },
  async probe(url) {
    sceneOf(url);
    return { codec: 'h264', width: 640, height: 360 };
  },
};

/** Stops every scene encoder (server shutdown, tests). */
export async function closeDemoScenes(): Promise<void> {
  await Promise.all([...generators.values()].map((g) => g.close()));
  generators.clear();
}
