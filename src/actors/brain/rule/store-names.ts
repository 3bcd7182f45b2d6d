import type { TenantData } from '../../../domain/tenant.js';
import { fold } from './text.js';

/** What the rule brain reads of the tenant's own names. */
export type NamedTenant = Pick<TenantData, 'catalog'> & { store?: Partial<Pick<TenantData['store'], 'branches' | 'deliveryZones' | 'places'>> };

const normal = (s: string): string => fold(s).replace(/[¿?¡!.,]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A product name's words, folded, without quotes, brackets or other signs: `Tubo PVC 1/2" SDR-26 (6 m)` → tubo, pvc, 1/2, sdr, 26, 6, m. */
const nameTokens = (s: string): string[] => fold(s).split(/[^a-z0-9/]+/).filter((t) => t.length > 0);
/** A count or a size ("1/2", "3", "20x20"): neither language's. */
const SIZE_TOKEN = /^[0-9][0-9/x.]*$/;

/** Words around a place that ask nothing else of it: "ok, y a Villa Hermosa cuánto?", "es pa Villa Verde", "and to Caleta how much?". */
const PLACE_LEAD = /^(?:ok|okay|oka|dale|bueno|entonces|then|y|e|and|what about|how about|es|seria|sería|would be|it's|its|it is|the delivery|el delivery|el envio|and the delivery|y el delivery|y el envio|the one on|the one in|the one at|la de|la del|la que esta en|a|al|para|pa|en|hasta|to|in|for|on|at) /;
const PLACE_TAIL = / (?:how much|how much is it|cuanto|cuanto es|cuanto sale|cuanto seria|cuanto cuesta|cuanto cobran|a como|price|please|por favor|tambien|too|also)$/;

/** A branch's name and the shorter ones customers use: "Sucursal Av. Padre Abreu" → "Av. Padre Abreu", "Padre Abreu"; "Sucursal Principal (Av. Libertad)" → "Principal", "Av. Libertad", "Libertad". */
function branchNames(name: string): string[] {
  const bare = name.replace(/^sucursal\s+/i, '');
  const inside = /\(([^)]+)\)/.exec(bare)?.[1];
  const outside = bare.replace(/\s*\([^)]*\)/, '');
  return [name, bare, outside, ...(inside ? [inside] : [])].flatMap((n) => [n, n.replace(/^(?:av\.?|avenida)\s+/i, '')]);
}

/** The message with the words around a place named alone taken off, for the place's own name. */
function placeNamed(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(PLACE_LEAD, '').replace(PLACE_TAIL, '');
  }
  return rest;
}

/**
 * The store's own names, folded: its products and their everyday names, branches, delivery zones and
 * places. A message that is just one of them says nothing of the customer's language (an option
 * tapped in an English conversation, "cemento gris", "Sucursal Villa Hermosa"), and a place named
 * alone ("Villa Hermosa", "a Caleta": the answer to "¿A qué zona te lo enviaríamos?") asks about the store.
 */
export function createStoreNames(tenant: NamedTenant): { isOnlyAName(text: string): boolean; isOnlyAPlace(text: string): boolean } {
  const store = tenant.store ?? {};
  const places = new Set(
    [...(store.branches ?? []).flatMap((b) => branchNames(b.name)), ...(store.deliveryZones ?? []).flatMap((z) => [z.zone, ...(z.aliases ?? [])]), ...(store.places ?? []).flatMap((p) => [p.name, ...(p.aliases ?? [])])].map(normal),
  );
  const names = new Set([...tenant.catalog.flatMap((p) => [p.name, ...(p.aliases ?? []), ...(p.default_for ?? [])]).map(normal), ...places]);
  // The words of the products' own names: an option's label is a family and a size ("Tubo PVC 1/2\"",
  // "Manguera de Jardín 1/2\""), not a whole catalog name, and says no more of the language than one.
  const nameWords = new Set(tenant.catalog.flatMap((p) => nameTokens(p.name)));
  const onlyNameWords = (text: string): boolean => {
    const tokens = nameTokens(text);
    return tokens.some((t) => !SIZE_TOKEN.test(t)) && tokens.every((t) => nameWords.has(t) || SIZE_TOKEN.test(t));
  };
  return {
    isOnlyAName: (text) => names.has(normal(text)) || onlyNameWords(text),
    isOnlyAPlace: (text) => places.has(placeNamed(normal(text))),
  };
}
