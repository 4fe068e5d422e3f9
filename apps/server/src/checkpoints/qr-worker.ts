// Worker thread decoding checkpoint frames (zxing-wasm + sharp), so a 20-90 ms decode never holds
// the server's event loop. One frame at a time; the pool queues the rest.
import { parentPort } from 'node:worker_threads';
import { type DecodeResult, type DecodeStrategy, decodeImage, loadZxing, thumbnailOf } from './qr-codec';

export type ToQrWorker = { type: 'decode'; id: number; buf: ArrayBuffer; strategy: DecodeStrategy; thumbnail: boolean };
export type FromQrWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: DecodeResult; thumbnail: string | null }
  | { type: 'unreadable'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('qr-worker.ts runs only as a worker thread');

port.on('message', (m: ToQrWorker) => {
  void (async () => {
    let reply: FromQrWorker;
    try {
      const buf = Buffer.from(m.buf);
      const result = await decodeImage(buf, undefined, m.strategy);
      const thumbnail = m.thumbnail && result.codes.length ? await thumbnailOf(buf) : null;
      reply = { type: 'result', id: m.id, result, thumbnail };
    } catch (err) {
      // sharp refusing the bytes: the caller's image is at fault, not the worker.
      reply = { type: 'unreadable', id: m.id, message: (err as Error).message };
    }
    port.postMessage(reply);
  })();
});

await loadZxing();
port.postMessage({ type: 'ready' } satisfies FromQrWorker);
