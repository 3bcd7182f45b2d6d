/**
 * JSON request bodies of the HTTP APIs (REST, console, admin, analytics, tenant admin): strict
 * UTF-8, valid JSON, and no object naming the same key twice.
 */
import { HiloError } from '../../kernel/errors.js';
import { formatPath } from '../../kernel/schema.js';

/**
 * A JSON body that is valid UTF-8 (a stray byte is a client error, 400, never a U+FFFD in a
 * message) and names no key twice in one object. `JSON.parse` keeps the last of two `"text"`
 * keys, while a proxy, a log or the client's own library may read the first: the request is
 * ambiguous, so it is answered `HILO_ERR_HTTP_VALIDATION` with the repeated key's path.
 *
 * @example
 * parseJsonBody(Buffer.from('{"text":"a","text":"b"}')) // throws, details [{ path: 'text', problem: 'appears more than once' }]
 */
export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw new HiloError('HILO_ERR_HTTP_INVALID_JSON', 'Request body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HiloError('HILO_ERR_HTTP_INVALID_JSON');
  }
  const repeated = repeatedKeyPath(text);
  if (repeated !== null) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: repeated, problem: 'appears more than once' }] });
  return value;
}

interface Level {
  /** Keys seen so far (objects) or null (arrays). */
  keys: Set<string> | null;
  /** The next string is a key (objects only). */
  expectKey: boolean;
  /** The current key or array index: this level's segment in a path. */
  segment: string | number;
}

/**
 * The path of the first key an object of `text` names twice (`items[2].sku`), or null. `text` must
 * be valid JSON (it was parsed first). Keys are compared decoded (`"a"` and `"\u0061"` are one
 * key). A loop with an explicit stack: nesting depth costs memory, never the call stack.
 */
export function repeatedKeyPath(text: string): string | null {
  const stack: Level[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
          escaped = true;
          i++;
        }
      }
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        // Decoded only when it has an escape: a request's keys are plain ASCII (the turn's hot path).
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (top.keys.has(key)) return formatPath([...stack.slice(0, -1).map((l) => l.segment), key]);
        top.keys.add(key);
        top.segment = key;
        top.expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), expectKey: true, segment: '' });
    } else if (c === 0x5b /* [ */) {
      stack.push({ keys: null, expectKey: false, segment: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
      else if (top) top.segment = (top.segment as number) + 1;
    }
  }
  return null;
}
