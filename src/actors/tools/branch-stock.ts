/**
 * Goods asked at one branch ("¿lo tienen en la sucursal de Villa Hermosa?", "y si la hay en la de
 * Villa Hermosa", "do you have it at the Padre Abreu store?"). The catalog's stock is the store's, not
 * a branch's: a clerk says so and gives that branch's phone to confirm, never a branch's stock made up.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ReplyDirective } from '../../machines/conversation.contract.js';
import { fold } from '../brain/rule/text.js';
import { branchesNamed } from './branch-named.js';

/** Having it somewhere, then a branch: "la hay en la de …", "lo tienen en la sucursal …", "do you have it at the … store". */
const STOCK_AT =
  /\b(?:tienen|tiene|tienes|hay|habra|tendran|queda|quedan|consigo|encuentro|disponible|disponibles|en existencia)\b(?:\s+\S+){0,5}?\s+(?:en|por)\s+(?:la|el)\s+(?:sucursal|tienda|local|principal|de|del)\b|\b(?:have|got|carry|stock|in stock|available)\b(?:\s+\S+){0,5}?\s+(?:at|in)\s+(?:the|your)\s+(?:\S+\s+){0,3}?(?:branch|store|shop|location)\b/;

/** The place first, then having it, as a short follow-up on the goods on the counter: "¿y en la principal hay?", "en la de Villa Hermosa lo tienen?". */
const AT_FIRST = /^(?:y\s+)?(?:en|por)\s+(?:\S+\s+){1,4}?(?:hay|habra|tienen|tiene|tendran|queda|quedan|lo tienen|la tienen|los tienen|las tienen)\s*$/;

/** Whether the message asks for goods at a branch (the folded words only; which branch is read apart). */
export function asksStockAtBranch(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (AT_FIRST.test(f) || (STOCK_AT_SAID.test(f) && STOCK_AT.test(f))) && !OTHER_AT_BRANCH.test(f);
}

/** `asksStockAtBranch`'s full reading of the cleaned text, without the pre-check (kept for the test that proves it). */
export function readsStockAtBranch(f: string): boolean {
  const t = f.trim();
  return (STOCK_AT.test(t) || AT_FIRST.test(t)) && !OTHER_AT_BRANCH.test(t);
}

/** The branch asked about for something else: "¿tienen abierto hoy en la principal?", parking, delivery, who to talk to. */
/**
 * Issue 16: what `STOCK_AT` cannot match without, as one cheap test before its lazy word gaps are
 * tried at every position: "en/por la/el " before the place (Spanish), or the place's English word.
 */
const STOCK_AT_SAID = /\b(?:en|por) (?:la|el) |branch|store|shop|location/;

const OTHER_AT_BRANCH = /\b(?:abiert[oa]s?|abren|abre|cierran|cierra|horas?|horarios?|open|opens|close|closes|closed|hours|parqueo|parking|estacionamiento|delivery|envios?|entregas?|vacantes?|empleos?|trabajo|personal|encargad[oa]|gerente|manager|cajeros?|wifi|banos?|restrooms?)\b/;

/**
 * What a clerk says of the stock at the one branch the message names: the figure is the store's, and
 * that branch's phone confirms it. Null when no single branch is named, the goods are not asked at
 * it, or the tenant has no words for it (`product.branch_stock`).
 */
export function branchStockNote(tenant: Pick<TenantData, 'store' | 'templates'>, text: string, lang: Lang): ReplyDirective | null {
  const branches = tenant.store?.branches ?? [];
  if (branches.length < 2 || tenant.templates[lang]?.['product.branch_stock'] === undefined || !asksStockAtBranch(text)) return null;
  const named = branchesNamed(branches.map((b) => b.name), text, branches.map((b) => b.address));
  const branch = named.length === 1 ? branches[named[0] as number] : undefined;
  return branch ? { template: 'product.branch_stock', params: { name: branch.name, phone: branch.phone, address: branch.address } } : null;
}

/**
 * "¿y en la principal hay?", "en la de Villa Hermosa lo tienen?" with the goods on the counter: about
 * those goods at that branch (their answer, which `withStoreAsked` heads with the branch's note), never
 * the branch's name searched as goods ("No vendemos principal"). Only when the message names one
 * branch and no goods beyond the branch's own words.
 */
export function asksBranchOfCounter(tenant: Pick<TenantData, 'store' | 'templates'>, input: ProductActorInput, text: string): boolean {
  const note = input.focus ? branchStockNote(tenant, text, input.lang) : null;
  const params = note && 'template' in note ? note.params : undefined;
  const branch = fold(`${String(params?.['name'] ?? '')} ${String(params?.['address'] ?? '')}`);
  return note !== null && input.understanding.products.every((p) => fold(p.query).split(/\s+/).every((w) => branch.includes(w)));
}
