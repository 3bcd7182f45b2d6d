import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { specAsked } from '../../../src/machines/product-spec-question.js';
import { specAnswer } from '../../../src/actors/tools/product-specs.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

describe('what a question asks of the product on the counter', () => {
  it.each([
    ['¿cuánto mide?', 'size'],
    ['how tall is it?', 'size'],
    ['que tamaño tiene?', 'size'],
    ['how long is it?', 'size'],
    ['¿de cuántos watts es?', 'power'],
    ['how many hp is it?', 'power'],
    ['¿cuánto le cabe?', 'capacity'],
    ['how much can it hold?', 'capacity'],
    ['how much weight can it hold?', 'load'],
    ['¿cuánto peso aguanta?', 'load'],
  ] as const)('%s → %s', (text, kind) => {
    expect(specAsked(text)).toBe(kind);
  });

  it.each(['how long does delivery take?', '¿cuánto tiempo dura la garantía?', '¿qué medidas tienen?', 'what sizes do you have?', '¿cuánto cuesta?', 'dame 3'])('%s asks none', (text) => {
    expect(specAsked(text)).toBeNull();
  });
});

describe('the answer from the product itself', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => ({ tenant, brain } = await loadDemo()));
  const focusOn = (sku: string) => {
    const p = tenant.catalog.find((x) => x.sku === sku)!;
    return { sku, name: p.name, price: p.price, query: p.name };
  };
  const said = (sku: string, text: string, lang: 'es' | 'en' = 'es') => {
    const out = specAnswer(tenant, focusOn(sku), text, [], lang);
    return out ? out.replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n') : null;
  };

  it('should read the figure its name gives, or say it is not on file', () => {
    const sku = (name: RegExp) => tenant.catalog.find((p) => name.test(p.name))!.sku;
    expect(said(sku(/^Escalera/), '¿cuánto mide?')).toMatch(/\*6 Peldaños\*, según su ficha/);
    expect(said(sku(/^Taladro Percutor.*750W/), 'how many watts is it?', 'en')).toMatch(/\*750W\*, as its listing says/);
    expect(said(sku(/^Carretilla/), 'how much weight can it hold?', 'en')).toMatch(/^For \*Carretilla .*\* I don't have the weight it can carry in the system/);
    expect(said(sku(/^Carretilla/), 'dame 3')).toBeNull();
    expect(specAnswer(tenant, focusOn(sku(/^Escalera/)), '¿cuánto mide?', [{ query: 'cemento' }], 'es')).toBeNull();
    // The product shown named again ("¿cuánto mide la escalera?", "how many feet is each pipe?") is still this one.
    expect(specAnswer(tenant, focusOn(sku(/^Escalera/)), '¿cuánto mide la escalera?', [{ query: 'escalera' }], 'es')).not.toBeNull();
    expect(said(sku(/^Tubo PVC 4" SDR-41/), 'how many feet is each pipe?', 'en')).toMatch(/6 m \(about 20 feet\)/);
  });

  it('should answer it in a conversation, never "No vendemos *mide*"', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 's26-specs', 'tienen escalera?', 'cuanto mide?');
    expect(replies[1]).toMatch(/6 Peldaños/);
    expect(replies[1]).not.toMatch(/No vendemos/);
  });
});
