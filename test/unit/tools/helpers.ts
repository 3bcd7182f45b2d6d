import { join } from 'node:path';
import type { IntentName } from '../../../src/domain/intents.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

export const TENANT_DIR = join(import.meta.dirname, '../../../tenants/ferreteria');

let cached: Promise<TenantData> | undefined;
/** The real demo tenant, loaded once per test file. */
export function demoTenant(): Promise<TenantData> {
  cached ??= loadTenant(TENANT_DIR);
  return cached;
}

export function understanding(products: Understanding['products'], lang: Lang = 'es'): Understanding {
  return {
    nlu: { intent: { name: 'product_inquiry', confidence: 1 }, ranking: [], entities: [], lang },
    lang,
    affirmation: null,
    leadFields: {},
    products,
    critical: false,
    priority: 0,
  };
}

export function productInput(intent: IntentName, products: Understanding['products'], lang: Lang = 'es'): ProductActorInput {
  return { tenantId: 'ferreteria', lang, intent, understanding: understanding(products, lang), idempotencyKey: 'test-key' };
}
