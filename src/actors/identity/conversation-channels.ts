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
  readonly #max: number;

  /**
   * `maxPerTenant`: the conversations remembered per tenant (and profile names in all), the ones
   * heard from longest ago forgotten first. Before (harden19) every conversation since start-up
   * stayed: a process that met a million widget visitors held a million sender ids for ever.
   * A forgotten one is learned again from its next message; SQL keeps the channel identity.
   */
  constructor(options: { maxPerTenant?: number } = {}) {
    this.#max = options.maxPerTenant ?? MAX_REMEMBERED;
  }

  remember(key: ConversationKey, channel: string, senderId: string): void {
    let conversations = this.#handles.get(key.tenantId);
    if (conversations === undefined) {
      conversations = new Map();
      this.#handles.set(key.tenantId, conversations);
    }
    // Deleted first so the newest is last: the oldest is the first key.
    conversations.delete(key.conversationId);
    conversations.set(key.conversationId, channel === 'web' ? senderId : { channel, senderId });
    if (conversations.size > this.#max) conversations.delete(conversations.keys().next().value!);
  }

  /** The provider's display name of the sender (see `InboundMessage.profileName`); the newest one wins. */
  rememberProfileName(key: ConversationKey, name: string | undefined): void {
    if (!name) return;
    const id = conversationKeyString(key);
    this.#profileNames.delete(id);
    this.#profileNames.set(id, name);
    if (this.#profileNames.size > this.#max) this.#profileNames.delete(this.#profileNames.keys().next().value!);
  }

  /** An erased conversation: its sender's phone or id and profile name leave memory too. */
  forget(key: ConversationKey): void {
    this.#handles.get(key.tenantId)?.delete(key.conversationId);
    this.#profileNames.delete(conversationKeyString(key));
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

/** Conversations remembered per tenant: well above the live actors a process holds. */
const MAX_REMEMBERED = 50_000;
