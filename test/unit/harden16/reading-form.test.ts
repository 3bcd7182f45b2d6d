import { describe, expect, it } from 'vitest';
import { readingForm } from '../../../src/actors/reading-form.js';
import { hasVisibleText, normalizeInboundText } from '../../../src/channels/normalize-text.js';

/**
 * What the machine reads of a customer's text (src/actors/reading-form.ts): invisible joiners
 * inside a word, fullwidth letters and keyboard fractions read like the plain word and size; the
 * transcript keeps what was written. Before, "ce\u200cmento gris" found a gray paint and
 * "tubo de 1½" the 1" tube.
 */
describe('readingForm', () => {
  it('should drop a joiner inside a Latin word, in Spanish and English', () => {
    expect(readingForm('tienen ce\u200cmento gris?')).toBe('tienen cemento gris?');
    expect(readingForm('hay ce\u200dmento blanco')).toBe('hay cemento blanco');
    expect(readingForm('pint\u180eura')).toBe('pintura');
    expect(readingForm('gal\u00f3\u200cn')).toBe('gal\u00f3n');
    expect(readingForm('white ce\u200c\u200dment')).toBe('white cement');
  });

  it('should read the dashes and joiners a phone puts in a number as the plain number', () => {
    expect(readingForm('10\u2011587')).toBe('10-587');
    expect(readingForm('10\u2013587')).toBe('10-587');
    expect(readingForm('809 \u2013 555\u20131234')).toBe('809 - 555-1234');
    expect(readingForm('001\u22121234567\u22128')).toBe('001-1234567-8');
    expect(readingForm('13\u200c37')).toBe('1337');
    // A dash between words is punctuation: it stays.
    expect(readingForm('cemento \u2013 gris')).toBe('cemento \u2013 gris');
  });

  it('should keep the joiners emoji sequences and other scripts need', () => {
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467} hola';
    expect(readingForm(family)).toBe(family);
    const persian = '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645';
    expect(readingForm(persian)).toBe(persian);
    // Between a word and a space or an emoji: left alone.
    expect(readingForm('hola\u200d \u{1F44B}')).toBe('hola\u200d \u{1F44B}');
  });

  it('should read fullwidth ASCII as ASCII', () => {
    expect(readingForm('\uff43\uff45\uff4d\uff45\uff4e\uff54\uff4f\u3000\uff47\uff52\uff49\uff53\uff1f')).toBe('cemento gris?');
    expect(readingForm('\uff13/\uff18')).toBe('3/8');
  });

  it('should write keyboard fractions and fraction slashes the way sizes are written', () => {
    expect(readingForm('tubo de 1\u00bd pulgada')).toBe('tubo de 1 1/2 pulgada');
    expect(readingForm('varilla de \u215c')).toBe('varilla de 3/8');
    expect(readingForm('codo de \u00be y de 2\u00bc')).toBe('codo de 3/4 y de 2 1/4');
    expect(readingForm('varilla de 3\u20448 o 1\u22152')).toBe('varilla de 3/8 o 1/2');
    expect(readingForm('1\u00bd"')).toBe('1 1/2"');
  });

  it('should leave plain text and text already in its reading form as it is', () => {
    for (const text of ['¿Tienen cemento gris?', 'varilla de 3/8', 'Pintura acrílica', '\u{1F600}\u{1F600}', 'ce\u200cmento 1\u00bd \uff43']) {
      expect(readingForm(readingForm(text))).toBe(readingForm(text));
    }
    expect(readingForm('¿Tienen cemento gris?')).toBe('¿Tienen cemento gris?');
  });

  it('should read what the channel boundary keeps, after it (decomposed accents become NFC there)', () => {
    expect(readingForm(normalizeInboundText('galo\u0301n de pintura'))).toBe('gal\u00f3n de pintura');
    expect(readingForm(normalizeInboundText('ce\u200bmen\u00adto 1\u00bd'))).toBe('cemento 1 1/2');
  });
});

describe('hasVisibleText', () => {
  it('should see any visible character, emoji included, and nothing in marks, joiners and blank look-alikes', () => {
    for (const text of ['a', 'ce\u200cmento', '\u{1F600}', '\u2764\ufe0f', '\u200f\u0645', '1', '?', '\u00bd']) expect(hasVisibleText(text), JSON.stringify(text)).toBe(true);
    for (const text of ['', ' ', '\u200f', '\u200e\u200d\u200c', '\u2060\ufeff', '\u3164', '\u115f\u1160', '\u2800', '\ufe0f', '\u00ad', '\u061c', '\t\n']) expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
  });
});
