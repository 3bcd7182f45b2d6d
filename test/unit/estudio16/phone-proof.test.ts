import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPhoneProof, MASKED_CODE } from '../../../src/actors/identity/phone-proof.js';
import { customerEvent, customerLine, inboundCode } from '../../../src/actors/customer-turn.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createLogger } from '../../../src/kernel/logger.js';

/** A web visitor's booking phone proven by a WhatsApp code (`identity/phone-proof.ts`, docs/workflows-trust.md). */

const KEY = { tenantId: 'estudio', conversationId: 'c-web' };
const PHONE = '+18095550177';
const THREAD = { conversationId: 'c-wa', channel: 'whatsapp', externalId: '18095550177' };

function setup(options: { thread?: typeof THREAD | null; codes?: string[] } = {}) {
  const clock = createManualClock();
  const sent: { conversationId: string; externalId: string; text: string }[] = [];
  let logs = '';
  const destination = new Writable({ write: (chunk, _enc, done) => ((logs += String(chunk)), done()) });
  const codes = [...(options.codes ?? ['482913'])];
  const proof = createPhoneProof({
    clock,
    logger: createLogger({ level: 'debug', destination }),
    createCode: () => codes.shift() ?? '000000',
    threadOf: async () => (options.thread === undefined ? THREAD : options.thread),
    sendCode: async (input) => {
      sent.push(input);
      return true;
    },
  });
  return { proof, clock, sent, logs: () => logs };
}

describe('booking phone proof', () => {
  it('should send a 6-digit code to the number\'s WhatsApp thread and take it back once', async () => {
    const { proof, sent, logs } = setup();
    expect(await proof.issue({ key: KEY, phone: PHONE, lang: 'es' })).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: 'c-wa', externalId: '18095550177' });
    expect(sent[0]!.text).toContain('482913');
    expect(await proof.check({ key: KEY, phone: PHONE, text: 'hola' })).toBeNull();
    expect(await proof.check({ key: KEY, phone: PHONE, text: ' 482913 ' })).toBe('valid');
    // Taken: typed again it counts no more (harden15: said so, where it was read as a message).
    expect(await proof.check({ key: KEY, phone: PHONE, text: '482913' })).toBe('expired');
    expect(logs()).not.toContain('482913');
  });

  it('should send nothing to a number that never wrote to the tenant\'s WhatsApp', async () => {
    const { proof, sent } = setup({ thread: null });
    expect(await proof.issue({ key: KEY, phone: PHONE, lang: 'en' })).toBe(false);
    expect(sent).toEqual([]);
  });

  it('should expire a code after 10 minutes', async () => {
    const { proof, clock } = setup();
    await proof.issue({ key: KEY, phone: PHONE, lang: 'es' });
    clock.advance(10 * 60_000 + 1);
    expect(await proof.check({ key: KEY, phone: PHONE, text: '482913' })).toBe('expired');
  });

  it('should lock the number after five wrong codes, even for the right one and a new code', async () => {
    const { proof, sent } = setup({ codes: ['482913', '777777'] });
    await proof.issue({ key: KEY, phone: PHONE, lang: 'es' });
    const results = [];
    for (const wrong of ['111111', '222222', '333333', '444444', '555555']) results.push(await proof.check({ key: KEY, phone: PHONE, text: wrong }));
    expect(results).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'exhausted']);
    // The right code, typed after: still void, and said so (harden15: never null, which is read as a message).
    expect(await proof.check({ key: KEY, phone: PHONE, text: '482913' })).toBe('exhausted');
    expect(await proof.check({ key: KEY, phone: PHONE, text: 'quiero mover mi cita' })).toBeNull();
    expect(await proof.issue({ key: { ...KEY, conversationId: 'c-other' }, phone: PHONE, lang: 'es' })).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('should mask the code on the transcript line and in the machine\'s event', async () => {
    const { proof } = setup();
    await proof.issue({ key: KEY, phone: PHONE, lang: 'es' });
    const message = { tenantId: 'estudio', channel: 'rest', senderId: 'v1', text: '482913' };
    const line = customerLine(message, 'm1', '2026-12-03T15:00:00.000Z');
    const code = await inboundCode({ identity: null, phoneProof: proof, contextOf: () => ({ phoneProof: { phone: PHONE, sent: true } }) }, KEY, message, line);
    expect(code).toEqual({ phone: 'valid' });
    expect(line.inbound.text).toBe(MASKED_CODE);
    expect(customerEvent(message, line, code)).toMatchObject({ type: 'phone.code', text: MASKED_CODE, result: 'valid' });
  });

  it('should not check codes while the conversation awaits none', async () => {
    const { proof } = setup();
    await proof.issue({ key: KEY, phone: PHONE, lang: 'es' });
    const message = { tenantId: 'estudio', channel: 'rest', senderId: 'v1', text: '482913' };
    const line = customerLine(message, 'm1', '2026-12-03T15:00:00.000Z');
    expect(await inboundCode({ identity: null, phoneProof: proof, contextOf: () => ({ phoneProof: null }) }, KEY, message, line)).toBeNull();
    expect(line.inbound.text).toBe('482913');
  });
});
