/**
 * Redis Cluster's hash slot of a key (CRC16-XMODEM of the key, or of its `{hash tag}` when the
 * key has a non-empty one, mod 16384), exactly as the server computes it. The shard inbox reads
 * only streams of one slot per command, so every command stays valid on Redis Cluster.
 *
 * @example
 * keySlot('hilo:{c:default:s:17}:inbox') === keySlot('hilo:{c:default:s:17}:lease') // true
 */
export function keySlot(key: string): number {
  const bytes = Buffer.from(hashTagOf(key), 'utf8');
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

/** The part of the key Redis hashes: the first `{…}` with something inside, else the whole key. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
