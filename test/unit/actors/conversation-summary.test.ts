import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createMemoryHost } from '../../helpers/memory-host.js';
import { agentLangOf, intentTopic, summarizeConversation } from '../../../src/actors/conversation-summary.js';
import { TENANT_SETTINGS } from '../../../src/persistence/tenant-schemas.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { INTENTS } from '../../../src/domain/intents.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const line = (seq: number, author: 'customer' | 'bot', text: string, intent?: string): TranscriptEntry => ({
  seq,
  messageId: `m${seq}`,
  direction: author === 'customer' ? 'in' : 'out',
  author,
  channel: 'web',
  text,
  at: '2026-12-03T15:00:00.000Z',
  ...(intent !== undefined ? { intent } : {}),
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

  it('should give the request under way (need, area, urgency, its phone) when a person is asked for in the middle of it', () => {
    const draft = {
      name: { value: 'Ana Pérez' },
      phone_or_username: { value: '+18095550011' },
      company_name: { value: 'Constructora Bávaro' },
      interest_area: { value: 'Ventas' },
      problem_statement: { value: 'necesitamos 500 sacos de cemento' },
      urgency_level: { value: 'Alto' },
    };
    const summary = summarizeConversation({ reason: 'customer_request', transcript: [line(1, 'customer', 'quiero cotizar')], context: { lead: { status: 'collecting', draft } }, trigger: { messageId: 'w3', text: 'mejor pásame con una persona' } });
    expect(summary).toContain('Cliente: Ana Pérez · Constructora Bávaro · +18095550011.');
    expect(summary).toContain('Solicitud en curso: "necesitamos 500 sacos de cemento" · Área: Ventas · Urgencia: Alto.');
    // A request already sent is the CRM's: a later case does not repeat it.
    const later = summarizeConversation({ reason: 'complaint', transcript: [], context: { lead: { status: 'submitted', draft } }, trigger: { messageId: 'w4', text: 'el saco llegó roto' } });
    expect(later).not.toContain('Solicitud en curso');
    expect(later).not.toContain('+18095550011');
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

  it('should name the topics in words, never intent ids, for every intent the brain can read', () => {
    const transcript = [
      line(1, 'customer', 'a cómo está el cemento?'),
      line(2, 'bot', 'RD$655 el saco', 'price_quote'),
      line(3, 'customer', 'tienen varilla?'),
      line(4, 'bot', 'Sí', 'product_inquiry'),
      line(5, 'customer', 'y el carro?'),
      line(6, 'bot', 'No vendemos carros', 'out_of_scope'),
      line(7, 'bot', 'Otra vez', 'price_quote'),
    ];
    const summary = summarizeConversation({ reason: 'customer_request', transcript, context: {} });
    expect(summary).toContain('Temas: cotización, consulta de producto, fuera de alcance.');
    for (const intent of INTENTS) {
      const es = summarizeConversation({ reason: 'customer_request', transcript: [line(1, 'bot', 'x', intent)], context: {} });
      expect(es, intent).not.toMatch(new RegExp(`Temas:.*\\b${intent}\\b`));
      expect(intentTopic(intent, 'es'), intent).not.toMatch(/_/);
      expect(intentTopic(intent, 'en'), intent).not.toMatch(/_/);
    }
  });

  it('should write the whole summary in English when the agents read English, topics included', () => {
    const transcript = [line(1, 'customer', 'cuánto vale el cemento?'), line(2, 'bot', 'RD$655', 'price_quote'), line(3, 'bot', 'ok', 'out_of_scope')];
    const summary = summarizeConversation({ reason: 'complaint', transcript, context: {}, lang: 'es', summaryLang: 'en' });
    expect(summary.split('\n')).toEqual([
      'Reason: Customer complaint.',
      "Customer's language: Spanish (answer in Spanish).",
      'Topics: price quote, out of scope.',
      'Messages in the conversation: 3.',
      "The customer's last messages:",
      '- "cuánto vale el cemento?"',
    ]);
  });

  it('should show a tenant\'s own intent labels as words', () => {
    const transcript = [line(1, 'bot', 'Hola', 'saludo'), line(2, 'bot', 'Paquetes…', 'consultar_paquetes'), line(3, 'bot', 'Te paso', 'human_agent')];
    const summary = summarizeConversation({ reason: 'customer_request', transcript, context: {} });
    expect(summary).toContain('Temas: saludo, consultar paquetes, pidió hablar con una persona.');
  });

  it('should record a tenant\'s own label on the transcript (what the summary\'s topics read), not the behaviour behind it', async () => {
    const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/estudio', import.meta.url)));
    const brain = createRuleBrain({ tenant });
    const { host, transcripts } = createMemoryHost({ tenant, brain });
    const turn = await host.handleMessage({ tenantId: 'estudio', channel: 'rest', senderId: 's1', text: 'hola, buenas' });
    const lines = await transcripts.list({ tenantId: 'estudio', conversationId: turn.conversationId }, {});
    expect(lines.filter((l) => l.author === 'bot').map((l) => l.intent)).toEqual(['saludo']);
  });
});

describe("the agents' language (tenant.json console.lang): which language ticket summaries are written in", () => {
  const base = { id: 't', displayName: 'T', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP' } as const;

  it("should follow console.lang, else the tenant's default language", () => {
    expect(agentLangOf({ defaultLang: 'es', console: { lang: 'en' } })).toBe('en');
    expect(agentLangOf({ defaultLang: 'es', console: { slaSeconds: 120 } })).toBe('es');
    expect(agentLangOf({ defaultLang: 'en' })).toBe('en');
    expect(agentLangOf({ defaultLang: 'en', console: { lang: 'es' } })).toBe('es');
  });

  it('should accept es and en, alone or with the SLA, and refuse any other language', () => {
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { lang: 'en' } }).success).toBe(true);
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { slaSeconds: 300, lang: 'es' } }).success).toBe(true);
    for (const bad of ['fr', 'EN', 'english', 1]) expect(TENANT_SETTINGS.safeParse({ ...base, console: { lang: bad } }).success, String(bad)).toBe(false);
  });

  const handoffSummary = async (tenant: TenantData, texts: string[]): Promise<string> => {
    const brain = createRuleBrain({ tenant });
    const { host, tickets } = createMemoryHost({ tenant, brain });
    for (const text of texts) await host.handleMessage({ tenantId: tenant.settings.id, channel: 'rest', senderId: 'agents-lang', text });
    const opened = await tickets.list(tenant.settings.id);
    expect(opened).toHaveLength(1);
    return opened[0]!.summary;
  };

  it("should write a handoff ticket's summary in English for a tenant whose agents read English, whatever the customer writes", async () => {
    const ferreteria = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
    const english = { ...ferreteria, settings: { ...ferreteria.settings, console: { ...ferreteria.settings.console, lang: 'en' as const } } };
    const summary = await handoffSummary(english, ['tienen cemento gris?', 'quiero hablar con una persona, por favor']);
    expect(summary).toMatch(/^Reason: The customer asked to talk to a person\./);
    expect(summary).toContain("Customer's language: Spanish (answer in Spanish).");
    expect(summary).toContain('Topics: ');
    expect(summary).not.toMatch(/Motivo|Temas|Cliente/);
    // The customer's own words stay as they wrote them.
    expect(summary).toContain('- "quiero hablar con una persona, por favor"');
  });

  it("should keep the ferretería's summaries in Spanish, for a customer who writes English too", async () => {
    const ferreteria = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
    expect(agentLangOf(ferreteria.settings)).toBe('es');
    const summary = await handoffSummary(ferreteria, ['I want to talk to a real person please']);
    expect(summary).toMatch(/^Motivo: El cliente pidió hablar con una persona\./);
    expect(summary).toContain('Idioma del cliente: inglés (respóndele en inglés).');
  });
});
