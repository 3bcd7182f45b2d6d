/**
 * Emoji beside words are decoration ("dame 5 😁", "ok dame 2 de media 🙏🏾", "y a caleta? 🚚"): a
 * WhatsApp customer adds them as often as a full stop. The machine's readers of a message (a count,
 * a follow-up, a yes) read its words; with an emoji at the end they read nothing, and "dame 5 😁"
 * after a price was "no te entendí". A message of emoji only is left as written (the brain reads
 * 👍 as "ok", 🙏 as "gracias").
 */

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const MAY_HAVE_EMOJI = /[^\u0000-\u024F]/;

/**
 * The message without the emoji beside its words, or as written when it has none or nothing else.
 *
 * @example
 * withoutDecorativeEmoji('dame 5 😁'); // 'dame 5'
 * withoutDecorativeEmoji('👍'); // '👍'
 */
export function withoutDecorativeEmoji(text: string): string {
  if (!MAY_HAVE_EMOJI.test(text) || !HAS_WORD.test(text.replace(PICTOGRAPH, ''))) return text;
  const kept = text.replace(PICTOGRAPH, ' ').replace(/[ \t]{2,}/g, ' ').replace(/ +([?!.,])/g, '$1').trim();
  return kept === '' ? text : kept;
}
