import type { Entity } from '../domain/nlu.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * The need a salesperson reads, from a message that also greets and says who is writing: "Buenas
 * tardes, les escribe Laura Gómez del Hotel Playa Dorada, queremos cotizar 60 abanicos de techo…"
 * → "queremos cotizar 60 abanicos de techo…". The greeting, the clauses that only say who is asking
 * (a name or a company, no goods) before the need, and the clauses that only give a name, an e-mail
 * or a phone anywhere are the lead's other fields, not its need.
 */

/** A clause that is only a greeting or courtesy. */
const GREETING = /^(?:hola|holi|klk|saludos|buenas|buenos dias|buen dia|buenas tardes|buenas noches|hi|hello|hey|good morning|good afternoon|good evening|dear sirs?|estimados?|senores|gracias|thanks|thank you|(?:hola|hi|hello) (?:buenas|buenos dias|buenas tardes|buenas noches|there))$/;

const WHO = new Set<Entity['type']>(['person_name', 'company']);
const REACH = new Set<Entity['type']>(['email', 'phone']);
const PERSON = new Set<Entity['type']>(['person_name']);
/** A clause that says who is writing ("soy …", "me llamo …", "this is …"). */
const SELF = /^(?:soy|me llamo|mi nombre es|les escribe|le escribe|te escribe|habla|i m|i am|this is|my name is|im)\b/;

export function needWithoutIntroduction(text: string, entities: readonly Entity[]): string {
  const clauses: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^.!?;,\n]+/g)) {
    const start = m.index ?? 0;
    if (m[0].trim() !== '') clauses.push({ text: m[0].trim(), start, end: start + m[0].length });
  }
  const touches = (c: { start: number; end: number }, types: Set<Entity['type']>) => entities.some((e) => types.has(e.type) && e.start < c.end && c.start < e.end);
  const goods = (c: { start: number; end: number }) => entities.some((e) => (e.type === 'product' || e.type === 'quantity') && e.start < c.end && c.start < e.end);
  const plain = (s: string) => foldAccents(s.toLowerCase()).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  let first = 0;
  while (first < clauses.length && !goods(clauses[first]!) && (GREETING.test(plain(clauses[first]!.text)) || touches(clauses[first]!, WHO))) first++;
  // After the goods too: "…pa una marquesina, soy Miguel Santana, miguel@gmail.com" — the name and the e-mail are not the need.
  const kept = clauses.slice(first).filter((c) => goods(c) || !(touches(c, REACH) || touches(c, PERSON) || SELF.test(plain(c.text)) || GREETING.test(plain(c.text))));
  const need = kept.map((c) => c.text).join(', ');
  // Nothing left that says a need: the message as written.
  return need.split(/\s+/).length >= 3 ? need : text.trim();
}
