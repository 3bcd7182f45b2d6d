/**
 * The one normalisation every inbound text goes through at the channel boundary (REST, widget,
 * WhatsApp Cloud, Twilio, Telegram, Rocket.Chat agents, the agent-messages API), before it reaches
 * a conversation, a log line or a database. Documented in docs/channels.md ("Inbound text").
 *
 * Why: one character PostgreSQL refuses (`\u0000` in `text`, an unpaired surrogate in `jsonb`)
 * used to fail a turn after its snapshot was written, and then every later turn of that
 * customer. Invisible characters also hide words from the injection detector and spoof what an
 * agent sees (bidi overrides). Rules, in order:
 *
 * 1. Unpaired UTF-16 surrogates become U+FFFD (the text stays well-formed Unicode).
 * 2. Line breaks become `\n`: CRLF, CR, NEL (U+0085), LINE/PARAGRAPH SEPARATOR (U+2028/U+2029).
 * 3. Dropped: NUL and every other C0 control except `\t` and `\n`, DEL, C1 controls, bidi
 *    embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069), invisible separators
 *    (ZERO WIDTH SPACE U+200B, WORD JOINER U+2060, BOM U+FEFF, SOFT HYPHEN U+00AD), the
 *    noncharacters U+FFFE/U+FFFF, and tag characters (U+E0000–U+E007F) outside an emoji flag
 *    sequence. ZWJ/ZWNJ (U+200D/U+200C) stay: emoji sequences and several scripts need them.
 * 4. More than 30 combining marks in a row are cut to 30 (UAX #15 stream-safe limit).
 * 5. Unicode NFC.
 *
 * Idempotent (`f(f(x)) === f(x)`); it neither trims nor limits length (each channel does that).
 *
 * @example
 * normalizeInboundText('ho\u0000la\r\nqu\u00e9 tal\ud800') // → 'hola\nqué tal\ufffd'
 */
export function normalizeInboundText(text: string): string {
  // Fast path: plain text (the vast majority) is returned as is once NFC-checked.
  const t = text as WellFormed;
  let s = t.isWellFormed() ? text : t.toWellFormed();
  if (NEEDS_WORK.test(s)) {
    s = s.replace(LINE_BREAKS, '\n').replace(DROPPED, '').replace(LONE_TAGS, '').replace(COMBINING_FLOOD, (run) => [...run].slice(0, MAX_COMBINING).join(''));
  }
  return s.normalize('NFC');
}

/**
 * The same rule for a whole inbound event list: every message's text (captions, button and list
 * titles included), so the three provider channels apply it in one call from `parseInbound`.
 */
export function normalizeInboundTexts<E extends { type: string }>(events: E[]): E[] {
  return events.map((e) => ('text' in e && typeof e.text === 'string' ? { ...e, text: normalizeInboundText(e.text) } : e));
}

/** ES2024 string methods (Node ≥ 20), not yet in the project's `lib`. */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

const MAX_COMBINING = 30;
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
const DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]/g;
/** Tag characters are legitimate only right after a black flag (subdivision flags such as 🏴 Scotland). */
const LONE_TAGS = /(?<!\u{1F3F4}[\u{E0020}-\u{E007F}]*)[\u{E0000}-\u{E007F}]/gu;
const COMBINING_FLOOD = new RegExp(`\\p{M}{${MAX_COMBINING + 1},}`, 'gu');
/** Anything rules 2–4 might change; combining marks are matched only in runs longer than the cap. */
const NEEDS_WORK = new RegExp(
  `[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u200b\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff\\ufffe\\uffff]|[\\u{E0000}-\\u{E007F}]|\\p{M}{${MAX_COMBINING + 1},}`,
  'u',
);

/**
 * A JSON body with the named string fields normalised (a shallow copy; anything else untouched),
 * for the HTTP APIs, so their length and emptiness checks see the text as it will be stored.
 */
export function normalizeInboundFields(body: unknown, fields: readonly string[]): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = normalizeInboundText(out[f] as string);
  return out;
}

/**
 * True when the normalisation leaves `id` as it is. Identifiers (a REST `sender` or `message_id`,
 * a widget `clientMessageId`) are refused otherwise rather than normalised: two different ids
 * (`m\ud800` and `m\udc00`, `a\u0000` and `a`) would become one, so a new message would be taken
 * for a retry of another and lost, or two customers would share a thread.
 */
export function isStableIdentifier(id: string): boolean {
  return normalizeInboundText(id) === id;
}

/**
 * Whether a text shows anything: not only spaces, format characters (bidi marks such as U+200F,
 * joiners), variation selectors or the blank look-alikes used to post "empty" messages (Hangul
 * fillers, the blank Braille pattern). A text that shows nothing is refused like an empty one:
 * before, "\u200f" was recorded as a customer message and answered "no te entendí". Neither do
 * combining marks with no letter to sit on, nor U+FFFD (what unpaired surrogates become, rule 1):
 * a text of only those is a client's broken bytes, not words (harden20; before, "\u0301\u0301"
 * and "\ud800" were recorded and answered "no te entendí").
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

const VISIBLE = /[^\s\p{Cf}\p{M}\ufe00-\ufe0f\u115f\u1160\u3164\uffa0\u2800\ufffd]/u;

/** The problem answered for a text that fails {@link hasVisibleText}. */
export const INVISIBLE_TEXT_PROBLEM = 'must contain a visible character';

/** The problem answered for an identifier that fails {@link isStableIdentifier}. */
export const UNSTABLE_IDENTIFIER_PROBLEM = 'must not contain control characters, invisible characters or unpaired surrogates';
