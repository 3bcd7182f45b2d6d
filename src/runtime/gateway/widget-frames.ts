/**
 * The widget's client frames as zod schemas (the one schema library for untrusted input,
 * `src/kernel/schema.ts`). Each field carries the message the widget protocol promises
 * (docs/protocol.md); the first problem in field order is the one answered, as before.
 * The wire types stay in `src/channels/widget/protocol.ts`, which the browser bundle imports
 * without zod.
 */
import { MAX_MESSAGE_CHARS, WIDGET_PROTOCOL_VERSION } from '../../channels/widget/protocol.js';
import { hasVisibleText, isStableIdentifier, normalizeInboundText } from '../../channels/normalize-text.js';
import { boundedText, charLength, z } from '../../kernel/schema.js';

const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
const VISITOR_ID_PROBLEM = 'visitorId must be 8-64 characters of A-Z, a-z, 0-9, _ or -.';
const LAST_SEQ_PROBLEM = 'lastSeq must be a non-negative integer.';
const RESUME_TOKEN_PROBLEM = 'resumeToken must be a string of at most 200 characters.';
const CLIENT_MESSAGE_ID_PROBLEM = 'clientMessageId must be a string of 1-64 characters.';
const CLIENT_MESSAGE_ID_CHARACTERS = 'clientMessageId must not contain control characters, invisible characters or unpaired surrogates.';
const TEXT_PROBLEM = `text must have 1-${MAX_MESSAGE_CHARS} characters.`;
const INVISIBLE_PROBLEM = 'text must contain a visible character (not only spaces, bidi marks or joiners).';

/** `hello` (the tenant is checked apart: an unknown tenant is its own error and close code). */
export const HelloFrame = z.looseObject({
  v: z.literal(WIDGET_PROTOCOL_VERSION, { error: `Unsupported protocol version; use v=${WIDGET_PROTOCOL_VERSION}.` }),
  visitorId: z.string({ error: VISITOR_ID_PROBLEM }).regex(VISITOR_ID, { error: VISITOR_ID_PROBLEM }),
  lastSeq: z.number({ error: LAST_SEQ_PROBLEM }).int({ error: LAST_SEQ_PROBLEM }).min(0, { error: LAST_SEQ_PROBLEM }).optional(),
  lang: z.enum(['es', 'en'], { error: 'lang must be "es" or "en".' }).optional(),
  resumeToken: z.string({ error: RESUME_TOKEN_PROBLEM }).max(200, { error: RESUME_TOKEN_PROBLEM }).optional(),
  tenant: z.unknown(),
});
export type HelloFrame = z.output<typeof HelloFrame>;

/**
 * `message`: the text goes through the channel-boundary normalisation (docs/channels.md "Inbound
 * text") before its length is checked, and is returned normalised and trimmed.
 */
export const MessageFrame = z.looseObject({
  // Taken as sent (the ack echoes it), so refused rather than normalised: two ids that normalise
  // to one would make the second message a retry of the first (see `isStableIdentifier`).
  clientMessageId: z
    .string({ error: CLIENT_MESSAGE_ID_PROBLEM })
    .min(1, { error: CLIENT_MESSAGE_ID_PROBLEM })
    .max(64, { error: CLIENT_MESSAGE_ID_PROBLEM, abort: true })
    .refine(isStableIdentifier, { error: CLIENT_MESSAGE_ID_CHARACTERS }),
  text: z
    .string({ error: TEXT_PROBLEM })
    .transform((text) => normalizeInboundText(text))
    .pipe(boundedText({ min: 1, max: MAX_MESSAGE_CHARS, trim: true }).refine(hasVisibleText, { abort: true })),
});
export type MessageFrame = z.output<typeof MessageFrame>;

/** The first problem of a frame, or the parsed frame. */
export function readFrame<S extends z.ZodType>(schema: S, frame: unknown): { ok: true; value: z.output<S> } | { ok: false; problem: string } {
  const result = schema.safeParse(frame);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  // The text's own length problems carry zod's words: answer with the protocol's.
  if (issue.path[0] === 'text') return { ok: false, problem: issue.code === 'custom' ? INVISIBLE_PROBLEM : TEXT_PROBLEM };
  return { ok: false, problem: issue.message };
}

/** Printable ASCII: text the inbound normalisation never changes (no controls, NFC as it is). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `readFrame(MessageFrame, frame)` for the widget's hot path. A frame whose id is printable ASCII
 * and whose text is within bounds is accepted here with the schema's exact result (same
 * normalisation, trim and code-point count, unknown keys kept); anything else goes to the zod
 * schema, so every refusal keeps its words. The zod parse was 4–5 % of the server's CPU per
 * widget turn (BENCHMARKS.md, session 18).
 */
export function readMessageFrame(frame: unknown): ReturnType<typeof readFrame<typeof MessageFrame>> {
  if (typeof frame === 'object' && frame !== null && !Array.isArray(frame)) {
    const f = frame as Record<string, unknown>;
    const id = f.clientMessageId;
    const raw = f.text;
    if (typeof id === 'string' && id.length >= 1 && id.length <= 64 && PRINTABLE_ASCII.test(id) && typeof raw === 'string') {
      const text = normalizeInboundText(raw).trim();
      // UTF-16 length ≥ code points: only a long text needs counting.
      if (text.length > 0 && (text.length <= MAX_MESSAGE_CHARS || charLength(text) <= MAX_MESSAGE_CHARS) && hasVisibleText(text)) {
        return { ok: true, value: { ...f, clientMessageId: id, text } };
      }
    }
  }
  return readFrame(MessageFrame, frame);
}
