/** Incremental reader of top-level ISO-BMFF boxes from a byte stream (ffmpeg's fMP4 on a pipe). */
export interface Box {
  type: string;
  data: Buffer;
}

export class BoxReader {
  private chunks: Buffer[] = [];
  private length = 0;

  /** Feeds bytes; returns every box completed by them, in order. */
  push(chunk: Buffer): Box[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const out: Box[] = [];
    for (;;) {
      if (this.length < 8) break;
      const head = this.peek(16);
      let size = head.readUInt32BE(0);
      let headerLen = 8;
      if (size === 1) {
        if (head.length < 16) break;
        size = Number(head.readBigUInt64BE(8));
        headerLen = 16;
      }
      if (size < headerLen) throw new Error(`corrupt MP4 box size ${size}`);
      if (this.length < size) break;
      const data = this.take(size);
      out.push({ type: data.toString('latin1', 4, 8), data });
    }
    return out;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n || this.chunks.length === 1) return this.chunks[0].subarray(0, n);
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    if (first.length >= n) {
      // Fast path: the box lies in the first chunk, no copy (ffmpeg writes about one box per chunk).
      const box = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.length -= n;
      return box;
    }
    const all = Buffer.concat(this.chunks);
    const box = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return box;
  }
}

/** Children of a container box (skipping its 8-byte header plus `extra` bytes, e.g. full-box flags). */
export function children(box: Buffer, extra = 0): Box[] {
  const out: Box[] = [];
  let off = 8 + extra;
  while (off + 8 <= box.length) {
    const size = box.readUInt32BE(off);
    if (size < 8 || off + size > box.length) break;
    out.push({ type: box.toString('latin1', off + 4, off + 8), data: box.subarray(off, off + size) });
    off += size;
  }
  return out;
}

/** Depth-first search for the first box of `type` along container boxes. */
export function find(box: Buffer, path: string[]): Buffer | undefined {
  let current: Buffer | undefined = box;
  for (const type of path) {
    if (!current) return undefined;
    const extra: number = CONTAINER_EXTRA[current.toString('latin1', 4, 8)] ?? 0;
    current = children(current, extra).find((c) => c.type === type)?.data;
  }
  return current;
}

/** Bytes to skip after the header for containers that are also full boxes or sample entries. */
const CONTAINER_EXTRA: Record<string, number> = { stsd: 8, avc1: 78, avc3: 78, hvc1: 78, hev1: 78, meta: 4 };
