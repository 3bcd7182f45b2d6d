/**
 * A catalog category as the customer's language says it: the catalog writes them in the store's
 * language ("Tubería PVC"); `store.categoryNames` names them in others ("PVC pipe"). Without a name
 * in that language the catalog's own is said.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';

export function categoryName(tenant: Pick<TenantData, 'store'>, category: string, lang: Lang): string {
  return tenant.store.categoryNames?.[category]?.[lang] ?? category;
}
