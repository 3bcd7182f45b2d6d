import { samePhone } from './phone.js';

/**
 * A customer may give more than one number ("mi cel es 809-… y la oficina 809-…"). The lead keeps
 * them in its one `phone_or_username` value, joined by {@link PHONE_SEPARATOR} in the order given
 * ("+18095551234 / +18295559876"); the CRM payload gets them as a list (`contact_info.phones`).
 * Pure: no I/O.
 */
export const PHONE_SEPARATOR = ' / ';

/** The numbers (or the one handle) of a lead's phone value, in the order given. */
export function phonesOf(value: string | null | undefined): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\s*[/;]\s*|\s*,\s*(?=\+|\d)/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The list joined back into a lead value, without a number twice (however spelled). */
export function joinPhones(list: readonly string[]): string {
  const out: string[] = [];
  for (const p of list) if (!out.some((q) => q === p || samePhone(q, p))) out.push(p);
  return out.join(PHONE_SEPARATOR);
}

/** The lead's numbers with the ones given added after them; the given ones alone when it had none. */
export function withPhonesAdded(before: string | null | undefined, added: string): string {
  return joinPhones([...phonesOf(before), ...phonesOf(added)]);
}

const TAIL = /\b(?:termina(?:ba)? en|acaba(?:ba)? en|termina(?:ba)? con|acaba(?:ba)? con|ending (?:in|with)|ends (?:in|with)|ended (?:in|with))\s+(?:el\s+|en\s+)?(\d{2,4})\b/g;

/**
 * A number pointed at by its last digits ("el que termina en 9876", "the one ending in 1234"): which
 * of a lead's numbers a correction is about. `text` folded (no accents, lower case).
 */
export function namesANumberByItsTail(text: string): boolean {
  TAIL.lastIndex = 0;
  const named = TAIL.test(text);
  TAIL.lastIndex = 0;
  return named;
}
const FIRST = /\b(?:primer[oa]?|first|1ro|1ero)\b/;
const SECOND = /\b(?:segund[oa]|second|2do)\b/;
const LAST = /\b(?:ultim[oa]|last|latter|el otro|la otra|the other)\b/;

/** Digits that differ, position by position, over the last ten digits (a typo is one or two). */
function digitDistance(a: string, b: string): number {
  const da = a.replace(/\D/g, '').slice(-10);
  const db = b.replace(/\D/g, '').slice(-10);
  if (da.length !== db.length) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) n++;
  return n;
}

/**
 * The lead's numbers after a correction ("perdón, ese no es, es el 829-…", "sorry, wrong number,
 * it's …"): only the wrong one is replaced, as a clerk crossing out one number would. Which one:
 * the stored number the message repeats ("el 809-555-1234 no es, es …"), the one whose last
 * digits it names ("el que termina en 1234"), the one it counts ("el primero", "the second"),
 * else the one the new number differs from by a typo (one or two digits); else the one given
 * last (a "wrong number" is most often the number just said). Several new numbers, or a lead
 * with one number, replace them all. `text` is the customer's message, folded (no accents, lower case).
 */
export function phonesCorrected(before: string | null | undefined, said: string, text: string): string {
  const old = phonesOf(before);
  const given = phonesOf(said);
  const fresh = given.filter((g) => !old.some((o) => samePhone(o, g)));
  if (fresh.length === 0) return joinPhones(old.length > 0 ? old : given);
  if (old.length <= 1) return joinPhones(fresh);
  const repeated = given.filter((g) => old.some((o) => samePhone(o, g)));
  if (fresh.length > 1 && repeated.length === 0) return joinPhones(fresh);
  const replaceAt = (i: number) => joinPhones(old.map((o, j) => (j === i ? fresh[0]! : o)).concat(fresh.slice(1)));
  // The wrong number said again: that one goes.
  if (repeated.length > 0) {
    const i = old.findIndex((o) => samePhone(o, repeated[0]!));
    return replaceAt(i);
  }
  // "el que termina en 1234": the last digits of exactly one stored number.
  const tails = [...text.matchAll(TAIL)].map((m) => m[1]!);
  const byTail = old.map((o, i) => (tails.some((t) => o.replace(/\D/g, '').endsWith(t)) ? i : -1)).filter((i) => i >= 0);
  if (byTail.length === 1) return replaceAt(byTail[0]!);
  if (FIRST.test(text)) return replaceAt(0);
  if (SECOND.test(text)) return replaceAt(1);
  if (LAST.test(text)) return replaceAt(old.length - 1);
  const distances = old.map((o) => digitDistance(o, fresh[0]!));
  const closest = Math.min(...distances);
  if (closest <= 2 && distances.filter((d) => d === closest).length === 1) return replaceAt(distances.indexOf(closest));
  return replaceAt(old.length - 1);
}
