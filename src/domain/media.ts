/**
 * What a customer sent that is not text: a photo, a voice note, a document... Hilo never downloads
 * the bytes; it keeps the provider's reference (a WhatsApp media id, a Telegram `file_id`, a Twilio
 * media URL) so an agent can open it from the provider, plus the small facts the provider gave.
 * `location` and `contacts` travel the same way (a shared place or contact card).
 */
export const MEDIA_KINDS = ['image', 'audio', 'voice', 'video', 'document', 'sticker', 'location', 'contacts'] as const;

export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface MediaReference {
  kind: MediaKind;
  /** The provider's media id (WhatsApp Cloud media id, Telegram `file_id`). */
  id?: string;
  /** A provider URL for the bytes (Twilio `MediaUrlN`); opening it may need the provider's credentials. */
  url?: string;
  mimeType?: string;
  /** Bytes, when the provider says. */
  size?: number;
  /** A document's file name, when the provider gives it. */
  fileName?: string;
  /** Customer text sent with the media (also the line's text): personal data, never logged. */
  caption?: string;
  /** Audio and video length in seconds, when given. */
  durationSeconds?: number;
  /** `location`: the shared point. */
  latitude?: number;
  longitude?: number;
  /** `contacts`: how many contact cards. */
  count?: number;
}

export function isMediaKind(value: unknown): value is MediaKind {
  return typeof value === 'string' && (MEDIA_KINDS as readonly string[]).includes(value);
}

const STRING_FIELDS = ['id', 'url', 'mimeType', 'fileName', 'caption'] as const;
const NUMBER_FIELDS = ['size', 'durationSeconds', 'latitude', 'longitude', 'count'] as const;

/**
 * The media references found in untrusted JSON (a stored row, an outbox payload): only known
 * kinds and fields of the right type survive, so a reader never trips over an older or odd row.
 */
export function readMediaReferences(value: unknown): MediaReference[] {
  if (!Array.isArray(value)) return [];
  const out: MediaReference[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    if (!isMediaKind(raw.kind)) continue;
    const ref: MediaReference = { kind: raw.kind };
    for (const f of STRING_FIELDS) if (typeof raw[f] === 'string') ref[f] = raw[f];
    for (const f of NUMBER_FIELDS) if (typeof raw[f] === 'number' && Number.isFinite(raw[f])) ref[f] = raw[f];
    out.push(ref);
  }
  return out;
}

/** A copy holding only the reference's own fields, in a stable order (for storage and the wire). */
export function copyMediaReference(ref: MediaReference): MediaReference {
  return readMediaReferences([ref])[0] ?? { kind: ref.kind };
}

/** The template family a kind is acknowledged with: a voice note and an audio file read alike. */
export function mediaAckKind(kind: MediaKind): Exclude<MediaKind, 'voice'> {
  return kind === 'voice' ? 'audio' : kind;
}
