import type { ReplyTemplates } from '../domain/tenant.js';
import { asksLanguage } from './brain/rule/store-facts.js';
import { foldAccents as fold } from '../kernel/fold.js';

/** The templates of the languages fact: a reply that is it answers the question already. */
const LANGUAGES_FACT = /^(?:info|studio)\.fact\.languages\b/;


/**
 * "do you speak English? how much is the white cement?": a clerk says yes before the price. When
 * the customer asks whether the store speaks a language along with another question, and the turn
 * answers that other question (not the store's languages fact), the short yes to open the reply
 * with, from the tenant's templates (`language.yes.en` / `language.yes.es`: the language asked
 * about, in the reply's language); null otherwise or when the tenant has none.
 */
export function languageYes(customerText: string, replyTemplates: readonly string[], templates: ReplyTemplates, lang: 'es' | 'en'): string | null {
  const f = fold(customerText);
  // Cheap first: most messages name no language.
  if (!/engl|ingl|spani|espan|castell/.test(f) || replyTemplates.some((t) => LANGUAGES_FACT.test(t)) || !asksLanguage(customerText)) return null;
  const asked = /english|ingles/.test(f) ? 'en' : 'es';
  return templates[lang]?.[`language.yes.${asked}`] ?? null;
}
