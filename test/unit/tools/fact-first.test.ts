import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { readingWithFactFirst } from '../../../src/actors/tools/place-said.js';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('readingWithFactFirst (a store question asked in a lead message)', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => {
    ({ tenant, brain } = await loadDemo());
  });
  const read = (text: string, lang: 'es' | 'en' = 'es') => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

  it("should carry the store's wholesale answer, in the message's language, on a lead reading that asks it", async () => {
    const es = await read('ustedes venden al por mayor? necesito como 3000 blocks de 6 pa un proyecto');
    expect(es.nlu.intent.name).toBe('sales_lead');
    expect(readingWithFactFirst(tenant, es, 'ustedes venden al por mayor? necesito como 3000 blocks de 6 pa un proyecto').factFirst).toBe(tenant.store.facts?.wholesale?.es);
    const text = 'do you sell wholesale? I need 3000 blocks for a project';
    const en = await read(text, 'en');
    expect(readingWithFactFirst(tenant, en, text).factFirst).toBe(tenant.store.facts?.wholesale?.en);
  });

  it("should read a contractor's price asked WhatsApp-style as the wholesale question, and say it first to a shop that wants to buy wholesale", async () => {
    expect(storeFactsAsked('soy maestro de obra y compro mucho material, tienen precio pa contratista?')).toContain('wholesale');
    const text = 'tengo una ferreteria en higuey y quiero comprarles al por mayor';
    const reading = await read(text);
    expect(reading.nlu.intent.name).toBe('sales_lead');
    expect(readingWithFactFirst(tenant, reading, text).factFirst).toBe(tenant.store.facts?.wholesale?.es);
  });

  it("should carry the store's credit terms on a lead that asks how a credit account is opened, in its language", async () => {
    const es = 'que necesito para abrir una cuenta de credito con ustedes';
    const esReading = await read(es);
    expect(esReading.nlu.intent.name).toBe('sales_lead');
    expect(readingWithFactFirst(tenant, esReading, es).factFirst).toBe(tenant.store.policies?.credit?.es);
    const en = 'how do I open a credit account?';
    expect(readingWithFactFirst(tenant, await read(en, 'en'), en).factFirst).toBe(tenant.store.policies?.credit?.en);
    // A business account with no credit named is the advisor's alone.
    const other = 'queremos abrir una cuenta comercial para la constructora';
    expect(readingWithFactFirst(tenant, await read(other), other).factFirst).toBeUndefined();
  });

  it('should leave a lead that asks nothing, and any other reading, as they were', async () => {
    for (const text of ['quiero cotizar materiales para una obra', 'venden al por mayor?', '¿tienen cemento?']) {
      const reading = await read(text);
      expect(readingWithFactFirst(tenant, reading, text), text).toBe(reading);
    }
  });
});
