import { find } from './boxes';

/** What the init segment (ftyp+moov) tells: the codec string for MSE, timescale, size. */
export interface InitInfo {
  /** e.g. `avc1.64001f` or `hvc1.1.6.L93.B0`. */
  codec: string;
  /** Browsers without HEVC cannot play `hvc1`/`hev1`: relayed and recorded as is. */
  browserPlayable: boolean;
  timescale: number;
  width: number;
  height: number;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** Reads the first video track of a moov box. */
export function parseInit(moov: Buffer): InitInfo {
  const mdhd = find(moov, ['trak', 'mdia', 'mdhd']);
  if (!mdhd) throw new Error('moov has no video track (mdhd missing)');
  const version = mdhd[8];
  const timescale = version === 1 ? mdhd.readUInt32BE(8 + 4 + 16) : mdhd.readUInt32BE(8 + 4 + 8);
  const tkhd = find(moov, ['trak', 'tkhd']);
  let width = 0;
  let height = 0;
  if (tkhd) {
    width = tkhd.readUInt32BE(tkhd.length - 8) >>> 16;
    height = tkhd.readUInt32BE(tkhd.length - 4) >>> 16;
  }
  const stsd = find(moov, ['trak', 'mdia', 'minf', 'stbl', 'stsd']);
  const entry = stsd?.toString('latin1', 8 + 8 + 4, 8 + 8 + 8) ?? '';
  let codec = entry;
  if (entry === 'avc1' || entry === 'avc3') {
    const avcC = find(moov, ['trak', 'mdia', 'minf', 'stbl', 'stsd', entry, 'avcC']);
    if (avcC) codec = `${entry}.${hex(avcC[9])}${hex(avcC[10])}${hex(avcC[11])}`;
  } else if (entry === 'hvc1' || entry === 'hev1') {
    codec = `${entry}.1.6.L93.B0`;
  }
  return { codec, browserPlayable: codec.startsWith('avc'), timescale, width, height };
}
