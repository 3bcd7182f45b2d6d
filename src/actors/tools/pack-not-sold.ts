/**
 * A count in a pack the product on the counter is not sold in ("dos cajas" of the cutting discs sold
 * by the unit): a clerk says how it is sold and at what price, and asks how many, never prices two
 * units as if they were the two boxes asked for.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { readFollowUpQuantity } from '../../machines/product-focus.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct } from './product-parts.js';
import { unitSibling } from './unit-sibling.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';

/** Packs of many pieces a customer counts in: boxes, packets, dozens, rolls ("2 rollos" of tie wire sold by the pound). */
const PACK = /^(?:cajas?|cajitas?|box|boxes|paquetes?|paqueticos?|packs?|packets?|docenas?|dozens?|rollos?|rolls?)$/;
const PACK_NAME: Readonly<Record<Lang, [string, string]>> = { es: ['caja', 'paquete'], en: ['box', 'pack'] };

/** The answer to a count in a pack the product in focus is not sold in, or null. */
export function packNotSoldAnswer(tenant: TenantData, focus: ProductFocus | undefined, text: string, lang: Lang): ProductActorOutput | null {
  if (!focus) return null;
  const said = readFollowUpQuantity(text);
  const pack = said?.unit !== undefined ? foldAccents(said.unit.toLowerCase()) : undefined;
  if (pack === undefined || !PACK.test(pack)) return null;
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  // Sold in that pack, or its name says what one holds ("(caja 100)"): a count of those is a count.
  if (!product || PACK.test(foldAccents(product.unit.split(/\s+/)[0] ?? '').toLowerCase()) || /\b(?:caja|paquete|box|pack|docena|rollo|roll)\b/i.test(foldAccents(product.name))) return null;
  // "dame 2 rollos" of the cable by the foot: the same cable by the roll is that pack (`unitSibling`).
  if (unitSibling(tenant.catalog, product.sku, pack)) return null;
  const named = /^(?:paquet|pack)/.test(pack) ? PACK_NAME[lang][1] : /^(?:docen|dozen)/.test(pack) ? (lang === 'en' ? 'dozen' : 'docena') : /^roll/.test(pack) ? (lang === 'en' ? 'roll' : 'rollo') : PACK_NAME[lang][0];
  const { quantity: _asked, ...held } = focus;
  return { outcome: 'answered', replies: [{ template: 'product.not_by_pack', params: { ...describeProduct(tenant, product, lang), pack: named } }], focus: held };
}

/** "saco arena" (from "60 sacos de arena"): the count was given in the pack the query starts with, not in the product's unit. */
export const countedInPack = (index: CatalogIndex, query: string): boolean => {
  const pack = index.parse(query).phrases.pack;
  return pack !== undefined && (fold(query).trimStart().startsWith(fold(pack)) || fold(query).trimEnd().endsWith(` en ${fold(pack)}`)); // "clavo en caja": boxes said of goods no box holds
};
