/**
 * "hello??", "hi", "hey!!" in the middle of a Spanish conversation: a Dominican customer pinging
 * the bot or greeting in the English everybody uses, not a switch of language. A clerk answers in
 * the language the conversation is in. Only a one-word greeting or ping keeps it; as the first
 * message it still says the language (the customer who opens with "hi" may be English), and any
 * message with more words says its own.
 */
import type { Lang } from '../domain/nlu.js';
import { foldAccents } from '../kernel/fold.js';

/** "¿sigues ahí?", "¿hay alguien?", "are you still there?": the customer checks the chat is alive (accent-folded, lower-case). */
export const STILL_THERE = /\b(?:(?:sigues|sigue|siguen|estas|esta|estan|tas|ta|tan) (?:ahi|alli|por ahi|ai|en linea)|hay alguien|(?:anyone|anybody|someone|somebody|you|u) (?:still )?(?:there|around))\b/;

/**
 * "una pregunta", "tengo una consulta", "¿me puede ayudar?", "I have a question": the customer
 * announces a question before asking it (accent-folded, lower-case). Later in a conversation a
 * clerk says "¡Claro, dime!", never "¡Hola de nuevo!".
 */
export const ASKS_LEAVE = /^(?:(?:hola|ola|buenas|oye|oiga|mira|mire|disculpa|disculpe|perdon|hey|hi|excuse me|sorry|ok|y|and|otra cosa|another thing)\s+)*(?:(?:tengo|tenia|tendria|una|hay|i have|i got|quick|one more|another|otra)\s+)?(?:una\s+|a\s+)?(?:pregunta|preguntita|consulta|duda|question)(?:\s+(?:mas|more|rapida|rapidita|porfa|please))?|^(?:(?:hola|buenas|oye|disculpe|disculpa|hi|hey)\s+)*(?:(?:me|nos)\s+(?:pueden|puede|podrian|podria|puedes|podrias)\s+(?:ayudar|atender|orientar)(?:\s+(?:con\s+algo|en\s+algo))?|(?:can|could)\s+(?:you|u|someone)\s+help(?:\s+me)?(?:\s+with\s+something)?)$/;

/** A message that only checks the chat is alive: "¿sigues ahí?", "hola??", "hello?", "¿hay alguien?", "are you there?". */
const ONLY_PING = /^(?:(?:hola+|ola+|hel+o+|hi+|hey+|oye|buenas|epa|alo|aja|y|and|disculpa|excuse me|so|entonces)\s)*(?:(?:hola+|ola+|hel+o+|hi+|hey+|alo)|(?:sigues|sigue|siguen|estas|esta|estan|tas|ta|tan) (?:ahi|alli|por ahi|ai|en linea)|hay alguien(?: ahi)?|(?:are|r) (?:you|u) (?:still )?(?:there|around)|(?:anyone|anybody|someone|somebody) (?:there|around|here))(?:\s(?:hola+|hello+|amigo|amiga|todavia|aun|still))*$/;

/** The message only pings ("¿sigues ahí?", "hola??"): it answers no question asked. */
export function onlyPings(text: string): boolean {
  return ONLY_PING.test(plain(text));
}

/** Accent-folded, lower-case, without punctuation or emoji. */
function plain(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\uFE0F]/gu, ' ')
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One English greeting word, letters drawn out or doubled ("hellooo", "hiii", "hello hello"). */
const PING = /^(?:(?:hel+o+|hal+o+|hi+|hey+|hiya|yo)\s*)(?:\s(?:hel+o+|hi+|hey+))?$/;

/** A one-word English greeting or ping, whatever its punctuation and emoji. */
export function isEnglishPing(text: string): boolean {
  return PING.test(plain(text));
}

/** The language to go on in: the conversation's, for a ping after its first message; else the message's. */
export function languageAfterPing(text: string, read: Lang, conversation: Lang, turn: number): Lang {
  return turn > 1 && read !== conversation && isEnglishPing(text) ? conversation : read;
}
