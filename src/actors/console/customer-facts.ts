/**
 * What the console reads about the customer from the transcript and the machine context: the name
 * and phone they wrote, and whether a ticket was a call back.
 */
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import { extractPersonNames, extractPhones } from '../brain/rule/contact-entities.js';

/** The newest name the customer wrote about themselves ("me llamo…", "soy…"), or null. */
export function nameSaidIn(transcript: readonly TranscriptEntry[]): string | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i]!;
    if (line.author !== 'customer') continue;
    const name = extractPersonNames(line.text)[0];
    if (name !== undefined) return name.value;
  }
  return null;
}

/** The newest phone number the customer wrote ("llámenme al 809 555 0142"), normalised, or null. */
export function phoneWrittenIn(transcript: readonly TranscriptEntry[]): string | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i]!;
    if (line.author !== 'customer') continue;
    const phones = extractPhones(line.text);
    if (phones.length > 0) return phones[phones.length - 1]!.value;
  }
  return null;
}

/**
 * Whether the conversation's ticket `number` was a call back ("¿me pueden llamar?"): the machine
 * marks it on the ticket it holds, and on the record of the last handoff once resolved.
 */
export function isCallBack(context: Record<string, unknown>, number: string): boolean {
  for (const held of [context.ticket, context.lastHandoff] as Array<{ number?: unknown; callBack?: unknown } | null | undefined>) {
    if (held && held.number === number) return held.callBack === true;
  }
  return false;
}
