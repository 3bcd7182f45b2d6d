import type { Lang } from '../../domain/nlu.js';
import type { InfoActorOutput, ReplyOption } from '../../machines/conversation.contract.js';
import { fold } from '../../machines/workflow/slot-extractors.js';
import { formatMoney } from './format.js';
import type { StudioService } from './studio-reads.js';
import { offerOf } from './store-policies.js';
import { COLOUR_EN } from './colour-names.js';

/**
 * What a service is done with, asked: "what nail polish colors do you have?", "¿qué colores de esmalte
 * tienen?", "¿qué marca de tinte usan?". The studio's backend lists services, not the goods they use;
 * a receptionist says the list is not at hand (shown at the studio, or a person confirms), names the
 * services of that kind with their prices, and offers the person — never "I didn't understand". Pure.
 */

/** A colour asked as one of several ("¿qué colores tienen?", "which colour"), never "el color" as the hair colour service. */
const GOODS: readonly { re: RegExp; said: Record<Lang, string> }[] = [
  { re: /\b(?:colou?rs|colores|tonos|tonalidades|shades|tones|(?:que|cuales?|what|which) (?:colou?r|tono|shade))\b/, said: { es: 'colores', en: 'colours' } },
  { re: /\b(?:marcas?|brands?)\b/, said: { es: 'marcas', en: 'brands' } },
  { re: /\b(?:productos|products|(?:que|cual|what|which) (?:producto|product))\b/, said: { es: 'productos', en: 'products' } },
];

/** A polish asked by its colour ("do you have red nail polish?", "¿tienen esmalte rojo?"): the colours too. */
const POLISH = /\b(?:esmaltes?|polish|polishes)\b/;
const COLOUR_WORDS = new Set([...Object.keys(COLOUR_EN), ...Object.values(COLOUR_EN), 'rosa', 'fucsia', 'nude', 'vino', 'dorado', 'plateado', 'gold', 'silver', 'pink', 'burgundy', 'coral', 'lila', 'lilac'].map(fold));

/** The kind of goods asked about, as the reply says it, or null. */
export function goodsAsked(text: string, lang: Lang): string | null {
  const f = fold(text);
  const found = GOODS.find((g) => g.re.test(f))?.said[lang];
  if (found) return found;
  return POLISH.test(f) && f.split(/[^a-z]+/).some((w) => COLOUR_WORDS.has(w) || COLOUR_WORDS.has(w.replace(/s$/, ''))) ? GOODS[0]!.said[lang] : null;
}

/**
 * The answer for goods asked of these services — a kind's (`category` its name: "De uñas tenemos: …")
 * or the ones named (`category` null) — or null when none is named.
 */
export function goodsOfServices(what: string, category: string | null, among: readonly StudioService[], lang: Lang, bookOption: (s: StudioService) => ReplyOption): InfoActorOutput | null {
  if (among.length === 0) return null;
  const items = among.map((s) => (s.price === undefined ? `*${s.name[lang]}*` : `*${s.name[lang]}* (${formatMoney(s.price)})`)).join(', ');
  const { offer } = offerOf('human_agent', lang);
  const reply: { template: string; params: Record<string, string> } = category === null ? { template: 'studio.service.goods_named', params: { what, items } } : { template: 'studio.service.goods', params: { what, category, items } };
  return { replies: [{ ...reply, options: among.map(bookOption) }], service: among.length === 1 ? among[0]!.id : null, offer };
}
