import { describe, expect, it } from 'vitest';
import { returningGreeting, summarizeForContext } from '../../../src/actors/memory/contact-memory.js';
import { confirmedLeadIn } from '../../../src/actors/memory/contact-memory-port.js';
import { firstNameOf, profilePatchFromContext } from '../../../src/persistence/ports/contact-memory.js';
import { createMemoryContactMemoryPort } from '../../../src/persistence/memory/memory-contact-memory.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

function entry(seq: number, author: TranscriptEntry['author'], text: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return {
    seq,
    messageId: `m-${seq}`,
    direction: author === 'customer' ? 'in' : 'out',
    author,
    channel: 'web',
    text,
    at: new Date(Date.UTC(2026, 10, 1 + Math.floor(seq / 10), 12, seq % 60)).toISOString(),
    ...extra,
  };
}

describe('profilePatchFromContext', () => {
  it('should take name, email, phone, company and language from the lead draft', () => {
    const patch = profilePatchFromContext({
      lang: 'es',
      lead: {
        draft: {
          name: { value: '  María   Pérez ' },
          email: { value: 'Maria.Perez@Ejemplo.com.do' },
          phone_or_username: { value: '(809) 555-1234' },
          company_name: { value: 'Colmado La Esquina' },
        },
      },
    });
    expect(patch).toEqual({ displayName: 'María Pérez', email: 'maria.perez@ejemplo.com.do', phone: '+18095551234', company: 'Colmado La Esquina', language: 'es' });
  });

  it('should never clear a known value: declined, empty or invalid fields are left out', () => {
    const patch = profilePatchFromContext({
      lang: 'fr',
      lead: { draft: { name: { value: null }, email: { value: 'no-es-un-correo' }, company_name: { value: '   ' }, phone_or_username: { value: '@maria' } } },
    });
    expect(patch).toEqual({});
  });

  it('should fall back to the channel phone (WhatsApp number) when the draft has none', () => {
    expect(profilePatchFromContext({ lang: 'en', lead: null }, { channelPhone: '+1 809 555 0000' })).toEqual({ phone: '+18095550000', language: 'en' });
  });
});

describe('firstNameOf', () => {
  it('should return the first word that is a name, skipping titles', () => {
    expect(firstNameOf('María José Pérez')).toBe('María');
    expect(firstNameOf('Dr. Luis Gómez')).toBe('Luis');
    expect(firstNameOf('  ')).toBeUndefined();
    expect(firstNameOf(null)).toBeUndefined();
    expect(firstNameOf('12345')).toBeUndefined();
  });
});

describe('returningGreeting', () => {
  it('should greet by name and mention the open ticket before an open lead, with "tú" in Spanish', () => {
    const text = returningGreeting({ firstName: 'Ana', openTicket: { number: 'T-000042', kind: 'handoff' }, openLead: { leadId: 'L-000007', status: 'submitted' } }, 'es');
    expect(text).toBe('¡Hola de nuevo, Ana! Tu caso T-000042 sigue abierto y nuestro equipo lo está atendiendo. ¿En qué te puedo ayudar hoy?');
    expect(text).not.toMatch(/usted/i);
  });

  it('should mention an open lead in English and say nothing for a stranger', () => {
    expect(returningGreeting({ openLead: { leadId: 'L-000007', status: 'submitted' } }, 'en')).toBe(
      'Welcome back! We already have your request L-000007; an advisor will contact you soon. How can I help you today?',
    );
    expect(returningGreeting({ summary: 'Earlier: 2 messages' }, 'es')).toBeNull();
  });
});

describe('summarizeForContext', () => {
  const transcript: TranscriptEntry[] = [
    entry(1, 'customer', 'Hola, ¿tienen cemento gris?', { intent: 'product_inquiry' }),
    entry(2, 'bot', 'Sí, tenemos cemento gris a RD$ 450.'),
    entry(3, 'customer', '¿Y varilla de 3/8?', { intent: 'product_inquiry' }),
    entry(4, 'bot', 'Sí, hay varilla.'),
    entry(5, 'customer', 'Quiero una cotización para 40 fundas ' + 'x'.repeat(300), { intent: 'price_quote' }),
    entry(6, 'agent', 'Le preparo la cotización.', { agentName: 'Carla' }),
    entry(7, 'customer', 'Gracias', { intent: 'goodbye' }),
    entry(8, 'bot', '¡A la orden!'),
  ];

  it('should keep the last N messages verbatim and summarise the rest', () => {
    const bounded = summarizeForContext(transcript, 3);
    expect(bounded.recent.map((e) => e.seq)).toEqual([6, 7, 8]);
    expect(bounded.omitted).toBe(5);
    expect(bounded.summary).toContain('Earlier: 5 messages (3 from the customer)');
    expect(bounded.summary).toContain('Topics: product question ×2, price quote.');
    // Never Hilo's intent ids: the model and the console read words.
    expect(bounded.summary).not.toMatch(/product_inquiry|price_quote/);
    expect(bounded.summary).toContain('First request: "Hola, ¿tienen cemento gris?"');
    expect(bounded.summary).toContain('Latest earlier request: "Quiero una cotización para 40 fundas');
    // The summary never copies a long message whole.
    expect(bounded.summary).not.toContain('x'.repeat(200));
  });

  it("should name a tenant's own intent label in words and count a label and a built-in intent with the same words as one topic", () => {
    const studio: TranscriptEntry[] = [
      entry(1, 'customer', '¿Qué paquetes tienen?', { intent: 'consultar_paquetes' }),
      entry(2, 'customer', 'Quiero hablar con alguien', { intent: 'human_agent' }),
      entry(3, 'customer', 'Con una persona', { intent: 'asked_for_a_person' }),
      entry(4, 'bot', 'Te paso con el equipo.'),
    ];
    const summary = summarizeForContext(studio, 1).summary!;
    expect(summary).toContain('Topics: asked for a person ×2, consultar paquetes.');
    expect(summary).not.toContain('_');
  });

  it('should mention a human agent only when one took part in the summarised part', () => {
    expect(summarizeForContext(transcript, 1).summary).toContain('A human agent took part (Carla).');
    expect(summarizeForContext(transcript, 3).summary).not.toContain('human agent');
  });

  it('should return everything and no summary when the transcript fits', () => {
    expect(summarizeForContext(transcript, 8)).toEqual({ recent: transcript, summary: null, omitted: 0 });
    expect(summarizeForContext([], 5)).toEqual({ recent: [], summary: null, omitted: 0 });
  });

  it('should stay bounded however long the conversation is', () => {
    const long = Array.from({ length: 5_000 }, (_, i) => entry(i + 1, i % 2 === 0 ? 'customer' : 'bot', `mensaje ${i} ${'palabra '.repeat(50)}`, { intent: `intent_${i % 9}` }));
    const bounded = summarizeForContext(long, 20);
    expect(bounded.recent).toHaveLength(20);
    expect(bounded.omitted).toBe(4_980);
    expect(bounded.summary!.length).toBeLessThanOrEqual(800);
    expect(summarizeForContext(long, 0).recent).toEqual([]);
  });
});

describe('confirmedLeadIn', () => {
  const submitted = { lead: { status: 'submitted', leadId: 'L-000003', draft: {} } };
  it('should be true only on the turn a lead id appears', () => {
    expect(confirmedLeadIn({ lead: { status: 'confirming', leadId: null } }, submitted)).toBe(true);
    expect(confirmedLeadIn(submitted, submitted)).toBe(false);
    expect(confirmedLeadIn(null, { lead: { status: 'confirming', leadId: null } })).toBe(false);
    expect(confirmedLeadIn(submitted, { lead: { status: 'submitted', leadId: 'L-000004' } })).toBe(true);
  });
});

describe('in-memory contact memory port', () => {
  it('should remember the confirmed contact fields and the lead, and recall an open ticket of the thread', async () => {
    const tickets = createMemoryTicketStore({ clock: createManualClock() });
    const port = createMemoryContactMemoryPort({ tickets });
    expect(await port.recall('t', 'c1')).toBeNull();
    await port.remember('t', 'c1', { lang: 'en', lead: { status: 'submitted', leadId: 'L-000001', draft: { name: { value: 'Ana Gómez' }, email: { value: 'Ana@Gomez.do' }, company_name: { value: null } } } });
    await tickets.open({ tenantId: 't', conversationId: 'c1', kind: 'handoff', reason: 'customer_request', summary: 's', idempotencyKey: 'k1' });
    expect(await port.recall('t', 'c1')).toEqual({ name: 'Ana Gómez', email: 'ana@gomez.do', lang: 'en', openLead: 'L-000001', openTicket: 'T-000001' });
    expect(await port.recall('t', 'c2')).toBeNull();
    expect(await port.recall('other', 'c1')).toBeNull();
    port.forget('t', 'c1');
    expect(await port.recall('t', 'c1')).toEqual({ openTicket: 'T-000001' });
  });
});

describe('conversation host with contact memory', () => {
  it('should start a fresh conversation from the remembered profile: welcome back, then a lead that does not ask the known fields', async () => {
    const { tenant, brain } = await loadDemo();
    const memory = createMemoryContactMemoryPort();
    const { host } = createMemoryHost({ tenant, brain, host: { memory } });
    const id = await host.resolveConversation('ferreteria', 'rest', 'ana');
    await memory.remember('ferreteria', id, { lang: 'es', lead: { status: 'submitted', leadId: 'L-000009', draft: { name: { value: 'Ana Gómez' }, email: { value: 'ana@gomez.do' } } } });
    const hello = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'ana', text: 'hola' });
    const said = hello.replies.map((r) => r.text).join('\n');
    expect(said).toMatch(/Hola de nuevo, Ana/);
    expect(said).toContain('L-000009');
    const lead = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'ana', text: 'quiero cotizar materiales para una obra' });
    expect(lead.replies.map((r) => r.text).join('\n')).toMatch(/empresa/);
    const draft = (lead.state.context as { lead: { draft: Record<string, { value: string; sourceMessageId: string }> } }).lead.draft;
    expect(draft.name).toEqual({ value: 'Ana Gómez', sourceMessageId: 'contact-profile' });
    expect(draft.email?.value).toBe('ana@gomez.do');
    await host.close();
  });

  it('should write the profile once, on the turn the lead is confirmed', async () => {
    const { tenant, brain } = await loadDemo();
    const writes: string[] = [];
    const inner = createMemoryContactMemoryPort();
    const memory = { recall: inner.recall, remember: async (t: string, c: string, ctx: Parameters<typeof inner.remember>[2]) => {
      writes.push(ctx.lead?.leadId ?? '');
      await inner.remember(t, c, ctx);
    } };
    const { host } = createMemoryHost({ tenant, brain, host: { memory } });
    const say = (text: string) => host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'luis', text });
    for (const t of ['quiero cotizar un proyecto', 'Luis Peña', 'luis@pena.do', 'ninguna', 'ventas', 'techar una marquesina', 'no urge']) {
      await say(t);
      expect(writes).toEqual([]);
    }
    const done = await say('sí');
    expect(writes).toEqual([(done.state.context as { lead: { leadId: string } }).lead.leadId]);
    await say('gracias');
    expect(writes).toHaveLength(1);
    expect(await inner.recall('ferreteria', done.conversationId)).toMatchObject({ name: 'Luis Peña', email: 'luis@pena.do' });
    await host.close();
  });

  it('should answer as usual when the memory fails', async () => {
    const { tenant, brain } = await loadDemo();
    const memory = { recall: async () => Promise.reject(new Error('db down')), remember: async () => Promise.reject(new Error('db down')) };
    const { host } = createMemoryHost({ tenant, brain, host: { memory } });
    const out = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'x', text: 'hola' });
    expect(out.replies.map((r) => r.text).join('\n')).toMatch(/Bienvenido/);
    await host.close();
  });
});
