/**
 * "¿la pintura blanca en cubeta o en galón?", "me conviene más la cubeta o el galón?": both packs
 * of one product asked side by side. A clerk answers each product line in both packs, with what
 * the 5-gallon bucket comes to per gallon, instead of pricing one gallon plus one bucket of two
 * different paints as an estimate.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { availability, focusOf, optionsFor } from './product-parts.js';
import { wantedItems } from './product-request.js';
import { foldAccents } from '../../kernel/fold.js';

const fold = foldAccents;

const BUCKET = /\b(?:cubetas?|cubos?|pailas?|buckets?)\b/;
/** A gallon as a pack, not the size of one ("cubeta de 5 galones", "a five-gallon bucket"). */
const GALLON = /(?<!\d[\s-]?)(?<!\b(?:cinco|five)[\s-])\b(?:galon(?:es)?|gallons?)\b/;
/** The gallons in a bucket, from its name ("(cubeta 5 gal)"). */
const BUCKET_GALLONS = /\(cubeta\s+(\d+)\s*gal\)\s*$/;
const MAX_LINES = 3;

/** The message asks about both packs, the bucket and the gallon. */
export function asksBothPacks(text: string): boolean {
  const t = fold(text);
  return BUCKET.test(t) && GALLON.test(t);
}

/** A product line's name without its pack: "Pintura Acrílica Tropical Blanco". */
const lineOf = (p: Product): string => p.name.replace(/\s*\((?:gal[oó]n|cubeta[^)]*)\)\s*$/i, '').trim();

/**
 * Each product line the query names that is sold both by the gallon and in a bucket: both prices,
 * the bucket's price per gallon. Null when no line of what was asked comes in both.
 */
export function packComparison(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): ProductActorOutput | null {
  if (!asksBothPacks(text)) return null;
  // The product asked about: the brain's phrase, else the message ("la cubeta o el galón?" after the paint: the paint in focus).
  const query = wantedItems(input, undefined).map((w) => w.query).join(' ') || (input.focus?.query ?? '');
  const words = query.split(/\s+/).filter((w) => !/^(?:galon(?:es)?|gallons?|cubetas?|cubos?|buckets?|de|en|o|y|or|in)$/i.test(fold(w)));
  const matches = index.search(words.join(' '), { limit: 12 }).filter((m) => m.unmet.length === 0);
  const lines = new Map<string, { gallon?: Product; bucket?: Product }>();
  for (const { product } of matches) {
    const name = fold(product.name);
    const line = lines.get(lineOf(product)) ?? {};
    if (/\(galon\)\s*$/.test(name)) line.gallon ??= product;
    else if (BUCKET_GALLONS.test(name)) line.bucket ??= product;
    else continue;
    lines.set(lineOf(product), line);
  }
  const both = [...lines.entries()].filter(([, l]) => l.gallon && l.bucket).slice(0, MAX_LINES) as [string, { gallon: Product; bucket: Product }][];
  if (both.length === 0) return onePackOnly(tenant, index, [...lines.values()], words.join(' '), lang);
  const items = both.map(([name, { gallon, bucket }]) => {
    const gallons = Number(BUCKET_GALLONS.exec(fold(bucket.name))?.[1] ?? 5);
    const perGallon = bucket.price / gallons;
    return {
      name,
      gallonPrice: formatMoney(gallon.price),
      gallonAvailability: availability(tenant, gallon, lang),
      bucketPrice: formatMoney(bucket.price),
      bucketAvailability: availability(tenant, bucket, lang),
      gallons,
      perGallon: formatMoney(perGallon),
      saving: formatMoney(Math.max(0, gallon.price * gallons - bucket.price)),
    };
  });
  const first = both[0]![1];
  const shown = both.flatMap(([, l]) => [l.gallon, l.bucket]);
  return {
    outcome: 'answered',
    replies: [{ template: 'product.pack_compare', params: { items }, options: optionsFor(shown.filter((p) => p.stock > 0).slice(0, 4)) }],
    focus: { ...focusOf({ product: first.gallon, score: 1, unmet: [], defaulted: false }, { query: words.join(' ') }, index), options: shown.map((p) => p.sku) },
  };
}

/** "impermeabilizante en cubeta o galón" when it comes in the bucket only: that pack, and not the other. */
function onePackOnly(tenant: TenantData, index: CatalogIndex, lines: readonly { gallon?: Product; bucket?: Product }[], query: string, lang: Lang): ProductActorOutput | null {
  const line = lines[0];
  const product = line?.bucket ?? line?.gallon;
  if (!line || !product || lines.some((l) => (l.bucket !== undefined) !== (line.bucket !== undefined))) return null;
  const inBucket = line.bucket !== undefined;
  const [bucket, gallon] = lang === 'en' ? ['by the bucket', 'by the gallon'] : ['en cubeta', 'por galón'];
  return {
    outcome: 'answered',
    replies: [{ template: 'product.pack_only', params: { name: product.name, price: formatMoney(product.price), availability: availability(tenant, product, lang), pack: inBucket ? bucket : gallon, other: inBucket ? gallon : bucket } }],
    focus: focusOf({ product, score: 1, unmet: [], defaulted: false }, { query }, index),
    ...(product.stock > 0 ? { reserve: { sku: product.sku, name: product.name, quantity: 1 } } : {}),
  };
}
