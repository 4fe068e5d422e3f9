import { VigilError } from '@vigil/core';
import type { FastifyRequest } from 'fastify';

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { name: string; mime: string; data: Buffer };
}

/** Reads a multipart form (text fields plus at most one file) into memory. */
export async function readForm(req: FastifyRequest): Promise<MultipartForm> {
  if (!req.isMultipart()) throw new VigilError('VALIDATION', 'body: send multipart/form-data with a "file" part', 'body');
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'];
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (file) throw new VigilError('VALIDATION', 'file: send one file per request', 'file');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new VigilError('VALIDATION', 'file: larger than the upload limit', 'file');
      file = { name: part.filename || 'upload.bin', mime: part.mimetype, data };
    } else fields[part.fieldname] = String(part.value);
  }
  return { fields, file };
}
