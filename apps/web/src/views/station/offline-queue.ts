// Offline queue of scans, kept in localStorage so a reload or a crash loses nothing; entries leave
// the queue only when the server confirms them (stored or duplicate), so a lost answer means a
// resend, which the server deduplicates by scan id.
import { checkpointsApi, type QueuedScan, type StationSync } from '../../api/checkpoints';

const queueKey = (cpId: string) => `vigil.station.${cpId}.queue`;
const syncKey = (cpId: string) => `vigil.station.${cpId}.sync`;

export function loadQueue(cpId: string): QueuedScan[] {
  const raw = localStorage.getItem(queueKey(cpId));
  return raw ? (JSON.parse(raw) as QueuedScan[]) : [];
}

export function enqueue(cpId: string, scan: QueuedScan): number {
  const q = loadQueue(cpId);
  q.push(scan);
  localStorage.setItem(queueKey(cpId), JSON.stringify(q));
  return q.length;
}

/** Sends the queue in batches; returns what is left. Throws only when nothing could be sent. */
export async function flushQueue(cpId: string): Promise<number> {
  const q = loadQueue(cpId);
  if (q.length === 0) return 0;
  const batch = q.slice(0, 500);
  const res = await checkpointsApi.batch(cpId, batch);
  const done = new Set(res.results.map((r) => r.scanId));
  // Re-read: scans queued while the request was in flight must stay.
  const left = loadQueue(cpId).filter((s) => !done.has(s.scanId));
  localStorage.setItem(queueKey(cpId), JSON.stringify(left));
  return left.length;
}

export function saveSync(cpId: string, sync: StationSync): void {
  try {
    localStorage.setItem(syncKey(cpId), JSON.stringify(sync));
  } catch (err) {
    // Quota: a very large permit list does not fit; the station then checks flags only from memory.
    console.warn('station sync not stored', err);
  }
}

export function loadSync(cpId: string): StationSync | null {
  const raw = localStorage.getItem(syncKey(cpId));
  return raw ? (JSON.parse(raw) as StationSync) : null;
}
