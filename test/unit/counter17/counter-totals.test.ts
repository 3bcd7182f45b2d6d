import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { sellableTotal, soldOutNote } from '../../../src/actors/tools/estimate-stock-out.js';
import { quoteSummaryLines } from '../../../src/actors/tools/estimate-delivery.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

async function chat(...messages: string[]): Promise<string[]> {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const said: string[] = [];
    for (const text of messages) said.push((await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'counter17', text })).replies.map((r) => r.text).join('\n'));
    return said;
  } finally {
    await host.close();
  }
}
const product = (sku: string): Product => tenant.catalog.find((p) => p.sku === sku) as Product;

describe('the total at the counter (counter17)', () => {
  it('should add up only what can be sold: a sold-out line is in no total', () => {
    // VAR-006 (5/8" rebar) is sold out; CEM-001 (cement, RD$655) is not.
    expect(product('VAR-006').stock).toBeLessThanOrEqual(0);
    expect(sellableTotal(tenant, [{ sku: 'CEM-001', quantity: 10 }, { sku: 'VAR-006', quantity: 5 }])).toBe(6550);
    const summary = quoteSummaryLines(tenant, { lines: [{ sku: 'CEM-001', quantity: 10 }, { sku: 'VAR-006', quantity: 5 }] }, 'es');
    expect(summary.at(-1)).toBe('Total estimado: RD$6,550.00');
    expect(summary.find((l) => l.includes('VAR-006'))).toMatch(/agotado: fuera del total/);
  });

  it('should say which line it left out and what the one offered instead adds', () => {
    const note = soldOutNote(tenant, [{ product: product('VAR-006'), quantity: 5, alt: product('VAR-004') }], 'es');
    expect(note).toContain(`*${product('VAR-006').name}*`);
    expect(note).toContain(`5 de *${product('VAR-004').name}*`);
    expect(note).toContain(`RD$${(5 * product('VAR-004').price).toLocaleString('en-US')}.00`);
    expect(soldOutNote(tenant, [], 'es')).toBe('');
    // No alternative for one of them: the lines left out, no sum of alternatives.
    expect(soldOutNote(tenant, [{ product: product('VAR-006'), quantity: 5 }], 'en')).toMatch(/left out .*Varilla Corrugada 5\/8"/);
  });

  it('should total the lines that can be sold when one is out, in Spanish and English', async () => {
    const [, , es] = await chat('dame 10 sacos de cemento', 'y 5 varillas de 5/8', 'cuanto es todo?');
    expect(es).toMatch(/Total estimado: \*RD\$6,550\.00\*/);
    expect(es).toMatch(/No sumé lo agotado: \*Varilla Corrugada 5\/8"/);
    expect(es).toMatch(/Si quieres 5 de \*Varilla Corrugada (?:3\/4|1\/2)" [^*]*\* en su lugar, son \*RD\$[\d,]+\.00\* más/);
    const [en] = await chat('I need 10 bags of cement and 5 rebars of 5/8, how much total?');
    expect(en).toMatch(/Estimated total: \*RD\$6,550\.00\*/);
    expect(en).toMatch(/left out what is out of stock: \*Varilla Corrugada 5\/8"/);
  });

  it('should give no total of nothing when every line is sold out, but what the alternatives come to', async () => {
    const [, total] = await chat('dame 5 varillas de 5/8', 'cuanto es todo?');
    expect(total).not.toMatch(/RD\$0\.00/);
    expect(total).toMatch(/no tengo en existencia \*Varilla Corrugada 5\/8"/);
    expect(total).toMatch(/serían \*RD\$[\d,]+\.00\*/);
  });

  it('should total a mixed paint ordered, not ask which of the ready colours listed beside it', async () => {
    for (const [order, ask] of [['dame un galon de pintura azul', 'cuanto es todo?'], ['quiero 2 galones de pintura roja', 'cuánto sería todo?'], ['I want a gallon of blue paint', 'how much is everything?']] as const) {
      const [, total] = await chat(order, ask);
      expect(total, order).not.toMatch(/cuál|which one/i);
      expect(total, order).toMatch(/(?:preparada en|mixed in) (?:azul|rojo|blue)/);
      expect(total, order).toMatch(/Total estimado: \*RD\$(?:1,250|2,500)\.00\*|Estimated total: \*RD\$1,250\.00\*/);
    }
  });
});
