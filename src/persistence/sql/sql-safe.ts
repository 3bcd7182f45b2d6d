/**
 * PostgreSQL refuses two things JavaScript strings may hold: NUL (`\u0000`) in `text` (and as a
 * `\u0000` escape in `jsonb`), and unpaired UTF-16 surrogates (as `\udXXX` escapes in `jsonb`;
 * in `text` the driver's UTF-8 encoding turns them into U+FFFD silently). Inbound texts are
 * normalised at the channel boundary (src/channels/normalize-text.ts); these helpers are the SQL
 * layer's own guard for everything else that reaches a parameter (turn records written by older
 * versions, tool results, model output), so one character can never fail a write.
 */

/** ES2024 string methods (Node ≥ 20), not yet in the project's `lib`. */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/** `text` parameter: NUL removed, unpaired surrogates → U+FFFD (the same choice as the channels). */
export function sqlSafeText(value: string): string {
  const s = (value as WellFormed).isWellFormed() ? value : (value as WellFormed).toWellFormed();
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

/** The same for a nullable parameter. */
export function sqlSafeNullable(value: string | null): string | null {
  return value === null ? null : sqlSafeText(value);
}

/**
 * JSON text for a `jsonb` parameter, with every string (keys included) made safe. The common
 * case costs one `JSON.stringify` and one scan of its output: `JSON.stringify` writes NUL as
 * `\u0000` and an unpaired surrogate as `\udXXX`, never paired surrogates, so anything else needs
 * no second pass. (A false positive, such as a customer typing a literal `\u0000`, only costs the
 * deep copy.)
 */
export function sqlSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!UNSAFE_JSON_ESCAPE.test(json)) return json;
  return JSON.stringify(deepClean(value));
}

/**
 * `sqlSafeJson` for a value whose `JSON.stringify` text was already made elsewhere (the Redis
 * snapshot store's copy of the envelope, shared with the journal): the same scan of the text, and
 * the deep copy only when it finds something. `value` is asked for only then.
 */
export function sqlSafeJsonText(json: string, value: () => unknown): string {
  return UNSAFE_JSON_ESCAPE.test(json) ? JSON.stringify(deepClean(value())) : json;
}

const UNSAFE_JSON_ESCAPE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

function deepClean(value: unknown): unknown {
  if (typeof value === 'string') return sqlSafeText(value);
  if (Array.isArray(value)) return value.map(deepClean);
  if (value !== null && typeof value === 'object') {
    // toJSON first (Dates and friends), as JSON.stringify would.
    const plain = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
    if (plain !== value) return deepClean(plain);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[sqlSafeText(k)] = deepClean(v);
    return out;
  }
  return value;
}
