import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText as texts, sayTo as say, talkOnFreshHost } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Runs a conversation on a fresh host; the last turn's result. */
const talk = (sender: string, ...messages: string[]) => talkOnFreshHost(tenant, brain, sender, ...messages);

/**
 * "La de 5/8 está agotada; tenemos la de …" — "no, la de 5/8 nada más" closed the conversation as a
 * goodbye ("nada más"). The customer wants that product and no other: a clerk notes it and offers
 * to let them know when it comes in (a yes is the backorder for sales).
 */
describe('an out-of-stock product insisted on after an alternative was offered', () => {
  it('should offer to let the customer know when it comes in, es and en, whatever the phrasing', async () => {
    const cases: [string, string, RegExp][] = [
      ['cuánto cuesta la varilla de 5/8?', 'no, la de 5/8 nada más', /Entendido: \*Varilla Corrugada 5\/8".*avise cuando entre/s],
      ['tienen varilla de 5/8?', 'nada más la de 5/8', /Varilla Corrugada 5\/8".*avise cuando entre/s],
      ['tienen pintura gris perla?', 'no, solo la gris perla', /Gris Perla.*avise cuando entre/s],
      ['how much is the 5/8 rebar?', 'no, I only want the 5/8', /Got it: \*Varilla Corrugada 5\/8".*let you know when it comes in/s],
    ];
    for (const [i, [question, insist, told]] of cases.entries()) {
      const r = await talk(`insist-${i}`, question, insist);
      expect(r.state.value, insist).not.toBe('closed');
      expect(texts(r), insist).toMatch(told);
      // The alternative is not offered again.
      expect(texts(r), insist).not.toMatch(/3\/4"|3\/8"|Blanco/);
    }
  });

  it('should keep the count asked for and pass it to sales on a yes', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'count', 'necesito 20 varillas de 5/8');
    expect(texts(await say(host, 'count', 'no, nada más la de 5/8'))).toMatch(/20 unidades de Varilla Corrugada 5\/8"/);
    const yes = await say(host, 'count', 'sí');
    expect(yes.state.context.ticket).toMatchObject({ kind: 'quote' });
    expect(texts(yes)).toMatch(/20 x Varilla Corrugada 5\/8".*agotado: te escriben por aquí cuando entre/s);
  });

  it('should still end the conversation on "no gracias, nada más" or "no, nada más"', async () => {
    for (const [i, bye] of ['no gracias, nada más', 'no, nada más'].entries()) {
      const r = await talk(`bye-${i}`, 'cuánto cuesta la varilla de 5/8?', bye);
      expect(r.state.value, bye).toBe('closed');
    }
  });
});

/** The alternative to an exhausted size is the nearest size of the same family, not the everyday one. */
describe('the alternative offered for an out-of-stock size', () => {
  it('should be the nearest size in stock of the same product', async () => {
    const cases: [string, RegExp][] = [
      // 5/8" out: the 3/4" (or the 1/2"), never the everyday 3/8".
      ['cuánto cuesta la varilla de 5/8?', /te puedo ofrecer \*Varilla Corrugada (?:3\/4|1\/2)"/i],
      ['do you have 5/8 rebar?', /offer you \*Varilla Corrugada (?:3\/4|1\/2)"/],
      ['dame 10 varillas de 3/8 y 10 de 5/8', /5\/8" Grado 60 \(20 pies\)\*.*agotado; te puedo ofrecer \*Varilla Corrugada (?:3\/4|1\/2)"/],
      // The same size in another grade of pipe before another size.
      ['tubo pvc 1/2 schedule 40', /te puedo ofrecer \*Tubo PVC 1\/2" SDR-26/],
      // 18 W out: the 12 W, not the 9 W.
      ['tienen bombillo led de 18w?', /te puedo ofrecer \*Bombillo LED 12W/],
    ];
    for (const [i, [question, offered]] of cases.entries()) {
      const r = await talk(`near-${i}`, question);
      expect(texts(r), question).toMatch(offered);
    }
  });
});

/** "how much is the 4 pipe?" asks for the 4" pipe, as "el tubo de 4" does; "4 pipes" are four. */
describe('a bare number between an article and a product made in that size', () => {
  it('should read the number as the size', async () => {
    const cases: [string, RegExp][] = [
      ['how much is the 4 pipe?', /^\*Tubo PVC 4" SDR-41 Drenaje \(6 m\)\* costs/],
      ['how much for the 3 pipe', /^\*Tubo PVC 3" SDR-41/],
      ['how much is the 8 block?', /^\*Block de Hormigón 8" \(unidad\)\* costs/],
      ['cuánto vale el tubo de 4', /^\*Tubo PVC 4" SDR-41 Drenaje \(6 m\)\* cuesta/],
    ];
    for (const [i, [question, answer]] of cases.entries()) expect(texts(await talk(`size-${i}`, question)), question).toMatch(answer);
  });

  it('should keep a count a count: a plural, or no article', async () => {
    for (const [i, question] of ['dame 4 tubos', 'I need 4 pipes', 'how much is the 4 pipes?', 'give me 4 pipe'].entries()) {
      expect(texts(await talk(`count-${i}`, question)), question).toMatch(/^\*4 (?:unidades de|units of) Tubo PVC 1\/2"/);
    }
  });
});

/** "dame 100 de cada uno" after two separate answers (no estimate yet): 100 of each product just talked about. */
describe('"N of each" after separate product answers', () => {
  it('should build the estimate with that many of each, es and en', async () => {
    const es = await talk('each-es', 'cuánto cuesta el cemento?', 'y la arena?', 'dame 100 de cada uno');
    expect(texts(es)).toMatch(/100 x \*Cemento Gris Cemex.*100 x \*Arena Lavada \(metro\)\*.*Total estimado: \*RD\$260,500\.00\*/s);
    expect(es.state.context.expecting).toMatchObject({ kind: 'quote_offer', lines: [{ sku: 'CEM-001', quantity: 100 }, { sku: 'AGR-001', quantity: 100 }] });
    const en = await talk('each-en', 'precio del block de 6', 'y el de 8?', '200 of each please');
    expect(texts(en)).toMatch(/200 x \*Block de Hormigón 6".*200 x \*Block de Hormigón 8".*RD\$24,000\.00/s);
  });

  it('should take "10 de cada uno" said with the items themselves as their count', async () => {
    const r = await talk('each-same', 'cuanto cuestan el block de 6 y el block de 8? necesito 10 de cada uno');
    expect(texts(r)).toMatch(/10 x \*Block de Hormigón 6".*10 x \*Block de Hormigón 8"/s);
    expect(texts(r)).not.toMatch(/No tenemos/);
  });
});

/** "quiero pintar mi casa, ¿qué necesito?" got one paint; a clerk lists what the job takes and works out the gallons. */
describe('what a painting job takes', () => {
  it('should list the catalog products for the job, with prices, and ask the area and colour', async () => {
    for (const [i, ask] of ['quiero pintar mi casa, ¿qué necesito?', 'voy a pintar la casa, qué me hace falta?', 'I want to paint my house, what do I need?'].entries()) {
      const r = await talk(`job-${i}`, ask);
      const shown = texts(r);
      expect(r.state.value, ask).not.toBe('closed');
      for (const item of [/Pintura Acrílica Tropical Blanco \(galón\)\*: \*RD\$1,250\.00/, /Sellador de Paredes/, /Rodillo de Pintura/, /Brocha 4"/, /Bandeja para Pintura/]) expect(shown, ask).toMatch(item);
      expect(shown, ask).toMatch(/metros cuadrados|square meters/);
    }
  });

  it('should work out the gallons for an area at two coats from the catalog coverage, and price them', async () => {
    const es = await talk('area-es', 'quiero pintar mi casa, ¿qué necesito?', '¿cuántos galones necesito para 100 metros?');
    // 100 m² × 2 coats / 35 m² per gallon = 5.7 → 6 gallons.
    expect(texts(es)).toMatch(/100 m² a 2 manos te hacen falta unos \*6 galones\* de \*Pintura Acrílica Tropical Blanco \(galón\)\*/);
    expect(texts(es)).toMatch(/6 × RD\$1,250\.00 = \*RD\$7,500\.00\*/);
    const en = await talk('area-en', 'how many gallons do I need for 100 square meters?');
    expect(texts(en)).toMatch(/about \*6 gallons\*/);
    // The paint talked about, sold by the cubeta: the gallons in cubetas.
    const roof = await talk('area-roof', 'cuánto cuesta el impermeabilizante?', 'cuántas cubetas necesito para 60 metros cuadrados?');
    expect(texts(roof)).toMatch(/\*5 cubetas de Impermeabilizante/);
  });

  it('should price one of each of the kit on "dame 1 de cada uno"', async () => {
    const r = await talk('kit-each', 'quiero pintar mi casa, ¿qué necesito?', 'dame 1 de cada uno');
    expect(texts(r)).toMatch(/1 x \*Pintura Acrílica Tropical Blanco \(galón\)\*.*1 x \*Sellador.*1 x \*Brocha 4".*1 x \*Rodillo.*1 x \*Bandeja.*1 x \*Cinta Masking.*1 x \*Lija Grano 120.*RD\$2,910\.00/s);
  });
});

/** "dame 100 de cada uno" when only one product was answered: that many of it, as "dame 100" would. */
describe('"N of each" after a single product answer', () => {
  it('should price that quantity of the one product, es and en', async () => {
    const cases: [string, string, RegExp][] = [
      ['cuánto cuesta el cemento gris cemex?', 'dame 100 de cada uno', /^\*100 sacos de Cemento Gris Cemex Tipo GU \(saco 42\.5 kg\)\*: 100 × RD\$655\.00 = \*RD\$65,500\.00\*/],
      ['precio del block de 6', 'quiero 5 de cada uno', /^\*5 unidades de Block de Hormigón 6" \(unidad\)\*: 5 × RD\$52\.00/],
      ['how much is the 6 block?', '5 of each', /^\*5 units of Block de Hormigón 6" \(unidad\)\*/],
    ];
    for (const [i, [question, each, priced]] of cases.entries()) {
      const r = await talk(`each-one-${i}`, question, each);
      expect(texts(r), each).toMatch(priced);
      expect(texts(r), each).not.toMatch(/no te entendí|didn't quite get/);
    }
  });
});

/** "dame 10 de cada uno" right after a list of options: each option listed, not only the first. */
describe('"N of each" after a list of options of one product', () => {
  it('should estimate that many of every option listed', async () => {
    const rebar = await talk('each-opt-rebar', 'cuánto cuesta la varilla de 1/2?', 'dame 10 de cada uno');
    expect(texts(rebar)).toMatch(/10 x \*Varilla Corrugada 1\/2" Grado 40.*10 x \*Varilla Corrugada 1\/2" Grado 60.*Total estimado: \*RD\$9,750\.00\*/s);
    expect(rebar.state.context.expecting).toMatchObject({ kind: 'quote_offer', lines: [{ sku: 'VAR-003', quantity: 10 }, { sku: 'VAR-004', quantity: 10 }] });
    const cement = await talk('each-opt-cement', 'qué tipo de cemento tienen?', '2 of each');
    for (const kind of ['Gris Cemex', 'Blanco Cemex', 'Colonial', 'Cibao', 'Santo Domingo']) expect(texts(cement), kind).toMatch(new RegExp(`2 x \\*Cemento ${kind}`));
  });
});

/** The alternative to an exhausted product is one of the same kind, not one that shares the first word. */
describe('the alternative to an out-of-stock product of a kind nothing else is', () => {
  it('should offer no common or roofing nail for the concrete nail, and offer to let them know instead', async () => {
    for (const [i, ask] of ['tienen clavo de acero para concreto 2"?', 'cuánto cuesta el clavo de concreto de 2?', 'how much are the concrete nails?'].entries()) {
      const r = await talk(`nail-${i}`, ask);
      expect(texts(r), ask).toMatch(/Clavo de Acero para Concreto 2"/);
      expect(texts(r), ask).not.toMatch(/Clavo Corriente|Clavo para Zinc/);
      expect(texts(r), ask).toMatch(/avise cuando llegue|let you know when it arrives/);
      expect(r.state.context.expecting, ask).toMatchObject({ kind: 'reserve_offer', backorder: true });
    }
  });
});

/** "the 10 block" when blocks come in 4", 6" and 8" only: a size the family lacks, not ten blocks. */
describe('a size the product does not come in', () => {
  it('should say there is no such size and list the sizes there are, es and en', async () => {
    const cases: [string, RegExp][] = [
      ['how much is the 10 block?', /^We don't have the \*Block de Hormigón 10"\*\. We have Block de Hormigón in 4", 6" and 8"; the nearest:/],
      ['the 10 block', /^We don't have the \*Block de Hormigón 10"\*/],
      ['cuánto cuesta el block de 10?', /^No tenemos \*Block de Hormigón 10"\*\. Tenemos Block de Hormigón de 4", 6" y 8"; lo más cercano:/],
      ['el block de 10', /^No tenemos \*Block de Hormigón 10"\*/],
    ];
    for (const [i, [question, answer]] of cases.entries()) {
      const r = await talk(`no-size-${i}`, question);
      expect(texts(r), question).toMatch(answer);
      expect(texts(r), question).not.toMatch(/10 (?:units|unidades)/);
    }
  });

  it('should keep a count a count', async () => {
    for (const [i, question] of ['dame 10 blocks', 'dame 10 blocks de 6'].entries()) {
      expect(texts(await talk(`block-count-${i}`, question)), question).toMatch(/^\*10 (?:unidades de|units of) Block de Hormigón 6"/);
    }
  });
});
