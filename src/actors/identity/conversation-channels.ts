import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import { conversationKeyString } from '../actor-registry.js';
import { channelPhone } from './handles.js';

/** A channel identity: the channel and the sender's id on it (a phone on WhatsApp, a visitor id on the web). */
export interface ChannelIdentity {
  channel: string;
  senderId: string;
}

/**
 * The channel identity each conversation last heard from, in memory: where replies go, and the
 * phone a WhatsApp customer writes from. After a restart it is learned again from the next
 * message (the host reads the transcript for the channel meanwhile).
 */
export class ConversationChannels {
  /**
   * Per tenant, then per conversation id (no key string per conversation): the sender id alone
   * for the web widget (the usual idle visitor, so it costs one map entry), else the identity.
   */
  readonly #handles = new Map<string, Map<string, string | ChannelIdentity>>();
  readonly #profileNames = new Map<string, string>();

  remember(key: ConversationKey, channel: string, senderId: string): void {
    let conversations = this.#handles.get(key.tenantId);
    if (conversations === undefined) {
      conversations = new Map();
      this.#handles.set(key.tenantId, conversations);
    }
    conversations.set(key.conversationId, channel === 'web' ? senderId : { channel, senderId });
  }

  /** The provider's display name of the sender (see `InboundMessage.profileName`); the newest one wins. */
  rememberProfileName(key: ConversationKey, name: string | undefined): void {
    if (name) this.#profileNames.set(conversationKeyString(key), name);
  }

  profileNameOf(key: ConversationKey): string | null {
    return this.#profileNames.get(conversationKeyString(key)) ?? null;
  }

  get(key: ConversationKey): ChannelIdentity | undefined {
    const handle = this.#handles.get(key.tenantId)?.get(key.conversationId);
    return typeof handle === 'string' ? { channel: 'web', senderId: handle } : handle;
  }

  /** The phone the customer writes from (WhatsApp, SMS), in E.164; null on other channels. */
  phoneOf(key: ConversationKey): string | null {
    const handle = this.get(key);
    return handle ? channelPhone(handle.channel, handle.senderId) : null;
  }

  /** The channel handle (e.g. a phone number) when the channel has one; null for the web widget. */
  contactHandleOf(key: ConversationKey): string | null {
    const handle = this.get(key);
    return handle && handle.channel !== 'web' ? handle.senderId : null;
  }
}
