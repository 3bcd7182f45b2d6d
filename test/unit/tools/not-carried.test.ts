import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksForStaff, asksIfCarried, asksPriceOfCount, asksWhereToBuy, namesOnlyAnotherTradesGood, namesOnlyAThing } from '../../../src/actors/brain/rule/product-questions.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

async function ask(text: string) {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'not-carried', text });
    return { text: turn.replies.map((r) => r.text).join('\n---\n'), state: turn.state };
  } finally {
    await host.close();
  }
}

/** Products the store does not carry are said not carried, in the customer's words, never clarified or handed off. */
describe('things the store does not carry', () => {
  it.each([
    ['vendes aire acondicionado?', '*aire acondicionado*', /Somos una ferretería/],
    ['ustedes venden aires acondicionados?', '*aires acondicionados*', /Somos una ferretería/],
    ['aire acondicionado', '*aire acondicionado*', /Somos una ferretería/],
    ['ustedes venden lavadoras?', '*lavadoras*', /Somos una ferretería/],
    ['tienen televisores?', '*televisores*', /Somos una ferretería/],
    ['do you sell air conditioners?', '*air conditioners*', /We're a hardware store/],
    ['do you have fridges?', '*fridges*', /We're a hardware store/],
    ['ustedes trabajan la marca Sherwin Williams?', '*sherwin williams*', /Somos una ferretería/],
    // In the customer's own words, not the brain's singular query ("abanico techo").
    ['tienen abanicos de techo?', '*abanicos de techo*', /Somos una ferretería/],
    ['necesito saber si tienen generador eléctrico', '*generador eléctrico*', /Somos una ferretería/],
    // Named alone, words the classifier never saw: still whether the store has them (not "no te entendí").
    ['papel de baño', '*papel de baño*', /Somos una ferretería/],
    ['papel higiénico', '*papel higiénico*', /Somos una ferretería/],
    ['pañales', '*pañales*', /Somos una ferretería/],
    ['jabón de cuaba', '*jabón de cuaba*', /Somos una ferretería/],
    ['diapers?', '*diapers*', /We're a hardware store/],
  ])('should say "%s" is not carried, naming %s', async (text, named, store) => {
    const r = await ask(text);
    expect(r.state.value, text).toBe('triage.idle');
    expect(r.state.context.ticket, text).toBeNull();
    expect(r.text, text).toContain(named);
    expect(r.text, text).toMatch(store);
    expect(r.text, text).not.toMatch(/no te entendí|¿Qué necesitas\?|asegurarme|didn't quite get/);
  });

  it.each([
    ['neveras', /No vendemos \*neveras\*[\s\S]*Lo que sí tenemos para eso[\s\S]*Protector de Voltaje para Nevera/],
    ['tienen neveras?', /No vendemos \*neveras\*[\s\S]*Protector de Voltaje para Nevera/],
    ['venden nevera?', /No vendemos \*nevera\*[\s\S]*Protector de Voltaje para Nevera/],
    ['do you sell fridges?', /We don't sell \*fridges\*/],
  ])('should not offer the accessory for "%s" as if it were the thing', async (text, answer) => {
    const r = await ask(text);
    expect(r.state.value, text).toBe('triage.idle');
    expect(r.state.context.ticket, text).toBeNull();
    expect(r.text, text).toMatch(answer);
    expect(r.text, text).not.toMatch(/^Esto es lo que tengo/);
  });

  it.each([
    ['protector para nevera', /Esto es lo que tengo[\s\S]*Protector de Voltaje para Nevera/],
    ['tienen protector de voltaje?', /Protector de Voltaje para Nevera/],
    ['busco fregadero', /Fregadero de Acero Inoxidable/],
    ['tienen sement gris?', /Cemento Gris Cemex/],
    ['how mutch is the gray cemnt', /Cemento Gris Cemex/],
  ])('should still answer "%s" with the product itself', async (text, answer) => {
    expect((await ask(text)).text).toMatch(answer);
  });

  it('should never offer what goes with a product as the alternative to it when it is out', async () => {
    const r = await ask('tienen lavamanos?');
    expect(r.text).toMatch(/Lavamanos de Pedestal Blanco/);
    expect(r.text).not.toMatch(/Llave de Lavamanos/);
  });

  it.each(['vendes aire acondicionado?', 'tienen neveras?', 'do you carry generators?', 'ustedes venden lavadoras?', 'any fridges?'])('should read "%s" as asking whether it is carried', (text) => {
    expect(asksIfCarried(text)).toBe(true);
  });

  it.each(['donde consigo cemento?', 'dónde puedo comprar varilla?', 'where can I get a drill?', 'where can i buy cement near here?'])('should read "%s" as where to buy a product', (text) => {
    expect(asksWhereToBuy(text)).toBe(true);
  });

  it.each(['donde queda la tienda?', 'where can i get a refund for the drill?', 'where are you located?', 'donde consigo el numero de la sucursal?'])('should not read "%s" as where to buy a product', (text) => {
    expect(asksWhereToBuy(text)).toBe(false);
  });

  it.each(['got any primer?', 'got any sandpaper?'])('should read "%s" as asking whether it is carried, not for deals', (text) => {
    expect(asksIfCarried(text)).toBe(true);
  });

  it.each(['got any deals?', 'got any specials?', 'any discounts?', 'tienen especiales?'])('should not read "%s" as asking for a product', (text) => {
    expect(asksIfCarried(text)).toBe(false);
  });

  it.each(['tienen delivery?', 'venden a crédito?', 'tienen garantía?', 'do you have parking?', 'hola', 'quiero hablar con alguien'])('should not read "%s" as asking for a product', (text) => {
    expect(asksIfCarried(text)).toBe(false);
  });

  it.each(['neveras', 'aire acondicionado', 'estufa de gas', 'lavadoras', 'protector pa nevera'])('should read "%s" alone as a thing named', (text) => {
    expect(namesOnlyAThing(text)).toBe(true);
  });

  it.each(['mi nevera', 'pedido incompleto', 'estoy indignada', 'muy mal servicio', 'no llegó', 'pésimo', 'gracias'])('should not read "%s" as a thing named', (text) => {
    expect(namesOnlyAThing(text)).toBe(false);
  });

  it.each(['papel de baño', 'pañales', 'jabon de cuaba', 'toilet paper', 'zapatos'])('should read "%s" alone as a good of another trade', (text) => {
    expect(namesOnlyAnotherTradesGood(text)).toBe(true);
  });

  it.each(['como asi', 'perfecto', 'papel de lija y brochas para la casa', 'mi pedido', 'cemento gris'])('should not read "%s" as a good of another trade named alone', (text) => {
    expect(namesOnlyAnotherTradesGood(text)).toBe(false);
  });

  it('should still take a complaint about a fridge as a complaint', async () => {
    const r = await ask('la nevera que compré llegó dañada');
    expect(r.text).not.toMatch(/No vendemos/);
  });
});

describe('a person of the store asked for, never a product', () => {
  it.each(['hay gente para atenderme?', 'hay un vendedor disponible?', 'is there anyone who can help me?', 'hay alguien que me atienda?'])('should read "%s" as asking for a person', (text) => {
    expect(asksForStaff(text)).toBe(true);
    expect(asksIfCarried(text)).toBe(false);
  });

  it.each(['hay gente trabajando en la obra, que cemento uso?', 'tienen vendedores de pintura?', 'tienen cemento?'])('should not read "%s" as asking for a person', (text) => {
    expect(asksForStaff(text)).toBe(false);
  });

  it('should hand "¿hay gente para atenderme?" to a person instead of answering "No vendemos gente"', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'staff-1', text: 'hay gente para atenderme?' });
    const text = turn.replies.map((r) => r.text).join('\n');
    expect(text).not.toMatch(/No vendemos/);
    expect(text).toMatch(/T-\d+/);
  });
});


describe('a count priced, never an account', () => {
  it.each(['si llevo 10 cuanto pago?', 'si llevo 6, ¿cuánto pago?', 'cuanto pagaria por 20?', 'if I take 5 how much do I pay?'])('should read "%s" as the price of a count', async (text) => {
    expect(asksPriceOfCount(text)).toBe(true);
    expect((await brain.understand({ text, lang: 'es', expecting: { kind: 'none' }, messageId: 'm', idempotencyKey: 'k' })).nlu.intent.name).not.toBe('account_status');
  });

  it.each(['cuanto pago', 'cuanto debo si llevo 10', 'cuanto pago en mi cuenta si compro 10'])('should leave "%s" to the account', (text) => {
    expect(asksPriceOfCount(text)).toBe(false);
  });
});

/** A compound whose head the catalog lacks is that head, not the product its modifier names. */
describe('a compound named by its head', () => {
  it.each([
    ['toilet paper?', '*toilet paper*'],
    ['do you sell toilet paper?', '*toilet paper*'],
    ['paint remover', '*paint remover*'],
    ['cepillo pa inodoro', '*cepillo pa inodoro*'],
    ['tienen papel higienico', '*papel higienico*'],
  ])('should say "%s" is not carried, naming %s', async (text, named) => {
    const r = await ask(text);
    expect(r.text, text).toContain(named);
    expect(r.text, text).not.toMatch(/Inodoro Completo|Panel Eléctrico/);
  });

  it.each([
    ['do you have cement today?', /Cemento/],
    ['2 bags of cement please', /2 bags/],
    ['wood glue', /Pegamento Blanco para Madera/],
    ['marca de cemento?', /Cemento/],
    ['tienen inodoro?', /Inodoro Completo/],
  ])('should still answer "%s" with the product', async (text, product) => {
    expect((await ask(text)).text, text).toMatch(product);
  });
});
