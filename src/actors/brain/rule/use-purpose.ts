/**
 * "glue to stick tiles", "grout for setting tiles", "sealer to put down tiles": in English, what a job
 * is done on, said after a product and a verb of that job, is the product's use, not a second product
 * (as "pegamento para pegar cerámica" in Spanish). Not a verb of buying ("glue, and I want to buy tiles").
 */
const NOT_A_JOB = /^(?:buy|get|order|see|know|ask|check|add|have|pick|take|bring|find|quote|compare|price|pay|reserve|make|also|go|come)$/;
const PARTICLE = /^(?:down|up|on|in)$/;

/** Whether the words before token `i` say the job it is used for ("to stick", "to put down", "for laying"). */
export function usePurpose(toks: readonly { t: string }[], i: number): boolean {
  let k = i - 1;
  if (PARTICLE.test(toks[k]?.t ?? '')) k--;
  const verb = toks[k]?.t ?? '';
  const link = toks[k - 1]?.t ?? '';
  if (!/^[a-z]{3,}$/.test(verb) || NOT_A_JOB.test(verb)) return false;
  return link === 'to' || (link === 'for' && /ing$/.test(verb));
}

/** An article or possessive between the verb of a job and what it is done on ("para instalar *el* inodoro"). */
const ARTICLE = /^(?:el|la|los|las|un|una|unos|unas|mi|mis|su|sus|the|a|an|my|our)$/;

/**
 * Whether the word at `i` is what a product said before it is used on, not a second product: the
 * English job ("glue to stick tiles", "pipe to install the toilet": `usePurpose`) or the Spanish one ("cemento pa pegar blocks",
 * "el tubo para instalar el inodoro", "tornillos para fijar las planchas"), an article allowed after
 * the verb. The verb must be no product word itself (`resolve`), nor the word before `i`.
 */
export function usedFor(toks: readonly { t: string }[], i: number, resolve: (word: string) => string | null): boolean {
  if (resolve(toks[i - 1]?.t ?? '') !== null) return false;
  const article = ARTICLE.test(toks[i - 1]?.t ?? '');
  if (usePurpose(toks, i) || (article && usePurpose(toks, i - 1))) return true; // "pipe to install the toilet"
  const k = article ? i - 2 : i - 1;
  const verb = toks[k]?.t ?? '';
  return /^(?:para|pa|pal)$/.test(toks[k - 1]?.t ?? '') && /^[a-z]{2,}(?:ar|er|ir)$/.test(verb) && resolve(verb) === null;
}
