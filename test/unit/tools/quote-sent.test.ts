import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import { withQuoteSent } from '../../../src/actors/tools/quote-sent.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorOutput } from '../../../src/machines/conversation.contract.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

const estimate = (): ProductActorOutput => ({
  outcome: 'estimate',
  replies: [{ template: 'product.estimate', params: { items: [{ quantity: 2, name: 'Cemento', price: 'RD$655.00', subtotal: 'RD$1,310.00', availability: 'disponible' }], total: 'RD$1,310.00' }, options: [{ label: 'Sí', text: 'Sí' }] }],
});

describe('withQuoteSent: an estimate soon after its quote ticket', () => {
  it('should name the quote sent and offer this version, keeping the yes / no buttons', () => {
    const out = withQuoteSent(tenant, { lang: 'es', quoteSent: 'T-000007' }, estimate());
    const last = out.replies.at(-1)!;
    const text = renderReply(last, tenant.templates, 'es');
    expect(text).toContain('RD$1,310.00');
    expect(text).toContain('*T-000007*');
    expect(text).not.toContain('¿Te preparo la cotización formal?');
    expect(last.options).toEqual([{ label: 'Sí', text: 'Sí' }]);
  });

  it('should leave a first estimate, and any other answer, as it is', () => {
    const first = estimate();
    expect(withQuoteSent(tenant, { lang: 'es' }, first)).toBe(first);
    const answered: ProductActorOutput = { ...estimate(), outcome: 'answered' };
    expect(withQuoteSent(tenant, { lang: 'es', quoteSent: 'T-000007' }, answered)).toBe(answered);
  });
});
