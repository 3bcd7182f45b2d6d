import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksAboutReturns, purchaseAge, returnCondition } from '../../../src/machines/return-followups.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('a condition told right after the returns policy', () => {
  it('should read whether the return applies, and nothing from other messages', () => {
    for (const text of ['tengo la factura', 'no estan cortados, estan completos', 'no la he abierto', 'está sellada, sin usar', "I have the receipt, it's unopened"]) expect(returnCondition(text), text).toBe('eligible');
    for (const text of ['la mandaron a preparar', 'es pintura preparada', 'ya los cortaron a la medida', 'it was tinted']) expect(returnCondition(text), text).toBe('excluded');
    for (const text of ['a que hora abren?', 'tienen cemento?', 'gracias', 'entonces no hay forma?']) expect(returnCondition(text), text).toBeNull();
    expect(asksAboutReturns('puedo cambiar unos tubos que me sobraron?')).toBe(true);
    expect(asksAboutReturns('a que hora cierran?')).toBe(false);
  });

  it('should say it applies, or why it does not, instead of "¿qué necesitas?" or a complaint', async () => {
    const [, yes] = await chatOnFreshHost(tenant, brain, 'ret-yes', 'puedo cambiar unos tubos que me sobraron?', 'no estan cortados, estan completos');
    expect(yes).toMatch(/Entonces sí aplica/);
    const [, no] = await chatOnFreshHost(tenant, brain, 'ret-no', 'quiero devolver una pintura que no me gusto el color', 'la mandaron a preparar');
    expect(no).toMatch(/no tienen devolución/);
    expect(no).not.toMatch(/T-\d+|Siento mucho que hayas tenido un problema/);
  });

  it('should leave a condition told without the policy asked to the usual reading', async () => {
    const [, alone] = await chatOnFreshHost(tenant, brain, 'ret-alone', 'a que hora cierran hoy?', 'tengo la factura');
    expect(alone).not.toMatch(/Entonces sí aplica/);
  });
});

describe('return follow-ups › bulk goods', () => {
  it('names cement, sand and gravel as goods never returned, not the contact cement', async () => {
    const { returnsBulkGoods } = await import('../../../src/machines/return-followups.js');
    for (const text of ['quiero devolver 2 sacos de cemento que me sobraron', 'me sobraron 3 metros de arena', 'can I return the gravel?']) expect(returnsBulkGoods(text), text).toBe(true);
    for (const text of ['quiero devolver un cemento de contacto', 'quiero devolver una brocha']) expect(returnsBulkGoods(text), text).toBe(false);
  });
});

describe('return follow-ups › when it was bought', () => {
  it('should read how many days ago the purchase was, and nothing from other messages', () => {
    const cases: [string, number][] = [['lo compré hace una semana', 7], ['hace 3 dias', 3], ['la compre hace como 2 meses', 60], ['fue ayer', 1], ['la semana pasada', 7], ['el mes pasado', 30], ['I bought it last week', 7], ['3 days ago', 3], ['two months ago', 60]];
    for (const [text, days] of cases) expect(purchaseAge(text), text).toBe(days);
    for (const text of ['tengo la factura', 'a que hora abren?', 'lo necesito en una semana']) expect(purchaseAge(text), text).toBeNull();
    expect(returnCondition('lo compré hace una semana')).toBe('dated');
    expect(returnCondition('lo compre ayer y no lo e usado')).toBe('eligible');
  });

  it('should weigh it against the store window: in time and what it needs, or too late and the warranty', async () => {
    const [, inTime, unused] = await chatOnFreshHost(tenant, brain, 'ret-week', 'quiero devolver un taladro', 'lo compré hace una semana', 'no lo he usado');
    expect(inTime).toMatch(/a tiempo/);
    expect(unused).toMatch(/Entonces sí aplica/);
    const [, late] = await chatOnFreshHost(tenant, brain, 'ret-late', 'quiero devolver un taladro', 'lo compré hace 2 meses');
    expect(late).toMatch(/ya pasó/);
    expect(late).toMatch(/garantía/);
  });
});
