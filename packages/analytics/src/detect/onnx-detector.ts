import type { Frame } from '../frame';
import type { Box } from '../geometry';
import { COCO_CLASSES, dropRiders, nms, type Detection, type Detector } from './detector';

type Ort = typeof import('onnxruntime-node');

/**
 * Any YOLO-style COCO ONNX export dropped in by path: input [1,3,S,S] RGB 0..1; output either
 * [1, 4+80, N] (YOLOv8/11: cx,cy,w,h + class scores) or [1, N, 5+80] (YOLOv5: + objectness).
 */
export class OnnxDetector implements Detector {
  readonly name = 'onnx-yolo';
  minScore = 0.35;

  private constructor(
    private readonly ort: Ort,
    private readonly session: import('onnxruntime-node').InferenceSession,
    private readonly size: number,
  ) {}

  static async create(path: string): Promise<OnnxDetector> {
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(path, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    const meta = session.inputMetadata?.[0] as { shape?: (number | string)[] } | undefined;
    const s = Number(meta?.shape?.[2]);
    return new OnnxDetector(ort, session, Number.isFinite(s) && s > 0 ? s : 640);
  }

  async detect(f: Frame, _blobs: Box[]): Promise<Detection[]> {
    const S = this.size;
    const input = new Float32Array(3 * S * S);
    // Nearest-neighbour resize straight into planar CHW.
    for (let y = 0; y < S; y++) {
      const sy = Math.min(f.height - 1, Math.floor((y * f.height) / S));
      for (let x = 0; x < S; x++) {
        const i = (sy * f.width + Math.min(f.width - 1, Math.floor((x * f.width) / S))) * 3;
        const o = y * S + x;
        input[o] = f.data[i] / 255;
        input[S * S + o] = f.data[i + 1] / 255;
        input[2 * S * S + o] = f.data[i + 2] / 255;
      }
    }
    const feeds = { [this.session.inputNames[0]]: new this.ort.Tensor('float32', input, [1, 3, S, S]) };
    const out = (await this.session.run(feeds))[this.session.outputNames[0]];
    const [, a, b] = out.dims as number[];
    const d = out.data as Float32Array;
    const v8 = a < b; // [1, 84, N]
    const n = v8 ? b : a;
    const stride = v8 ? a : b;
    const at = (row: number, k: number) => (v8 ? d[k * n + row] : d[row * stride + k]);
    const sx = f.width / S;
    const sy = f.height / S;
    const dets: Detection[] = [];
    for (let r = 0; r < n; r++) {
      const first = v8 ? 4 : 5;
      const obj = v8 ? 1 : at(r, 4);
      let best = 0;
      let cls = -1;
      for (let k = first; k < stride; k++) {
        const s = at(r, k) * obj;
        if (s > best) {
          best = s;
          cls = k - first;
        }
      }
      const c = COCO_CLASSES[cls];
      if (best < this.minScore || !c) continue;
      const cx = at(r, 0);
      const cy = at(r, 1);
      const w = at(r, 2);
      const h = at(r, 3);
      dets.push({ box: { x: (cx - w / 2) * sx, y: (cy - h / 2) * sy, w: w * sx, h: h * sy }, class: c, score: best });
    }
    return dropRiders(nms(dets));
  }
}
