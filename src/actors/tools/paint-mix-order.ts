/**
 * A paint colour the store mixes, ordered like any product: "¿Te preparamos el azul?" → "sí" (or
 * "dame 2 galones", "una cubeta"), or "quiero 1 galón de pintura azul" straight away. A clerk takes
 * the order on the white base paint the machine tints (in the pack asked for, in stock), says the
 * colour, the count and the price, and offers to set it aside. The colour offered stays on the
 * counter (`ProductFocus.mix`) so the count said next is of that colour, never "which of the five".
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { readFollowUpQuantity } from '../../machines/product-focus.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { isPaint } from './paint-mixing.js';
import { describeProduct, focusOf } from './product-parts.js';
import { COLOUR_EN } from './colour-names.js';
import { countUnit } from './units.js';

/** Colours a paint comes in off the shelf as a base, never a colour to mix. */
const WHITE = 'blanco';
/** Words that ask for the mixing itself: "prepárame la azul", "mézclala", "mix it", "tint it". */
const MIX_VERB = /\b(?:prepar\w*|mezcl\w*|mix\w*|tint\w*|hazme\w*|hagan\w*)\b/;
/** Words a count of the mixed paint may come with besides its pack and colour. */
const PAINT_TALK = new Set(['pintur', 'paint', 'dale', 'ok', 'okay', 'pues', 'entonces', 'esa', 'ese', 'eso', 'esos', 'esas', 'that', 'it', 'one', 'please', 'por', 'favor', 'color', 'colour', 'si', 'yes', 'sure', 'bueno', 'listo', 'mas', 'more', 'mismo', 'misma', 'same', 'tono', 'shade', 'otro', 'otra', 'another']);
/** "2 más", "2 more": that many on top of the count on the counter. */
const MORE = /\b(?:mas|more|otr[oa]s?|another)\b/;

export const colourWord = (colour: string, lang: Lang): string => (lang === 'en' ? (COLOUR_EN[colour] ?? colour) : colour);

/**
 * The white paint the store tints for a colour: of the finish or brand the customer named ("pintura
 * satinada azul"), in the pack asked for (gallon unless a bucket is said), in stock for the count;
 * the everyday one first. Undefined when the catalog has no white paint with coverage.
 */
export function mixBase(tenant: TenantData, index: CatalogIndex, query: string, quantity = 1): Product | undefined {
  const said = index.parse(query);
  const bucket = /cubeta|bucket|balde|tanque/.test(foldAccents(said.phrases.pack ?? ''));
  const words = new Set(said.content);
  const bases = tenant.catalog.filter((p) => isPaint(p) && p.coverage !== undefined && index.parse(p.name).attributes.colours[0] === WHITE);
  const inPack = bases.filter((p) => /cubeta/i.test(p.unit) === bucket);
  const pool = inPack.length > 0 ? inPack : bases;
  const finish = said.attributes.finish;
  const fits = (p: Product): number => (finish && index.parse(p.name).attributes.finish === finish ? 2 : 0) + (index.parse(p.name).content.some((w) => words.has(w) && w !== 'pintur') ? 1 : 0);
  return [...pool].sort((a, b) => fits(b) - fits(a) || Number(b.stock >= quantity) - Number(a.stock >= quantity) || (b.default_for?.length ?? 0) - (a.default_for?.length ?? 0))[0];
}

/**
 * The order of `quantity` of paint mixed in `colour` on its base (priced, with "¿Te lo reservo?"),
 * or the base's price and how many when no count was given. `told`: the customer has not heard of the
 * mixing yet ("quiero 1 galón de pintura azul"): the store's words on it come first.
 */
export function mixOrder(
  tenant: TenantData,
  index: CatalogIndex,
  order: { colour: string; query: string; quantity?: number },
  lang: Lang,
  told: string | null,
  listed: { ready: string; options: string[] } | null = null,
): ProductActorOutput | null {
  const base = mixBase(tenant, index, order.query, order.quantity);
  if (!base) return null;
  const wanted = colourWord(order.colour, lang);
  const described = describeProduct(tenant, base, lang);
  const focus = { ...focusOf({ product: base, score: 1, unmet: [], defaulted: false }, { query: base.name }, index), mix: order.colour };
  if (order.quantity === undefined) {
    return { outcome: 'answered', replies: [{ template: 'product.mix_ask', params: { ...described, wanted, base: base.name, units: countUnit(base.unit, 2, lang) } }], focus };
  }
  const quantity = order.quantity;
  const params = { ...described, wanted, base: base.name, quantity, units: countUnit(base.unit, quantity, lang), total: formatMoney(base.price * quantity), mixing: told ?? '', ready: listed?.ready ?? '' };
  const reply: ReplyDirective = { template: told ? 'product.mix_new' : 'product.mix_order', params };
  const name = `${base.name}, ${lang === 'en' ? 'mixed in' : 'preparada en'} ${wanted}`;
  // The colours there are stay on the counter too: "la segunda" still picks one of them.
  return { outcome: 'answered', replies: [reply], focus: { ...focus, quantity, ...(listed ? { options: listed.options } : {}) }, reserve: { sku: base.sku, name, quantity: Math.min(quantity, Math.max(base.stock, 0)) } };
}

/** The button that takes the colour offer: its words ask for the mixing (read by `mixFollowUp`). */
export function mixOffer(colour: string, lang: Lang): { label: string; text: string } {
  const text = lang === 'en' ? `mix the ${colourWord(colour, lang)} paint for me` : `prepárame la pintura en ${colour}`;
  return { label: 'product.option.mix', text };
}

/** A plain yes ("sí", "dale", "sí, por favor", "yes please"): the machine routes it here only right after the colour offer. */
const YES = /^(?:s[ií]+|sip|dale|claro|ok[aey]?|okey|de una|perfecto|yes|yeah|yep|sure|please|por favor|va|vale|bueno|listo|correcto|eso)\b/;

/**
 * A message that orders the colour on the counter's mixing offer: the yes routed back ("prepárame la
 * pintura azul"), a count in the paint's pack ("dame 2 galones", "una cubeta"), or a count alone
 * once the count was asked; only the colour offered, no other product or colour named. Null otherwise.
 */
export function mixFollowUp(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): ProductActorOutput | null {
  const focus = input.focus;
  const colour = focus?.mix;
  if (!focus || colour === undefined || text.length > 80) return null;
  const said = index.parse(text);
  const t = foldAccents(text.toLowerCase());
  if (said.attributes.colours.some((c) => c !== colour) || said.attributes.dims.length > 0) return null;
  const listed = (focus.options?.length ?? 0) >= 2;
  const verb = MIX_VERB.test(t) || (listed && YES.test(t.replace(/^\W+/, '')));
  if (said.content.some((w) => !PAINT_TALK.has(w) && !(verb && MIX_VERB.test(w)))) return null;
  const pack = said.phrases.pack;
  const bare = said.attributes.measures.length === 1 && said.attributes.measures[0]?.unit === '' ? said.attributes.measures[0].value : undefined;
  const followed = readFollowUpQuantity(text);
  // "2" alone is a pick among the colours listed; "de galón, 2", "2 más" or, once the count was asked or an order taken, "2" is the count.
  const count = said.quantity ?? (!listed || pack !== undefined || followed?.change === 'more' || focus.quantity !== undefined ? (followed?.quantity ?? bare) : undefined);
  // "¿cuánto sale el galón?" over the colours listed asks their prices; "¿y en cubeta?" after the count was asked is the bucket's.
  // ...but once an order of the colour is on the counter ("2 galones de pintura azul"), "¿y en cubeta?" is that colour in a bucket, never the ready colours'.
  if (!verb && count === undefined && ((listed && focus.quantity === undefined) || pack === undefined)) return null;
  const base = tenant.catalog.find((p) => p.sku === focus.sku);
  const query = `${pack ?? (base && /cubeta/i.test(base.unit) ? 'cubeta' : '')} pintura ${said.attributes.finish ?? ''}`;
  const more = count !== undefined && focus.quantity !== undefined && (followed?.change === 'more' || MORE.test(t)) ? focus.quantity : 0;
  const quantity = count !== undefined ? count + more : said.quantity === undefined && pack === undefined ? focus.quantity : undefined;
  return mixOrder(tenant, index, { colour, query, ...(quantity !== undefined ? { quantity } : {}) }, lang, null);
}

/** True for a product whose colour the store can mix instead ("pintura azul": the white base tinted). */
export function mixable(tenant: TenantData, product: Product): boolean {
  return !!tenant.store.facts?.paintMixing && isPaint(product) && product.coverage !== undefined;
}

/** Words that add a line rather than ask the same order in another pack. */
const ADDS_LINE = /\b(?:tambien|ademas|also|too|as well|otr[oa]s?|another|mas|more|plus|extra)\b/;

/**
 * "¿y en cubeta?" after "2 galones de pintura azul": the same colour asked in another pack, instead
 * of the gallons — the gallons leave the counter, so "dame 1 cubeta" then "¿cuánto es todo?" is the
 * bucket alone. A line added in so many words ("y también una cubeta") stays beside them.
 */
export function mixInOtherPack(previous: ProductFocus, now: ProductFocus, text: string | undefined): boolean {
  return previous.mix !== undefined && now.mix === previous.mix && now.sku !== previous.sku && text !== undefined && !ADDS_LINE.test(foldAccents(text.toLowerCase()));
}
