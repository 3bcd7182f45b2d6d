/**
 * "¿y si compro cubeta sale más barato?" after the paint and then the roller were priced: the
 * bucket is the paint's pack, not the roller's. A clerk asks it of the product on the counter that
 * comes in a bucket, never says the roller comes in none.
 */
import { foldAccents } from '../../kernel/fold.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { containerOfShown } from './container-of-shown.js';

const BUCKET = /\b(?:cubetas?|buckets?)\b/;
/** A product phrase that is only the bucket asked for ("cubeta", "la cubeta"). */
const ONLY_BUCKET = /^(?:(?:la|una|el|en|de|the|a|in)\s+)*(?:cubetas?|buckets?)$/;

/** A product line's name without its pack: "Pintura Acrílica Tropical Blanco". */
const lineOf = (p: Product): string => foldAccents(p.name).replace(/\s*\((?:galon|cubeta[^)]*)\)\s*$/i, '').trim();

/** The input with the product on the counter that comes in a bucket in focus, when a bucket is asked of one that does not; else the input. */
export function withPackOnCounter(tenant: TenantData, given: ProductActorInput, text: string | undefined): ProductActorInput {
  // "¿cuánto sale el tubo?" with the silicone on the counter: the silicone.
  const input = containerOfShown(tenant, given, text) ?? given;
  const focus = input.focus;
  if (!focus || text === undefined || !(focus.recent?.length ?? 0) || !BUCKET.test(foldAccents(text))) return input;
  if (input.understanding.products.some((p) => !ONLY_BUCKET.test(foldAccents(p.query).trim()))) return input;
  const bySku = (sku: string): Product | undefined => tenant.catalog.find((p) => p.sku === sku);
  const inBucket = (p: Product | undefined): boolean => p !== undefined && tenant.catalog.some((o) => o !== p && lineOf(o) === lineOf(p) && /\(cubeta/i.test(o.name));
  // ...or is itself the bucket (the satin bucket base a mixed colour was just offered on).
  const onCounter = bySku(focus.sku);
  if (inBucket(onCounter) || (onCounter !== undefined && /\(cubeta/i.test(onCounter.name))) return input;
  const other = (focus.recent ?? []).map(bySku).find(inBucket);
  if (!other) return input;
  const recent = [focus.sku, ...(focus.recent ?? []).filter((sku) => sku !== other.sku)];
  return { ...input, focus: { sku: other.sku, name: other.name, price: other.price, query: other.name, recent } };
}
