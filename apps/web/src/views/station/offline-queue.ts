// Offline queue of scans and the last synced lists, kept in IndexedDB so a reload or a crash loses
// nothing and a large permit list is not cut off by localStorage's ~5 MB. Entries are keyed by scan
// id (a retried write cannot duplicate one) and leave the queue only when the server confirms them
// (stored or duplicate), so a lost answer means a resend, which the server deduplicates by scan id.
// Queues left in localStorage by earlier versions are moved over on first use.
import { checkpointsApi, type QueuedScan, type StationSync } from '../../api/checkpoints';

const DB_NAME = 'vigil-station';
const QUEUE = 'queue';
const SYNC = 'sync';
const BATCH = 500;

const legacyQueueKey = (cpId: string) => `vigil.station.${cpId}.queue`;
const legacySyncKey = (cpId: string) => `vigil.station.${cpId}.sync`;

interface Row extends QueuedScan {
  checkpointId: string;
  /** Order of queuing, so the server gets scans in the order they happened. */
  seq: number;
}

let dbPromise: Promise<IDBDatabase> | null = null;
let seqCounter = 0;

function openDb(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore(QUEUE, { keyPath: 'scanId' }).createIndex('checkpointId', 'checkpointId');
        db.createObjectStore(SYNC);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
      req.onblocked = () => reject(new Error('IndexedDB blocked by another tab of an older version'));
    });
    // A failed open is tried again next time rather than remembered.
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}

/** Runs `fn` in one transaction; resolves with its request's result once the transaction commits. */
async function inTx<T>(stores: string[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => IDBRequest<T> | undefined): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    const t = db.transaction(stores, mode);
    const req = fn(t);
    t.oncomplete = () => resolve(req?.result as T);
    t.onerror = () => reject(t.error ?? req?.error ?? new Error('IndexedDB write failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const migrated = new Map<string, Promise<void>>();

/** Moves an earlier version's localStorage queue and sync into IndexedDB, once per page load. */
function migrateLegacy(cpId: string): Promise<void> {
  let p = migrated.get(cpId);
  if (!p) {
    p = (async () => {
      const rawQueue = localStorage.getItem(legacyQueueKey(cpId));
      const rawSync = localStorage.getItem(legacySyncKey(cpId));
      if (rawQueue) {
        const scans = JSON.parse(rawQueue) as QueuedScan[];
        // put() by scan id: a migration interrupted before the removal below repeats harmlessly.
        await inTx([QUEUE], 'readwrite', (t) => {
          const store = t.objectStore(QUEUE);
          scans.forEach((s, i) => store.put({ ...s, checkpointId: cpId, seq: i - scans.length } satisfies Row));
          return undefined;
        });
        localStorage.removeItem(legacyQueueKey(cpId));
      }
      if (rawSync) {
        await inTx([SYNC], 'readwrite', (t) => t.objectStore(SYNC).put(JSON.parse(rawSync) as StationSync, cpId));
        localStorage.removeItem(legacySyncKey(cpId));
      }
    })();
    // Failed (no IndexedDB yet): try again on the next call; the localStorage data stays put.
    p.catch(() => migrated.delete(cpId));
    migrated.set(cpId, p);
  }
  return p;
}

async function rowsOf(cpId: string): Promise<Row[]> {
  await migrateLegacy(cpId);
  const rows = await inTx<Row[]>([QUEUE], 'readonly', (t) => t.objectStore(QUEUE).index('checkpointId').getAll(cpId));
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Scans waiting to be sent. */
export async function queueSize(cpId: string): Promise<number> {
  await migrateLegacy(cpId);
  return inTx<number>([QUEUE], 'readonly', (t) => t.objectStore(QUEUE).index('checkpointId').count(cpId));
}

/** Queues a scan checked offline; resolves once it is on disk, with the queue's new length. */
export async function enqueue(cpId: string, scan: QueuedScan): Promise<number> {
  await migrateLegacy(cpId);
  const row: Row = { ...scan, checkpointId: cpId, seq: Date.now() * 1000 + (seqCounter++ % 1000) };
  await inTx([QUEUE], 'readwrite', (t) => t.objectStore(QUEUE).put(row));
  return queueSize(cpId);
}

const flushing = new Map<string, Promise<number>>();

/** Sends the queue in batches; returns what is left. Throws only when nothing could be sent. */
export function flushQueue(cpId: string): Promise<number> {
  // One flush at a time per checkpoint: overlapping ones would only resend the same scans.
  let p = flushing.get(cpId);
  if (!p) {
    p = (async () => {
      let rows = await rowsOf(cpId);
      while (rows.length > 0) {
        const batch = rows.slice(0, BATCH).map(({ checkpointId: _cp, seq: _seq, ...scan }) => scan);
        const res = await checkpointsApi.batch(cpId, batch);
        const done = res.results.map((r) => r.scanId);
        if (done.length === 0) break;
        await inTx([QUEUE], 'readwrite', (t) => {
          const store = t.objectStore(QUEUE);
          for (const id of done) store.delete(id);
          return undefined;
        });
        // Re-read: scans queued while the request was in flight stay, and are sent next.
        rows = await rowsOf(cpId);
        if (batch.length < BATCH) break;
      }
      return rows.length;
    })().finally(() => flushing.delete(cpId));
    flushing.set(cpId, p);
  }
  return p;
}

/** Keeps the lists of the last sync for offline checks. */
export async function saveSync(cpId: string, sync: StationSync): Promise<void> {
  try {
    await inTx([SYNC], 'readwrite', (t) => t.objectStore(SYNC).put(sync, cpId));
  } catch (err) {
    // Disk full: the station keeps the lists in memory for this session.
    console.warn('station sync not stored', err);
  }
}

export async function loadSync(cpId: string): Promise<StationSync | null> {
  await migrateLegacy(cpId);
  return (await inTx<StationSync | undefined>([SYNC], 'readonly', (t) => t.objectStore(SYNC).get(cpId))) ?? null;
}
