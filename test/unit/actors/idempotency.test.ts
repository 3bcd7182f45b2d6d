import { describe, expect, it } from 'vitest';
import { assertSameRetry } from '../../../src/actors/idempotency.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const earlier = { seq: 4, messageId: 'x', direction: 'in', author: 'customer', channel: 'rest', text: 'mi tarjeta es **** **** **** 1111', at: '2026-12-06T12:00:00.000Z' } as TranscriptEntry;

describe('assertSameRetry', () => {
  it('should let a client-keyed retry with the recorded text through, and refuse another text under the same id', () => {
    for (const channel of ['rest', 'web']) {
      expect(assertSameRetry(earlier, { channel, text: earlier.text })).toBe(earlier);
      expect(() => assertSameRetry(earlier, { channel, text: 'otra cosa' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_IDEMPOTENCY_CONFLICT', status: 409, details: { seq: 4 } }));
    }
  });

  it("should not second-guess a provider's id: a webhook redelivery is the provider's own event", () => {
    for (const channel of ['whatsapp', 'twilio-whatsapp', 'telegram']) expect(assertSameRetry(earlier, { channel, text: 'otra cosa' })).toBe(earlier);
  });
});
