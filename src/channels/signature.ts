import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time string comparison. Both sides are hashed to equal-length digests first, so
 * `timingSafeEqual` always gets equal-length buffers and the length of the secret leaks nothing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const da = createHmac('sha256', 'hilo-compare').update(a, 'utf8').digest();
  const db = createHmac('sha256', 'hilo-compare').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

export function hmacHex(algorithm: 'sha256' | 'sha1', key: string, data: Buffer | string): string {
  return createHmac(algorithm, key).update(data).digest('hex');
}

export function hmacBase64(algorithm: 'sha256' | 'sha1', key: string, data: Buffer | string): string {
  return createHmac(algorithm, key).update(data).digest('base64');
}
