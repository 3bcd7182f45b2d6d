import type { TenantData } from '../../../domain/tenant.js';
import { fold } from './text.js';

/** What the rule brain reads of the tenant's own names. */
export type NamedTenant = Pick<TenantData, 'catalog'> & { store?: Partial<Pick<TenantData['store'], 'branches' | 'deliveryZones' | 'places'>> };

const normal = (s: string): string => fold(s).replace(/[¿?¡!.,]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The store's own names, folded: its products and their everyday names, branches, delivery zones and
 * places. A message that is just one of them says nothing of the customer's language (an option
 * tapped in an English conversation, "cemento gris", "Sucursal Villa Hermosa"), and a place named
 * alone ("Villa Hermosa", "a Caleta": the answer to "¿A qué zona te lo enviaríamos?") asks about the store.
 */
export function createStoreNames(tenant: NamedTenant): { isOnlyAName(text: string): boolean; isOnlyAPlace(text: string): boolean } {
  const store = tenant.store ?? {};
  const places = new Set(
    [...(store.branches ?? []).map((b) => b.name), ...(store.deliveryZones ?? []).flatMap((z) => [z.zone, ...(z.aliases ?? [])]), ...(store.places ?? []).flatMap((p) => [p.name, ...(p.aliases ?? [])])].map(normal),
  );
  const names = new Set([...tenant.catalog.flatMap((p) => [p.name, ...(p.aliases ?? []), ...(p.default_for ?? [])]).map(normal), ...places]);
  return {
    isOnlyAName: (text) => names.has(normal(text)),
    isOnlyAPlace: (text) => places.has(normal(text).replace(/^(?:a|al|para|pa|en|hasta|to|in|for) /, '')),
  };
}
