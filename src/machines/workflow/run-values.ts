import { asAmount, formatMoney } from '../../domain/money.js';
import type { Lang } from '../../domain/nlu.js';

/** Plain helpers of the workflow runner: reading a backend item's fields, nesting a body, money and placeholder spelling. */

export function nest(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = value;
  }
  return out;
}

export function pick(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `{price|money}`: a placeholder's name and its display filter (checked by `checkWorkflowSet`). */
export function placeholder(token: string): { name: string; filter: string | undefined } {
  const bar = token.indexOf('|');
  return bar < 0 ? { name: token, filter: undefined } : { name: token.slice(0, bar), filter: token.slice(bar + 1) };
}

/** Where `{x.price|money}` finds its currency: the `currency` field beside the amount (`x.currency`). */
export function siblingCurrency(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? 'currency' : `${name.slice(0, dot)}.currency`;
}

/** An amount as the store writes it ("RD$1,500.00"); a value that is not a number is shown as it is. */
export function money(value: unknown, currency: unknown): string {
  const amount = asAmount(value);
  if (amount === null) return typeof value === 'string' ? value : '';
  return formatMoney(amount, typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency : undefined);
}

/** Spanish says "a la 1:30 p. m." (one o'clock is singular), whatever the template wrote before the time. */
export function oneOClock(said: string, lang: Lang): string {
  return lang === 'es' ? said.replace(/\b(a|de|desde|hasta) las (1:\d\d [ap]\. m\.)/g, '$1 la $2') : said;
}
