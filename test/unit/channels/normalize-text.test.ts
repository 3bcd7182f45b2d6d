import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeInboundText, normalizeInboundTexts } from '../../../src/channels/normalize-text.js';

/** What PostgreSQL refuses or what must never survive normalisation. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\ufeff\u2028\u2029]/;
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('normalizeInboundText', () => {
  it('should remove NUL and keep the words around it', () => {
    expect(normalizeInboundText('ho\u0000la')).toBe('hola');
    expect(normalizeInboundText('\u0000')).toBe('');
  });

  it('should replace unpaired surrogates with U+FFFD and keep paired ones', () => {
    expect(normalizeInboundText('precio\ud800')).toBe('precio\ufffd');
    expect(normalizeInboundText('\udc00cemento')).toBe('\ufffdcemento');
    expect(normalizeInboundText('ok 😀 \ud83d')).toBe('ok 😀 \ufffd');
  });

  it('should keep newline and tab, turn CR, CRLF, NEL and U+2028/U+2029 into newlines, drop other controls', () => {
    expect(normalizeInboundText('a\tb\nc')).toBe('a\tb\nc');
    expect(normalizeInboundText('a\r\nb\rc\u0085d\u2028e\u2029f')).toBe('a\nb\nc\nd\ne\nf');
    expect(normalizeInboundText('\u0007bell \u001b[31mred\u007f \u009bcsi \u0080x')).toBe('bell [31mred csi x');
  });

  it('should drop bidi overrides, zero-width spaces, BOM and soft hyphens but keep ZWJ emoji and ZWNJ', () => {
    expect(normalizeInboundText('\u202eabc\u202c \u2066x\u2069')).toBe('abc x');
    expect(normalizeInboundText('\ufeffig\u200bno\u00adre\u2060 this')).toBe('ignore this');
    expect(normalizeInboundText('👨‍👩‍👧‍👦')).toBe('👨‍👩‍👧‍👦');
    expect(normalizeInboundText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('should drop hidden tag characters but keep a subdivision flag', () => {
    const smuggled = 'hola' + [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(normalizeInboundText(smuggled)).toBe('hola');
    const scotland = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(normalizeInboundText(`flag ${scotland}`)).toBe(`flag ${scotland}`);
  });

  it('should compose to NFC and cap combining-mark floods at 30', () => {
    expect(normalizeInboundText('cafe\u0301')).toBe('café');
    const zalgo = 'a' + '\u0300\u0316'.repeat(100);
    const out = normalizeInboundText(zalgo);
    expect([...out].length).toBeLessThanOrEqual(31);
    expect(out.startsWith('à') || out.startsWith('a')).toBe(true);
  });

  it('should leave ordinary Spanish and English text untouched', () => {
    for (const s of ['¿Tienen cemento gris?', 'Ñoño, 10 sacos de 42.5 kg', "I'd like 3/8\" rebar", 'mi correo es ana@example.com\nGracias']) {
      expect(normalizeInboundText(s)).toBe(s);
    }
  });

  it('should be idempotent and never leave a forbidden character or a lone surrogate (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = normalizeInboundText(s);
        expect(normalizeInboundText(once)).toBe(once);
        expect(FORBIDDEN.test(once)).toBe(false);
        expect(hasLoneSurrogate(once)).toBe(false);
        expect(once).toBe(once.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('should normalise the text of every message event and leave status events alone', () => {
    const events = normalizeInboundTexts([
      { type: 'message', text: 'a\u0000b' },
      { type: 'status', status: 'read' },
    ]);
    expect(events).toEqual([{ type: 'message', text: 'ab' }, { type: 'status', status: 'read' }]);
  });
});
