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
