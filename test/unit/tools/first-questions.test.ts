import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { convertMeasure, resolverFor, type ProductResolver } from '../../../src/actors/catalog/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { askedJob, asksWhatFor } from '../../../src/machines/job-questions.js';
import { CATALOG } from '../../../src/persistence/tenant-schemas.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let resolver: ProductResolver;
const hosts: ReturnType<typeof createMemoryHost>['host'][] = [];

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  resolver = resolverFor(tenant.catalog);
});
afterAll(async () => {
  for (const host of hosts) await host.close();
});

/** One customer's messages on a real host (real machine, rule brain, tools); the text of each turn. */
async function chat(...messages: string[]): Promise<string[]> {
  const { host } = createMemoryHost({ tenant, brain });
  hosts.push(host);
  const out: string[] = [];
  for (const text of messages) {
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'first', text });
    out.push(turn.replies.map((r) => r.text).join('\n'));
  }
  return out;
}

/** First product questions, answered as a clerk would (sizes, units, colours, jobs, uses, families). */
describe('first product questions', () => {
  it('should read a number with its unit as a size, never as a missing product', async () => {
    const [brush] = await chat('cuanto cuesta la brocha de 3 pulgadas');
    expect(brush).not.toMatch(/No tenemos: \*pulgadas\*/);
    expect(brush).toMatch(/Brocha de 2" y 4"/);
    expect(brush).toContain('RD$95.00');
    expect(brush).toContain('RD$185.00');
  });

  it('should say the unit asked for and put the nearest size first, its stock said honestly', async () => {
    const bulb = (await chat('tienen bombillo de 20w?'))[0] ?? '';
    expect(bulb).toContain('20W');
    expect(bulb).toMatch(/9W, 12W y 18W/);
    // The 18W (exhausted) before the 12W, before the 9W.
    expect(bulb.indexOf('18W Luz Blanca')).toBeLessThan(bulb.indexOf('12W Luz Blanca'));
    expect(bulb.indexOf('12W Luz Blanca')).toBeLessThan(bulb.indexOf('9W Luz Blanca'));
    expect(bulb).toMatch(/18W Luz Blanca\*: \*RD\$175\.00\* por unidad \(agotado\)/);
  });

  it('should convert litres and gallons, millimetres and inches', async () => {
    expect(convertMeasure({ value: 250, unit: 'gal' }, 'l')?.value).toBeCloseTo(946.35, 1);
    expect(convertMeasure({ value: 1, unit: 'in' }, 'mm')?.value).toBeCloseTo(25.4, 5);
    expect(convertMeasure({ value: 1, unit: 'in' }, 'gal')).toBeNull();
    expect(resolver.search('tinaco de 1000 litros', { limit: 1 })[0]).toMatchObject({ product: { sku: 'PLO-014' }, unmet: [] });
    expect(resolver.search('tubo pvc de 25 mm', { limit: 1 })[0]).toMatchObject({ product: { sku: 'PVC-003' }, unmet: [] });
    // A gauge is no convertible unit: calibre 32 is not calibre 34.
    expect(resolver.search('zinc cal 32', { limit: 1 })[0]?.product.sku).toBe('TEC-002');
    const [tank] = await chat('tienen tinaco de 1000 litros?');
    expect(tank).toMatch(/250 galones: unos \*950 litros\*/);
    expect(tank).toContain('RD$8,950.00');
    const [en] = await chat('do you have a 1000 liter water tank?');
    expect(en).toMatch(/250 gallons: about \*950 liters\*/);
  });

  it('should say plainly a colour is not carried, take the count of it mixed and name the colours there are', async () => {
    const [paint] = await chat('3 galones de pintura azul');
    expect(paint).toMatch(/^No tengo pintura en azul de fábrica\. Pero preparamos pintura en el color que quieras/);
    expect(paint).toContain('*3 galones de pintura en azul*, preparada sobre *Pintura Acrílica Tropical Blanco (galón)*: 3 × RD$1,250.00 = *RD$3,750.00*');
    expect(paint).toContain('Si prefieres un color listo, tengo Blanco, Blanco Hueso, Gris Perla, Negro y Verde.');
    expect(paint).not.toMatch(/parecido/);
    const [house] = await chat('quiero pintar mi casa de azul');
    expect(house).toMatch(/No tengo \*pintura\* en azul/);
  });

  it('should read a question by the job, never by the object named', () => {
    expect(askedJob('tienen algo para destapar el inodoro?')).toMatchObject({ said: 'destapar el inodoro', verb: 'destapar' });
    expect(askedJob('para cortar varilla, ¿qué me recomiendas?')).toMatchObject({ said: 'cortar varilla', verb: 'cortar' });
    expect(askedJob('do you have something to cut metal?')).toMatchObject({ said: 'cut metal', verb: 'cut' });
    expect(askedJob('¿tienen algo para sellarlo?')).toMatchObject({ verb: 'sellar' });
    // "para qué" asks what a product is for; "tornillo para techo" names a product.
    expect(askedJob('para qué sirve el sellador?')).toBeNull();
    expect(askedJob('tornillo para techo')).toBeNull();
  });

  it('should answer a job with the products that do it, or say nothing does', async () => {
    const [toilet] = await chat('tienen algo para destapar el inodoro?');
    expect(toilet).toMatch(/^Para destapar el inodoro tengo:[\s\S]*Destapador de Inodoro/);
    expect(toilet).not.toContain('Inodoro Completo');
    const [pests] = await chat('tienen algo para matar cucarachas?');
    expect(pests).toMatch(/^Para matar cucarachas no tengo nada/);
    const [roof] = await chat('necesito algo para sellar una filtracion en el techo');
    expect(roof).toContain('Impermeabilizante Acrílico para Techos');
    expect(roof).not.toMatch(/Tornillo|Aluzinc/);
    const [metal] = await chat('que tienen para cortar metal?');
    expect(metal).toContain('Disco de Corte para Metal');
    expect(metal).toContain('Segueta');
    const [plastic] = await chat('tienen algo para pegar plastico?');
    expect(plastic).toMatch(/nada específico/);
    expect(plastic).toMatch(/Para pegar madera: \*Pegamento Blanco para Madera/);
  });

  it('should say what a product is for before its price', async () => {
    expect(asksWhatFor('el cemento blanco es para qué?')).toBe(true);
    expect(asksWhatFor('what is thinner for?')).toBe(true);
    expect(asksWhatFor('cuánto cuesta el cemento blanco?')).toBe(false);
    const [cement] = await chat('el cemento blanco es para qué?');
    expect(cement).toMatch(/^\*Cemento Blanco Cemex \(saco 20 kg\)\*: para terminaciones/);
    expect(cement).toContain('RD$1,150.00');
    const [thinner] = await chat('what is thinner for?');
    expect(thinner).toMatch(/for thinning enamels/);
  });

  it('should answer a family asked for with no size with its sizes and price span, then the size picked', async () => {
    const [pipes, picked] = await chat('tienen tubos pvc?', 'el de 3/4');
    expect(pipes).toContain('Tubo PVC en 7 medidas: 1/2", 3/4", 1", 1 1/2", 2", 3" y 4", de RD$185.00 a RD$1,290.00');
    expect(pipes).toMatch(/¿Qué medida necesitas\?/);
    expect(picked).toContain('Tubo PVC 3/4" SDR-26 (6 m)* cuesta *RD$260.00*');
  });

  it('should keep the catalog valid with its uses and jobs', () => {
    expect(CATALOG.safeParse(tenant.catalog).success).toBe(true);
    expect(CATALOG.safeParse([{ ...tenant.catalog[0], use: { fr: 'pour le béton' } }]).success).toBe(false);
    expect(tenant.catalog.find((p) => p.sku === 'PIN-012')?.use?.es).toMatch(/paredes nuevas/);
  });
});
