import { fold } from './text.js';

/**
 * Lower-case, accent-free words separated by single spaces, as the lead form reads an answer:
 * unlike the kernel's `plainWords`, the characters of an address and a date stay ("@", ".", "'", "/", "-").
 */
export function leadWords(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9@.'\s/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message without the punctuation people put around a short answer. */
export function bareOf(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!?¡¿…]+$/g, '')
    .replace(/^[¡¿]+/, '')
    .trim();
}
