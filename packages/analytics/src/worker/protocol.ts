import type { CameraRules, SignalPhase } from '@vigil/types';
import type { RuleHit } from '../rules/types';
import type { Crop } from './track-crops';

export type { Crop };

/** Which detector a camera's analyzer uses: motion blobs (generated scenes) or a model. */
export type DetectorSpec = { kind: 'blobs' } | { kind: 'tfjs'; model: 'centernet' | 'nanodet' } | { kind: 'onnx'; path: string };

export type ToWorker =
  | { type: 'configure'; cameraId: string; config: CameraRules; width: number; height: number; detector: DetectorSpec }
  | { type: 'remove'; cameraId: string }
  | { type: 'phase'; cameraId: string; phase: SignalPhase }
  | { type: 'frame'; cameraId: string; at: number; width: number; height: number; buf: ArrayBuffer }
  /** Test hook: the worker throws, as a crashing detector would. */
  | { type: 'crash' };

/** A hit with the frame it happened on (RGB24, box drawn), for the snapshot. */
export interface HitWithFrame extends RuleHit {
  snapshot: { width: number; height: number; buf: ArrayBuffer };
  /** Clean crops of the track from its last frames (vehicles only), for plate reading. */
  crops?: Crop[];
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; cameraId: string; at: number; hits: HitWithFrame[]; ranDetector: boolean; tracks: number; ms: number }
  | { type: 'error'; cameraId: string; message: string };
