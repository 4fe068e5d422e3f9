// Evidence clips are cut by stream copy from recorded segments; a cut that starts between two
// keyframes must still show the requested first moment (not the next keyframe's).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runFfmpeg } from '../ffmpeg/spawn';
import { cutClip, type ClipSegment } from './clip';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);
let dir = '';
const segments: ClipSegment[] = [];

/** Decoded frames of a file (or of one moment of it) as 32x18 grey pictures. */
async function frames(file: string, seekSec?: number, count?: number): Promise<Buffer[]> {
  const seek = seekSec === undefined ? [] : ['-ss', seekSec.toFixed(3)];
  const n = count === undefined ? [] : ['-frames:v', String(count)];
  const raw = await runFfmpeg(['-hide_banner', '-loglevel', 'error', ...seek, '-i', file, ...n, '-vf', 'scale=32:18', '-pix_fmt', 'gray', '-f', 'rawvideo', 'pipe:1']);
  return Array.from({ length: raw.length / 576 }, (_, i) => raw.subarray(i * 576, (i + 1) * 576));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-clip-'));
  // Two recorded 5 s files, 25 fps, a keyframe every 2 s (as many cameras send).
  for (let i = 0; i < 2; i++) {
    const path = join(dir, `seg-${i}.mp4`);
    await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=25,trim=start=${i * 5}:duration=5,setpts=PTS-STARTPTS`, '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-bf', '0', '-pix_fmt', 'yuv420p', '-y', path]);
    segments.push({ path, startMs: T0 + i * 5000, endMs: T0 + (i + 1) * 5000 });
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a clip cut between keyframes starts at the requested moment and holds the whole span', async () => {
  // From 3.0 s (keyframes at 2 s and 4 s) to 6.0 s, across the two files.
  const out = join(dir, 'clip.mp4');
  const r = await cutClip({ segments, fromMs: T0 + 3000, toMs: T0 + 6000, out });
  assert.match(r.sha256, /^[0-9a-f]{64}$/);
  const got = await frames(out);
  const [want] = await frames(segments[0].path, 3.0, 1);
  // Exactly the frame at 3.0 s first: the next keyframe (4.0 s) would lose a second of evidence.
  assert.ok(got[0].equals(want), 'first frame shown is the source frame at the requested start');
  assert.ok(Math.abs(got.length - 75) <= 1, `3 s at 25 fps: ${got.length} frames`);
  const [last] = await frames(segments[1].path, 0.96, 1);
  assert.ok(got.at(-1)!.equals(last), 'last frame shown is the source frame just before the requested end');
});
