import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, MAX_READ_PIECES, readPart } from '../../../src/actors/reading-form.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const pieces = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * harden17's sweep left the rule brain reading 2,000 tabs, spaces or line breaks before a word,
 * and 1,000 one-letter words ("a a a …", "1.1.1…"), in 100–170 ms against under 10 for a question:
 * readers that look at each word against the others, or at the text before each line break. The
 * part that is read now has its blank runs collapsed and at most MAX_READ_PIECES pieces; the
 * transcript keeps the text as written. A cap and a shape are pinned here, never a time.
 */
describe('readPart bounds (harden18)', () => {
  it('should collapse a run of blanks to one space, or one line break when it holds one', () => {
    expect(readPart(`${'\t'.repeat(2_000)}cemento`)).toBe(' cemento');
    expect(readPart(`${' '.repeat(1_999)}a`)).toBe(' a');
    expect(readPart('10 sacos cemento \r\n\r\n 5 varillas')).toBe('10 sacos cemento\n5 varillas');
    expect(readPart('cemento  gris\t\tpor favor')).toBe('cemento gris por favor');
    // A lone tab or line break stays what it is (a list one item a line).
    expect(readPart('10 sacos cemento\n5 varillas\tya')).toBe('10 sacos cemento\n5 varillas\tya');
  });

  it('should read at most MAX_READ_PIECES pieces, cut after a whole piece', () => {
    expect(MAX_READ_PIECES).toBeGreaterThanOrEqual(100);
    const a = readPart('a '.repeat(1_000));
    expect(pieces(a)).toBe(MAX_READ_PIECES);
    expect(a.endsWith('a')).toBe(true);
    expect(pieces(readPart('1.'.repeat(1_000)))).toBe(MAX_READ_PIECES);
    expect(pieces(readPart('a\n'.repeat(1_000)))).toBe(MAX_READ_PIECES);
    expect(readPart('de '.repeat(5_000)).length).toBeLessThanOrEqual(MAX_READ_CHARS);
  });

  it('should leave an ordinary message, a long one too, as it is, and be idempotent', () => {
    const long = 'Hola buenas tardes, quisiera saber si tienen cemento gris, varillas de 3/8 y de 1/2, alambre dulce, clavos de 3 pulgadas y arena lavada, porque estamos construyendo una casa en Villa Hermosa y necesitamos que nos lo lleven el viernes temprano si se puede.';
    expect(readPart(long)).toBe(long);
    for (const text of ['a '.repeat(1_000), `${'\t'.repeat(2_000)}a`, 'cemento '.repeat(2_000), '😀'.repeat(3_000)]) expect(readPart(readPart(text))).toBe(readPart(text));
  });

  it('should answer a question after 2,000 tabs as the question, and keep the line as written', async () => {
    const { tenant, brain } = await loadDemo();
    const { host, transcripts } = createMemoryHost({ tenant, brain });
    const text = `${'\t'.repeat(1_980)}¿tienen cemento gris?`;
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'tabs-1', text });
    expect(turn.replies.map((r) => r.text).join('\n')).toMatch(/Cemento Gris[^\n]*RD\$655/);
    const id = await host.resolveConversation('ferreteria', 'rest', 'tabs-1');
    const lines = await transcripts.list({ tenantId: 'ferreteria', conversationId: id });
    expect(lines.find((l) => l.author === 'customer')?.text).toBe(text);
    await host.close();
  });
});
