import { describe, expect, it } from 'vitest';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const line = (seq: number, author: 'customer' | 'bot', text: string): TranscriptEntry => ({
  seq,
  messageId: `m${seq}`,
  direction: author === 'customer' ? 'in' : 'out',
  author,
  channel: 'web',
  text,
  at: '2026-12-03T15:00:00.000Z',
});

describe('summarizeConversation (the ticket summary an agent reads first)', () => {
  it('should carry the message that triggered a handoff on the very first turn, and who the customer said they are', () => {
    const summary = summarizeConversation({
      reason: 'customer_request',
      transcript: [],
      context: {},
      trigger: { messageId: 'w1', text: 'Hola, me llamo Carla Peña. Quiero hablar con una persona, por favor' },
    });
    expect(summary).toContain('Cliente: Carla Peña.');
    expect(summary).toContain('Mensajes en la conversación: 1.');
    expect(summary).toContain('- "Hola, me llamo Carla Peña. Quiero hablar con una persona, por favor"');
  });

  it('should not count the trigger twice when it is already in the transcript', () => {
    const transcript = [line(1, 'customer', 'tienen cemento?'), line(2, 'bot', 'Sí, RD$655'), line(3, 'customer', 'quiero hablar con alguien, mi correo es ana@example.com')];
    const summary = summarizeConversation({ reason: 'customer_request', transcript, context: {}, trigger: { messageId: 'm3', text: transcript[2]!.text } });
    expect(summary).toContain('Mensajes en la conversación: 3.');
    expect(summary).toContain('ana@example.com');
    expect(summary.match(/quiero hablar con alguien/g)).toHaveLength(1);
  });

  it('should prefer the lead draft over what the messages say', () => {
    const summary = summarizeConversation({
      reason: 'complaint',
      transcript: [line(1, 'customer', 'soy Pedro')],
      context: { lead: { draft: { name: { value: 'Pedro Almonte' } } } },
      trigger: { messageId: 'w2', text: 'el saco llegó roto' },
    });
    expect(summary).toContain('Cliente: Pedro Almonte.');
    expect(summary).toContain('- "el saco llegó roto"');
  });

  it('should stay in the agents\' Spanish for an English conversation, keep the customer\'s words and say to answer in English', () => {
    const transcript = [line(1, 'customer', "Hi, I'm John Smith"), line(2, 'bot', 'Hi, John!'), line(3, 'customer', 'the bag of cement arrived broken, my email is john@smith.com')];
    const summary = summarizeConversation({ reason: 'complaint', transcript, context: {}, trigger: { messageId: 'w4', text: 'I want to talk to a person' }, lang: 'en' });
    expect(summary.split('\n').slice(0, 3)).toEqual(['Motivo: Queja del cliente.', 'Idioma del cliente: inglés (respóndele en inglés).', 'Cliente: John Smith · john@smith.com.']);
    expect(summary).toContain('- "the bag of cement arrived broken, my email is john@smith.com"');
    expect(summary).toContain('- "I want to talk to a person"');
    expect(summary).toContain('Mensajes en la conversación: 4.');
  });

  it('should not add a language line to a Spanish conversation', () => {
    const summary = summarizeConversation({ reason: 'customer_request', transcript: [], context: {}, trigger: { messageId: 'w1', text: 'quiero hablar con alguien' }, lang: 'es' });
    expect(summary).not.toContain('Idioma');
  });
});

