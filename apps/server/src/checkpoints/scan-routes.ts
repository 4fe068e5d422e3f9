import { performance } from 'node:perf_hooks';
import { VigilError, assertCan } from '@vigil/core';
import { IdParams, ScanBatchRequest, ScanBatchResult, ScanFrameResult, ScanRequest, ScanResult } from '@vigil/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook';
import type { CheckpointFeature } from './wiring';

const IMAGE_LIMIT = 10 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** When the request arrived, on performance.now()'s clock, so latency covers upload parsing too. */
const arrival = (reply: FastifyReply) => performance.now() - reply.elapsedTime;

/** The image of a multipart body (field `image` or `file`) or of a raw image/* body. */
async function imageOf(req: FastifyRequest): Promise<{ buf: Buffer; fields: Record<string, string> } | null> {
  if (Buffer.isBuffer(req.body)) return { buf: req.body, fields: {} };
  if (!req.isMultipart()) return null;
  const fields: Record<string, string> = {};
  let buf: Buffer | null = null;
  for await (const part of req.parts({ limits: { fileSize: IMAGE_LIMIT, files: 1 } })) {
    if (part.type === 'file') buf = await part.toBuffer();
    else fields[part.fieldname] = String(part.value);
  }
  if (!buf) throw new VigilError('VALIDATION', 'image: send the frame as a multipart file field "image"', 'image');
  return { buf, fields };
}

/** Scanning: a payload or a photo from the station, a camera frame, and the offline queue. */
export const scanRoutes: FastifyPluginAsyncZod<{ f: CheckpointFeature }> = async (app, { f }) => {
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: IMAGE_LIMIT }, (_req, body, done) => done(null, body));
  // Decoding (zxing, sharp, the log thumbnail) runs in worker threads; the event loop here only
  // reads the upload and verifies the decoded text.
  f.qr.onLog = (level, msg) => app.log[level](msg);
  app.addHook('onClose', () => f.qr.close());

  app.post('/api/checkpoints/:id/scans', {
    bodyLimit: IMAGE_LIMIT,
    schema: {
      tags: ['checkpoints'],
      summary: 'Check one code: JSON {payload} from the station, or a photo (multipart field "image") decoded here',
      params: IdParams,
      body: ScanRequest.nullish(),
      response: { 200: ScanResult },
    },
  }, async (req, reply) => {
    const startedAt = arrival(reply);
    const actor = actorOf(req);
    // Refuse before reading (and decoding) an upload the caller may not send.
    assertCan(actor, 'checkpoint:scan');
    const image = await imageOf(req);
    if (!image) {
      if (!req.body) throw new VigilError('VALIDATION', 'payload: required (or send an image)', 'payload');
      const { payload, scanId, thumbnail } = req.body;
      return f.scans.scan(actor, req.params.id, { payload, scanId, thumbnail, source: 'station', startedAt });
    }
    const decoded = await f.qr.decode(image.buf, { thumbnail: true });
    if (decoded.codes.length === 0) throw new VigilError('VALIDATION', 'image: no QR code found in the image', 'image');
    const scanId = ScanRequest.shape.scanId.safeParse(image.fields.scanId || undefined);
    return f.scans.scan(actor, req.params.id, {
      payload: decoded.codes[0].text,
      scanId: scanId.success ? scanId.data : undefined,
      thumbnail: decoded.thumbnail ?? undefined,
      source: 'station',
      startedAt,
      decodeMs: decoded.decodeMs,
    });
  });

  app.post('/api/checkpoints/:id/frames', {
    bodyLimit: IMAGE_LIMIT,
    schema: {
      tags: ['checkpoints'],
      summary: 'A camera frame (raw image/jpeg|png or multipart "image"): decode every QR code and check each',
      params: IdParams,
      response: { 200: ScanFrameResult },
    },
  }, async (req, reply) => {
    const startedAt = arrival(reply);
    const actor = actorOf(req);
    // Refuse before reading (and decoding) an upload the caller may not send.
    assertCan(actor, 'checkpoint:scan');
    const image = await imageOf(req);
    if (!image) throw new VigilError('VALIDATION', 'image: send a JPEG/PNG frame', 'image');
    const decoded = await f.qr.decode(image.buf, { thumbnail: true });
    const texts = [...new Set(decoded.codes.map((c) => c.text))];
    const thumbnail = decoded.thumbnail;
    const results = [];
    for (const payload of texts) {
      results.push(await f.scans.scan(actor, req.params.id, { payload, thumbnail, source: 'frame', startedAt, decodeMs: decoded.decodeMs }));
    }
    return { codes: decoded.codes, results, decodeMs: Math.round(decoded.decodeMs * 100) / 100, latencyMs: Math.round((performance.now() - startedAt) * 100) / 100 };
  });

  app.post('/api/checkpoints/:id/scans/batch', {
    bodyLimit: 32 * 1024 * 1024,
    schema: {
      tags: ['checkpoints'],
      summary: 'Sync scans a station queued while offline; idempotent by client scan id',
      params: IdParams,
      body: ScanBatchRequest,
      response: { 200: ScanBatchResult },
    },
  }, async (req) => f.scans.batch(actorOf(req), req.params.id, req.body.scans));
};
