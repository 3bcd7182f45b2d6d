import { hasVisibleText, normalizeInboundText } from './normalize-text.js';

/** Longest display name kept, in code points (WhatsApp allows 25, Telegram 64 + 64). */
export const DISPLAY_NAME_MAX = 80;

/**
 * The customer's display name as the provider shows it (WhatsApp `contacts[].profile.name`,
 * Twilio `ProfileName`, Telegram `first_name` + `last_name`), cleaned like every inbound text
 * (`normalizeInboundText`), on one line, trimmed and cut to `DISPLAY_NAME_MAX` code points.
 * Anything that is not a non-empty string gives `undefined`: a display name is a courtesy of the
 * provider, so a strange one never fails a webhook. A name that shows nothing (`hasVisibleText`:
 * Hangul fillers, joiners, lone combining marks — the usual "blank name" tricks) is no name, so
 * the console shows the phone rather than an empty label (harden20). It is personal data: never log it.
 *
 * @example
 * providerDisplayName(['Carla', 'Peña\u202e']) // → 'Carla Peña'
 */
export function providerDisplayName(parts: unknown | readonly unknown[]): string | undefined {
  const list = Array.isArray(parts) ? parts : [parts];
  const words = list.filter((p): p is string => typeof p === 'string').map((p) => normalizeInboundText(p).replace(/\s+/gu, ' ').trim());
  const name = Array.from(words.filter(Boolean).join(' ')).slice(0, DISPLAY_NAME_MAX).join('').trim();
  return hasVisibleText(name) ? name : undefined;
}
