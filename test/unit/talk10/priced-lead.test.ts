import { describe, it, expect } from 'vitest';
import { understood } from '../machine/machine-harness.js';
import { ordersWithContact, pricesThenLead } from '../../../src/machines/priced-lead.js';
import { createLeadState } from '../../../src/machines/lead-draft.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { loadDemo, createMemoryHost, sayTo, replyText } from '../../helpers/memory-host.js';

const pedro = { name: 'Pedro Santana', company_name: 'Ferremax SRL', email: 'pedro@ferremax.do' };

describe('a big order with the contact', () => {
  it('should be a lead when who asks, how to reach them and a big count are all there', () => {
    expect(ordersWithContact(understood('price_quote', { leadFields: pedro, products: [{ query: 'block 6', quantity: 150 }] }))).toBe(true);
    expect(ordersWithContact(understood('price_quote', { leadFields: { name: 'Luisa Peña', phone_or_username: '+18095551234' }, products: [{ query: 'varilla', quantity: 100 }] }))).toBe(true);
  });

  it('should stay a price without a way to reach them, without who they are, or for a few units', () => {
    expect(ordersWithContact(understood('price_quote', { leadFields: { name: 'Pedro Santana', company_name: 'Ferremax SRL' }, products: [{ query: 'block 6', quantity: 150 }] }))).toBe(false);
    expect(ordersWithContact(understood('price_quote', { leadFields: { email: 'pedro@ferremax.do' }, products: [{ query: 'block 6', quantity: 150 }] }))).toBe(false);
    expect(ordersWithContact(understood('price_quote', { leadFields: pedro, products: [{ query: 'cemento', quantity: 2 }] }))).toBe(false);
    expect(ordersWithContact(null)).toBe(false);
  });

  it('should not start a request again while one is in progress or sent', () => {
    const u = understood('price_quote', { leadFields: pedro, products: [{ query: 'block 6', quantity: 150 }] });
    expect(pricesThenLead(u, createLeadState())).toBe(true);
    expect(pricesThenLead(u, { ...createLeadState(), status: 'collecting' })).toBe(false);
    expect(pricesThenLead(u, { ...createLeadState(), status: 'submitted' })).toBe(false);
  });
});

describe('a reply without its closing question', () => {
  const templates = { es: { 'a.b': 'Precio: *{price}*.\n\n¿Te lo reservo o necesitas otra cosa?', 'a.c': 'Sin pregunta.' }, en: {} } as never;
  it('should leave the last paragraph out when it asks, and keep a reply that asks nothing', () => {
    expect(renderReply({ template: 'a.b', params: { price: 'RD$52.00' }, withoutQuestion: true }, templates, 'es')).toBe('Precio: *RD$52.00*.');
    expect(renderReply({ template: 'a.b', params: { price: 'RD$52.00' } }, templates, 'es')).toContain('¿Te lo reservo');
    expect(renderReply({ template: 'a.c', withoutQuestion: true }, templates, 'es')).toBe('Sin pregunta.');
  });
});

describe('the all-in-one opening end to end', () => {
  it('should price the order, start the lead without the formal-quote question, and push it with the goods', async () => {
    const { tenant, brain } = await loadDemo();
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const sender = 'talk10-pedro';
    const first = replyText(await sayTo(host, sender, 'Buenas, le escribe Pedro Santana de Ferremax SRL, ocupo 150 blocks de 6 y 40 sacos de cemento, mi email pedro@ferremax.do'));
    expect(first).toContain('RD$34,000.00');
    expect(first).not.toContain('cotización formal');
    expect(first).toMatch(/asesor te contacta/);
    await sayTo(host, sender, 'medio');
    const done = replyText(await sayTo(host, sender, 'si'));
    expect(done).toMatch(/L-\d+/);
    expect(await tickets.list('ferreteria')).toEqual([]);
  });
});
