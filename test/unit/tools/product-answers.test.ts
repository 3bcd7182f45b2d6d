import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { answerProduct, createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorOutput, ProductFocus, ReplyDirective } from '../../../src/machines/conversation.contract.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
let index: CatalogIndex;
let brain: Brain;

beforeAll(async () => {
  tenant = await demoTenant();
  index = createCatalogIndex(tenant.catalog);
  brain = createRuleBrain({ tenant });
});

interface Turn {
  out: ProductActorOutput;
  text: string;
  reply: ReplyDirective;
}

/** One customer message through the real rule brain and the product tool, as the machine runs them. */
async function ask(text: string, focus?: ProductFocus): Promise<Turn> {
  const u = await brain.understand({ text, messageId: 'm1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k' });
  const intent = u.nlu.intent.name === 'price_quote' ? 'price_quote' : 'product_inquiry';
  const out = answerProduct(tenant, index, { tenantId: 'ferreteria', lang: u.lang, intent, understanding: u, text, ...(focus ? { focus } : {}), idempotencyKey: 'k' }, { text });
  const reply = out.replies[0] as ReplyDirective;
  return { out, reply, text: out.replies.map((r) => renderReply(r, tenant.templates, u.lang)).join('\n---\n') };
}

/** A conversation: each answer's focus is handed to the next message, as the machine does. */
async function conversation(...messages: string[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  let focus: ProductFocus | undefined;
  for (const message of messages) {
    const turn = await ask(message, focus);
    focus = turn.out.focus ?? focus;
    turns.push(turn);
  }
  return turns;
}

describe('product answers › the failures reported in issue 10', () => {
  it('should price the gray GU bag for "cuanto vale la funda de cemento"', async () => {
    const { out, text } = await ask('cuanto vale la funda de cemento');
    expect(out.outcome).toBe('answered');
    expect(text).toContain('*Cemento Gris Cemex Tipo GU (saco 42.5 kg)* cuesta *RD$655.00*');
    expect(text).not.toContain('Blanco');
  });

  it('should estimate gray cement and 3/8 rebar for "10 sacos de cemento y 20 varillas de 3/8" (several items: an estimate, the formal quote offered)', async () => {
    const { out, text } = await ask('¿Cuánto cuestan 10 sacos de cemento y 20 varillas de 3/8?');
    expect(out.outcome).toBe('estimate');
    expect(text).toContain('¿Te preparo la cotización formal?');
    expect(text).toContain('10 x *Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: RD$655.00 c/u = *RD$6,550.00*');
    expect(text).toContain('20 x *Varilla Corrugada 3/8" Grado 40 (20 pies)*');
  });

  it('should list the Cemex gray for "do you have gray cement?"', async () => {
    const { out, text } = await ask('do you have gray cement?');
    expect(out.outcome).toBe('answered');
    expect(text).toContain('Cemento Gris Cemex Tipo GU');
    expect(text).toContain('available: 230 bags');
  });

  it('should price the 6" block for "q precio tiene el block de 6"', async () => {
    const { text } = await ask('q precio tiene el block de 6');
    expect(text).toContain('*Block de Hormigón 6" (unidad)* cuesta *RD$52.00*');
  });

  it('should answer grade 60 for "la varilla de 1/2 grado 60"', async () => {
    const { text } = await ask('la varilla de 1/2 grado 60');
    expect(text).toContain('Varilla Corrugada 1/2" Grado 60');
    expect(text).not.toContain('Grado 40');
  });

  it('should price the pipe, without a quote ticket, for "a 1/2 inch PVC pipe"', async () => {
    const { out, text } = await ask("what's the price of a 1/2 inch PVC pipe?");
    expect(out.outcome).toBe('answered');
    expect(text).toContain('*Tubo PVC 1/2" SDR-26 (6 m)* costs *RD$185.00*');
  });

  it('should price the 8" block, not a PVC tee, for "how much is the 8 inch block?"', async () => {
    const { text } = await ask('how much is the 8 inch block?');
    expect(text).toContain('*Block de Hormigón 8" (unidad)* costs *RD$68.00*');
    expect(text).not.toContain('Tee');
  });
});

describe('product answers › what a clerk says', () => {
  it('should compute quantity × price and check the stock', async () => {
    const { out, text } = await ask('cuánto me salen 10 sacos de cemento gris?');
    expect(out.outcome).toBe('answered');
    expect(text).toContain('*10 sacos de Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: 10 × RD$655.00 = *RD$6,550.00* (disponible: 230 sacos)');
    const short = await ask('necesito 300 sacos de cemento blanco');
    expect(short.text).toContain('300 × RD$1,150.00 = *RD$345,000.00*, pero ahora mismo solo tengo *18 sacos*');
  });

  it('should open a quote ticket for a formal quote of one item, and not for a plain price question', async () => {
    expect((await ask('quiero una cotización de 20 sacos de cemento')).out.outcome).toBe('multi_quote');
    expect((await ask('precio del cemento')).out.outcome).toBe('answered');
  });

  it('should not write a formal quote of a product named without its amount', async () => {
    for (const text of ['quiero una cotización de pintura', 'cotizacion de cemento', 'I need a quote for paint']) {
      expect((await ask(text)).out.outcome, text).not.toBe('multi_quote');
    }
  });

  it('should show the likely products with options when two fit equally', async () => {
    const { out, reply, text } = await ask('la satinada blanca cuánto?');
    expect(out.outcome).toBe('answered');
    expect(reply).toMatchObject({ template: 'product.options' });
    expect(text).toContain('Pintura Satinada Popular Blanco (galón)');
    expect(text).toContain('Pintura Satinada Popular Blanco (cubeta 5 gal)');
    expect(reply.options?.map((o) => o.text)).toEqual(['Pintura Satinada Popular Blanco (galón)', 'Pintura Satinada Popular Blanco (cubeta 5 gal)']);
  });

  it('should say it has no such colour and offer what there is, never "no te entendí"', async () => {
    const { out, reply, text } = await ask('tienen pintura azul?');
    expect(out.outcome).toBe('answered');
    expect(reply).toMatchObject({ template: 'product.no_colour_mix' });
    expect(text).toMatch(/^No tengo \*pintura\* en azul de fábrica\. Pero preparamos pintura[\s\S]*Los colores que tengo listos en pintura son Blanco, Blanco Hueso, Gris Perla/);
    expect(text).toContain('Pintura ');
    expect(reply.options?.length).toBeGreaterThan(1);
    const en = await ask('do you have blue paint?');
    expect(en.text).toMatch(/^I don't have \*paint\* in blue off the shelf\. But we mix paint[\s\S]*The colours I have ready in paint are White, Off-white/);
  });

  it('should say it has no such size and offer the nearest sizes first', async () => {
    const pipe = await ask('tubo pvc de 6 pulgadas');
    expect(pipe.reply).toMatchObject({ template: 'product.no_size' });
    const big = await ask('do you have 10 inch pvc pipe?');
    expect(big.reply).toMatchObject({ template: 'product.no_size' });
    expect(big.text.split('\n')[1]).toContain('Tubo PVC 4"');
    const block = await ask('tienen block de 10?');
    expect(block.text.split('\n')[1]).toContain('Block de Hormigón 8"');
  });

  it('should answer a pipe size there is none of ("tubo de 5 pulgadas") with the pipe sizes there are, the nearest first, not the one-size conduit', async () => {
    const pipe = await ask('tubo de 5 pulgadas');
    expect(pipe.reply).toMatchObject({ template: 'product.no_size' });
    expect(pipe.text.split('\n')[1]).toContain('Tubo PVC 4"');
    expect(pipe.text).toContain('Tubo PVC 3"');
    expect(pipe.text).not.toContain('EMT');
  });

  it('should say an item is out of stock and offer the everyday in-stock alternative', async () => {
    const { text, reply } = await ask('precio del cemento santo domingo');
    expect(text).toContain('*Cemento Santo Domingo Portland (saco 42.5 kg)* cuesta *RD$625.00* por saco 42.5 kg, pero ahora mismo está agotado');
    expect(text).toContain('Te puedo ofrecer *Cemento Gris Cemex Tipo GU (saco 42.5 kg)*');
    expect(reply.options?.[0]?.text).toBe('Cemento Gris Cemex Tipo GU (saco 42.5 kg)');
  });

  it('should apply a colour said elsewhere in the message to its one product', async () => {
    const { text } = await ask('cemento, que sea blanco');
    expect(text).toContain('Cemento Blanco Cemex (saco 20 kg)');
    expect(text).not.toContain('Gris');
  });

  it('should hand the answered product back as the focus for follow-ups', async () => {
    const { out } = await ask('hay tubo pvc de 4 pulgadas?');
    expect(out.focus).toMatchObject({ sku: 'PVC-007', price: 1290, query: 'tubo pvc 4 pulgadas', attributes: { size: '4"' } });
  });
});

describe('product answers › follow-ups on the product in focus', () => {
  it('should price "y si compro 50?" as 50 × the cement just quoted', async () => {
    const [, second] = await conversation('cuánto cuesta el cemento gris', 'y si compro 50?');
    expect(second!.text).toContain('*50 sacos de Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: 50 × RD$655.00 = *RD$32,750.00*');
  });

  it('should read "y codos de 4?" with the pipe size, then "and for 200 of them?" with the stock checked', async () => {
    const [, elbows, many] = await conversation('hay tubo pvc de 4 pulgadas?', 'y codos de 4?', 'and for 200 of them?');
    expect(elbows!.text).toContain('Codo PVC 4" x 90° Drenaje');
    expect(many!.text).toContain('*200 units of Codo PVC 4" x 90° Drenaje*: 200 × RD$185.00 = *RD$37,000.00*, but I only have *140 units*');
  });

  it('should keep the size for "y codos?" after a 3/4 pipe', async () => {
    const [, elbows] = await conversation('tubo pvc de 3/4', 'y codos?');
    expect(elbows!.text).toContain('Codo PVC 3/4" x 90°');
  });

  it('should read an attribute alone against the product in focus', async () => {
    const [, satin, bucket] = await conversation('tienen pintura blanca?', 'la satinada?', 'y en cubeta?');
    expect(satin!.text).toContain('Pintura Satinada Popular Blanco');
    expect(bucket!.text).toContain('Pintura Satinada Popular Blanco (cubeta 5 gal)');
    expect(bucket!.text).not.toContain('(galón)');
  });

  it('should price the product in focus for "¿y cuánto cuesta?", and ask which product without one', async () => {
    const [, price] = await conversation('tienen cemento gris?', 'y cuánto cuesta?');
    expect(price!.text).toContain('*Cemento Gris Cemex Tipo GU (saco 42.5 kg)* cuesta *RD$655.00*');
    expect((await ask('cuánto cuesta?')).out.outcome).toBe('need_product');
  });

  it('should read "2" or "la primera" after options as a choice, not a quantity', async () => {
    const [options, second] = await conversation('tienen taladro?', '2');
    expect(options!.reply).toMatchObject({ template: 'product.options' });
    const secondName = options!.reply.options![1]!.text;
    expect(second!.text).toContain(`*${secondName}* cuesta`);
    expect(second!.text).not.toContain('2 ×');
    const [, first, three] = await conversation('tienen pintura azul?', 'la primera', 'y si compro 3?');
    expect(first!.out.focus?.query).toBe(first!.out.focus?.name);
    expect(three!.text).toMatch(/3 galones de Pintura .*: 3 × RD\$/);
  });

  it('should resolve a chosen option (the product\'s full name) to exactly that product', async () => {
    const { text } = await ask('Pintura Acrílica Tropical Blanco Hueso (cubeta 5 gal)');
    expect(text).toContain('*Pintura Acrílica Tropical Blanco Hueso (cubeta 5 gal)* cuesta *RD$5,650.00*');
  });

  it('should answer a new product question as new, even with a focus', async () => {
    const [, sand] = await conversation('cuánto cuesta el cemento gris', 'tienen arena?');
    expect(sand!.text).toContain('Arena Lavada');
    expect(sand!.text).not.toContain('Cemento');
  });
});
