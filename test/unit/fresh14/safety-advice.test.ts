import { describe, expect, it } from 'vitest';
import { safetyDangerOf } from '../../../src/machines/safety-advice.js';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';

describe('safetyDangerOf: the danger a critical message tells', () => {
  it.each([
    ['compré un regulador de gas ayer y ahora huele a gas en la cocina', 'gas'],
    ['hay un olor a gas fuerte desde que pusimos la manguera', 'gas'],
    ['I think the regulator is leaking gas', 'gas'],
    ['it smells like gas in my kitchen', 'gas'],
    ['a mi esposo le dio corriente el breaker', 'electric'],
    ['my husband got a shock from the breaker box, he is hurt', 'electric'],
    ['el breaker está echando chispas y hay humo', 'fire'],
    ['the extension cord is sparking', 'fire'],
    ['me corté con la segueta y estoy sangrando', 'injury'],
    ['my son is hurt, the ladder broke', 'injury'],
  ] as const)('%s → %s', (text, danger) => {
    expect(safetyDangerOf(text)).toBe(danger);
  });

  it.each(['los voy a demandar', 'me estafaron con la tarjeta', 'tienen regulador de gas?', 'cuánto cuesta el cilindro de gas de 25 libras', 'me robaron en el parqueo'])(
    'no danger advice for "%s" (a threat, fraud or a product named)',
    (text) => {
      expect(safetyDangerOf(text)).toBeNull();
    },
  );

  it('tells the agent which danger and that the customer got the advice', () => {
    const summary = summarizeConversation({
      reason: 'critical',
      transcript: [],
      context: {},
      trigger: { messageId: 'm1', text: 'compré un regulador de gas ayer y ahora huele a gas' },
      summaryLang: 'es',
    });
    expect(summary).toContain('Riesgo: olor o fuga de gas');
    expect(summary).toContain('911');
    expect(summarizeConversation({ reason: 'critical', transcript: [], context: {}, trigger: { messageId: 'm1', text: 'los voy a demandar' }, summaryLang: 'es' })).not.toContain('Riesgo');
    expect(summarizeConversation({ reason: 'customer_request', transcript: [], context: {}, trigger: { messageId: 'm1', text: 'huele a gas, quiero una persona' }, summaryLang: 'es' })).not.toContain('Riesgo');
  });
});
