/**
 * A web visitor proving a phone number is theirs before seeing, cancelling or moving its bookings
 * (docs/workflows-trust.md): a 6-digit code goes to that number's WhatsApp through the tenant's
 * channel, and typed back in the conversation makes the number known there (`phoneTrust`).
 *
 * The code store and its limits are identity linking's (`link-guard.ts`): `crypto.randomInt`
 * codes, valid 10 minutes; 5 wrong codes for a number lock it for the day (across conversations),
 * and a number receives at most 5 codes a day; one client IP asks for at most 5 codes an hour
 * (the IP of the message whose turn sends the code, noted by `noteClient`). Codes are never logged:
 * the audit events carry opaque handle keys. A pending code lives in memory (a restart voids it;
 * the visitor asks again).
 *
 * A code that no longer counts is still a code: typed while the machine awaits one but none is
 * pending (the number locked from another conversation, a restart), it is answered as failed or
 * expired, never read as a message; typed after the proof ended here (`endedCode`), it is masked
 * like any code, so a bare "482913" never starts a booking nor reaches the transcript.
 */
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { Lang } from '../../domain/nlu.js';
import { createMemoryAccessCounters, type AccessCounters } from '../../persistence/ports/access-counters.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { OtherThread } from '../../persistence/ports/records.js';
import { createLru } from '../../kernel/lru.js';
import { handleKey } from './handles.js';
import { createLinkGuard, type CodeCheck, type IdentityAuditEvent, type IdentityLinkLimits } from './link-guard.js';

/** What stands for the code in the transcript, the machine's context and anything an LLM or an agent reads. */
export const MASKED_CODE = '••••••';

export const PHONE_PROOF_LIMITS: Partial<IdentityLinkLimits> = {
  codeDigits: 6,
  codeTtlMs: 10 * 60_000,
  maxTries: 5,
  maxCodesPerHandlePerDay: 5,
  maxFailuresPerHandlePerDay: 5,
};

export interface PhoneProofOptions {
  /** Sends the code's text to the number's WhatsApp thread (the outbox); false when the tenant has no WhatsApp channel. */
  sendCode(input: { tenantId: string; conversationId: string; channel: string; externalId: string; text: string }): Promise<boolean>;
  /**
   * The tenant's thread of the number (`ContactDirectory.findOtherThread`). Only a number that has
   * written to the tenant's WhatsApp can get a free-text code: outside that 24-hour window Meta
   * takes only an approved template, and none carries a code yet.
   */
  threadOf(tenantId: string, conversationId: string, phone: string): Promise<OtherThread | null>;
  clock: Clock;
  logger: Logger;
  /** Where wrong codes and codes sent are counted, across conversations and restarts. Default: memory. */
  counters?: AccessCounters;
  limits?: Partial<IdentityLinkLimits>;
  audit?: (event: IdentityAuditEvent) => void | Promise<void>;
  /** Makes a code (tests). */
  createCode?: () => string;
}

export interface PhoneProof {
  /** Sends a code to `phone` (E.164) for this conversation. False: not sent (no WhatsApp channel, a limit reached). */
  issue(input: { key: ConversationKey; phone: string; lang: Lang; clientIp?: string }): Promise<boolean>;
  /**
   * A message typed while the conversation awaits a code for `phone`: the checked result, or null
   * when it is not shaped like a code. A code when none is pending (taken, voided by a lock, lost in
   * a restart) is `exhausted` when the number is locked, else `expired`.
   */
  check(input: { key: ConversationKey; phone: string; text: string; clientIp?: string }): Promise<CodeCheck | null>;
  /**
   * The client IP of the customer message now handled in this conversation (undefined: REST, a
   * provider webhook): a code its turn sends counts against that IP's hourly limit.
   */
  noteClient(key: ConversationKey, clientIp: string | undefined): void;
  /** Whether `text` is a code typed after this conversation's proof ended (failed or expired) while that code could still have been valid. */
  endedCode(key: ConversationKey, text: string): boolean;
}

/** Conversations remembered (their last client IP, their proof's end): bounded, least recently used out. */
const MAX_REMEMBERED = 10_000;

const keyString = (k: ConversationKey) => `proof\u0000${k.tenantId}\u0000${k.conversationId}`;
/** A phone's handle key for proofs (its counters are the same number's for identity linking too). */
const phoneKey = (tenantId: string, phone: string) => handleKey(tenantId, 'phone', phone.replace(/^\+/, ''));

export function bookingCodeMessage(code: string, lang: Lang): string {
  return lang === 'es'
    ? `Tu código para ver o cambiar tus citas en el chat es ${code}. Vale 10 minutos; no lo compartas con nadie. Si no lo pediste tú, ignora este mensaje.`
    : `Your code to see or change your appointments in the chat is ${code}. It is valid for 10 minutes; do not share it with anyone. If you did not ask for it, ignore this message.`;
}

export function createPhoneProof(options: PhoneProofOptions): PhoneProof {
  const log = options.logger.child({ component: 'phone-proof' });
  const codeTtlMs = options.limits?.codeTtlMs ?? PHONE_PROOF_LIMITS.codeTtlMs ?? 10 * 60_000;
  const clientIps = createLru<string>(MAX_REMEMBERED);
  /** Until when a code typed in a conversation whose proof ended is still taken for one. */
  const endedUntil = createLru<number>(MAX_REMEMBERED);
  const guard = createLinkGuard({
    counters: options.counters ?? createMemoryAccessCounters({ clock: options.clock }),
    clock: options.clock,
    logger: options.logger,
    limits: { ...PHONE_PROOF_LIMITS, ...options.limits },
    ...(options.createCode ? { createCode: options.createCode } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
  });
  const ended = (conversation: string, result: 'exhausted' | 'expired'): CodeCheck => {
    endedUntil.set(conversation, options.clock.now() + codeTtlMs);
    return result;
  };

  return {
    async issue({ key, phone, lang, clientIp: given }) {
      const clientIp = given ?? clientIps.get(keyString(key));
      const externalId = phone.replace(/^\+/, '');
      const thread = await options.threadOf(key.tenantId, key.conversationId, externalId);
      if (!thread || thread.channel !== 'whatsapp' || thread.externalId !== externalId) {
        log.info({ tenant: key.tenantId, conversationId: key.conversationId, reason: 'no_whatsapp_thread' }, 'booking phone code not sent');
        return false;
      }
      const sent = await guard.issue({
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        conversation: keyString(key),
        handleKey: phoneKey(key.tenantId, phone),
        target: thread,
        ...(clientIp !== undefined ? { clientIp } : {}),
        send: (code) => options.sendCode({ tenantId: key.tenantId, conversationId: thread.conversationId, channel: 'whatsapp', externalId, text: bookingCodeMessage(code, lang) }),
      });
      log.info({ tenant: key.tenantId, conversationId: key.conversationId, sent }, 'booking phone code requested');
      return sent;
    },
    async check({ key, phone, text, clientIp }) {
      const conversation = keyString(key);
      if (!guard.hasPending(conversation)) {
        // Awaited, but void (locked from another conversation, or a restart): said so, never read as a message.
        if (!guard.looksLikeCode(text)) return null;
        const locked = await guard.isLocked({ tenantId: key.tenantId, handleKey: phoneKey(key.tenantId, phone), ...(clientIp !== undefined ? { clientIp } : {}) });
        return ended(conversation, locked ? 'exhausted' : 'expired');
      }
      const result = await guard.check({
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        conversation,
        offerHandleKey: phoneKey(key.tenantId, phone),
        text,
        ...(clientIp !== undefined ? { clientIp } : {}),
      });
      if (result === 'valid') guard.take(conversation);
      if (result !== null) log.info({ tenant: key.tenantId, conversationId: key.conversationId, result }, 'booking phone code checked');
      return result === 'exhausted' || result === 'expired' ? ended(conversation, result) : result;
    },
    noteClient(key, clientIp) {
      if (clientIp === undefined) clientIps.delete(keyString(key));
      else clientIps.set(keyString(key), clientIp);
    },
    endedCode(key, text) {
      const until = endedUntil.get(keyString(key));
      return until !== undefined && options.clock.now() <= until && guard.looksLikeCode(text);
    },
  };
}
