import { parentPort } from 'node:worker_threads';
import { PlateReader, voteTrack, type PlateRead, type VoteInput } from '@vigil/anpr';
import type { FromPlateWorker, ToPlateWorker, VotedPlate } from './protocol';

/**
 * Runs in its own worker thread: loads the plate reader once (ONNX models, one intra-op thread) and
 * reads the crops of one track per request, best plate per crop, voted across the crops.
 */
const port = parentPort!;
const post = (m: FromPlateWorker) => port.postMessage(m);
let reader: PlateReader | null = null;

const loading = PlateReader.create().then(
  (r) => {
    reader = r;
    post({ type: 'ready' });
  },
  (err: Error) => post({ type: 'unavailable', message: err.message }),
);
// Requests that arrive while the models load wait for them.
let queue: Promise<void> = loading;

let closing = false;

port.on('message', (m: ToPlateWorker) => {
  if (m.type === 'close') {
    // Ending the thread while onnxruntime runs (or loads a model) aborts the whole process, so the
    // thread ends itself once the read in hand is done; reads still queued are skipped.
    closing = true;
    queue = queue.then(() => port.close());
    return;
  }
  // One request at a time: the reader is CPU-bound and single-threaded.
  queue = queue.then(() => handle(m));
});

async function handle(m: Extract<ToPlateWorker, { type: 'read' }>): Promise<void> {
  if (closing) return;
  const t0 = performance.now();
  try {
    if (!reader) throw new Error('plate reader not loaded');
    const reads: PlateRead[] = [];
    for (const c of m.crops) {
      const found = await reader.readImage({ data: new Uint8Array(c.buf), width: c.width, height: c.height });
      const best = found.sort((a, b) => b.confidence - a.confidence)[0];
      if (best) reads.push(best);
    }
    post({ type: 'result', id: m.id, plate: vote(reads), ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id: m.id, message: (err as Error).message });
  }
}

function vote(reads: PlateRead[]): VotedPlate | null {
  const inputs: VoteInput[] = reads.map((r) => ({ text: r.text, confidence: r.confidence, lines: r.lines }));
  const v = voteTrack(inputs);
  if (!v) return null;
  const colours = reads.filter((r) => r.text === v.text).map((r) => r.colour);
  return { ...v, colour: colours[0] ?? 'white' };
}
