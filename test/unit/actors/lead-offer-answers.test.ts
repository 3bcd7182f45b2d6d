import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText as texts, sayTo as say } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

type Ctx = { lead: { status: string; draft: Record<string, { value: unknown } | undefined> } };

/**
 * "¿Quieres que un asesor te prepare una cotización?" is often answered with what the form needs
 * instead of "sí". A clerk takes that as a yes and keeps what was said; before, the offer was
 * dropped ("Hi, John!") and asked again and again.
 */
describe('the sales-lead offer answered with data (rule brain, real machine)', () => {
  const offers: [string, string][] = [
    ['hi, I would like to talk to sales about supplying our hotel renovation in Punta Cana', 'en'],
    ['quisiera hablar con ventas sobre suplir la remodelación de nuestro hotel en punta cana', 'es'],
    // ("can someone from sales contact me?" asks the sales side by name: the form starts at once, leads4.)
    ["we're building a warehouse, do you work with contractors?", 'en'],
  ];

  it('should make sure the opening messages are unsure leads (the offer is asked)', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    for (const [i, [text]] of offers.entries()) {
      const r = await say(host, `offer-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(texts(r), text).toMatch(/cotizaci[oó]n|quote/);
    }
  });

  it('should start the form on a name, an e-mail or the lead asked again, and keep the data', async () => {
    const answers: [number, string, string, unknown][] = [
      [0, 'John Miller', 'name', 'John Miller'],
      [1, 'Juan Pérez', 'name', 'Juan Pérez'],
      [1, 'mi correo es jp@hotelmar.com', 'email', 'jp@hotelmar.com'],
      [2, 'john.miller@bluereef.com', 'email', 'john.miller@bluereef.com'],
      [0, 'my name is Ana Ruiz, from Blue Reef Hotels', 'name', 'Ana Ruiz'],
    ];
    for (const [i, [offer, answer, field, value]] of answers.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      await say(host, `data-${i}`, offers[offer]![0]);
      const r = await say(host, `data-${i}`, answer);
      expect(r.state.value, answer).toBe('workflow.form.collecting.waiting');
      const ctx = r.state.context as unknown as Ctx;
      expect(ctx.lead.status, answer).toBe('collecting');
      expect(ctx.lead.draft[field]?.value, answer).toBe(value);
      // The next question is about what is still missing, not the field just given.
      expect(texts(r), answer).not.toMatch(field === 'name' ? /nombre completo|full name/ : /correo electr[oó]nico|email address/);
    }
  });

  it('should answer another question, or a no, without starting the form', async () => {
    const others: [string, RegExp][] = [
      ['how much is the cement?', /RD\$/],
      ['cuánto cuesta el cemento gris?', /RD\$/],
      ['no gracias', /.+/],
      ['no, I just want the store hours', /\d/],
    ];
    for (const [i, [text, answer]] of others.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      await say(host, `other-${i}`, offers[i % 2 === 0 ? 2 : 1]![0]);
      const r = await say(host, `other-${i}`, text);
      const ctx = r.state.context as unknown as Ctx;
      expect(ctx.lead.status, text).toBe('none');
      expect(r.state.value, text).not.toMatch(/^workflow/);
      expect(texts(r), text).toMatch(answer);
    }
  });

  it('should read a bare area answer that names goods as sales', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const sender = 'area-goods';
    await say(host, sender, 'Hola, soy Marta Peña de Constructora del Este. Queremos un suplidor fijo para nuestros proyectos');
    await say(host, sender, 'marta@constructoradeleste.com');
    const r = await say(host, sender, 'materiales de construccion');
    expect((r.state.context as unknown as Ctx).lead.draft.interest_area?.value).toBe('Ventas');
  });
});
