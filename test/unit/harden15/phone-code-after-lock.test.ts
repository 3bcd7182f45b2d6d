import { describe, expect, it } from 'vitest';
import { customerEvent, customerLine, inboundCode } from '../../../src/actors/customer-turn.js';
import { createPhoneProof, MASKED_CODE } from '../../../src/actors/identity/phone-proof.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

/**
 * A booking phone's code typed when it no longer counts (docs/workflows-trust.md): after five wrong
 * codes the right one started a new booking ("¿Qué servicio te gustaría reservar?": the studio reads
 * a bare number as a booking), and the code was stored in the transcript. The per-IP limit on codes
 * sent now applies at send, with the IP of the message whose turn sends the code.
 */
const PHONE = '+18095550177';
const THREAD = { conversationId: 'c-wa', channel: 'whatsapp', externalId: '18095550177' };

function setup(codes: string[] = ['482913']) {
  const clock = createManualClock();
  const sent: string[] = [];
  const queue = [...codes];
  const proof = createPhoneProof({
    clock,
    logger: createSilentLogger(),
    createCode: () => queue.shift() ?? '000000',
    threadOf: async (_tenant, _conversation, phone) => ({ ...THREAD, externalId: phone }),
    sendCode: async (input) => {
      sent.push(input.text);
      return true;
    },
  });
  return { proof, clock, sent };
}

/** One customer message through the host's code check, with the machine awaiting a code or not. */
async function typed(proof: ReturnType<typeof setup>['proof'], key: { tenantId: string; conversationId: string }, text: string, awaiting: boolean, clientIp?: string) {
  const message = { tenantId: key.tenantId, channel: 'web', senderId: 'v1', text, ...(clientIp !== undefined ? { clientIp } : {}) };
  const line = customerLine(message, `m-${text}`, '2026-12-06T15:00:00.000Z');
  const code = await inboundCode({ identity: null, phoneProof: proof, contextOf: () => ({ phoneProof: awaiting ? { phone: PHONE, sent: true } : null }) }, key, message, line);
  return { code, stored: line.inbound.text, event: customerEvent(message, line, code) };
}

describe('a booking phone code that no longer counts', () => {
  it('should mask the right code typed after five wrong ones and never read it as a booking', async () => {
    const { proof } = setup();
    const key = { tenantId: 'estudio', conversationId: 'c-guess' };
    await proof.issue({ key, phone: PHONE, lang: 'es' });
    const results = [];
    for (const wrong of ['111111', '222222', '333333', '444444', '555555']) results.push((await typed(proof, key, wrong, true)).code);
    expect(results).toEqual([{ phone: 'wrong' }, { phone: 'wrong' }, { phone: 'wrong' }, { phone: 'wrong' }, { phone: 'exhausted' }]);
    // The machine dropped the proof; the right code comes next: masked, a plain message, no code result.
    const late = await typed(proof, key, ' 482913 ', false);
    expect(late.code).toEqual({ late: true });
    expect(late.stored).toBe(MASKED_CODE);
    expect(late.event).toMatchObject({ type: 'user.message', text: MASKED_CODE });
    // Words are read as words: "quiero mover mi cita" is the customer's request, as typed.
    const words = await typed(proof, key, 'quiero mover mi cita', false);
    expect(words.code).toBeNull();
    expect(words.event).toMatchObject({ type: 'user.message', text: 'quiero mover mi cita' });
  });

  it('should mask a code typed after it expired, for as long as it would have been valid', async () => {
    const { proof, clock } = setup();
    const key = { tenantId: 'estudio', conversationId: 'c-late' };
    await proof.issue({ key, phone: PHONE, lang: 'en' });
    clock.advance(10 * 60_000 + 1);
    expect((await typed(proof, key, '482913', true)).code).toEqual({ phone: 'expired' });
    expect((await typed(proof, key, '482913', false)).stored).toBe(MASKED_CODE);
    clock.advance(10 * 60_000 + 1);
    // Long after: a number is a number again (a quantity, a time), read as typed.
    expect(await typed(proof, key, '482913', false)).toMatchObject({ code: null, stored: '482913' });
    // Another conversation never had a proof end: its numbers are its own.
    expect(await typed(proof, { tenantId: 'estudio', conversationId: 'c-other' }, '482913', false)).toMatchObject({ code: null, stored: '482913' });
  });

  it('should answer a code awaited in a conversation whose code died elsewhere as failed, not read it as a message', async () => {
    const { proof } = setup(['482913', '777777']);
    const waiting = { tenantId: 'estudio', conversationId: 'c-waiting' };
    const guesser = { tenantId: 'estudio', conversationId: 'c-guesser' };
    await proof.issue({ key: waiting, phone: PHONE, lang: 'es' });
    await proof.issue({ key: guesser, phone: PHONE, lang: 'es' });
    for (const wrong of ['111111', '222222', '333333', '444444', '555555']) await typed(proof, guesser, wrong, true);
    // The number is locked for the day: the waiting visitor's right code is refused as such, and masked.
    const refused = await typed(proof, waiting, '482913', true);
    expect(refused.code).toEqual({ phone: 'exhausted' });
    expect(refused.stored).toBe(MASKED_CODE);
    expect(refused.event).toMatchObject({ type: 'phone.code', result: 'exhausted' });
  });

  it('should limit codes sent for messages from one client IP to 5 an hour, across numbers and conversations', async () => {
    const { proof, sent, clock } = setup(['100001', '100002', '100003', '100004', '100005', '100006', '100007']);
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      const key = { tenantId: 'estudio', conversationId: `c-ip-${i}` };
      // The host notes the message's IP before the turn; the machine's send effect knows no IP.
      await typed(proof, key, 'quiero cancelar mi cita', false, '203.0.113.9');
      results.push(await proof.issue({ key, phone: `+1809555010${i}`, lang: 'es' }));
    }
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(sent).toHaveLength(5);
    // Another address is not held back by it, and the same address is served again after the hour.
    const other = { tenantId: 'estudio', conversationId: 'c-ip-other' };
    await typed(proof, other, 'quiero cancelar mi cita', false, '198.51.100.4');
    expect(await proof.issue({ key: other, phone: '+18095550199', lang: 'es' })).toBe(true);
    clock.advance(60 * 60_000 + 1);
    const later = { tenantId: 'estudio', conversationId: 'c-ip-later' };
    await typed(proof, later, 'quiero cancelar mi cita', false, '203.0.113.9');
    expect(await proof.issue({ key: later, phone: '+18095550198', lang: 'es' })).toBe(true);
  });
});
