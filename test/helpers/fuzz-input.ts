/**
 * Deterministic hostile input for the entry-point fuzz tests: a seeded PRNG (mulberry32), weird
 * but valid text, and malformed request bodies built from a valid one. Same seed, same inputs.
 */

export interface Rng {
  /** In [0, 1). */
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)] as never };
}

/** Pieces of weird text: each alone, or several together, must be answered or refused, never fatal. */
const PIECES: readonly ((rng: Rng) => string)[] = [
  () => '\ud800',
  () => '\udc00',
  () => '\ud83d',
  () => '\u0000',
  (rng) => String.fromCharCode(1 + rng.int(31)),
  () => '\u007f\u0085\u009b',
  () => '\u200b\u200c\u200d\u2060\ufeff',
  () => '\u202e\u2066\u2067\u2068\u2069\u202a',
  (rng) => 'e' + '\u0301'.repeat(31 + rng.int(400)),
  () => '😀🧱🏴󠁧󠁢󠁳󠁣󠁴󠁿👨‍👩‍👧',
  () => '1e400 -0 NaN 0x7fffffff 99999999999999999999999',
  () => '\\u0000 %00 %ZZ \\',
  () => '{"text":"\\"},{"a":]}',
  () => "'; DROP TABLE messages; --",
  () => '<script>alert(1)</script>',
  () => '\r\n\u2028\u2029',
  () => '\uffff\ufffe\u{10ffff}',
  () => 'cemento',
  () => ' ',
];

/**
 * A weird text of 1–6 pieces, or now and then 100 KB or emoji only.
 */
export function weirdText(rng: Rng): string {
  const roll = rng.int(20);
  if (roll === 0) return 'x'.repeat(100_000);
  if (roll === 1) return '🧱'.repeat(1 + rng.int(3000));
  const parts: string[] = [];
  for (let i = 0, n = 1 + rng.int(6); i < n; i++) parts.push(rng.pick(PIECES)(rng));
  return parts.join('');
}

/** A body as sent: bytes, content type, extra headers, and whether the gateway must refuse it (4xx). */
export interface HostileRequest {
  label: string;
  body: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  mustRefuse: boolean;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/**
 * One hostile variant of `valid` (a JSON object an entry point accepts): malformed JSON, the
 * wrong shape, a key twice, invalid UTF-8, the wrong content type, huge headers — all refused —
 * or a field replaced by weird text (refused or answered, never a 5xx).
 */
export function hostileRequest(rng: Rng, valid: Record<string, unknown>, options: { textFields: readonly string[]; contentType?: string }): HostileRequest {
  const ct = options.contentType ?? 'application/json';
  const raw = JSON.stringify(valid);
  const field = rng.pick(options.textFields);
  const refused = (label: string, body: Buffer, contentType: string | null = ct, headers: Record<string, string> = {}): HostileRequest => ({ label, body, contentType, headers, mustRefuse: true });
  switch (rng.int(16)) {
    case 0:
      return refused('empty body', Buffer.alloc(0));
    case 1:
      return refused('truncated JSON', Buffer.from(raw.slice(0, 1 + rng.int(raw.length - 1))));
    case 2:
      return refused('array where an object belongs', json([valid]));
    case 3:
      return refused('a number 1e400 as the body', Buffer.from('1e400'));
    case 4:
      return refused('field as a number 1e400', Buffer.from(raw.replace(`"${field}":${JSON.stringify(valid[field])}`, `"${field}":1e400`)));
    case 5: {
      const depth = 1000 + rng.int(20_000);
      return refused('deeply nested field', Buffer.from(raw.replace(`"${field}":${JSON.stringify(valid[field])}`, `"${field}":${'['.repeat(depth)}${']'.repeat(depth)}`)));
    }
    case 6:
      return refused('field as an object', Buffer.from(raw.replace(`"${field}":${JSON.stringify(valid[field])}`, `"${field}":{"${field}":${JSON.stringify(valid[field])}}`)));
    case 7:
      return refused('duplicate key', Buffer.from(`${raw.slice(0, -1)},"${field}":${JSON.stringify(weirdText(rng))}}`));
    case 8: {
      const at = 1 + rng.int(raw.length - 2);
      return refused('invalid UTF-8 bytes', Buffer.concat([Buffer.from(raw.slice(0, at)), Buffer.from([rng.pick([0xff, 0xc3, 0xed, 0x80])]), Buffer.from(raw.slice(at))]));
    }
    case 9:
      return refused('wrong content type', Buffer.from(raw), rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']));
    case 10:
      return refused('no content type', Buffer.from(raw), null);
    case 11:
      return refused('huge header', Buffer.from(raw), ct, { 'x-fuzz': 'a'.repeat(20_000 + rng.int(80_000)) });
    case 12:
      return refused('prototype key', Buffer.from(`${raw.slice(0, -1)},"__proto__":{"admin":true}}`));
    default:
      return { label: `weird ${field}`, body: json({ ...valid, [field]: weirdText(rng) }), contentType: ct, headers: {}, mustRefuse: false };
  }
}
