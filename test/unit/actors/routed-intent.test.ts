import { describe, expect, it } from 'vitest';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

/**
 * The intent a turn records is the one the routing acted on (`context.routedIntent`), not the
 * classifier's raw reading: the ticket summary's "Temas", the transcript lines' intent and (in
 * test/unit/analytics) the analytics counts read it. Real host, real machine, rule brain, tools.
 */
describe('the intent the bot acted on, as the agents and the transcript see it', () => {
  const WHATSAPP = '18095551234';

  async function talk(messages: string[], channel = 'whatsapp') {
    const { tenant, brain } = await loadDemo();
    const made = createMemoryHost({ tenant, brain });
    let conversationId = '';
    for (const text of messages) conversationId = (await made.host.handleMessage({ tenantId: 'ferreteria', channel, senderId: WHATSAPP, text })).conversationId;
    return { ...made, conversationId };
  }

  async function ticketSummary(made: { tickets: { list(t: string): Promise<{ summary: string }[]> }; host: ConversationHost }): Promise<string> {
    const opened = await made.tickets.list('ferreteria');
    expect(opened).toHaveLength(1);
    await made.host.close();
    return opened[0]!.summary;
  }

  /** The intent on each bot line, per customer message, in order. */
  async function lineIntents(made: Awaited<ReturnType<typeof talk>>): Promise<(string | null)[]> {
    const lines = await made.transcripts.list({ tenantId: 'ferreteria', conversationId: made.conversationId }, {});
    const out: (string | null)[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.direction !== 'in') continue;
      const reply = lines.slice(i + 1).find((l) => l.direction === 'out' || l.direction === 'in');
      out.push(reply && reply.direction === 'out' ? (reply.intent ?? null) : null);
    }
    return out;
  }

  it('should list a product follow-up read as a complaint and a quantity read out of scope as the product question they were answered as', async () => {
    const made = await talk(['tienen cemento blanco?', 'y el normal?', 'dame 20 de ese', 'prefiero que me llamen']);
    // The classifier reads "y el normal?" as a complaint (0.45) and "dame 20 de ese" out of scope.
    expect(await lineIntents(made)).toEqual(['product_inquiry', 'product_inquiry', 'product_inquiry', 'human_agent']);
    const summary = await ticketSummary(made);
    expect(summary).toMatch(/^Motivo: El cliente pidió que lo llamen\./);
    expect(summary).toContain('Temas: consulta de producto, pidió hablar con una persona.');
    expect(summary).not.toMatch(/queja|fuera de alcance/);
  });

  it('should keep a real complaint a complaint, the message that opens the ticket included', async () => {
    const made = await talk(['me vendieron un taladro dañado y nadie me resuelve, quiero poner una queja']);
    const summary = await ticketSummary(made);
    expect(summary).toMatch(/^Motivo: Queja del cliente\./);
    expect(summary).toContain('Temas: queja.');
  });

  it('should keep a complaint confirmed after "¿Te paso con una persona?" a complaint, its words listed once', async () => {
    const made = await talk(['no me gustó', 'sí, con una persona']);
    const summary = await ticketSummary(made);
    expect(summary).toMatch(/^Motivo: Queja del cliente\./);
    expect(summary).toContain('Temas: queja.');
    expect(summary.match(/- "no me gustó"/g)).toHaveLength(1);
  });

  it('should say a person was asked for, after the greeting', async () => {
    const made = await talk(['hola', 'quiero hablar con una persona']);
    const summary = await ticketSummary(made);
    expect(summary).toContain('Temas: saludo, pidió hablar con una persona.');
  });

  it("should count a lead's answers as the lead, not as the greeting a bare name reads as", async () => {
    const made = await talk(['necesito una cotización para mi empresa constructora, compramos al por mayor', 'Juan Pérez', 'quiero hablar con una persona']);
    expect(await lineIntents(made)).toEqual(['sales_lead', 'sales_lead', 'human_agent']);
    const summary = await ticketSummary(made);
    expect(summary).toContain('Temas: solicitud comercial, pidió hablar con una persona.');
    expect(summary).not.toContain('saludo');
  });

  it('should name no topic for messages the bot could not act on', async () => {
    const made = await talk(['blorf zzkt', 'blorf zzkt qwyx', 'qwyx blorf']);
    expect(await lineIntents(made)).toEqual([null, null, null]);
    const summary = await ticketSummary(made);
    expect(summary).toMatch(/^Motivo: El asistente no entendió/);
    expect(summary).not.toContain('Temas');
  });

  it('should give no intent to a rating or to what the bot says after it (the last reading is not this message)', async () => {
    const made = await talk(['me vendieron un taladro dañado y nadie me resuelve, quiero poner una queja']);
    await made.host.resolveHandoff('ferreteria', made.conversationId, 'María', 'resuelto');
    await made.host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: WHATSAPP, text: '5' });
    const context = made.host.contextOf('ferreteria', made.conversationId) as { routedIntent: unknown };
    expect(context.routedIntent).toBeNull();
    const intents = await lineIntents(made);
    expect(intents).toEqual(['complaint', null]);
    await made.host.close();
  });
});
