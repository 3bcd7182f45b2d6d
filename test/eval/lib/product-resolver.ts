import type { Brain } from '../../../src/actors/brain/brain.js';
import { createCatalogIndex } from '../../../src/actors/tools/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';

/**
 * The bot's product resolution, seen from outside: the catalog search the product tool calls
 * (`createCatalogIndex(...).search`), built the way the tenant runtime builds it. This is the one
 * line to update when the search entry point changes.
 */
export function createSearchResolver(tenant: TenantData): (query: string) => string[] {
  const index = createCatalogIndex(tenant.catalog);
  return (query) => index.search(query, { limit: 3 }).map((m) => m.product.sku);
}

/**
 * The same search, fed the way the product tool feeds it: the brain's product phrase (or product
 * entity) when it finds one, otherwise the whole message. Reported beside the plain search figure.
 */
export async function createBrainFedResolver(tenant: TenantData, brain: Brain, queries: string[]): Promise<(query: string) => string[]> {
  const search = createSearchResolver(tenant);
  const phrase = new Map<string, string>();
  let n = 0;
  for (const q of queries) {
    const u = await brain.understand({ text: q, messageId: `eval-q${n}`, expecting: { kind: 'none' }, lang: tenant.settings.defaultLang, idempotencyKey: `eval-q${n++}` });
    const fromBrain = u.products.find((p) => p.query.trim() !== '')?.query;
    const fromEntity = u.nlu.entities.find((e) => e.type === 'product' && e.value.trim() !== '')?.value;
    phrase.set(q, fromBrain ?? fromEntity ?? q);
  }
  return (query) => search(phrase.get(query) ?? query);
}
