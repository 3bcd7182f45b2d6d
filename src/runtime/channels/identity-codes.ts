import { randomUUID } from 'node:crypto';
import type { OutboxQueue } from '../outbox/index.js';
import type { ChannelRegistry } from './channel-registry.js';

/** A one-time identity-link code to send to the customer's other thread. */
export interface IdentityCode {
  tenantId: string;
  conversationId: string;
  channel: string;
  externalId: string;
  text: string;
}

/**
 * The host's `identity.sendCode`: the code goes out through the outbox on the other thread's
 * channel; a channel this tenant cannot send on (or the widget) cannot prove anything, so the
 * answer is false and nothing is linked.
 */
export function createIdentityCodeSender(deps: { channels: ChannelRegistry; queue: OutboxQueue }): (input: IdentityCode) => Promise<boolean> {
  return async (input) => {
    if (!(deps.channels.enabled[input.tenantId] ?? []).some((c) => c === input.channel)) return false;
    await deps.queue.enqueue({
      kind: 'direct',
      tenantId: input.tenantId,
      conversationId: input.conversationId,
      payload: { channel: input.channel, to: input.externalId, text: input.text },
      ref: { nonce: randomUUID() },
    });
    return true;
  };
}
