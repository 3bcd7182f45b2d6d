import { describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { copyPlain, createReadingCache } from '../../../src/actors/brain/rule/reading-cache.js';
import type { Expectation, Understanding } from '../../../src/domain/understanding.js';
import { catalog, loadUtterances, settings } from './fixtures.js';

const reading = (intent: string): Understanding => ({
  nlu: { intent: { name: intent as never, confidence: 0.5 }, ranking: [], entities: [{ type: 'email', value: 'a@b.do', start: 0, end: 6 }], lang: 'es' },
  lang: 'es',
  affirmation: null,
  leadFields: { name: null },
  products: [{ query: 'cemento', quantity: 2 }],
  critical: false,
  priority: 3,
});

describe('reading cache', () => {
  it('should keep at most maxEntries readings, dropping the least recently used', () => {
    const cache = createReadingCache(2);
    const none: Expectation = { kind: 'none' };
    cache.put('a', 'es', none, reading('greeting'));
    cache.put('b', 'es', none, reading('thanks'));
    expect(cache.get('a', 'es', none)?.nlu.intent.name).toBe('greeting'); // 'a' is now the most recent
    cache.put('c', 'es', none, reading('goodbye'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'es', none)).toBeUndefined();
    expect(cache.get('a', 'es', none)?.nlu.intent.name).toBe('greeting');
    expect(cache.get('c', 'es', none)?.nlu.intent.name).toBe('goodbye');
  });

  it('should key by language, expectation kind and lead field, but not by a choice or a quote payload', () => {
    const cache = createReadingCache(10);
    cache.put('sí', 'es', { kind: 'lead_field', field: 'name' }, reading('greeting'));
    expect(cache.get('sí', 'en', { kind: 'lead_field', field: 'name' })).toBeUndefined();
    expect(cache.get('sí', 'es', { kind: 'lead_field', field: 'email' })).toBeUndefined();
    expect(cache.get('sí', 'es', { kind: 'none' })).toBeUndefined();
    expect(cache.get('sí', 'es', { kind: 'lead_field', field: 'name' })?.nlu.intent.name).toBe('greeting');
    cache.put('1', 'es', { kind: 'choice', text: '¿Cuál?', options: [{ intent: 'price_quote', label: 'a', text: 'precio' }] }, reading('price_quote'));
    expect(cache.get('1', 'es', { kind: 'choice', text: 'otra', options: [] })?.nlu.intent.name).toBe('price_quote');
  });

  it('should hand out the cached reading frozen all the way down: changing it throws and changes nothing', () => {
    const cache = createReadingCache(10);
    const none: Expectation = { kind: 'none' };
    cache.put('hola', 'es', none, reading('greeting'));
    const first = cache.get('hola', 'es', none) as Understanding;
    expect(() => {
      first.products[0]!.query = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      first.leadFields.name = 'Ana';
    }).toThrow(TypeError);
    expect(() => first.nlu.entities.push({ type: 'email', value: 'x@y.do', start: 0, end: 1 })).toThrow(TypeError);
    expect(cache.get('hola', 'es', none)).toEqual(reading('greeting'));
    expect(cache.get('hola', 'es', none)).toBe(first);
  });

  it('should store nothing when its size is 0', () => {
    const cache = createReadingCache(0);
    cache.put('hola', 'es', { kind: 'none' }, reading('greeting'));
    expect(cache.size).toBe(0);
    expect(cache.get('hola', 'es', { kind: 'none' })).toBeUndefined();
  });

  it('should copy plain data deeply and keep undefined values', () => {
    const value = { a: [1, { b: 'x' }], c: undefined, d: null };
    const copy = copyPlain(value);
    expect(copy).toEqual(value);
    expect('c' in copy).toBe(true);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[1]).not.toBe(value.a[1]);
  });
});

describe('rule brain with its reading cache', () => {
  it('should read every training utterance, first and second time, exactly as a brain without the cache', async () => {
    const tenant = { utterances: loadUtterances(), catalog, settings };
    const cached = createRuleBrain({ tenant });
    const uncached = createRuleBrain({ tenant, readingCacheSize: 0 });
    const expectations: Expectation[] = [
      { kind: 'none' },
      { kind: 'account_id' },
      { kind: 'lead_field', field: 'name' },
      { kind: 'choice', text: '¿Precio o disponibilidad?', options: [{ intent: 'price_quote', label: 'choice.price', text: 'precio' }] },
    ];
    let compared = 0;
    for (const byLang of Object.values(tenant.utterances)) {
      for (const [lang, texts] of Object.entries(byLang) as ['es' | 'en', string[]][]) {
        for (const text of texts) {
          for (const expecting of expectations) {
            const input = { text, lang, expecting, messageId: 'm', idempotencyKey: 'k' };
            const expected = JSON.stringify(await uncached.understand(input));
            expect(JSON.stringify(await cached.understand(input))).toBe(expected);
            expect(JSON.stringify(await cached.understand(input))).toBe(expected);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  }, 120_000);
});
