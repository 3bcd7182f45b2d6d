/**
 * "¿cuál dura más?", "which lasts longer?" after the zinc and the aluzinc: a clerk answers from what
 * the store knows of each (the catalog's `durability`: typical years and a line to say), the one
 * that lasts longer first. With nothing in the data, honestly that the sheet does not say, and a
 * salesperson offered (a yes hands over) — never the help menu.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { optionsFor } from './product-parts.js';
import { renderReply } from '../render-reply.js';

/** Products weighed at most. */
const MAX_WEIGHED = 3;

/** One line per durability said: products of one line with the same fact ("Aluzinc … 12 pies" and "16 pies") said once, the first named. */
function distinct(products: readonly Product[]): Product[] {
  const seen = new Set<string>();
  return products.filter((p) => {
    const key = p.durability ? `${p.durability.years}\u0000${p.durability.es}` : `sku:${p.sku}`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * How long the products talked of last (`talkedOf`: the one in focus, the options shown and the
 * others of its shelf talked of before), or null when the tenant has no such templates.
 */
export function durabilityAnswer(tenant: TenantData, talkedOf: readonly Product[], focus: ProductFocus, lang: Lang): ProductActorOutput | null {
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  if (!has('product.lasts.unknown')) return null;
  const weighed = distinct(talkedOf).slice(0, MAX_WEIGHED);
  const known = weighed.filter((p) => p.durability !== undefined).sort((a, b) => (b.durability?.years ?? 0) - (a.durability?.years ?? 0));
  const line = (p: Product): { name: string; note: string } => ({ name: p.name, note: (lang === 'en' ? (p.durability?.en ?? p.durability?.es) : p.durability?.es) ?? '' });
  const first = known[0];
  // Two or more with the facts, one lasting longer: that one first, each with its line.
  if (first && known.length >= 2 && (first.durability?.years ?? 0) > (known[1]?.durability?.years ?? 0) && has('product.lasts.longer')) {
    return { outcome: 'answered', replies: [{ template: 'product.lasts.longer', params: { name: first.name, items: known.map(line) }, options: optionsFor(known) }], focus };
  }
  // One asked about ("¿cuánto dura?") or the only one the data speaks of: its line; the others' silence said.
  if (first && (weighed.length === 1 || known.length === 1) && has('product.lasts.one')) {
    const silent = weighed.filter((p) => p.durability === undefined).map((p) => `*${p.name}*`);
    const others = silent.length > 0 ? renderOthers(tenant, silent, lang) : '';
    return { outcome: 'answered', replies: [{ template: 'product.lasts.one', params: { ...line(first), others } }], focus };
  }
  // Nothing in the data (or no difference in it): said honestly, and a salesperson offered.
  const names = weighed.map((p) => `*${p.name}*`);
  const joined = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${names.at(-1)}`;
  const asks = lang === 'en' ? 'I would like to talk to a salesperson about how long it lasts' : 'quiero hablar con un vendedor sobre cuánto dura';
  const label = 'clarify.option.yes_person';
  return {
    outcome: 'answered',
    replies: [{ template: 'product.lasts.unknown', params: { names: joined }, options: [{ label, text: asks, template: true }, ...optionsFor(weighed.length > 1 ? weighed : [])] }],
    focus,
    offer: { intent: 'human_agent', label, text: asks },
  };
}

function renderOthers(tenant: TenantData, names: readonly string[], lang: Lang): string {
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${names.at(-1)}`;
  return tenant.templates[lang]?.['product.lasts.others'] === undefined ? '' : renderReply({ template: 'product.lasts.others', params: { names: joined ?? '' } }, tenant.templates, lang);
}
