import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, readPart } from '../../../src/actors/reading-form.js';
import { MAX_MESSAGE_CHARS } from '../../../src/channels/widget/protocol.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

/**
 * The readers' input cap (harden17): REST and the widget refuse a text over 2,000 characters, but
 * a provider webhook accepts 16,384, and the rule brain's readers grow with the text (the sweep
 * measured seconds for 8,000 characters of "y y y …" on the studio). The machine now reads at most
 * the first 2,000 characters; the transcript keeps the whole text.
 */
describe('readPart', () => {
  it('should read as much as REST and the widget accept', () => {
    expect(MAX_READ_CHARS).toBe(MAX_MESSAGE_CHARS);
  });

  it('should leave a text within the cap as it is, and cut a longer one at a space or whole characters', () => {
    const short = 'hola, ¿tienen cemento gris?';
    expect(readPart(short)).toBe(short);
    expect(readPart('a'.repeat(MAX_READ_CHARS))).toHaveLength(MAX_READ_CHARS);
    const words = readPart('cemento '.repeat(5_000));
    expect(words.length).toBeLessThanOrEqual(MAX_READ_CHARS);
    expect(words.endsWith('cemento')).toBe(true);
    const emoji = readPart('😀'.repeat(10_000));
    expect(emoji.length).toBeLessThanOrEqual(MAX_READ_CHARS);
    // Never half an emoji: no lone high surrogate at the end.
    expect(emoji).toMatch(/[\udc00-\udfff]$/);
    expect(emoji.length % 2).toBe(0);
    expect(readPart('y '.repeat(8_000)).length).toBeLessThanOrEqual(MAX_READ_CHARS);
  });

  it('should store a provider\'s 16 KB text whole and answer it as its first 2,000 characters', async () => {
    const { tenant, brain } = await loadDemo();
    const { host, transcripts } = createMemoryHost({ tenant, brain });
    const text = `¿tienen cemento gris? ${'y '.repeat(8_000)}gracias`;
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: '18095550177', text });
    expect(turn.replies.map((r) => r.text).join('\n')).toMatch(/Cemento Gris[^\n]*RD\$655/);
    const id = await host.resolveConversation('ferreteria', 'whatsapp', '18095550177');
    const lines = await transcripts.list({ tenantId: 'ferreteria', conversationId: id });
    expect(lines.find((l) => l.author === 'customer')?.text).toBe(text);
    await host.close();
  });
});
