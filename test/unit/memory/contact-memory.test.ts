import { describe, expect, it } from 'vitest';
import { firstNameOf, profilePatchFromContext, returningGreeting, summarizeForContext } from '../../../src/actors/memory/contact-memory.js';
import type { TranscriptEntry } from '../../../src/persistence/transcript-store.js';

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
    expect(patch).toEqual({ displayName: 'María Pérez', email: 'maria.perez@ejemplo.com.do', phone: '8095551234', company: 'Colmado La Esquina', language: 'es' });
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
    expect(bounded.summary).toContain('Topics: product_inquiry ×2, price_quote.');
    expect(bounded.summary).toContain('First request: "Hola, ¿tienen cemento gris?"');
    expect(bounded.summary).toContain('Latest earlier request: "Quiero una cotización para 40 fundas');
    // The summary never copies a long message whole.
    expect(bounded.summary).not.toContain('x'.repeat(200));
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
