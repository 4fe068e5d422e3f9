import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A small synthetic "camera frame" PNG for demo evidence (road, a vehicle, its plate), so demo
 * cases carry real hashed image files before the video pipeline produces real ones.
 */
export function demoFramePng(seed: number, w = 192, h = 128): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const car: [number, number, number] = [[200, 40, 40], [40, 90, 200], [230, 200, 40], [60, 160, 80]][seed % 4] as [number, number, number];
  const cx = 40 + ((seed * 37) % (w - 100));
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let px: [number, number, number] = y < 30 ? [150, 190, 230] : [90, 90, 95];
      if (y > 30 && Math.abs(x - w / 2) < 2 && y % 16 < 8) px = [240, 240, 240];
      if (y > 60 && y < 100 && x > cx && x < cx + 56) px = car;
      if (y > 88 && y < 97 && x > cx + 16 && x < cx + 40) px = [250, 250, 250];
      if (y >= 104 && y <= 106) px = [255, 255, 255]; // stop line
      raw.set(px, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
