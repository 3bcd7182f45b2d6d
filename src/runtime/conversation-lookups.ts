import { HiloError } from '../kernel/errors.js';

/** What tenant effects and handoff notices read from the live conversations. */
export interface ConversationLookups {
  /** The live actor's context, or null when the conversation is not in memory. */
  contextOf(tenantId: string, conversationId: string): Record<string, unknown> | null;
  /** The conversation's channel handle (a phone number, a chat id); null when it has none. */
  contactHandleOf(tenantId: string, conversationId: string): string | null;
  /**
   * The phone the customer writes from, only on channels whose sender id is a phone (WhatsApp);
   * null elsewhere: a Telegram chat id or a REST sender id is not a phone and proves no number.
   */
  contactPhoneOf(tenantId: string, conversationId: string): string | null;
  /**
   * The channel the customer last wrote from (`whatsapp`, `web`…), known as soon as the message
   * arrives, before its turn is in the transcript; null when the conversation is not in memory.
   */
  contactChannelOf(tenantId: string, conversationId: string): string | null;
}

/**
 * The one cycle of the composition root, made explicit: tenant runtimes are built before the
 * conversation host that runs them, but their effects read the host's live conversations. The
 * root hands them this object and attaches the host once it exists; a lookup before that is a
 * wiring bug (effects only run inside turns, after start-up).
 */
export function createConversationLookups(): ConversationLookups & { attach(source: ConversationLookups): void } {
  let source: ConversationLookups | null = null;
  const live = (): ConversationLookups => {
    if (!source) throw new HiloError('HILO_ERR_INTERNAL', 'conversation lookups used before the host was attached');
    return source;
  };
  return {
    attach(s) {
      if (source) throw new HiloError('HILO_ERR_INTERNAL', 'conversation lookups attached twice');
      source = s;
    },
    contextOf: (t, c) => live().contextOf(t, c),
    contactHandleOf: (t, c) => live().contactHandleOf(t, c),
    contactPhoneOf: (t, c) => live().contactPhoneOf(t, c),
    contactChannelOf: (t, c) => live().contactChannelOf(t, c),
  };
}
