import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { countSaid } from '../../../src/actors/tools/offer-count.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createMemoryHost, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

describe('the count a message says (countSaid)', () => {
  it.each([
    ['la del cemento aplica si compro 40?', 40],
    ['si llevo cuarenta sacos me dan la oferta?', 40],
    ['me hacen descuento si llevo 100?', 100],
    ['with two bulbs?', 2],
    ['entra el 3x2?', null],
    ['el 10 % de descuento es en cubetas?', null],
    ['la de 3/4 tiene oferta?', null],
    ['una oferta para el cemento?', null],
    ['si pago RD$5,000 me dan descuento?', null],
    ['y el de 12w?', null],
  ])('should read "%s" as %s', (text, count) => {
    expect(countSaid(text)).toBe(count);
  });
});

describe('an offer asked for a count, and a discount asked where there is none', () => {
  it('should say that 40 bags do not reach the cement offer, what 40 and 50 come to, and that 100 do with the saving', async () => {
    const { host } = createMemoryHost({ tenant, brain: createRuleBrain({ tenant }) });
    await sayTo(host, 'o1', 'cuanto cuesta el cemento?');
    const short = replyText(await sayTo(host, 'o1', 'y si llevo 40 me dan la oferta?'));
    expect(short).toContain('Con 40 sacos todavía no aplica');
    expect(short).toContain('40 sacos te salen a *RD$26,200.00* a precio normal; con 50 sacos pagarías *RD$30,750.00*');
    const applies = replyText(await sayTo(host, 'o1', 'me hacen descuento si llevo 100?'));
    expect(applies).toContain('Con 100 sacos aplica la oferta *Cemento Cemex a precio especial*: te sale en *RD$61,500.00* en vez de RD$65,500.00 (ahorras RD$4,000.00)');
    await host.close();
  });

  it('should say the plywood has no offer, price the count asked, and start a sales lead on a yes (not list every other offer)', async () => {
    const { host } = createMemoryHost({ tenant, brain: createRuleBrain({ tenant }) });
    await sayTo(host, 'o2', 'me das el precio de la plancha de plywood de 3/4');
    const none = replyText(await sayTo(host, 'o2', 'y si compro 30 me hacen descuento?'));
    expect(none).toContain('no tiene oferta ni descuento: 30 planchas te salen a *RD$70,500.00*');
    expect(none).not.toContain('Bombillos LED');
    const yes = await sayTo(host, 'o2', 'sí');
    expect(replyText(yes)).toMatch(/nombre completo/);
    await host.close();
  });

  it('should still list every offer when the offers are asked for as such, with a product on the counter', async () => {
    const { host } = createMemoryHost({ tenant, brain: createRuleBrain({ tenant }) });
    await sayTo(host, 'o3', 'me das el precio de la plancha de plywood de 3/4');
    expect(replyText(await sayTo(host, 'o3', '¿qué ofertas tienen?'))).toContain('Bombillos LED');
    await host.close();
  });
});
