import { describe, expect, it } from 'vitest';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';
import { caseBrief } from '../../../web-console/src/strings.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const said = (seq: number, text: string): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: 'in', author: 'customer', channel: 'web', text, at: '2026-12-07T16:00:00.000Z' });

describe('the case strip over the thread', () => {
  it('should carry the head of a real ticket summary (reason, customer, topics, whom to call), not the message count or quoted lines', () => {
    const summary = summarizeConversation({
      reason: 'customer_request',
      callBack: true,
      transcript: [said(1, 'me pueden llamar? mi cel es 829 444 7788, soy Pedro')],
      context: { contact: { name: 'Pedro' } },
    });
    const brief = caseBrief(summary)!;
    expect(brief).toContain('Pedro');
    expect(brief).toMatch(/7788/);
    expect(brief).not.toMatch(/Mensajes en la conversación|Últimos mensajes/);
    expect(brief).not.toContain('"');
    expect(brief.split(' · ').length).toBeGreaterThan(1);
  });

  it('should leave out a quote’s item lines and cut a long head with an ellipsis', () => {
    const summary = 'Motivo: Cotización de varios artículos.\nCotización:\n- 30 x Cemento Gris (CEM-001) a RD$655.00\n- 10 x Varilla 1/2 a RD$465.00\nTemas: cotización.\nMensajes en la conversación: 1.';
    expect(caseBrief(summary)).toBe('Motivo: Cotización de varios artículos · Temas: cotización');
    expect(caseBrief(`Motivo: ${'x'.repeat(400)}`, 50)).toHaveLength(50);
    expect(caseBrief(null)).toBeNull();
    expect(caseBrief('Mensajes en la conversación: 3.')).toBeNull();
  });
});
