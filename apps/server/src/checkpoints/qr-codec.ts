import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { type ReaderOptions, prepareZXingModule, readBarcodes, writeBarcode } from 'zxing-wasm/full';

/** One code found in an image, in the CLI's public shape. */
export interface DecodedCode {
  text: string;
  format: string;
}

let ready: Promise<unknown> | undefined;

/**
 * Loads zxing's bundled .wasm from node_modules once. Left alone, zxing-wasm fetches it from a
 * CDN, which a police network cannot reach.
 */
export function loadZxing(): Promise<unknown> {
  if (!ready) {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/full/zxing_full.wasm');
    const bin = readFileSync(wasmPath);
    const wasmBinary = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return ready;
}

/** Camera frames: QR only, try hard (angle, glare, inversion), a few codes at most. */
const FRAME_OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 4, returnErrors: true };

const FORMAT_NAMES: Record<string, string> = { QRCode: 'QR_CODE', MicroQRCode: 'MICRO_QR_CODE', rMQRCode: 'RMQR_CODE', DataMatrix: 'DATA_MATRIX', Aztec: 'AZTEC', PDF417: 'PDF_417' };

/** zxing's "QRCode" -> the conventional "QR_CODE" that scripts expect. */
export function formatName(f: string): string {
  return FORMAT_NAMES[f] ?? f.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export interface DecodeResult {
  codes: DecodedCode[];
  width: number;
  height: number;
  decodeMs: number;
}

/** Raw RGBA pixels -> codes. */
export async function decodeRgba(data: Uint8Array, width: number, height: number, opts: ReaderOptions = FRAME_OPTIONS): Promise<DecodedCode[]> {
  await loadZxing();
  const img = { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height, colorSpace: 'srgb' } as ImageData;
  const found = await readBarcodes(img, opts);
  return found.filter((r) => r.isValid).map((r) => ({ text: r.text, format: formatName(r.format) }));
}

/** Raw RGBA -> valid codes, and whether a code was seen but could not be read. */
async function readPass(data: Uint8Array, width: number, height: number, opts: ReaderOptions): Promise<{ codes: DecodedCode[]; unread: Box[] }> {
  await loadZxing();
  const img = { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height, colorSpace: 'srgb' } as ImageData;
  const found = await readBarcodes(img, opts);
  const codes = found.filter((r) => r.isValid).map((r) => ({ text: r.text, format: formatName(r.format) }));
  const unread = found.filter((r) => !r.isValid).map((r) => {
    const p = r.position;
    const xs = [p.topLeft.x, p.topRight.x, p.bottomLeft.x, p.bottomRight.x];
    const ys = [p.topLeft.y, p.topRight.y, p.bottomLeft.y, p.bottomRight.y];
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  });
  return { codes, unread };
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/** The located-but-unread code, with a margin, cut out and enlarged 2x (cheap: a few hundred px). */
async function retryCrop(data: Uint8Array, info: { width: number; height: number }, box: Box, opts: ReaderOptions): Promise<DecodedCode[]> {
  const m = Math.max(box.x1 - box.x0, box.y1 - box.y0) * 1.0 + 24;
  const left = Math.max(0, Math.floor(box.x0 - m));
  const top = Math.max(0, Math.floor(box.y0 - m));
  const width = Math.min(info.width - left, Math.ceil(box.x1 + m) - left);
  const height = Math.min(info.height - top, Math.ceil(box.y1 + m) - top);
  if (width < 8 || height < 8) return [];
  const up = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).extract({ left, top, width, height }).resize(width * 2, height * 2).raw().toBuffer();
  return (await readPass(up, width * 2, height * 2, opts)).codes;
}

/**
 * A JPEG/PNG/WebP frame -> codes. When a code is located but its modules are too small to read
 * (far away, tilted, blurred), a second pass on that region enlarged 2x reads most of them; frames
 * with no code at all never pay for it. Throws on an unreadable image (the caller names the file).
 */
export async function decodeImage(buf: Buffer, opts: ReaderOptions = FRAME_OPTIONS): Promise<DecodeResult> {
  const t0 = performance.now();
  const { data, info } = await sharp(buf, { failOn: 'error' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const first = await readPass(data, info.width, info.height, opts);
  let codes = first.codes;
  for (const box of codes.length === 0 ? first.unread.slice(0, 2) : []) {
    codes = await retryCrop(data, info, box, opts);
    if (codes.length) break;
  }
  return { codes, width: info.width, height: info.height, decodeMs: performance.now() - t0 };
}

/** A small JPEG for the scan log (160 px wide, ~4 kB), as base64. */
export async function thumbnailOf(buf: Buffer): Promise<string> {
  const out = await sharp(buf).resize({ width: 160, withoutEnlargement: true }).jpeg({ quality: 60 }).toBuffer();
  return out.toString('base64');
}

/** Renders text as a QR code PNG (demo codes, tests, benchmarks). `scale` = pixels per module. */
export async function encodeQr(text: string, opts: { scale?: number; ecLevel?: 'L' | 'M' | 'Q' | 'H' } = {}): Promise<Buffer> {
  await loadZxing();
  const res = await writeBarcode(text, { format: 'QRCode', scale: opts.scale ?? 4, options: `ecLevel=${opts.ecLevel ?? 'M'}` });
  if (res.error || !res.image) throw new Error(`QR encoding failed: ${res.error || 'no image'}`);
  return Buffer.from(await res.image.arrayBuffer());
}
