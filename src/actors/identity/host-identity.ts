import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { ConversationEvent } from '../../machines/conversation.contract.js';
import type { ContactDirectory } from '../../persistence/ports/records.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { ConversationUpdate, TurnResult } from '../conversation-service.js';
import type { ConversationChannels } from './conversation-channels.js';
import { createIdentityLinker, type IdentityLinker, type IdentityLinkOptions } from './identity-linker.js';

/** What the conversation host lends the identity linker: its mailboxes and turns, live contexts, pub/sub. */
export interface HostTurns {
  /** Runs one non-customer event as a turn in `key`'s mailbox. */
  runTurn(key: ConversationKey, channel: string, event: ConversationEvent): Promise<TurnResult>;
  /** The live machine context of an active conversation. */
  contextOf(key: ConversationKey): Record<string, unknown> | null;
  publish(key: ConversationKey, update: ConversationUpdate): void;
}

/**
 * The identity linker wired to a conversation host, or null when linking is off. A confirmed
 * link routes the channel identity to the other thread, runs `identity.joined` there (the thread
 * greets the customer) and tells the old thread's subscribers to move.
 */
export function createHostIdentityLinker(deps: {
  options: IdentityLinkOptions | undefined;
  contacts: ContactDirectory;
  clock: Clock;
  logger: Logger;
  channels: ConversationChannels;
  host: HostTurns;
}): IdentityLinker | null {
  const { options, channels, host } = deps;
  if (!options) return null;
  return createIdentityLinker({
    options,
    contacts: deps.contacts,
    clock: deps.clock,
    logger: deps.logger,
    host: {
      runTurn: (key, channel, event) => host.runTurn(key, channel, event),
      contextOf: (key) => host.contextOf(key),
      moveIdentity: async (from, target, channel, senderId) => {
        channels.remember(target, channel, senderId);
        await host.runTurn(target, channel, { type: 'identity.joined', channel });
        host.publish(from, { type: 'moved', conversationId: target.conversationId });
      },
    },
  });
}
