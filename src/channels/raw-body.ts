import { HiloError } from '../kernel/errors.js';

/** Default webhook body limit: Meta batches up to ~1000 updates, far below this. */
export const DEFAULT_CHANNEL_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Assembles a request body from chunks (as a socket delivers them) without ever holding more
 * than `maxBytes`. Throws `HILO_ERR_CHANNEL_BODY_TOO_LARGE` as soon as the limit is crossed, so a
 * huge body is not read further.
 */
export async function readRawBody(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes = DEFAULT_CHANNEL_MAX_BODY_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HiloError('HILO_ERR_CHANNEL_BODY_TOO_LARGE', undefined, { details: { maxBytes } });
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(parts, size);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly: broken sequences are an error, never U+FFFD. */
export function decodeUtf8(raw: Buffer): string {
  try {
    return strictUtf8.decode(raw);
  } catch (cause) {
    throw new HiloError('HILO_ERR_CHANNEL_INVALID_BODY', 'The channel webhook body is not valid UTF-8.', { cause });
  }
}

/** Strict UTF-8 + JSON; the top level must be an object. */
export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  const text = decodeUtf8(raw);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HiloError('HILO_ERR_CHANNEL_INVALID_BODY', 'The channel webhook body is not valid JSON.', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HiloError('HILO_ERR_CHANNEL_VALIDATION', undefined, { details: [{ path: '', problem: 'expected an object' }] });
  }
  return value as Record<string, unknown>;
}
