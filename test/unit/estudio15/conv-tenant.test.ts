import { describe, expect, it } from 'vitest';
import { ConvFormatError, parseConv } from '../../eval/lib/conv-format.js';

/** The `.conv` settings that run a conversation on another tenant against its demo backend (`@tenant`, `@at`). */
describe('conv format: @tenant and @at', () => {
  it('should read the tenant and the local time before the first turn', () => {
    const [c] = parseConv('=== t\n@tenant estudio\n@at 2026-12-06 10:00\n@channel whatsapp\n> voy tarde\n< gracias');
    expect(c).toMatchObject({ tenant: 'estudio', at: '2026-12-06 10:00', channel: 'whatsapp' });
  });

  it('should leave the evaluated tenant when none is named', () => {
    expect(parseConv('=== t\n> hola')[0]!.tenant).toBeUndefined();
  });

  it('should read a local time for the evaluated tenant too (its own clock)', () => {
    expect(parseConv('=== t\n@at 2026-12-07 10:00\n> hola')[0]).toMatchObject({ at: '2026-12-07 10:00' });
    expect(parseConv('=== t\n@at 2026-12-07 10:00\n> hola')[0]!.tenant).toBeUndefined();
  });

  it.each([
    ['=== t\n> hola\n@tenant estudio', /must come before the first turn/],
    ['=== t\n@tenant Estudio Bella\n> hola', /@tenant needs a tenant id/],
    ['=== t\n@tenant estudio\n@at mañana\n> hola', /@at needs "YYYY-MM-DD HH:MM"/],
  ])('should refuse a wrong setting with its line (%#)', (source, message) => {
    expect(() => parseConv(source, 'x.conv')).toThrow(ConvFormatError);
    expect(() => parseConv(source, 'x.conv')).toThrow(message);
  });
});
