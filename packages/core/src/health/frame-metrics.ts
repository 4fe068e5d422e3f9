/** Measures of one small grey sample picture (e.g. 160x90), enough to tell black, frozen, moved. */
export interface FrameMetrics {
  mean: number;
  stddev: number;
  /** Mean absolute horizontal+vertical gradient: falls when defocused, covered or sprayed. */
  sharpness: number;
}

export function frameMetrics(px: Uint8Array, width: number, height: number): FrameMetrics {
  let sum = 0;
  let sq = 0;
  let grad = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = px[row + x];
      sum += v;
      sq += v * v;
      if (x + 1 < width) grad += Math.abs(v - px[row + x + 1]);
      if (y + 1 < height) grad += Math.abs(v - px[row + width + x]);
    }
  }
  const n = width * height;
  const mean = sum / n;
  return { mean, stddev: Math.sqrt(Math.max(0, sq / n - mean * mean)), sharpness: grad / n };
}

/** Mean absolute difference of two samples (0-255). */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
  return d / a.length;
}

/**
 * Normalised cross-correlation of the gradient images of two samples (-1..1): close to 1 for the
 * same scene under other light, low when the camera was turned, swapped or covered.
 */
export function sceneSimilarity(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  const ga = gradients(a, width, height);
  const gb = gradients(b, width, height);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < ga.length; i++) {
    ma += ga[i];
    mb += gb[i];
  }
  ma /= ga.length;
  mb /= gb.length;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ga.length; i++) {
    const x = ga[i] - ma;
    const y = gb[i] - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

function gradients(px: Uint8Array, width: number, height: number): Float32Array {
  const out = new Float32Array((width - 1) * (height - 1));
  let k = 0;
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0; x < width - 1; x++) {
      const i = y * width + x;
      out[k++] = Math.abs(px[i] - px[i + 1]) + Math.abs(px[i] - px[i + width]);
    }
  }
  return out;
}
