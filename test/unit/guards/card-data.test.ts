import { describe, expect, it } from 'vitest';
import { cardDataNotice, guardCardData, looksLikeCardScheme, luhnValid, maskCardData } from '../../../src/actors/guards/card-data.js';
import { loadDemo, createMemoryHost } from '../../helpers/memory-host.js';

const masked = (text: string) => maskCardData(text).text;

describe('luhnValid', () => {
  it('should accept the published test card numbers and refuse one digit off', () => {
    for (const n of ['4111111111111111', '5500000000000004', '378282246310005', '6011111111111117', '3530111333300000', '4222222222222', '6200000000000005']) expect(luhnValid(n), n).toBe(true);
    for (const n of ['4111111111111112', '5500000000000005', '378282246310006', '']) expect(luhnValid(n), n).toBe(false);
  });

  it('should tie schemes to their lengths', () => {
    expect(looksLikeCardScheme('4111111111111111')).toBe(true);
    expect(looksLikeCardScheme('378282246310005')).toBe(true);
    expect(looksLikeCardScheme('3782822463100059')).toBe(false); // Amex is 15 digits
    expect(looksLikeCardScheme('1234567812345670')).toBe(false);
    expect(looksLikeCardScheme('8095551234000')).toBe(false);
  });
});

describe('maskCardData', () => {
  it('should mask cards written together, in groups of four, with dashes or dots, and Amex 4-6-5', () => {
    expect(masked('4111111111111111')).toBe('**** **** **** 1111');
    expect(masked('mi tarjeta: 4111 1111 1111 1111.')).toBe('mi tarjeta: **** **** **** 1111.');
    expect(masked('5500-0000-0000-0004 por favor')).toBe('**** **** **** 0004 por favor');
    expect(masked('4111.1111.1111.1111')).toBe('**** **** **** 1111');
    expect(masked('amex 3782 822463 10005')).toBe('amex **** **** **** 0005');
    expect(masked('card 6011 1111 1111 1117 and 4222222222222')).toBe('card **** **** **** 1117 and **** **** **** 2222');
  });

  it('should mask the expiry and the security code next to a card', () => {
    expect(masked('visa 4111 1111 1111 1111 vence 08/27 cvv 123')).toBe('visa **** **** **** 1111 vence **/** cvv ***');
    expect(masked('4111111111111111 12/2028 4321')).toBe('**** **** **** 1111 **/** ****');
    expect(masked('card: 4111 1111 1111 1111, 123')).toBe('card: **** **** **** 1111, ***');
    expect(masked('5500000000000004 exp 1/29 código de seguridad: 999')).toBe('**** **** **** 0004 exp **/** código de seguridad: ***');
    // A card with its CVV run on as a fifth group: the card is found inside the run.
    expect(masked('4111 1111 1111 1111 123')).toBe('**** **** **** 1111 ***');
  });

  it('should leave phone numbers, cédulas, RNCs, account numbers, order ids, amounts and dates alone', () => {
    const untouched = [
      'llámame al 809-555-1234 o al +1 829 555 9876',
      'mi whatsapp es +18095551234',
      '8095551234 8295559876',
      'mi cédula es 001-1234567-8 y el RNC 1-30-12345-6',
      'cédula 40212345678',
      'cuenta 12345678, factura 00012345',
      'pedido 2026120300123',
      'tracking 1Z999AA10123456784',
      'orden #1234567890123456',
      'pagué RD$ 4,500.00 el 12/10 con la tarjeta',
      'necesito 16 sacos y 4 varillas, 1111 metros',
      'el código es 483920',
    ];
    for (const text of untouched) expect(maskCardData(text), text).toEqual({ text, cards: 0 });
  });

  it('should mask an unusual scheme only when card words are around', () => {
    // Luhn-valid 16 digits with no scheme prefix.
    expect(luhnValid('1234567812345670')).toBe(true);
    expect(masked('referencia 1234567812345670')).toBe('referencia 1234567812345670');
    expect(masked('el número de mi tarjeta es 1234567812345670')).toBe('el número de mi tarjeta es **** **** **** 5670');
  });

  it('should return the same message object when there is nothing to mask', () => {
    const m = { tenantId: 't', channel: 'web', senderId: 's', text: 'hola, ¿tienen cemento?' };
    expect(guardCardData(m)).toBe(m);
    expect(guardCardData({ ...m, text: 'pago con 4111111111111111' }).text).toBe('pago con **** **** **** 1111');
  });
});

describe('cardDataNotice', () => {
  it('should follow only a line with a masked card, in the customer\'s language or the tenant\'s template', () => {
    const none = { es: {}, en: {} };
    expect(cardDataNotice('hola', none, 'es')).toBeNull();
    expect(cardDataNotice('pago con **** **** **** 1111', none, 'es')).toEqual({ text: expect.stringContaining('Nunca envíes datos de tarjeta') });
    expect(cardDataNotice('pay with **** **** **** 1111', none, 'en')).toEqual({ text: expect.stringContaining('Never send card details') });
    expect(cardDataNotice('**** **** **** 1111', { es: { 'guard.card_data': 'x' }, en: { 'guard.card_data': 'y' } }, 'en')).toEqual({ template: 'guard.card_data' });
  });
});

describe('a customer turn with a card number', () => {
  it('should record only the masked line, warn first, and give the brain the masked text', async () => {
    const { tenant, brain } = await loadDemo();
    const read: string[] = [];
    const spy = { ...brain, understand: (input: Parameters<typeof brain.understand>[0]) => (read.push(input.text), brain.understand(input)) };
    const { host, transcripts } = createMemoryHost({ tenant, brain: spy });
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: '+18095550000', messageId: 'wamid.1', text: 'my card is 4111 1111 1111 1111 exp 08/27 cvv 123, how much is cement?' });
    expect(turn.inbound?.text).toBe('my card is **** **** **** 1111 exp **/** cvv ***, how much is cement?');
    const lines = await transcripts.list({ tenantId: 'ferreteria', conversationId: turn.conversationId }, {});
    expect(JSON.stringify(lines)).not.toMatch(/4111|08\/27|cvv 123/);
    expect(turn.replies[0]?.text).toContain('Never send card details');
    expect(turn.replies.length).toBeGreaterThan(1);
    expect(read).toEqual(['my card is **** **** **** 1111 exp **/** cvv ***, how much is cement?']);
  });
});

describe('card numbers written with the separators a phone or a copy-paste adds (harden16)', () => {
  it('should mask a card joined by no-break or double spaces, en dashes, non-breaking hyphens, joiners or fullwidth digits', () => {
    for (const text of [
      'mi tarjeta 4111\u00a01111\u00a01111\u00a01111',
      'mi tarjeta 4111  1111  1111  1111',
      'mi tarjeta 4111 - 1111 - 1111 - 1111',
      'mi tarjeta 4111\u20131111\u20131111\u20131111',
      'mi tarjeta 4111\u20111111\u20111111\u20111111',
      'mi tarjeta 4111\u200c1111\u200c1111\u200c1111',
      'my card is \uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11',
      'tarjeta\n4111\n1111\n1111\n1111',
    ]) {
      const masked = maskCardData(text);
      expect(masked.cards, JSON.stringify(text)).toBe(1);
      expect(masked.text, JSON.stringify(text)).toContain('**** **** **** 1111');
      expect(masked.text.replace(/\D/g, ''), JSON.stringify(text)).toBe('1111');
    }
  });

  it('should still leave phones, cédulas and account numbers written with the same separators alone', () => {
    for (const text of ['mi teléfono es 809\u00a0555\u00a01234', 'cédula 001\u20131234567\u20138', 'la cuenta 10\u2011587', 'llámame al 809  555  1234 o al 829 555 9876']) {
      expect(maskCardData(text).text).toBe(text);
    }
  });
});
