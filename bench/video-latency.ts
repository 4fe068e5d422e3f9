// Placeholder replaced below once the wall page exists.
export async function measureLatency(_o: { cameras: number; seconds: number }) {
  return { skipped: 'wall page not available yet' };
}
