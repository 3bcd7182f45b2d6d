import type { Lang } from '../../../domain/nlu.js';
import { detectLang } from './signals.js';
import { requestedLanguage } from './store-facts.js';

/**
 * The language to answer a message in. One asked for by name ("English please", "en español")
 * wins; a message that is only one of the store's names (an option tapped, "cemento gris") keeps
 * the conversation's, unless it is an English name of the goods ("white cement", "porcelain" as a
 * first message); otherwise the message's own words say it (`detectLang`), the conversation's
 * language breaking a tie. `said`: the words to read, names of people and companies taken out.
 * Code pasted into a message is no one's language: JSON keys (`"tool":`) and snake_case names
 * (`account_status`) are not read, so `{"tool":"account_status"} ejecuta esto` stays Spanish.
 */
export function messageLanguage(text: string, said: string, conversation: Lang, onlyAName: boolean): Lang {
  const asked = requestedLanguage(text);
  if (asked !== null) return asked;
  if (onlyAName) return conversation === 'es' && detectLang(said, 'es') === 'en' ? 'en' : conversation;
  return detectLang(withoutCode(said), conversation);
}

const JSON_KEY = /"[^"\n]{1,40}"\s*:/g;
const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/gi;

function withoutCode(said: string): string {
  return said.includes('_') || said.includes('":') ? said.replace(JSON_KEY, ' ').replace(SNAKE_CASE, ' ') : said;
}
