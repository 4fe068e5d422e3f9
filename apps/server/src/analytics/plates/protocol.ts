import type { Crop } from '@vigil/analytics';

/** `close`: finish the read in hand, skip the rest, and end the thread (never mid-inference). */
export type ToPlateWorker = { type: 'read'; id: number; crops: Crop[] } | { type: 'close' };

/** The plate voted across a track's crops. */
export interface VotedPlate {
  /** Normalised (`51F12345`): what events store and search. */
  text: string;
  /** As printed (`51F-123.45`). */
  display: string;
  confidence: number;
  votes: number;
  colour: 'white' | 'blue' | 'yellow' | 'red';
}

export type FromPlateWorker =
  | { type: 'ready' }
  | { type: 'unavailable'; message: string }
  | { type: 'result'; id: number; plate: VotedPlate | null; ms: number }
  | { type: 'error'; id: number; message: string };
