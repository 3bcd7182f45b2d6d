/**
 * Cross-channel identity, the host's side: after a customer turn, a phone or email that belongs to
 * ANOTHER thread of the same tenant sends a one-time code to that thread's channel (limits and
 * audit in `link-guard.ts`); the right code typed back links this channel identity to that thread.
 * Facts of the customer's own (a phone, an email) are remembered on their contact. Nothing of the
 * other contact reaches this customer but a masked handle.
 *
 * The conversation host owns mailboxes and turns; it lends them through `IdentityLinkerHost`.
 */
import type { ConversationEvent } from '../../machines/conversation.contract.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { TurnResult } from '../conversation-service.js';
import type { ContactDirectory } from '../../persistence/ports/records.js';
import { createMemoryAccessCounters, type AccessCounters } from '../../persistence/ports/access-counters.js';
import { channelPhone, codeMessage, factsFrom, handleKey, maskEmail, maskPhone, normalizePhone, type FactsContextView } from './handles.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import { createLinkGuard, type CodeCheck, type IdentityAuditEvent, type IdentityLinkLimits } from './link-guard.js';

export interface IdentityLinkOptions {
  /**
   * Sends the code text to the other thread's channel identity (through the outbox). Resolves
   * false when that channel cannot send (not configured, or the web widget): nothing is linked.
   */
  sendCode(input: { tenantId: string; conversationId: string; channel: string; externalId: string; text: string }): Promise<boolean>;
  /** How long a code is valid. Default 10 minutes. */
  codeTtlMs?: number;
  /** Wrong codes allowed, the last one included. Default 3. */
  maxTries?: number;
  /** The other limits (codes per handle per day, wrong codes per handle and per IP): see `IDENTITY_LINK_DEFAULTS`. */
  limits?: Partial<IdentityLinkLimits>;
  /** Where the limits count, across conversations and restarts. Default: in memory. */
  counters?: AccessCounters;
  /** Receives the audit events of linking (codes sent, refused, failed; locks; links). */
  audit?: (event: IdentityAuditEvent) => void | Promise<void>;
  /** Makes a code (tests). Default: 6 digits from `crypto.randomInt`. */
  createCode?: () => string;
}

/** What the linker borrows from the conversation host. */
export interface IdentityLinkerHost {
  /** Runs one non-customer event as a turn in `key`'s mailbox. */
  runTurn(key: ConversationKey, channel: string, event: ConversationEvent): Promise<TurnResult>;
  /** The live machine context of an active conversation. */
  contextOf(key: ConversationKey): Record<string, unknown> | null;
  /** This channel identity now belongs to `target`: route it there, greet, move the subscribers. */
  moveIdentity(from: ConversationKey, target: ConversationKey, channel: string, senderId: string): Promise<void>;
}

export interface IdentityLinker {
  /** A message typed while a code is pending: the checked result, or null when it is not a code. */
  checkCode(key: ConversationKey, text: string, clientIp: string | undefined): Promise<CodeCheck | null>;
  /** After a customer turn: offer a link (a code and `identity.matched`), or remember the facts. */
  afterTurn(key: ConversationKey, channel: string, senderId: string, result: TurnResult, clientIp: string | undefined): Promise<TurnResult>;
  /** The code was right: this channel identity joins the other thread, which greets the customer. */
  link(key: ConversationKey, channel: string, senderId: string): Promise<void>;
}

const keyString = (k: ConversationKey) => `${k.tenantId}\u0000${k.conversationId}`;

/**
 * Whether this turn's message gave the handle: its text holds the email, or the phone's digits
 * (the national ten when the country code is 1: "829 444 7788" gives "18294447788"); a channel
 * whose sender id is the phone (WhatsApp) gives it with the thread's first message.
 */
export function givenThisTurn(handle: { kind: 'phone' | 'email'; value: string }, inbound: TranscriptEntry | null, senderPhone: string | null): boolean {
  if (!inbound) return false;
  if (handle.kind === 'email') return inbound.text.toLowerCase().includes(handle.value);
  if (senderPhone !== null && normalizePhone(senderPhone) === handle.value && inbound.seq === 1) return true;
  const digits = inbound.text.replace(/\D/g, '');
  const national = handle.value.length === 11 && handle.value.startsWith('1') ? handle.value.slice(1) : handle.value;
  return digits.includes(national);
}

export function createIdentityLinker(deps: { options: IdentityLinkOptions; contacts: ContactDirectory; clock: Clock; logger: Logger; host: IdentityLinkerHost }): IdentityLinker {
  const { options: identity, contacts: dir, host } = deps;
  const log = deps.logger.child({ component: 'identity-link' });
  const guard = createLinkGuard({
    counters: identity.counters ?? createMemoryAccessCounters({ clock: deps.clock }),
    clock: deps.clock,
    logger: deps.logger,
    limits: {
      ...identity.limits,
      ...(identity.codeTtlMs !== undefined ? { codeTtlMs: identity.codeTtlMs } : {}),
      ...(identity.maxTries !== undefined ? { maxTries: identity.maxTries } : {}),
    },
    ...(identity.createCode ? { createCode: identity.createCode } : {}),
    ...(identity.audit ? { audit: identity.audit } : {}),
  });
  /** Facts already stored per thread (skips a profile write on every turn). */
  const rememberedFacts = new Map<string, string>();

  return {
    async checkCode(key, text, clientIp) {
      const k = keyString(key);
      if (!guard.hasPending(k)) return null;
      const ctx = host.contextOf(key) as { identity?: { offer?: { handleKey?: string } | null } } | null;
      return guard.check({
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        conversation: k,
        offerHandleKey: ctx?.identity?.offer?.handleKey,
        text,
        ...(clientIp !== undefined ? { clientIp } : {}),
      });
    },

    async afterTurn(key, channel, senderId, result, clientIp) {
      if (!dir.findOtherThread || !dir.rememberFacts) return result;
      const ctx = result.state.context as FactsContextView & { lang?: 'es' | 'en'; identity?: { declined?: string[] } };
      const facts = factsFrom(ctx, channel, senderId);
      if (!facts.phone && !facts.email) return result;
      const k = keyString(key);
      const candidates: { kind: 'phone' | 'email'; value: string }[] = [];
      if (facts.phone) candidates.push({ kind: 'phone', value: facts.phone });
      if (facts.email) candidates.push({ kind: 'email', value: facts.email });
      for (const c of candidates) {
        const other = await dir.findOtherThread(key.tenantId, key.conversationId, { [c.kind]: c.value });
        if (!other) continue;
        const hk = handleKey(key.tenantId, c.kind, c.value);
        // Unproven: never stored on this contact. Offered once, only while the bot waits for nothing
        // else, and only on the turn the customer gives the handle: a phone given while asking for a
        // call-back (a handoff) is not offered later, after the rating, out of the blue.
        if ((ctx.identity?.declined ?? []).includes(hk) || guard.hasPending(k) || result.state.value !== 'triage.idle') return result;
        if (!givenThisTurn(c, result.inbound, channelPhone(channel, senderId))) return result;
        const lang = ctx.lang === 'en' ? 'en' : 'es';
        // A limit reached (codes to this handle today, requests from this IP) reads as "cannot send".
        const sent = await guard.issue({
          tenantId: key.tenantId,
          conversationId: key.conversationId,
          conversation: k,
          handleKey: hk,
          target: other,
          ...(clientIp !== undefined ? { clientIp } : {}),
          send: (code) => identity.sendCode({ tenantId: key.tenantId, conversationId: other.conversationId, channel: other.channel, externalId: other.externalId, text: codeMessage(code, lang, channel) }),
        });
        const maskedHandle = c.kind === 'phone' ? maskPhone(c.value) : maskEmail(c.value);
        log.info({ tenant: key.tenantId, conversationId: key.conversationId, otherChannel: other.channel, codeSent: sent }, 'same customer found on another channel');
        const follow = await host.runTurn(key, channel, { type: 'identity.matched', channel: other.channel, maskedHandle, handleKey: hk, codeSent: sent });
        return { ...result, replies: [...result.replies, ...follow.replies], state: follow.state };
      }
      const remembered = JSON.stringify(facts);
      if (rememberedFacts.get(k) !== remembered) {
        await dir.rememberFacts(key.tenantId, key.conversationId, facts);
        rememberedFacts.set(k, remembered);
      }
      return result;
    },

    async link(key, channel, senderId) {
      const pending = guard.take(keyString(key));
      if (!pending || !dir.linkIdentity) return;
      const target = { tenantId: key.tenantId, conversationId: pending.target.conversationId };
      if (!(await dir.linkIdentity(key.tenantId, target.conversationId, channel, senderId))) {
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId }, 'identity link refused: the other contact is gone');
        return;
      }
      log.info({ tenant: key.tenantId, conversationId: key.conversationId, to: target.conversationId, channel }, 'channel identity linked to the customer’s other thread');
      guard.linked({ tenantId: key.tenantId, conversationId: key.conversationId, targetConversationId: target.conversationId, channel, handleKey: pending.handleKey });
      await host.moveIdentity(key, target, channel, senderId);
    },
  };
}
