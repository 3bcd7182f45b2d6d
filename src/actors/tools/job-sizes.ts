/**
 * The sizes of a job said alone ("piso de 4x5", "tengo una habitación de 3 x 4"): a clerk works out
 * the area and asks what goes there (cerámica, porcelanato, concreto…), keeping the sizes; the
 * material named or picked next is worked out for them. A slab's sizes need no question: it is
 * concrete.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { isOnlySurface, readJobSizesOnly, type MaterialQuestion, type Surface } from '../../machines/material-questions.js';
import { pickedOption } from '../../machines/product-focus.js';
import { plainWords } from '../../kernel/plain-words.js';
import type { CatalogIndex } from './catalog-search.js';
import { focusOf, optionsFor } from './product-parts.js';

/** The everyday materials of the trade for each surface, as customers name them: the catalog's products with a rule of thumb for them are offered. */
const GOODS: Partial<Record<Surface, readonly string[]>> = {
  floor: ['ceramica de piso', 'porcelanato', 'cemento'],
  room: ['ceramica de piso', 'porcelanato', 'pintura'],
  wall: ['block', 'pintura', 'ceramica de pared'],
  roof: ['impermeabilizante', 'pintura'],
};

/** What the job's sizes ask: a question of what goes there (`ask`), or a material to work out for them (`estimate`). */
export type JobSizes = { kind: 'ask'; output: ProductActorOutput } | { kind: 'estimate'; question: MaterialQuestion; input: ProductActorInput };

const hasRule = (p: Product): boolean => p.coverage !== undefined || p.usage !== undefined;
const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The answer to a job's sizes said alone, or to the material named or picked right after them;
 * null when the message is neither.
 */
export function jobSizes(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): JobSizes | null {
  // "losa 5x6" read as a product phrase is the surface and its sizes.
  const namedOf = (): typeof input.understanding.products =>
    input.understanding.products.filter((p) => {
      const words = p.query.replace(/\S*\d\S*|(?<!\S)(?:x|por|by)(?!\S)/g, ' ').trim();
      return words !== '' && !isOnlySurface(words);
    });
  const focus = input.focus;
  // "cerámica", "el porcelanato", "la segunda" right after the sizes: that material, for them.
  if (focus?.sizes && focus.sizesFor && focus.options) {
    // "la primera" is the first one offered, never the primer paint.
    const at = pickedOption(text, focus.options.length);
    const sku = at !== null ? focus.options[at] : undefined;
    const none = { ...input.understanding, products: [] };
    if (sku !== undefined) return { kind: 'estimate', question: focus.sizes, input: { ...input, understanding: none, focus: { ...focus, sku } } };
    // "dame 10 sacos de cemento": a count of its own is the customer's, not worked out.
    const named = namedOf();
    if (named.length > 1 || named[0]?.quantity !== undefined) return null;
    const wanted = named[0] ? index.search(named[0].query, { limit: 1 })[0]?.product : undefined;
    if (wanted && hasRule(wanted)) return { kind: 'estimate', question: focus.sizes, input };
    // "concreto", "hormigón": a job the catalog's products with a rule are for (the cement, sand and gravel).
    // "pintarla", "enchaparlo": the verb without the pronoun names the job.
    const words = new Set(plainWords(text).split(' ').flatMap((w) => [w, w.replace(/(?<=r)(?:la|lo|las|los|le)$/, '')]));
    const forJob = tenant.catalog.filter((p) => hasRule(p) && p.stock > 0 && p.jobs?.some((job) => words.has(plainWords(job))));
    const chosen = forJob.find((p) => focus.options?.includes(p.sku)) ?? forJob.find((p) => (p.default_for?.length ?? 0) > 0) ?? forJob[0];
    if (chosen) return { kind: 'estimate', question: focus.sizes, input: { ...input, understanding: none, focus: { ...focus, sku: chosen.sku } } };
    return null;
  }
  // A measurement the bot asked for ("dime cuántos metros cuadrados…") is read as that answer (`measureAnswer`).
  // (The sizes first: most messages say none, and then the product phrases need no reading.)
  if (focus?.measure) return null;
  const sizes = readJobSizesOnly(text);
  if (!sizes?.surface || namedOf().length > 0) return null;
  // "el cuarto es de 3 por 4" with the paint for it on the counter ("quiero pintar el cuarto de rosado"):
  // the walls are what is painted, worked out for that paint — never "¿el piso o pintar las paredes?"
  // (a colour offered to mix is not yet: its gallons would be named by the white base).
  const painting = (sizes.surface === 'room' || sizes.surface === 'wall') && focus !== undefined && focus.mix === undefined && tenant.catalog.some((p) => p.sku === focus.sku && p.coverage !== undefined);
  // "losa de 5x6": a slab is concrete; worked out at once (its thickness assumed and said).
  if (painting || sizes.surface === 'slab' || sizes.surface === 'column') return { kind: 'estimate', question: sizes, input: { ...input, understanding: { ...input.understanding, products: [] } } };
  const goods = (GOODS[sizes.surface] ?? [])
    .map((words) => index.search(words, { limit: 5 }).find((m) => hasRule(m.product) && m.product.stock > 0)?.product)
    .filter((p, i, all): p is Product => p !== undefined && all.findIndex((o) => o?.sku === p.sku) === i);
  const first = goods[0];
  if (!first) return null;
  const area = sizes.area ?? (sizes.sides ? sizes.sides[0] * sizes.sides[1] : 0);
  const sides = sizes.sides ? `${fmt(sizes.sides[0])} x ${fmt(sizes.sides[1])} m` : `${fmt(area)} m²`;
  const or = lang === 'en' ? 'or' : 'o';
  const names = goods.length > 1 ? `${goods.slice(0, -1).map((p) => `*${p.name}*`).join(', ')} ${or} *${goods.at(-1)?.name}*` : `*${first.name}*`;
  const base = focusOf({ product: first, score: 1, unmet: [], defaulted: false }, { query: first.name }, index);
  return {
    kind: 'ask',
    output: {
      outcome: 'answered',
      replies: [{ template: sizes.sides ? `product.job_sizes.${sizes.surface}` : `product.job_sizes.${sizes.surface}.area`, params: { sides, area: fmt(area), names }, options: optionsFor(goods) }],
      focus: { ...base, options: goods.map((p) => p.sku), sizes, sizesFor: true },
    },
  };
}
