import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { detectCritical } from '../../../src/actors/brain/rule/critical.js';
import { isOnlyGreeting } from '../../../src/actors/brain/rule/signals.js';
import { asksDirections } from '../../../src/actors/brain/rule/store-questions.js';
import { branchesNamed } from '../../../src/actors/tools/opening-days.js';
import { productWords } from '../../../src/actors/tools/product-request.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let brain: Brain;
beforeAll(async () => {
  const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  brain = createRuleBrain({ tenant });
});

const read = (text: string): Promise<Understanding> => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

describe('critical cases › the words of an emergency used for a product or a landmark', () => {
  it.each([
    'tienen bomba de agua',
    'a como ta la bomba sumergible',
    'tienen bomba d agua o no',
    'cuanto vale la bomba?',
    'quiero poner una bomba de agua en la cisterna',
    'donde queda la de villa hermosa, por la bomba shell?',
    'ustedes estan cerca del hospital',
    'que tan lejos estan del hospital Francisco Gonzalvo',
    'ustedes quedan cerca de la policia?',
    'yo vivo frente al hospital, me lo llevan?',
    'is your store near the police station?',
  ])('"%s" is no emergency', (text) => {
    expect(detectCritical(text)).toEqual({ critical: false, severity: 0 });
  });

  it.each([
    ['les voy a poner una bomba', 10],
    ['hay una bomba en la tienda', 10],
    ['les pongo una bomba si no me devuelven el dinero', 10],
    ['mi hijo se corto con la segueta y esta en el hospital', 10],
    ['lo llevaron al hospital por el taladro', 10],
    ['voy a llamar a la policia', 9],
    ['there is a bomb in your store', 10],
  ])('"%s" still is (severity %i)', (text, severity) => {
    expect(detectCritical(text)).toEqual({ critical: true, severity });
  });

  it('reads a water pump as a product question, not critical', async () => {
    const u = await read('tienen bomba de agua');
    expect(u.critical).toBe(false);
    expect(u.products.length).toBeGreaterThan(0);
  });
});

describe('directions › by a landmark', () => {
  it.each(['ustedes estan cerca del hospital', 'ustedes quedan al lado del banco popular?', 'ustedes tan por donde el parque central?', 'quedan frente al parque central?'])(
    '"%s" asks where the store is',
    async (text) => {
      expect(asksDirections(text)).toBe(true);
      expect((await read(text)).nlu.intent.name).toBe('store_hours_location');
    },
  );

  it.each(['mi casa esta cerca del parque, me lo llevan?', 'tienen cemento?', 'estan abiertos hoy?'])('"%s" asks no directions', (text) => {
    expect(asksDirections(text)).toBe(false);
  });

  const names = ['Sucursal Principal (Av. Libertad)', 'Sucursal Villa Hermosa', 'Sucursal Av. Padre Abreu'];
  const addresses = ['Av. Libertad No. 145, esq. calle Duarte, La Romana', 'Carretera La Romana–San Pedro km 3, Villa Hermosa, La Romana', 'Av. Padre Abreu No. 62, frente al parque Central, La Romana'];

  it('names the branch whose address is by the landmark, before "central" as the main one', () => {
    expect(branchesNamed(names, 'ustedes tan por donde el parque central?', addresses)).toEqual([2]);
    expect(branchesNamed(names, 'la de la calle duarte a que hora abre', addresses)).toEqual([0]);
    // Without the addresses, "central" still reads as the main branch.
    expect(branchesNamed(names, 'la sucursal central', addresses)).toEqual([0]);
    expect(branchesNamed(names, 'donde queda la de villa hermosa', addresses)).toEqual([1]);
  });
});

describe('forms of address › never a product', () => {
  it.each([
    ['manito mandame la lista de precio', ''],
    ['me pasas la lista de precios', ''],
    ['jefe tienen generador', 'generador'],
    ['oye mi amor tienen abanico de techo', 'abanico de techo'],
    ['do you guys have sunscreen?', 'sunscreen'],
    ["hey, do y'all carry sunscreen?", 'sunscreen'],
  ])('"%s" names "%s"', (text, named) => {
    expect(productWords(text)).toBe(named);
  });
});

describe('greetings › is anyone there?', () => {
  it.each(['tu ta ahi?', 'hay alguien ahi', 'estan ahi?', 'klk, tu ta ahi?', 'hola? hay alguien?', 'are you there?', 'anyone there?'])('"%s" is a greeting', (text) => {
    expect(isOnlyGreeting(text)).toBe(true);
  });

  it.each(['hay alguien real ahi?', 'tu ta ahi? necesito cemento'])('"%s" is more than a greeting', (text) => {
    expect(isOnlyGreeting(text)).toBe(false);
  });
});
