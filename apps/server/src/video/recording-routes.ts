import { createReadStream, existsSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingService } from '@vigil/core';
import { VigilError } from '@vigil/core';
import { keyframeAtOrBefore, segmentCopyInput, spawnFfmpeg } from '@vigil/media';
import { KeyframeQuery, KeyframeResult, PlaybackQuery, RecordingQuery, RecordingsResult } from '@vigil/types';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook';

/** Recorded spans and gaps, a single playable stream for any window, and the raw files. */
export function registerRecordingRoutes(app: FastifyInstance, deps: { recordings: RecordingService; tmpDir: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/recordings', {
    schema: { tags: ['video'], summary: 'Recorded spans, gaps and files of a camera in a window', querystring: RecordingQuery, response: { 200: RecordingsResult } },
  }, async (req) => deps.recordings.list(actorOf(req), req.query.cameraId, req.query.from, req.query.to));

  // Where a window must start to show a given moment: stream copy starts on a keyframe.
  r.get('/api/recordings/keyframe', {
    schema: { tags: ['video'], summary: 'The last keyframe at or before a moment of the recording', querystring: KeyframeQuery, response: { 200: KeyframeResult } },
  }, async (req) => {
    const seg = await deps.recordings.segmentAt(actorOf(req), req.query.cameraId, req.query.at);
    const atMs = Date.parse(req.query.at);
    const k = await keyframeAtOrBefore(seg.path, (atMs - seg.startMs) / 1000);
    return { at: new Date(atMs).toISOString(), keyframe: new Date(seg.startMs + Math.round(k * 1000)).toISOString() };
  });

  // One fragmented MP4 for the whole window, remuxed by stream copy as it is sent (no re-encode).
  // The seek is on the input side: the stream starts at the keyframe at or before `from`, at time 0
  // (`/api/recordings/keyframe` says when that is), so the moment `from` is always in it.
  r.get('/api/recordings/play.mp4', {
    schema: { tags: ['video'], summary: 'Play a window of recordings as one MP4 stream', querystring: PlaybackQuery },
  }, async (req, reply) => {
    const segs = await deps.recordings.forPlayback(actorOf(req), req.query.cameraId, req.query.from, req.query.to, req.ip);
    mkdirSync(deps.tmpDir, { recursive: true });
    const list = join(deps.tmpDir, `play-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
    const present = segs.filter((s) => existsSync(s.path));
    if (!present.length) throw new VigilError('NOT_FOUND', 'the recorded files of this window are gone (retention)', 'from');
    const input = segmentCopyInput(present, Date.parse(req.query.from), Date.parse(req.query.to), list);
    const abort = new AbortController();
    const run = spawnFfmpeg(['-hide_banner', '-loglevel', 'error', ...input, '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'], { signal: abort.signal });
    req.raw.on('close', () => abort.abort());
    void run.exited.then(() => rmSync(list, { force: true }));
    return reply.type('video/mp4').header('cache-control', 'no-store').send(run.child.stdout);
  });

  r.get('/api/recordings/segments/:id/file', {
    schema: { tags: ['video'], summary: 'One recorded file', params: z.object({ id: z.coerce.number().int().min(1) }) },
  }, async (req, reply) => {
    const seg = await deps.recordings.segment(actorOf(req), req.params.id, req.ip);
    if (!existsSync(seg.path)) throw new VigilError('NOT_FOUND', `file of segment ${seg.id} is gone (retention)`, 'id');
    return reply.type('video/mp4').send(createReadStream(seg.path));
  });
}
