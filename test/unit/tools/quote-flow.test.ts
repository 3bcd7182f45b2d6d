import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

interface Turn {
  text: string;
  ticket: string | null;
}

/** A whole conversation through the real host; each turn's replies and the quote ticket opened so far. */
async function chat(sender: string, ...messages: string[]): Promise<Turn[]> {
  const { host } = createMemoryHost({ tenant, brain });
  const out: Turn[] = [];
  try {
    for (const text of messages) {
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text });
      const said = turn.replies.map((r) => r.text).join('\n---\n');
      out.push({ text: said, ticket: /\bT-\d{6}\b/.exec(said)?.[0] ?? null });
    }
  } finally {
    await host.close();
  }
  return out;
}

describe('quote flow › a list is an estimate, the formal quote is offered', () => {
  it('should price each line and the total, then ask before opening a ticket', async () => {
    const [estimate] = await chat('qf-1', 'cuánto me sale 4 sacos de cemento gris y 3 galones de thinner');
    expect(estimate!.text).toContain('4 x *Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: RD$655.00 c/u = *RD$2,620.00*');
    expect(estimate!.text).toContain('3 x *Thinner (galón)*: RD$650.00 c/u = *RD$1,950.00*');
    expect(estimate!.text).toContain('*RD$4,570.00*');
    expect(estimate!.text).toContain('¿Te preparo la cotización formal?');
    expect(estimate!.ticket).toBeNull();
  });

  it.each(['sí, por favor', 'dale, hazla', 'mándenmela', '1'])('should open the quote ticket on "%s"', async (yes) => {
    const [, answer] = await chat(`qf-yes-${yes}`, 'precio de 10 blocks de 6 y 2 sacos de cemento gris', yes);
    expect(answer!.ticket).toMatch(/^T-\d{6}$/);
  });

  it.each(['no, gracias', 'nah, solo estaba viendo precios', '2'])('should open no ticket on "%s" and go on', async (no) => {
    const [, answer, next] = await chat(`qf-no-${no}`, 'precio de 10 blocks de 6 y 2 sacos de cemento gris', no, 'y a qué hora abren?');
    expect(answer!.ticket).toBeNull();
    expect(answer!.text).toContain('no preparo la cotización');
    expect(next!.text).not.toMatch(/T-\d{6}/);
  });

  // Whom the quote is for, instead of a "yes": a clerk writes it down and prepares the quote.
  it.each([
    ['Ana Pérez, ana@correo.com', { name: 'Ana Pérez', email: 'ana@correo.com' }],
    ['a nombre de Constructora Báez', { company_name: 'Constructora Báez' }],
    ['me llamo Luis Gómez, mi correo es luis@gomez.do', { name: 'Luis Gómez', email: 'luis@gomez.do' }],
    ['Pedro Mejía', { name: 'Pedro Mejía' }],
  ])('should take "%s" as a yes to the offer and keep the contact data', async (answer, kept) => {
    const { host } = createMemoryHost({ tenant, brain });
    try {
      const sender = `qf-contact-${answer.length}`;
      await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text: 'precio de 10 blocks de 6 y 2 sacos de cemento gris' });
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text: answer });
      expect(turn.replies.map((r) => r.text).join('\n')).toMatch(/T-\d{6}/);
      const draft = (turn.state.context as { lead: { draft: Record<string, { value: string }> } }).lead.draft;
      expect(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.value]))).toEqual(kept);
    } finally {
      await host.close();
    }
  });

  it.each(["John Smith, john@smith.com", "it's for Blue Reef Construction, my name is Tom Baker"])('should take "%s" as a yes in English too', async (answer) => {
    const [, reply] = await chat(`qf-contact-en-${answer.length}`, 'how much for 5 bags of grey cement and 2 paint rollers', answer);
    expect(reply!.ticket).toMatch(/^T-\d{6}$/);
    expect(reply!.text).toContain('sales team');
  });

  it('should not take contact data inside another sure request for the offer', async () => {
    const [, other] = await chat('qf-contact-other', 'precio de 10 blocks de 6 y 2 sacos de cemento gris', 'soy Ana Pérez, quiero hablar con una persona');
    expect(other!.text).not.toContain('cotización al equipo de ventas');
  });

  it('should do the same in English', async () => {
    const [estimate, answer] = await chat('qf-en', 'how much for 5 bags of grey cement and 2 paint rollers', 'sure, go ahead');
    expect(estimate!.text).toContain('Shall I prepare the formal quote?');
    expect(estimate!.text).toContain('*RD$3,865.00*');
    expect(answer!.ticket).toMatch(/^T-\d{6}$/);
  });

  it('should ask the offer again under a store answer, once, and not take a "sí" said two topics later', async () => {
    const [, hours, yes] = await chat('qf-again', 'precio de 10 blocks de 6 y 2 sacos de cemento gris', 'a qué hora abren?', 'sí');
    expect(hours!.text).toContain('cotización formal');
    expect(yes!.ticket).toMatch(/^T-\d{6}$/);
    const turns = await chat('qf-late', 'precio de 10 blocks de 6 y 2 sacos de cemento gris', 'a qué hora abren?', '¿y dónde quedan?', 'sí');
    expect(turns.map((t) => t.ticket)).toEqual([null, null, null, null]);
  });
});

describe('quote flow › adding to the estimate on offer', () => {
  it('should add new lines to the estimate and open the ticket for the whole list on a yes', async () => {
    const [, added, yes] = await chat('qf-add', 'precio de 10 blocks de 6 y 2 sacos de cemento gris', 'añádele 3 galones de thinner', 'dale');
    expect(added!.text).toContain('10 x *Block de Hormigón 6" (unidad)*');
    expect(added!.text).toContain('3 x *Thinner (galón)*');
    // 520 + 1,310 + 1,950
    expect(added!.text).toContain('*RD$3,780.00*');
    expect(added!.text).toContain('¿Te preparo la cotización formal?');
    expect(yes!.ticket).toMatch(/^T-\d{6}$/);
  });

  it('should answer a plain price question after an estimate on its own, not as part of it', async () => {
    const [, price] = await chat('qf-other', 'precio de 10 blocks de 6 y 2 sacos de cemento gris', 'cuánto cuesta el martillo truper?');
    expect(price!.text).toContain('Martillo de Uña 16 oz Truper');
    expect(price!.text).not.toContain('Block de Hormigón');
  });
});

describe('quote flow › a formal quote request opens the ticket at once', () => {
  it.each([
    'quiero una cotización de 20 sacos de cemento gris y 100 blocks de 6',
    'me pueden hacer un presupuesto: 20 sacos de cemento gris, 100 blocks de 6',
    'I need a quote for 20 bags of grey cement and 100 six inch blocks',
  ])('should estimate and open the ticket for "%s"', async (text) => {
    const [answer] = await chat(`qf-formal-${text.length}`, text);
    expect(answer!.text).toContain('13,100');
    expect(answer!.text).toContain('5,200');
    expect(answer!.ticket).toMatch(/^T-\d{6}$/);
  });

  it('should name the items the store does not carry and quote the rest', async () => {
    const [es] = await chat('qf-missing', 'cotízame 3 sacos de cemento gris, 2 piscinas y 1 trampolín');
    expect(es!.text).toContain('No tenemos: *piscinas, trampolín*');
    expect(es!.text).toContain('*RD$1,965.00*');
    const [en] = await chat('qf-missing-en', 'price for 3 bags of grey cement and 2 hot tubs');
    expect(en!.text).toContain("We don't carry: *hot tubs*");
  });

  it('should keep a single item with a quantity a price, not a ticket', async () => {
    const [answer] = await chat('qf-single', 'cuánto cuestan 12 varillas de 3/8');
    expect(answer!.text).toContain('12 × RD$265.00 = *RD$3,180.00*');
    expect(answer!.ticket).toBeNull();
  });
});
