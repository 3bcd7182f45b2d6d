import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { detectLang } from '../../../src/actors/brain/rule/signals.js';
import { requestedLanguage } from '../../../src/actors/brain/rule/store-facts.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const langOf = async (text: string, conversation: 'es' | 'en'): Promise<'es' | 'en'> =>
  (await brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: conversation, idempotencyKey: 'k-1' })).lang;

describe('the language of a short product message', () => {
  it.each(['porcelain', 'wood screws', 'duct tape', 'trash bags', 'hammer?', 'garbage bags', 'light bulbs', 'shovel', 'white cement', 'sandpaper', 'Gloves', 'door hinges', '1/2 inch pvc pipe', 'silicone', 'electric cable?', 'electric drill', 'diapers?'])(
    'should answer "%s" in English when it opens a conversation',
    async (text) => {
      expect(await langOf(text, 'es')).toBe('en');
    },
  );

  it.each(['ok', 'cemento', 'pintura blanca', 'hola', 'block', 'blocks', 'tape', 'sheetrock', 'drywall', 'plywood', 'breaker', 'martillo', 'tornillos', '12345', 'pvc', 'thinner'])(
    'should keep "%s" in Spanish in a Spanish conversation',
    async (text) => {
      expect(await langOf(text, 'es')).toBe('es');
    },
  );

  it('should keep an English conversation English when an option (a catalog name) is tapped or a loanword said', async () => {
    for (const text of ['Cemento Blanco Cemex (saco 20 kg)', 'Tornillo para Drywall 1 1/4" (libra)', 'tape', 'block', 'ok']) expect(await langOf(text, 'en'), text).toBe('en');
  });

  it('should read no catalog name alone as English in a Spanish conversation', async () => {
    const english: string[] = [];
    for (const p of tenant.catalog) if ((await langOf(p.name, 'es')) === 'en') english.push(p.name);
    expect(english).toEqual([]);
  });

  it('should leave a Spanish request around an English product name Spanish, and an English name beside a Spanish one undecided', () => {
    expect(detectLang('tienen wood screws?', 'es')).toBe('es');
    expect(detectLang('martillo hammer', 'es')).toBe('es');
    expect(detectLang('martillo hammer', 'en')).toBe('en');
  });
});

describe('a language asked for by name', () => {
  it.each([
    ['english please', 'en'],
    ['English', 'en'],
    ['in english', 'en'],
    ['en inglés por favor', 'en'],
    ['spanish please', 'es'],
    ['en español', 'es'],
    ['español por favor', 'es'],
    ['can we talk in spanish?', 'es'],
    ['¿me puedes escribir en inglés?', 'en'],
    ["I don't speak Spanish", 'en'],
    ['no hablo inglés', 'es'],
    ['I only speak English', 'en'],
    ['prefiero español', 'es'],
  ] as const)('should answer "%s" in %s', async (text, lang) => {
    expect(requestedLanguage(text)).toBe(lang);
    expect(await langOf(text, lang === 'es' ? 'en' : 'es')).toBe(lang);
  });

  it.each(['do you speak english?', '¿hablan inglés?', 'do you have english?', 'hola', 'tienen cemento?', 'English muffins recipe and more'])('should ask for no language in "%s"', (text) => {
    expect(requestedLanguage(text)).toBeNull();
  });
});

describe('an English compound names one product by its last noun', () => {
  const products = (text: string): string[] => brain.parse(text).entities.filter((e) => e.type === 'product').map((e) => e.value);

  it('should read "wood screws" as screws for wood, not lumber and screws', () => {
    expect(products('wood screws')).toEqual(['wood screw']);
    expect(products('do you have wood screws and concrete nails?')).toEqual(['wood screw', 'concrete nail']);
  });

  it('should keep a list of materials, a Spanish phrase and two counted items apart', () => {
    expect(products('cement sand gravel')).toEqual(['cement', 'sand', 'gravel']);
    expect(products('nails screws')).toEqual(['nail', 'screw']);
    expect(products('tornillos madera')).toEqual(['tornillo', 'madera']);
  });
});
