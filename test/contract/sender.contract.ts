import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderErrorRecord, Sender } from '../../src/channels/channel.js';
import type { RetryPolicy, Sleep } from '../../src/kernel/retry.js';
import { createManualClock } from '../../src/kernel/clock.js';
import { isHiloError } from '../../src/kernel/errors.js';
import { retryAfterOf } from '../../src/kernel/retry.js';

/** What the fake provider answers next, in that provider's own words. */
export type ScriptedReply = 'ok' | 'rate_limited' | 'rate_limited_long' | 'server_error' | 'rejected';

/** What the sender gets from the suite: time, waits and error reports it can observe. */
export interface SenderContext {
  clock: ReturnType<typeof createManualClock>;
  /** Records every wait and moves the clock forward by it (no real sleeping). */
  sleep: Sleep;
  retry: RetryPolicy;
  onProviderError: (record: ProviderErrorRecord) => void;
}

/** One sender wired to its fake provider on loopback. */
export interface SenderUnderTest {
  sender: Sender;
  /** The address `send` is given (WhatsApp number, Telegram chat id...). */
  to: string;
  /** Queues the fake provider's next answers to a send, in order; afterwards it answers success. */
  script(...replies: ScriptedReply[]): void;
  /** Send requests the provider received, whatever it answered. */
  received(): number;
  /** The messages the provider accepted, with the text as it arrived and the id it gave. */
  accepted(): { text: string; providerMessageId: string }[];
  close(): Promise<void>;
}

export interface SenderContractOptions {
  name: string;
  /** The provider's code for its `rate_limited` answer (130429, 20429, 429) and its `rejected` one. */
  codes: { rateLimited: string; rejected: string };
  /**
   * The wait the provider's `rate_limited` answer asks for, in ms (Twilio's `Retry-After`,
   * Telegram's `parameters.retry_after`); `null` where the provider names none (Graph's 130429).
   * `rate_limited_long` asks for more than the suite's cap (`maxRetryAfterMs`) or, with no wait
   * in the protocol, is the same answer as `rate_limited`.
   */
  rateLimitWaitMs: number | null;
  create: (ctx: SenderContext) => Promise<SenderUnderTest>;
}

/** The retry policy every sender runs under here: 3 attempts, small backoff, waits above 10 s not waited. */
export const CONTRACT_RETRY: Required<RetryPolicy> = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };

/**
 * The one conformance suite every channel sender passes (WhatsApp Cloud, Twilio WhatsApp,
 * Telegram), each against a fake of its provider on loopback speaking that provider's protocol.
 * What all of them promise: a message goes out once per successful `send`; a rate limit or a
 * provider failure (5xx, network) is retried under the kernel's policy, waiting at least what the
 * provider asked for; a wait over the cap ends the call with the wait on the error (the outbox
 * reschedules); a refusal (4xx) is final at once; every provider error is reported. A sender does
 * not de-duplicate: two `send` calls are two messages (the outbox's idempotency key guards that).
 *
 * @example
 * runSenderContract({ name: 'telegram', codes: { rateLimited: '429', rejected: '403' }, rateLimitWaitMs: 2_000, create: async (ctx) => ... });
 */
export function runSenderContract(options: SenderContractOptions): void {
  describe(`Sender contract: ${options.name}`, () => {
    let ctx: SenderContext;
    let sleeps: number[];
    let errors: ProviderErrorRecord[];
    let under: SenderUnderTest;

    beforeEach(async () => {
      sleeps = [];
      errors = [];
      const clock = createManualClock();
      ctx = {
        clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
        retry: CONTRACT_RETRY,
        onProviderError: (record) => errors.push(record),
      };
      under = await options.create(ctx);
    });

    afterEach(async () => {
      await under.close();
    });

    const send = (text = 'Hola, ¿tienen cemento gris?') => under.sender.send({ to: under.to, text, conversationId: 'conv-contract-1' });

    it('should deliver the text once and return the provider message id', async () => {
      const result = await send('Sí, a RD$655 el saco. ¿Cuántos necesitas?');
      expect(result).toEqual({ providerMessageId: expect.any(String), usedTemplate: false, attempts: 1 });
      expect(result.providerMessageId.length).toBeGreaterThan(0);
      expect(under.received()).toBe(1);
      expect(under.accepted()).toEqual([{ text: 'Sí, a RD$655 el saco. ¿Cuántos necesitas?', providerMessageId: result.providerMessageId }]);
      expect(errors).toEqual([]);
    });

    it('should retry a rate limit after at least the wait the provider asked for, and deliver once', async () => {
      under.script('rate_limited');
      const result = await send();
      expect(result.attempts).toBe(2);
      expect(under.received()).toBe(2);
      expect(under.accepted()).toHaveLength(1);
      expect(under.accepted()[0]?.providerMessageId).toBe(result.providerMessageId);
      expect(errors).toEqual([expect.objectContaining({ attempt: 1, providerCode: options.codes.rateLimited, retrying: true })]);
      expect(sleeps.length).toBeGreaterThan(0);
      if (options.rateLimitWaitMs !== null) expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(options.rateLimitWaitMs);
    });

    it('should end the call without waiting when the provider asks for longer than the cap, the wait on the error', async () => {
      under.script('rate_limited_long', 'rate_limited_long', 'rate_limited_long');
      const err = await send().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isHiloError(err, 'HILO_ERR_CHANNEL_SEND_RATE_LIMITED')).toBe(true);
      if (options.rateLimitWaitMs === null) {
        // No wait in the protocol: the retries run out instead.
        expect(under.received()).toBe(CONTRACT_RETRY.maxAttempts);
        expect(retryAfterOf(err)).toBeUndefined();
      } else {
        expect(under.received()).toBe(1);
        expect(retryAfterOf(err)).toBeGreaterThan(CONTRACT_RETRY.maxRetryAfterMs);
        expect(sleeps.filter((ms) => ms > CONTRACT_RETRY.maxRetryAfterMs)).toEqual([]);
      }
      expect(under.accepted()).toEqual([]);
      expect(errors.at(-1)).toMatchObject({ retrying: false, providerCode: options.codes.rateLimited });
    });

    it('should retry a server error and deliver once', async () => {
      under.script('server_error');
      const result = await send();
      expect(result.attempts).toBe(2);
      expect(under.received()).toBe(2);
      expect(under.accepted()).toHaveLength(1);
      expect(errors).toEqual([expect.objectContaining({ attempt: 1, retrying: true, at: expect.any(Number) })]);
      expect(errors[0]?.httpStatus).toBeGreaterThanOrEqual(500);
    });

    it('should give up after the policy\'s attempts when the provider keeps failing', async () => {
      under.script('server_error', 'server_error', 'server_error', 'server_error');
      const err = await send().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isHiloError(err, 'HILO_ERR_CHANNEL_SEND_FAILED')).toBe(true);
      expect(under.received()).toBe(CONTRACT_RETRY.maxAttempts);
      expect(under.accepted()).toEqual([]);
      expect(errors.map((e) => e.retrying)).toEqual([true, true, false]);
    });

    it('should treat a refusal (4xx) as final at once, with the provider\'s code', async () => {
      under.script('rejected');
      const err = await send().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isHiloError(err, 'HILO_ERR_CHANNEL_SEND_REJECTED')).toBe(true);
      expect(under.received()).toBe(1);
      expect(sleeps).toEqual([]);
      expect(errors).toEqual([expect.objectContaining({ attempt: 1, providerCode: options.codes.rejected, retrying: false })]);
      expect(errors[0]?.httpStatus).toBeGreaterThanOrEqual(400);
      expect(errors[0]?.httpStatus).toBeLessThan(500);
      // The next message is not affected.
      expect((await send('¿Algo más?')).attempts).toBe(1);
    });

    it('should retry when the provider cannot be reached, then fail with a send error', async () => {
      await under.close();
      const err = await send().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isHiloError(err, 'HILO_ERR_CHANNEL_SEND_FAILED')).toBe(true);
      expect(errors).toHaveLength(CONTRACT_RETRY.maxAttempts);
      expect(errors.every((e) => e.httpStatus === null && e.providerCode === null)).toBe(true);
    });

    it('should not de-duplicate: the same message sent twice is two provider messages', async () => {
      const first = await send('Gracias por tu compra');
      const second = await send('Gracias por tu compra');
      expect(first.providerMessageId).not.toBe(second.providerMessageId);
      expect(under.accepted().map((m) => m.text)).toEqual(['Gracias por tu compra', 'Gracias por tu compra']);
    });
  });
}
