import { parentPort } from 'node:worker_threads';
import type { SignalPhase } from '@vigil/types';
import { BlobDetector } from '../detect/blob-detector';
import type { Detector } from '../detect/detector';
import { CameraAnalyzer } from '../pipeline/analyzer';
import { drawBox } from './draw';
import { TrackCrops } from './track-crops';
import type { DetectorSpec, FromWorker, HitWithFrame, ToWorker } from './protocol';

/** Runs in a worker thread: one analyzer per camera; frames arrive as transferred buffers. */
const port = parentPort!;
const cams = new Map<string, { analyzer: CameraAnalyzer; phase: SignalPhase; busy: Promise<void>; crops: TrackCrops }>();
const detectors = new Map<string, Promise<Detector>>();

async function loadDetector(spec: DetectorSpec): Promise<Detector> {
  if (spec.kind === 'blobs') return new BlobDetector();
  if (spec.kind === 'tfjs') {
    const { TfjsDetector } = await import('../detect/tfjs-detector');
    return TfjsDetector.create(spec.model);
  }
  const { OnnxDetector } = await import('../detect/onnx-detector');
  return OnnxDetector.create(spec.path);
}

function detectorFor(spec: DetectorSpec): Promise<Detector> {
  const key = JSON.stringify(spec);
  let d = detectors.get(key);
  if (!d) {
    // A model that fails to load leaves the camera on motion blobs rather than blind.
    d = loadDetector(spec).catch((err: Error) => {
      post({ type: 'error', cameraId: '*', message: `detector ${key} failed to load (${err.message}); using motion blobs` });
      return new BlobDetector();
    });
    detectors.set(key, d);
  }
  return d;
}

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'configure': {
      const cam = { analyzer: null as unknown as CameraAnalyzer, phase: 'unknown' as SignalPhase, busy: Promise.resolve(), crops: new TrackCrops() };
      cam.busy = detectorFor(m.detector).then((detector) => {
        cam.analyzer = new CameraAnalyzer({ config: m.config, detector, width: m.width, height: m.height, externalPhase: () => cam.phase });
      });
      cams.set(m.cameraId, cam);
      return;
    }
    case 'remove':
      cams.delete(m.cameraId);
      return;
    case 'phase': {
      const cam = cams.get(m.cameraId);
      if (cam) cam.phase = m.phase;
      return;
    }
    case 'crash':
      throw new Error('analysis worker crash requested');
    case 'frame': {
      const cam = cams.get(m.cameraId);
      if (!cam) return post({ type: 'done', cameraId: m.cameraId, at: m.at, hits: [], ranDetector: false, tracks: 0, ms: 0 });
      cam.busy = cam.busy.then(() => analyse(m.cameraId, cam.analyzer, cam.crops, m));
      return;
    }
  }
});

async function analyse(cameraId: string, analyzer: CameraAnalyzer, crops: TrackCrops, m: Extract<ToWorker, { type: 'frame' }>): Promise<void> {
  const t0 = performance.now();
  const data = new Uint8Array(m.buf);
  try {
    const r = await analyzer.process({ width: m.width, height: m.height, data, at: m.at });
    crops.update(data, m.width, m.height, r.tracks);
    const hits: HitWithFrame[] = r.hits.map((h) => {
      const copy = new Uint8Array(data);
      drawBox(copy, m.width, m.height, h.box);
      return { ...h, snapshot: { width: m.width, height: m.height, buf: copy.buffer }, crops: crops.take(h.trackId) };
    });
    const transfer = hits.flatMap((h) => [h.snapshot.buf, ...(h.crops ?? []).map((c) => c.buf)]);
    post({ type: 'done', cameraId, at: m.at, hits, ranDetector: r.ranDetector, tracks: r.tracks.length, ms: performance.now() - t0 }, transfer);
  } catch (err) {
    post({ type: 'error', cameraId, message: (err as Error).message });
    post({ type: 'done', cameraId, at: m.at, hits: [], ranDetector: false, tracks: 0, ms: performance.now() - t0 });
  }
}

post({ type: 'ready' });
