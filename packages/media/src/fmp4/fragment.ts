import { find } from './boxes';

/** One media fragment (moof+mdat) with what the hub and recorder need to know about it. */
export interface FragmentInfo {
  /** Starts with a sync sample: a viewer or a segment may begin here. */
  keyframe: boolean;
  /** tfdt baseMediaDecodeTime, in track timescale units. */
  decodeTime: number;
  /** Sum of sample durations, in track timescale units. */
  duration: number;
  samples: number;
}

const NON_SYNC = 0x10000;

/** Parses tfhd/tfdt/trun of a moof to find keyframes and durations. */
export function parseMoof(moof: Buffer): FragmentInfo {
  const tfhd = find(moof, ['traf', 'tfhd']);
  const tfdt = find(moof, ['traf', 'tfdt']);
  const trun = find(moof, ['traf', 'trun']);
  if (!tfhd || !trun) throw new Error('moof without tfhd/trun');

  const tfFlags = tfhd.readUInt32BE(8) & 0xffffff;
  let off = 16; // header(8) + version/flags(4) + track_ID(4)
  if (tfFlags & 0x01) off += 8; // base_data_offset
  if (tfFlags & 0x02) off += 4; // sample_description_index
  let defaultDuration = 0;
  if (tfFlags & 0x08) {
    defaultDuration = tfhd.readUInt32BE(off);
    off += 4;
  }
  if (tfFlags & 0x10) off += 4; // default_sample_size
  let defaultFlags = 0;
  if (tfFlags & 0x20) defaultFlags = tfhd.readUInt32BE(off);

  let decodeTime = 0;
  if (tfdt) decodeTime = tfdt[8] === 1 ? Number(tfdt.readBigUInt64BE(12)) : tfdt.readUInt32BE(12);

  const trFlags = trun.readUInt32BE(8) & 0xffffff;
  const count = trun.readUInt32BE(12);
  let p = 16;
  if (trFlags & 0x01) p += 4; // data_offset
  let firstFlags: number | undefined;
  if (trFlags & 0x04) {
    firstFlags = trun.readUInt32BE(p);
    p += 4;
  }
  let duration = 0;
  let firstSampleFlags = firstFlags ?? defaultFlags;
  for (let i = 0; i < count; i++) {
    let d = defaultDuration;
    if (trFlags & 0x100) {
      d = trun.readUInt32BE(p);
      p += 4;
    }
    if (trFlags & 0x200) p += 4; // size
    if (trFlags & 0x400) {
      if (i === 0 && firstFlags === undefined) firstSampleFlags = trun.readUInt32BE(p);
      p += 4;
    }
    if (trFlags & 0x800) p += 4; // composition offset
    duration += d;
  }
  return { keyframe: (firstSampleFlags & NON_SYNC) === 0, decodeTime, duration, samples: count };
}

/**
 * The moof of a moof+mdat fragment, copied, with its tfdt (decode time) set to `decodeTime`, so each
 * recorded file's timeline starts at zero and plays on its own. Only the small moof is copied; the
 * caller writes it followed by `fragment.subarray(moof.length)`.
 */
export function moofWithDecodeTime(fragment: Buffer, decodeTime: number): Buffer {
  const moofSize = fragment.readUInt32BE(0);
  const out = Buffer.from(fragment.subarray(0, moofSize));
  let off = 8;
  while (off + 8 <= moofSize) {
    const size = out.readUInt32BE(off);
    if (out.toString('latin1', off + 4, off + 8) === 'traf') {
      let t = off + 8;
      while (t + 8 <= off + size) {
        const s = out.readUInt32BE(t);
        if (out.toString('latin1', t + 4, t + 8) === 'tfdt') {
          if (out[t + 8] === 1) out.writeBigUInt64BE(BigInt(decodeTime), t + 12);
          else out.writeUInt32BE(decodeTime >>> 0, t + 12);
          return out;
        }
        if (s < 8) break;
        t += s;
      }
    }
    if (size < 8) break;
    off += size;
  }
  return out;
}

/** Media duration (ms) of a fragmented MP4 file: what survived of a recording cut short by a crash. */
export async function fmp4DurationMs(path: string): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const { BoxReader } = await import('./boxes');
  const { parseInit } = await import('./init');
  const boxes = new BoxReader().push(await readFile(path));
  let timescale = 0;
  let total = 0;
  let pendingMoof: Buffer | null = null;
  for (const b of boxes) {
    if (b.type === 'moov') timescale = parseInit(b.data).timescale;
    else if (b.type === 'moof') pendingMoof = b.data;
    else if (b.type === 'mdat' && pendingMoof) {
      total += parseMoof(pendingMoof).duration;
      pendingMoof = null;
    }
  }
  return timescale ? (total / timescale) * 1000 : 0;
}
