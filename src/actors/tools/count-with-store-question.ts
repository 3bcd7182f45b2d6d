/**
 * A count said with a store question right after "¿Te lo reservo?": "dame 5 sacos, ¿me lo llevan
 * a Casa de Campo?", "I'll take 4, do you deliver to Bayahibe?". The clerk takes the count for the
 * line just priced — the delivery total and the offer to set it aside are for 5, not for the one
 * priced — and a yes sets aside that many.
 */
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorInput, InfoActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { NUMBER_WORDS, parseProductText, stem } from '../catalog/index.js';

/** What may open the message before the count ("ok,", "dale", "perfect,"). */
const OPENERS = String.raw`(?:(?:ok(?:ay|a)?|oki|dale|perfecto|perfect|bueno|great|good|yes|yeah|si|pues|entonces|then|alright|listo)[\s,.!]+)*`;
/** The ways of taking a count ("dame", "quiero", "me llevo", "I'll take", "send me"). */
const TAKING = String.raw`(?:(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+(?:take|need|want|get)|i'?d\s+(?:take|like)|i\s+(?:want|need|would\s+like)|we\s+(?:want|need)|give\s+(?:me|us)|send\s+(?:me|us)|bring\s+(?:me|us)|let\s+me\s+(?:get|have)|make\s+it|dame|deme|denme|quiero|queria|quisiera|me\s+llevo|(?:me\s+)?voy\s+a\s+llevar|llevo|necesito|ocupo|mandame|mandenme|ponme|pongame|traeme|separame|reservame|serian|que\s+sean)\s+`;
const NUMBER = String.raw`(\d{1,4}|${Object.keys(NUMBER_WORDS).filter((w) => !['un', 'una', 'uno', 'one', 'ciento', 'hundred'].includes(w)).join('|')})`;
/** Words that go on after the count without naming anything ("…, ¿me lo llevan…", "and can you deliver…"). */
const GOES_ON = String.raw`(?:y|and|pero|but|can|could|do|would|will|me|nos|lo|la|los|las|se|pa|pal|para|a|al|hasta|to|for|con|with|delivered|si|if|please|porfa|por|how|cuanto|when|cuando|que)`;
const COUNT_FIRST = new RegExp(String.raw`^\s*${OPENERS}(?:${TAKING})?${NUMBER}(?:\s+(?!${GOES_ON}\b)([a-z]+))?(?=\s*(?:[,.;:!?¿]|$|\s+${GOES_ON}\b))`);
/** Count words that name no product ("5 unidades", "3 pieces"). */
const PLAIN_COUNT_WORDS = /^(?:unidad|unidades|unit|units|pieza|piezas|piece|pieces|pcs|more|mas)$/;

/**
 * The count the message says first for the line `name` (sold by `unit`), or undefined: no count,
 * or the word after it names something else ("5 sacos de arena", "5 boxes" of screws sold by the pound).
 */
export function countSaidFor(text: string, name: string, unit: string): number | undefined {
  const m = COUNT_FIRST.exec(foldAccents(text).toLowerCase());
  if (!m?.[1]) return undefined;
  const count = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
  if (count === undefined || count < 1) return undefined;
  const word = m[2];
  if (word === undefined || PLAIN_COUNT_WORDS.test(word)) return count;
  const parsed = parseProductText(`${count} ${word}`);
  if (parsed.quantity === undefined) return undefined;
  const named = foldAccents(`${name} ${unit}`).toLowerCase();
  // "5 sacos" of the cement sold by the sack, "6 tubos" of the pipe: the line's own pack or name.
  if (parsed.attributes.pack !== undefined) return named.includes(parsed.attributes.pack) ? count : undefined;
  return parsed.content.length > 0 && parsed.content.every((w) => named.split(/[^a-z0-9]+/).some((n) => n.startsWith(w) || stem(n) === w)) ? count : undefined;
}

/**
 * `input` with the offered line recounted when the message says a count for it, and what the
 * answer built from it returns, told the count (`reserveCount`) so the offer it keeps is for that many.
 */
export function withCountSaid(tenant: TenantData, input: InfoActorInput, answer: (input: InfoActorInput) => InfoActorOutput): InfoActorOutput {
  const line = input.reserve;
  const product = line && !line.lines && line.sku !== undefined ? tenant.catalog.find((p) => p.sku === line.sku) : undefined;
  const count = line && product ? countSaidFor(input.text, product.name, product.unit) : undefined;
  if (!line || count === undefined || count === line.quantity) return answer(input);
  const text = line.text.replace(/^[\d.,]+ x /, `${count} x `);
  return { ...answer({ ...input, reserve: { ...line, quantity: count, text } }), reserveCount: count };
}
