import { describe, expect, it } from 'vitest';
import { createMemoryContactDirectory } from '../../../src/persistence/memory/memory-records.js';

/**
 * One number, two spellings: identity facts keep digits ("18095550111"), a confirmed WhatsApp lead
 * keeps E.164 ("+18095550111"). Matching a thread by phone must not depend on which wrote last
 * (the widget's identity link failed after the lead stored the "+" form).
 */
describe('contact directory › phone matching', () => {
  it('should find the other thread whether its phone was stored with or without the plus', async () => {
    const dir = createMemoryContactDirectory();
    const wa = await dir.resolve('t', 'whatsapp', '18095550111');
    await dir.rememberFacts!('t', wa, { phone: '+18095550111' });
    const web = await dir.resolve('t', 'web', 'visitor-1');
    expect(await dir.findOtherThread!('t', web, { phone: '18095550111' })).toMatchObject({ conversationId: wa, channel: 'whatsapp' });
    expect(await dir.findOtherThread!('t', web, { phone: '18095550112' })).toBeNull();
  });
});

describe('contact directory › phone spellings', () => {
  it('should match a number typed with dashes or without its country code to the same number in key spelling', async () => {
    const dir = createMemoryContactDirectory();
    const wa = await dir.resolve('t', 'whatsapp', '18295550333');
    // A fact remembered before the one normaliser: what the customer typed.
    await dir.rememberFacts!('t', wa, { phone: '829-555-0333' });
    const web = await dir.resolve('t', 'web', 'visitor-2');
    expect(await dir.findOtherThread!('t', web, { phone: '18295550333' })).toMatchObject({ conversationId: wa });
    expect(await dir.findOtherThread!('t', web, { phone: '+1 (829) 555-0333' })).toMatchObject({ conversationId: wa });
    expect(await dir.findOtherThread!('t', web, { phone: '18295550334' })).toBeNull();
  });
});
