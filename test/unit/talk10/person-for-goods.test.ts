import { describe, it, expect } from 'vitest';
import { asksPersonForGoods } from '../../../src/actors/brain/rule/person-for-goods.js';
import { goodsForAgent } from '../../../src/actors/handoff-goods.js';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';
import { loadDemo, createMemoryHost, sayTo, replyText } from '../../helpers/memory-host.js';

describe('a person of the store asked for, about goods', () => {
  it.each([
    'quiero que un asesor me cotice los blocks',
    'que un vendedor me cotice 300 blocks de 6',
    'pasame un vendedor pa cotizar 50 sacos de cemento',
    'necesito un asesor para la varilla',
    'quiero q un asesor me cotize los block',
    'pásame con alguien para lo de la varilla',
    'I want a salesperson to quote me the rebar',
    'can I talk to someone about cement?',
  ])('should read "%s" as the person asked for', (text) => {
    expect(asksPersonForGoods(text)).toBe(true);
  });

  it.each([
    '¿un asesor me puede decir el precio del block?',
    'can a salesperson tell me the price of rebar?',
    'busco trabajo de vendedor',
    'necesito alguien que me instale una puerta',
    'necesito que un vendedor me contacte para un pedido grande de varilla',
    'quiero que un asesor me cotice varilla y cemento pa una obra grande',
    'cuanto cuesta el block?',
  ])('should not read "%s" as a person asked for goods', (text) => {
    expect(asksPersonForGoods(text)).toBe(false);
  });

  it.each([
    ['quiero que un asesor me cotice los blocks', /block/],
    ['que un vendedor me cotice 300 blocks de 6', /300 × block/],
    ['necesito un asesor para la varilla', /varilla/],
  ])('should hand "%s" over to a person, the goods in the ticket summary', async (text, goods) => {
    const { tenant, brain } = await loadDemo();
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const reply = replyText(await sayTo(host, `talk10-${text}`, text));
    expect(reply).toMatch(/T-\d+/);
    expect(reply).not.toMatch(/RD\$|Qué medida|No vendemos/);
    const [ticket] = await tickets.list('ferreteria');
    expect(ticket?.kind).toBe('handoff');
    expect(ticket?.summary).toMatch(new RegExp(`Productos: .*${goods.source}`));
  });

  it('should still answer a question for the advisor: the prices', async () => {
    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain });
    expect(replyText(await sayTo(host, 'talk10-q', '¿un asesor me puede decir el precio del block?'))).toContain('RD$52.00');
  });
});

describe('the goods in a handoff summary', () => {
  it('should list the goods named with their counts, and the product answered last', () => {
    expect(goodsForAgent({ understanding: { products: [{ query: 'block 6', quantity: 300 }, { query: 'varilla' }] } })).toEqual(['300 × block 6', 'varilla']);
    expect(goodsForAgent({ understanding: { products: [] }, productFocus: { name: 'Block de Hormigón 6" (unidad)' } })).toEqual(['Block de Hormigón 6" (unidad)']);
    expect(goodsForAgent({})).toEqual([]);
    // The bare word of the product priced last ("el tomacorriente que compré"): the priced line alone.
    expect(goodsForAgent({ understanding: { products: [{ query: 'tomacorriente' }] }, productFocus: { name: 'Tomacorriente Doble 15A Blanco', quantity: 2, price: 125 } })).toEqual(['2 × Tomacorriente Doble 15A Blanco a RD$125.00 = RD$250.00']);
    // Another product named beside it stays.
    expect(goodsForAgent({ understanding: { products: [{ query: 'breaker' }] }, productFocus: { name: 'Tomacorriente Doble 15A Blanco' } })).toEqual(['breaker', 'Tomacorriente Doble 15A Blanco']);
  });

  it('should write no goods line when none was named, nor beside a quote\'s own lines', () => {
    const base = { reason: 'customer_request', transcript: [], summaryLang: 'es' as const };
    expect(summarizeConversation({ ...base, context: {} })).not.toContain('Productos');
    expect(summarizeConversation({ ...base, context: { understanding: { products: [{ query: 'cemento', quantity: 20 }] } } })).toContain('Productos: 20 × cemento.');
    expect(summarizeConversation({ ...base, context: { understanding: { products: [{ query: 'cemento' }] } }, quote: ['• 20 × Cemento'] })).not.toContain('Productos');
  });
});
