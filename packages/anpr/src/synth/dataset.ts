// A reproducible generated set: formats cycle so every one is equally represented, and every third
// sample is a whole street scene, the rest vehicle crops.
import { renderCrop, renderScene, type Sample } from './render';
import { FORMATS, randomSpec, Rng, type PlateSpec } from './spec';

/** One generated image with its truth. */
export interface SynthItem {
  id: string;
  spec: PlateSpec;
  kind: 'crop' | 'scene';
  sample: Sample;
}

/** Options for a generated set. */
export interface SetOptions {
  n: number;
  seed?: number;
  /** Share of whole scenes (default 1/3). */
  sceneShare?: number;
  /** Daylight, sharp, at most 10 degrees of tilt: for tests that must pass on every run. */
  mild?: boolean;
}

/** Generates the set one item at a time (scenes take ~50 ms each to render). */
export async function* generateSet(opts: SetOptions): AsyncGenerator<SynthItem> {
  const share = opts.sceneShare ?? 1 / 3;
  for (let i = 0; i < opts.n; i++) {
    // Each item has its own stream, so item i is the same whatever n is.
    const r = new Rng((opts.seed ?? 1) * 1_000_003 + i * 7919);
    const spec = randomSpec(r, FORMATS[i % FORMATS.length]);
    if (opts.mild) {
      const c = spec.conditions;
      Object.assign(c, { light: 'day', blur: 'sharp', glare: false, noise: Math.min(c.noise, 3), jpeg: Math.max(c.jpeg, 75) });
      c.yaw = Math.max(-10, Math.min(10, c.yaw));
      c.pitch = Math.max(-10, Math.min(10, c.pitch));
    }
    const kind = Math.floor((i + 1) * share) > Math.floor(i * share) ? 'scene' : 'crop';
    const sample = kind === 'scene' ? await renderScene(spec, r) : await renderCrop(spec, r);
    yield { id: `${String(i).padStart(4, '0')}-${kind}-${spec.format}`, spec, kind, sample };
  }
}
