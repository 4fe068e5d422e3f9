import { spawnFfmpeg } from '@vigil/media';

/** Encodes one RGB24 picture as JPEG with ffmpeg (events are rare; no encoder library needed). */
export async function encodeJpeg(rgb: Uint8Array, width: number, height: number): Promise<Buffer> {
  const run = spawnFfmpeg(['-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-i', 'pipe:0', '-frames:v', '1', '-q:v', '4', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  run.child.stdout?.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise<void>((resolve, reject) => {
    run.child.on('error', reject);
    run.child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg jpeg encode exited ${code}`))));
  });
  run.child.stdin?.end(Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength));
  await done;
  return Buffer.concat(chunks);
}
