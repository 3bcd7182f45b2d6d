/**
 * "hello??", "hi", "hey!!" in the middle of a Spanish conversation: a Dominican customer pinging
 * the bot or greeting in the English everybody uses, not a switch of language. A clerk answers in
 * the language the conversation is in. Only a one-word greeting or ping keeps it; as the first
 * message it still says the language (the customer who opens with "hi" may be English), and any
 * message with more words says its own.
 */
import type { Lang } from '../domain/nlu.js';
import { foldAccents } from '../kernel/fold.js';

/** One English greeting word, letters drawn out or doubled ("hellooo", "hiii", "hello hello"). */
const PING = /^(?:(?:hel+o+|hal+o+|hi+|hey+|hiya|yo)\s*)(?:\s(?:hel+o+|hi+|hey+))?$/;

/** A one-word English greeting or ping, whatever its punctuation and emoji. */
export function isEnglishPing(text: string): boolean {
  const t = foldAccents(text.toLowerCase())
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\uFE0F]/gu, ' ')
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return PING.test(t);
}

/** The language to go on in: the conversation's, for a ping after its first message; else the message's. */
export function languageAfterPing(text: string, read: Lang, conversation: Lang, turn: number): Lang {
  return turn > 1 && read !== conversation && isEnglishPing(text) ? conversation : read;
}
