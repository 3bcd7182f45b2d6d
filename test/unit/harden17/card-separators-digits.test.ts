import { describe, expect, it } from 'vitest';
import { maskCardData } from '../../../src/actors/guards/card-data.js';
import { asciiDigits, digitCount, readingForm } from '../../../src/actors/reading-form.js';

const masked = (text: string) => maskCardData(text).text;
/** A string's ASCII digits written in another script's digits (its zero's code point given). */
const inScript = (digits: string, zero: number) => [...digits].map((d) => (/\d/.test(d) ? String.fromCodePoint(zero + Number(d)) : d)).join('');

/**
 * Before: a card written with slashes or underscores between its groups, or in Arabic-Indic,
 * Devanagari or mathematical digits, went into the transcript, journal, outbox and brain as
 * written; and "١٠٥٨٧" (an account number typed on an Arabic keyboard) was not read as 10587.
 */
describe('card numbers with slash-like separators (harden17)', () => {
  it('should mask a card whose groups are joined by slashes, backslashes or underscores', () => {
    expect(masked('mi tarjeta es 4111/1111/1111/1111 vence 08/27')).toBe('mi tarjeta es **** **** **** 1111 vence **/**');
    expect(masked('4111_1111_1111_1111')).toBe('**** **** **** 1111');
    expect(masked('5500\\0000\\0000\\0004 por favor')).toBe('**** **** **** 0004 por favor');
    expect(masked('visa 4111 / 1111 / 1111 / 1111 cvv 123')).toBe('visa **** **** **** 1111 cvv ***');
    expect(masked('4111／1111／1111／1111')).toBe('**** **** **** 1111');
  });

  it('should keep a space-written card apart from its slash-written expiry, as before', () => {
    expect(masked('visa 4111 1111 1111 1111 08/27 123')).toBe('visa **** **** **** 1111 **/** ***');
    expect(masked('4111111111111111 12/2028 4321')).toBe('**** **** **** 1111 **/** ****');
  });

  it('should leave dates, fractions, cédulas, phones and IBANs written with slashes or underscores alone', () => {
    const untouched = [
      'la factura del 12/05/2026 y la del 13/05/2026',
      'varilla de 3/8 y de 1/2, tubos de 3/4',
      'cédula 001/1234567/8',
      'cédula 001-1234567-8 / 402-2345678-9',
      'llámame al 809/555/1234 o al 829_555_9876',
      'mi cuenta IBAN es DO28 BAGR 0000 0001 2124 5361 1324',
      'IBAN DO28BAGR00000001212453611324',
      'pedido 2026/12/03/00123',
    ];
    for (const text of untouched) expect(maskCardData(text), text).toEqual({ text, cards: 0 });
  });
});

describe('digits of other scripts (harden17)', () => {
  const scripts: Array<[string, number]> = [
    ['Arabic-Indic', 0x0660],
    ['Extended Arabic-Indic', 0x06f0],
    ['Devanagari', 0x0966],
    ['mathematical bold', 0x1d7ce],
    ['mathematical monospace', 0x1d7f6],
    ['fullwidth', 0xff10],
  ];

  it('should mask a card written in any script\'s digits, keeping its last four as ASCII digits', () => {
    for (const [name, zero] of scripts) {
      expect(masked(`mi tarjeta ${inScript('4111 1111 1111 1111', zero)} gracias`), name).toBe('mi tarjeta **** **** **** 1111 gracias');
      expect(masked(inScript('5500-0000-0000-0004', zero)), name).toBe('**** **** **** 0004');
    }
  });

  it('should read digits of any script as ASCII digits, and leave everything else as it was', () => {
    for (const [name, zero] of scripts) {
      expect(readingForm(inScript('mi cuenta es 10587', zero)), name).toBe('mi cuenta es 10587');
      expect(readingForm(inScript('quiero 25 sacos de cemento', zero)), name).toBe('quiero 25 sacos de cemento');
    }
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiDigits('𝟎𝟗𝟘𝟡𝟢𝟫𝟬𝟵𝟶𝟿')).toBe('0909090909');
    // Not decimal digits: superscripts, circled numbers, Roman numerals stay.
    expect(readingForm('m² ① Ⅻ')).toBe('m² ① Ⅻ');
    // Idempotent.
    const once = readingForm(inScript('tubo de 1½ y 3⁄8, cuenta 10–587', 0x0660));
    expect(readingForm(once)).toBe(once);
    expect(once).toBe('tubo de 1 1/2 y 3/8, cuenta 10-587');
  });

  it('should count digits of every script (a surrogate pair is one digit)', () => {
    expect(digitCount('abc', 13)).toBe(0);
    expect(digitCount(inScript('4111 1111', 0x1d7ce), 13)).toBe(8);
    expect(digitCount('1'.repeat(100), 13)).toBe(13);
  });
});
