import { isOnlyLaughter, withoutLaughter } from '../../../machines/laughter.js';
import { withDimensionsJoined } from '../../catalog/dimensions.js';
import { linesAsItems } from './line-breaks.js';
import { withChatWordsSpelled } from '../../../machines/chat-words.js';

/**
 * What an emoji-only message says, in words the readers know: 👍 / 👌 / ✅ is "ok", 🙏 / ❤️ / 😊 is
 * "gracias", 👋 is "hola", 👎 is "no". A customer on WhatsApp answers with one as often as with a
 * word; read as text they are nothing ("no te entendí"). A message with any word in it is left as
 * written (the emoji is decoration there).
 */
const SAYS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:👍|👌|✅|☑️|✔️|✔|🆗|💯|🤝)$/u, 'ok'],
  [/^(?:🙏|❤️|❤|♥️|♥|😊|☺️|☺|🥰|🤗|😍|🫶|💙|💚|💛|🧡|💜|😘|🌹|💐)$/u, 'gracias'],
  [/^(?:👋|🖐️|🖐|✋)$/u, 'hola'],
  [/^(?:👎|❌|🙅|🙅‍♂️|🙅‍♀️)$/u, 'no'],
];

/** Skin-tone and variation modifiers are the same gesture. */
const MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;
const ONLY_EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200D\uFE0F\s.!,]+$/u;

/**
 * The words an emoji-only message stands for, or the text itself. Unknown emoji keep the text.
 *
 * @example
 * emojiAsWords('👍🏽'); // 'ok'
 * emojiAsWords('👍🙏'); // 'ok gracias'
 * emojiAsWords('dale 👍'); // 'dale 👍'
 */
export function emojiAsWords(text: string): string {
  if (text === '' || !ONLY_EMOJI.test(text) || !/\p{Extended_Pictographic}/u.test(text)) return text;
  const said: string[] = [];
  for (const { segment } of segmenter.segment(text.replace(MODIFIERS, ''))) {
    if (!/\p{Extended_Pictographic}/u.test(segment)) continue;
    const word = SAYS.find(([re]) => re.test(segment) || re.test(`${segment}\uFE0F`))?.[1];
    if (word === undefined) return text;
    if (!said.includes(word)) said.push(word);
  }
  return said.length > 0 ? said.join(' ') : text;
}

const segmenter = new Intl.Segmenter('es', { granularity: 'grapheme' });

/**
 * The message as the readers read it: emoji-only messages as their words (`emojiAsWords`); laughter
 * set aside ("jaja sí" says "sí"), and laughter alone read as the acknowledgment it is ("jajaja",
 * "lol", "😂": "ok"); chat spellings of question words spelled out ("kuanto" is "cuanto").
 */
export function readableText(raw: string): string {
  // "a 2 by 4", "dos por cuatro": a size as the catalog writes it ("2x4").
  return withDimensionsJoined(readableWords(raw));
}

/** `readableText` with the customer's own words for sizes ("2 by 4"), same length: what the language is read on. */
export function readableWords(raw: string): string {
  // A list pasted one item a line is read as items, not one run of words.
  // "kuanto sale", "ke precio": the question words spelled out (`chat-words.ts`).
  const text = withChatWordsSpelled(withoutLaughter(emojiAsWords(linesAsItems(raw))));
  return isOnlyLaughter(text) ? 'ok' : text;
}
