import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const read = (text: string, lang: Lang) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

/** The catalog and the store name things in Spanish: tapping one in English is no switch to Spanish. */
describe('the language of a message that is only a name', () => {
  it('should keep the conversation language for a product name, a product phrase or a branch name', async () => {
    for (const text of ['Cemento Gris Cemex Tipo GU (saco 42.5 kg)', 'Pintura Acrílica Tropical Blanco (galón)', 'cemento gris', 'Sucursal Villa Hermosa']) {
      expect((await read(text, 'en')).lang, text).toBe('en');
      expect((await read(text, 'es')).lang, text).toBe('es');
    }
  });

  it('should still follow a customer who writes in the other language around the name', async () => {
    expect((await read('tienen cemento gris?', 'en')).lang).toBe('es');
    expect((await read('do you have cemento gris?', 'es')).lang).toBe('en');
  });

  it('should answer a tapped option in English in an English conversation', async () => {
    const [, kind] = await chatOnFreshHost(tenant, brain, 'opt-en', 'hi, what kinds of cement do you have?', 'Cemento Blanco Cemex (saco 20 kg)');
    expect(kind).toMatch(/costs \*RD\$1,150\.00\* per bag/);
    expect(kind).not.toMatch(/cuesta|¿Te lo reservo/);
  });
});

describe('a delivery place or branch named alone', () => {
  it('should read it as a store question, answered for that place', async () => {
    for (const text of ['Villa Hermosa', 'caleta?', 'a Caleta']) expect((await read(text, 'es')).nlu.intent.name, text).toBe('store_hours_location');
    const [, zone] = await chatOnFreshHost(tenant, brain, 'zone-alone', 'hacen delivery?', 'Villa Hermosa');
    expect(zone).toMatch(/llegamos a \*Villa Hermosa\*/);
    expect(zone).not.toMatch(/asegurarme/);
  });
});
