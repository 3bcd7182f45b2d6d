import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { answerProduct, createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { parseProductText } from '../../../src/actors/catalog/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../../src/machines/conversation.contract.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
let index: CatalogIndex;
let brain: Brain;

beforeAll(async () => {
  tenant = await demoTenant();
  index = createCatalogIndex(tenant.catalog);
  brain = createRuleBrain({ tenant });
});

async function ask(text: string, focus?: ProductFocus, lang: 'es' | 'en' = 'es'): Promise<{ out: ProductActorOutput; text: string }> {
  const u = await brain.understand({ text, messageId: 'm1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k' });
  const intent = u.nlu.intent.name === 'price_quote' ? 'price_quote' : 'product_inquiry';
  const out = answerProduct(tenant, index, { tenantId: 'ferreteria', lang: u.lang, intent, understanding: u, text, ...(focus ? { focus } : {}), idempotencyKey: 'k' }, { text });
  return { out, text: out.replies.map((r) => renderReply(r, tenant.templates, u.lang)).join('\n---\n') };
}

describe('second attribute › counts read with what they count', () => {
  it('should read "2 polos" as a count of poles, said back as asked', () => {
    const parsed = parseProductText('breaker de 20 amperios 2 polos');
    expect(parsed.attributes.measures).toEqual([{ value: 20, unit: 'a' }, { value: 2, unit: 'count', noun: 'polo' }]);
    expect(parsed.phrases.size).toBe('20A 2 polos');
  });

  it('should read "doble polo", "double-pole" and "un polo" as pole counts', () => {
    expect(parseProductText('breaker doble polo').attributes.measures).toEqual([{ value: 2, unit: 'count', noun: 'polo' }]);
    expect(parseProductText('double-pole breaker').attributes.measures).toEqual([{ value: 2, unit: 'count', noun: 'polo' }]);
    expect(parseProductText('breaker de un polo').attributes.measures).toEqual([{ value: 1, unit: 'count', noun: 'polo' }]);
  });

  it('should not let 2 poles match a set of 2 pieces', () => {
    const best = index.search('breaker de 2 polos', { limit: 1 })[0];
    expect(best?.product.name).toBe('Breaker 2 Polos 30A Enchufable');
    expect(best?.unmet).toEqual([]);
  });
});

describe('second attribute › two attributes no product has together', () => {
  it('should say what 20A and 2 poles each come in, never "no 20A" while the 20A is on the shelf', async () => {
    const { out, text } = await ask('breaker de 20 amperios 2 polos');
    expect(text).toContain('De 20A solo tengo de 1 polo; de 2 polos tengo de 30A y 50A');
    expect(text).toContain('*Breaker 1 Polo 20A Enchufable*: *RD$375.00*');
    expect(text).toContain('*Breaker 2 Polos 30A Enchufable*: *RD$790.00*');
    expect(text).not.toMatch(/No tenemos \*Breaker 20A/);
    expect(out.focus?.options).toEqual(['ELE-007', 'ELE-009', 'ELE-010']);
  });

  it('should answer "de 2 polos" after the 20A breaker with the same, keeping the 20 asked for', async () => {
    const first = await ask('necesito un breaker de 20');
    expect(first.text).toContain('Breaker 1 Polo 20A');
    const { text } = await ask('de 2 polos', first.out.focus);
    expect(text).toContain('De 2 polos tengo de 30A y 50A; de 20A solo tengo de 1 polo');
  });

  it('should name grade and size apart for "varilla de 3/4 grado 40" (3/4" only in grade 60)', async () => {
    const { text } = await ask('varilla de 3/4 grado 40');
    expect(text).toContain('De 3/4" solo tengo grado 60; en grado 40 tengo de 3/8" y 1/2"');
    expect(text).not.toContain('No tenemos *Varilla Corrugada 3/4"*');
  });

  it('should name gauge and length apart for "aluzinc calibre 28 de 16 pies"', async () => {
    const { text } = await ask('aluzinc calibre 28 de 16 pies');
    expect(text).toContain('En calibre 28 solo tengo de 12 pies; de 16 pies solo tengo calibre 26');
  });

  it('should price each for a count asked for ("3 breakers de 20 de 2 polos")', async () => {
    const { text } = await ask('necesito 3 breakers de 20 de 2 polos');
    expect(text).toContain('3 x *Breaker 1 Polo 20A Enchufable*: RD$375.00 c/u = *RD$1,125.00*');
  });

  it('should answer in English with poles and amperes named', async () => {
    const { text } = await ask('I need a 20 amp 2 pole breaker', undefined, 'en');
    expect(text).toContain('In 20A I only have 1 pole; in 2 poles I have 30A and 50A');
  });

  it('should still answer one size missing as before ("block de 10")', async () => {
    const { text } = await ask('block de 10');
    expect(text).toContain('No tenemos *Block de Hormigón 10"*');
  });
});

describe('second attribute › a material not carried, with a size', () => {
  it('should say no copper first and offer the 1/2" PVC pipe, not the whole range ("tubo de cobre de 1/2")', async () => {
    const { text } = await ask('tubo de cobre de 1/2');
    expect(text).toMatch(/^En \*cobre\* no lo tengo/);
    expect(text).toContain('*Tubo PVC 1/2" SDR-26 (6 m)*: *RD$185.00*');
    expect(text).not.toContain('3/4"');
    expect(text).not.toContain('7 medidas');
  });

  it('should keep the size of "tubería de cobre de 3/4"', async () => {
    const { text } = await ask('tubería de cobre de 3/4');
    expect(text).toContain('*Tubo PVC 3/4" SDR-26 (6 m)*');
    expect(text).not.toContain('1/2"');
  });
});

describe('second attribute › a bare number read in the right dimension', () => {
  it('should not answer "tubo pvc de 6" with the 1/2" pipe 6 m long: no 6" pipe, the sizes there are', async () => {
    const { text } = await ask('tubo pvc de 6');
    expect(text).toContain('No tenemos *Tubo PVC 6"*');
    expect(text).toContain('1/2", 3/4", 1", 1 1/2", 2", 3" y 4"');
  });

  it('should still read "varilla de 20" as the 20-foot bar (bars are no 20" thick)', async () => {
    const { text } = await ask('varilla de 20');
    expect(text).toContain('(20 pies)');
    expect(text).not.toContain('No lo tengo');
  });

  it('should say a breaker size there is not in amperes, with the sizes there are ("breaker de 40")', async () => {
    const { text } = await ask('breaker de 40');
    expect(text).toContain('No tenemos *Breaker 40A*. Tenemos Breaker de 15A, 20A, 30A y 50A');
  });
});

describe('second attribute › colour and finish with a size', () => {
  it('should read "cable 12 rojo" as a #12 wire in red, not 12 of the red one', () => {
    const parsed = index.parse('cable 12 rojo');
    expect(parsed.quantity).toBeUndefined();
    expect(parsed.attributes.measures).toEqual([{ value: 12, unit: '' }]);
  });

  it('should say #12 comes in black and red only in #10 ("cable 12 rojo"), not answer the #10 red as if it were it', async () => {
    const { text } = await ask('cable 12 rojo');
    expect(text).toContain('En calibre 12 solo tengo en negro; en rojo solo tengo calibre 10');
    expect(text).toContain('*Cable THHN #10 Rojo (pie)*');
  });

  it('should say satin comes in white only and grey in another paint ("pintura satinada gris")', async () => {
    const { text } = await ask('pintura satinada gris');
    expect(text).toContain('En gris solo tengo *Pintura Acrílica Popular Gris Perla (galón)*; en satinado solo tengo en blanco');
    expect(text).not.toContain('No lo tengo en *satinado*');
  });

  it('should not compare a hose length with its bore ("manguera de 100 pies")', async () => {
    const { text } = await ask('manguera de 100 pies');
    expect(text).not.toContain('unas 0 pies');
    expect(text).toContain('*Manguera de Jardín 1/2" x 50 pies*');
  });
});

describe('second attribute › diameter by length', () => {
  it('should read "1/4 x 3" as two inch sizes, not the dimensions 4x3', () => {
    const parsed = index.parse('tornillo 1/4 x 3');
    expect(parsed.attributes.dims).toEqual([]);
    expect(parsed.attributes.measures).toEqual([{ value: 0.25, unit: '' }, { value: 3, unit: '' }]);
    expect(parsed.phrases.size).toBe('1/4" x 3"');
    expect(index.parse('madera 2x4x10').attributes.dims).toEqual(['2x4', '2x4x10']);
  });

  it('should not answer the 3" lag screw as if it were the 4" asked for ("tirafondo de 1/4 x 4")', async () => {
    const { text } = await ask('tirafondo de 1/4 x 4');
    expect(text).toContain('No lo tengo en *1/4" x 4"*');
    expect(text).toContain('*Tirafondo 1/4" x 3" (unidad)*');
  });
});

describe('second attribute › the gallon and the bucket side by side', () => {
  it('should price each white paint in both packs with the bucket per gallon, not a gallon plus a bucket of two paints', async () => {
    const { out, text } = await ask('cuánto la pintura blanca en cubeta y en galón?');
    expect(out.outcome).toBe('answered');
    expect(text).toContain('*Pintura Acrílica Tropical Blanco Hueso*: galón *RD$1,250.00*');
    expect(text).toContain('cubeta de 5 galones *RD$5,650.00* (disponible: 24 cubetas), te sale a RD$1,130.00 el galón (ahorras RD$600.00)');
    expect(text).not.toContain('Total estimado');
  });

  it('should say a product comes in one pack only ("impermeabilizante en cubeta o galón")', async () => {
    const { text } = await ask('impermeabilizante en cubeta o galon');
    expect(text).toContain('solo en cubeta, no por galón');
    expect(text).not.toContain('No tengo *impermeabilizante*');
  });

  it('should not compare when the gallons are the bucket\'s size ("pintura en cubeta de 5 galones")', async () => {
    const { text } = await ask('pintura en cubeta de 5 galones');
    expect(text).not.toContain('En galón y en cubeta');
  });
});

describe('second attribute › neighbours', () => {
  it('should keep the size said after a grade ("half inch rebar grade 40" is the 1/2" bar, not grade 40 1/2)', async () => {
    expect(index.parse('rebar grade 40 1/2"').attributes).toMatchObject({ grade: 40, measures: [{ value: 0.5, unit: 'in' }] });
    expect(index.parse('tubo 1 1/2').attributes.measures).toEqual([{ value: 1.5, unit: '' }]);
    const { text } = await ask('half inch rebar grade 40', undefined, 'en');
    expect(text).toContain('*Varilla Corrugada 1/2" Grado 40 (20 pies)*');
  });

  it('should read metres of wire sold by the foot as that many feet ("cable 14 50 metros")', async () => {
    const { text } = await ask('cable 14 50 metros');
    expect(text).toContain('*165 pies de Cable THHN #14 Blanco (pie)*: 165 × RD$19.00 = *RD$3,135.00*');
  });

  it('should read "12 gauge" before the product in English ("12 gauge wire in red")', async () => {
    const { text } = await ask('do you have 12 gauge wire in red', undefined, 'en');
    expect(text).toContain('In gauge 12 I only have in black; in red I only have gauge 10');
  });
});

describe('second attribute › lumber by its dimensions alone', () => {
  it('should answer "precio del 2x4" and "tienen 2x4 de 12 pies?" with the lumber, not ask which product', async () => {
    expect((await ask('precio del 2x4')).text).toContain('*Madera Pino Tratado 2x4x10\'*');
    expect((await ask('tienen 2x4 de 12 pies?')).text).toContain('*Madera Pino Tratado 2x4x12\'*');
  });

  it('should say the 2x6 comes in 12 feet only ("2x6 de 10")', async () => {
    const { text } = await ask('2x6 de 10');
    expect(text).toContain('De 2x6 solo tengo de 12 pies; de 10 pies tengo de 1x4, 1x6, 2x4 y 4x4');
  });
});

describe('second attribute › a length that is there beside a gauge that is not', () => {
  it('should not answer the gauge-32 sheet as if it were the gauge 26 asked for ("zinc calibre 26 de 12 pies")', async () => {
    const { text } = await ask('zinc calibre 26 de 12 pies');
    expect(text).toContain('No lo tengo en *#26');
    expect(text).not.toContain('No lo tengo en *12 pies*');
    expect(text).not.toContain('Esto es lo que tengo');
  });
});
