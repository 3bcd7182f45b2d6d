import { describe, expect, it } from 'vitest';
import { digitsOf, isDominicanPhone, phoneFromText, samePhone, toE164 } from '../../../src/domain/phone.js';

describe('toE164', () => {
  it('should read Dominican numbers (809/829/849) however they are written', () => {
    const spellings: Array<[string, string]> = [
      ['8095550101', '+18095550101'],
      ['809-555-0101', '+18095550101'],
      ['809 555 0101', '+18095550101'],
      ['(809) 555-0101', '+18095550101'],
      ['809.555.0101', '+18095550101'],
      ['18295550102', '+18295550102'],
      ['1-829-555-0102', '+18295550102'],
      ['+1 829 555 0102', '+18295550102'],
      ['+1 (849) 555-0103', '+18495550103'],
      ['+18495550103', '+18495550103'],
      ['001 849 555 0103', '+18495550103'],
      ['whatsapp:+18095550101', '+18095550101'],
      ['  tel:809-555-0101 ', '+18095550101'],
    ];
    for (const [raw, e164] of spellings) expect(toE164(raw), raw).toBe(e164);
  });

  it('should read foreign numbers by their country code', () => {
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(toE164('5215512345678')).toBe('+5215512345678');
    expect(toE164('+34 612 34 56 78')).toBe('+34612345678');
    expect(toE164('+1 212 555 0101')).toBe('+12125550101');
    expect(toE164('212-555-0101')).toBe('+12125550101');
  });

  it('should not mistake a ten-digit foreign number with its + for a North American one', () => {
    // The old digits normaliser turned "+49 30 123456" into "14930123456" (a 1 added to any 10 digits).
    expect(toE164('+49 30 123456')).toBe('+4930123456');
    expect(digitsOf('+49 30 123456')).toBe('4930123456');
  });

  it('should refuse junk', () => {
    for (const raw of [null, undefined, '', '   ', 'hola', '12345', '555-0101', '809-555-010', '0809 555 0101', '+1', '+123', '1234567890123456', '+', '00', 'whatsapp:']) {
      expect(toE164(raw), String(raw)).toBeNull();
    }
  });
});

describe('digitsOf', () => {
  it('should give the key spelling the identity facts were always written in', () => {
    expect(digitsOf('809-555-0101')).toBe('18095550101');
    expect(digitsOf('+18095550101')).toBe('18095550101');
    expect(digitsOf('nope')).toBeNull();
  });
});

describe('samePhone', () => {
  it('should compare by the canonical form', () => {
    expect(samePhone('18095550101', '+1 (809) 555-0101')).toBe(true);
    expect(samePhone('8095550101', '18095550101')).toBe(true);
    expect(samePhone('8095550101', '8295550101')).toBe(false);
    expect(samePhone('', '')).toBe(false);
    expect(samePhone(undefined, '18095550101')).toBe(false);
  });

  it('should still match two unreadable values with the same digits, as before', () => {
    expect(samePhone('555-0101', '5550101')).toBe(true);
  });
});

describe('isDominicanPhone', () => {
  it('should know the three area codes', () => {
    expect(['809 555 0101', '+1 829 555 0101', '1-849-555-0101'].map(isDominicanPhone)).toEqual([true, true, true]);
    expect(['212 555 0101', '+44 20 7946 0958', 'x'].map(isDominicanPhone)).toEqual([false, false, false]);
  });
});

describe('phoneFromText', () => {
  it('should take Dominican numbers and prefixed foreign ones from free text, nothing else', () => {
    expect(phoneFromText('809 555 0101')).toBe('+18095550101');
    expect(phoneFromText('1-829-555-0102')).toBe('+18295550102');
    expect(phoneFromText('+44 20 7946 0958')).toBe('+442079460958');
    expect(phoneFromText('0034 612 345 678')).toBe('+34612345678');
    // Ten digits that are not Dominican, or a long account number: not a phone in text.
    expect(phoneFromText('2125550101')).toBeNull();
    expect(phoneFromText('123456789012')).toBeNull();
  });

  it('should agree with toE164 on everything it accepts', () => {
    for (const raw of ['809 555 0101', '1-829-555-0102', '+44 20 7946 0958', '0034 612 345 678', '(849) 555-0103']) {
      expect(phoneFromText(raw), raw).toBe(toE164(raw));
    }
  });
});
