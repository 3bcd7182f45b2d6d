import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { resolverFor, type ProductResolver } from '../../../src/actors/catalog/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { LeadState } from '../../../src/machines/lead-draft.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let resolver: ProductResolver;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  resolver = resolverFor(tenant.catalog);
});

async function chat(...messages: string[]) {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const turns = [];
    for (const text of messages) turns.push(await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'clerk', text }));
    return turns;
  } finally {
    await host.close();
  }
}
type Turn = Awaited<ReturnType<typeof chat>>[number];
const said = (turn: Turn | undefined): string => (turn?.replies ?? []).map((r) => r.text).join('\n');
const top = (query: string): string | undefined => resolver.search(query, { limit: 1 })[0]?.product.sku;

/** Product answers a clerk gets right: sizes, ordinary words, stock, counts and introductions. */
describe('product answers a clerk gets right', () => {
  it.each(['cuánto cuesta el tubo de 4', 'cuanto vale el tuvo de 4', 'tubo de cuatro', 'tuberia de 4', 'pipe 4', 'precio del tubo 4 pulgadas'])(
    'should read a bare size with a pipe word as inches: "%s" is the 4" PVC pipe',
    (query) => {
      expect(top(query)).toBe('PVC-007');
    },
  );

  it('should still read feet when they are said, and a bare length where only lengths exist', () => {
    expect(top('tubo de 4 pies')).toBe('ELE-019');
    expect(top('tubo de luz de 4')).toBe('ELE-019');
    expect(top('aluzinc de 16')).toBe('TEC-004');
    expect(top('extension de 25')).toBe('ELE-025');
  });

  it.each([
    ['rebaja', 'rebar'],
    ['rebajas', 'rebar'],
    ['escribo', 'estribo'],
    ['thanks', 'tank'],
    ['correo', 'corte'],
    ['cantidades', 'candado'],
    ['puestos', 'puerta'],
    ['varias', 'varilla'],
    ['madres', 'madera'],
    ['cerrado', 'cerradura'],
    ['contract', 'contacto'],
  ])('should never correct the ordinary word "%s" into a product word (%s)', (word) => {
    expect(resolver.correct(word)).toBeNull();
  });

  it.each([
    ['varriya', 'varilla'],
    ['sement', 'cemento'],
    ['barilla', 'varilla'],
    ['martiyo', 'martillo'],
  ])('should keep correcting the product typo "%s"', (word, product) => {
    expect(resolver.correct(word)).toBe(product);
  });

  it.each(['hay rebaja en el cemento?', 'hay rebajas?', 'les escribo para preguntar por el cemento', 'luego te escribo', 'any discount on cement? thanks'])(
    'should find no rebar or stirrup in "%s"',
    (text) => {
      const products = brain.parse(text).entities.filter((e) => e.type === 'product').map((e) => e.value);
      expect(products.join(' ')).not.toMatch(/rebar|estribo|tank/);
    },
  );

  it.each([
    ['necesito 3 cubetas de pintura blanca', /3 x \*Pintura Satinada Popular Blanco \(cubeta 5 gal\)\*: RD\$6,950\.00 c\/u = \*RD\$20,850\.00/, /Tropical Blanco \(cubeta 5 gal\)\* está agotada/],
    ['nesesito 3 cubetas d pintura blanca', /Pintura Satinada Popular Blanco \(cubeta 5 gal\)/, /está agotada/],
    ['I need 3 white paint buckets', /3 x \*Pintura Satinada Popular Blanco \(cubeta 5 gal\)\*/, /Tropical Blanco \(cubeta 5 gal\)\* is out of stock/],
  ])('should say the everyday product is out and offer the in-stock one that fits as well: "%s"', async (text, answer, out) => {
    const [turn] = await chat(text);
    expect(said(turn)).toMatch(answer);
    expect(said(turn)).toMatch(out);
  });

  it('should name the in-stock equivalent of an exhausted line in an estimate', async () => {
    const [es] = await chat('necesito 10 varillas de 5/8 y 20 sacos de cemento');
    expect(said(es)).toMatch(/Varilla Corrugada 5\/8" Grado 60 \(20 pies\)\*: .*\(agotado; te puedo ofrecer \*Varilla Corrugada/);
    const [en] = await chat('I need 10 rebars of 5/8 and 20 bags of cement');
    expect(said(en)).toMatch(/out of stock; I can offer you \*Varilla Corrugada/);
  });

  it('should not offer to set aside an exhausted product shown alone', async () => {
    const [es] = await chat('venden lavamanos?');
    expect(said(es)).toMatch(/agotado/);
    expect(said(es)).not.toMatch(/reservo/);
    expect(said(es)).toMatch(/te avise cuando llegue/);
    const [en] = await chat('do you sell pedestal sinks?');
    expect(said(en)).not.toMatch(/set it aside/);
  });

  it.each([
    ['2 glns de pintura azul', /2 galones de pintura en azul\*, preparada sobre/, /2 × RD\$1,250\.00 = \*RD\$2,500\.00/],
    ['kiero 2 galones de pintura asul', /2 galones de pintura en azul\*, preparada sobre/, /= \*RD\$2,500\.00/],
    ['I need 2 gallons of blue paint', /2 gallons of blue paint\*, mixed on/, /= \*RD\$2,500\.00/],
  ])('should keep the count when the colour is not carried, the colour mixed: "%s"', async (text, head, line) => {
    const [turn] = await chat(text);
    expect(said(turn)).toMatch(head);
    expect(said(turn)).toMatch(line);
    // The colours there are, named; white is not passed off as "the closest" to blue.
    expect(said(turn)).toMatch(/Blanco Hueso|Off-white/);
    expect(said(turn)).not.toMatch(/más parecido|closest/);
  });

  it('should keep the count when one of those options is picked', async () => {
    const byName = await chat('2 glns de pintura azul', 'Pintura Acrílica Tropical Blanco Hueso (galón)');
    expect(said(byName[1])).toMatch(/2 galones de Pintura Acrílica Tropical Blanco Hueso \(galón\)\*: 2 × RD\$1,250\.00/);
    const byOrder = await chat('2 glns de pintura azul', 'la segunda');
    expect(said(byOrder[1])).toMatch(/2 galones de Pintura/);
  });

  it.each([
    ['hola, le escribe Ing. Pedro de Constructora Los Pinos', /¡Hola, Pedro!/, 'Constructora Los Pinos'],
    ['hola le escribe ing pedro de constructora los pinos', /¡Hola, Pedro!/, undefined],
    ['buenas, le habla la Lic. María Gómez de Ferretería El Martillo', /¡Hola, María!/, 'Ferretería El Martillo'],
    ['hi, this is Eng. Peter from Blue Reef Construction', /Hi, Peter!/, 'Blue Reef Construction'],
  ])('should greet an introduction with a title, not start the lead form: "%s"', async (text, greeting, company) => {
    const [turn] = await chat(text);
    expect(said(turn)).toMatch(greeting);
    expect(said(turn)).not.toMatch(/correo|email/i);
    if (company) expect((turn!.state.context as unknown as { lead: LeadState }).lead.draft.company_name?.value).toBe(company);
  });

  it('should not read a place name as the colour of the product', async () => {
    const [turn] = await chat('Buenas, cuánto me cobrarían por 40 blocks de 6 puestos en Villa Verde?');
    expect(said(turn)).toMatch(/40 unidades de Block de Hormigón 6"/);
  });
});
