import { BoxReader } from '../fmp4/boxes';
import { parseMoof } from '../fmp4/fragment';
import { parseInit } from '../fmp4/init';
import type { StreamHub } from './stream-hub';

/** Turns an fMP4 byte stream (ffmpeg stdout) into init + fragments on a hub. */
export class Fmp4Demuxer {
  private reader = new BoxReader();
  private ftyp: Buffer | null = null;
  private moof: Buffer | null = null;
  private sawInit = false;

  constructor(private readonly hub: StreamHub) {}

  get initialised(): boolean {
    return this.sawInit;
  }

  push(chunk: Buffer): void {
    for (const box of this.reader.push(chunk)) {
      switch (box.type) {
        case 'ftyp':
          this.ftyp = box.data;
          break;
        case 'moov':
          this.hub.setInit(Buffer.concat([this.ftyp ?? Buffer.alloc(0), box.data]), parseInit(box.data));
          this.sawInit = true;
          break;
        case 'moof':
          this.moof = box.data;
          break;
        case 'mdat':
          if (this.moof && this.sawInit) this.hub.pushFragment(Buffer.concat([this.moof, box.data]), parseMoof(this.moof));
          this.moof = null;
          break;
        default:
          // styp, sidx, free...: not needed for live or recording.
          break;
      }
    }
  }
}
