/**
 * Reads an archive upload: raw bytes up to `maxBytes` as sent, gunzipped when gzip (by its
 * magic bytes, whatever the headers say) up to `maxUnpackedBytes`, then parsed as JSON. Each
 * failure is a clear 4xx; the bytes of a refused upload are drained, not kept.
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import { AppError } from '../errors';

export async function readArchiveBody(req: http.IncomingMessage, limits: { maxBytes: number; maxUnpackedBytes: number }): Promise<unknown> {
  const tooLarge = () =>
    new AppError('payload_too_large', `This archive is too large: this installation accepts archives up to ${mb(limits.maxBytes)} (${mb(limits.maxUnpackedBytes)} once unpacked). Nothing was imported.`);
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limits.maxBytes) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  let bytes: Buffer = Buffer.concat(chunks);
  if (bytes.length === 0) throw new AppError('bad_request', 'Send the archive file as the request body. Nothing was imported.');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await new Promise<Buffer>((resolve, reject) =>
        zlib.gunzip(bytes, { maxOutputLength: limits.maxUnpackedBytes }, (error, result) => (error ? reject(error) : resolve(result))),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new AppError('bad_request', 'This compressed file is damaged: it could not be unpacked. Nothing was imported.');
    }
  }
  if (bytes.length > limits.maxUnpackedBytes) throw tooLarge();
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AppError('bad_request', 'This file is not an Ensemble workspace archive (it is not valid JSON). Nothing was imported.');
  }
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
