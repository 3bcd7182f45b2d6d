/**
 * The one-time codes of cross-channel identity linking and every limit around them. A code proves
 * that the customer typing in one channel controls the other thread's channel (a WhatsApp number,
 * a Telegram chat), so guessing one must be hopeless and asking for one must not flood anybody:
 *
 * - codes are 6 digits from `crypto.randomInt`, valid 10 minutes, 3 tries each;
 * - wrong codes are counted per target handle (5 a day) and per client IP (10 an hour) across
 *   every conversation: past either limit, pending codes die and no new code is sent;
 * - a handle receives at most 3 codes a day, and one client IP asks for at most 5 an hour;
 * - every code sent, refused, failed and every lock and link is an audit event (ids and hashes only).
 *
 * Counters live in `AccessCounters` (Redis when configured, else SQL, else memory), so the limits
 * hold across conversations, visitor ids and restarts. Pending codes live in memory: a restart
 * voids them and the customer asks again.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { OtherThread } from '../../persistence/ports/records.js';
import type { AccessCounters } from '../../persistence/ports/access-counters.js';

export type CodeCheck = 'valid' | 'wrong' | 'exhausted' | 'expired';

export interface IdentityLinkLimits {
  /** Digits of a code (≥ 6). Default 6. */
  codeDigits: number;
  /** How long a code is valid. Default 10 minutes. */
  codeTtlMs: number;
  /** Wrong tries for one code, the last one included. Default 3. */
  maxTries: number;
  /** Codes sent to one handle per day. Default 3. */
  maxCodesPerHandlePerDay: number;
  /** Codes requested from one client IP per hour. Default 5. */
  maxCodesPerIpPerHour: number;
  /** Wrong codes typed for one handle per day, over every conversation. Default 5. */
  maxFailuresPerHandlePerDay: number;
  /** Wrong codes typed from one client IP per hour, over every conversation. Default 10. */
  maxFailuresPerIpPerHour: number;
}

export const IDENTITY_LINK_DEFAULTS: IdentityLinkLimits = {
  codeDigits: 6,
  codeTtlMs: 10 * 60_000,
  maxTries: 3,
  maxCodesPerHandlePerDay: 3,
  maxCodesPerIpPerHour: 5,
  maxFailuresPerHandlePerDay: 5,
  maxFailuresPerIpPerHour: 10,
};

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

/** An audit event of identity linking: ids, opaque handle keys and IP hashes, never the handle itself. */
export interface IdentityAuditEvent {
  tenantId: string;
  type: 'identity.code_sent' | 'identity.code_refused' | 'identity.code_failed' | 'identity.locked' | 'identity.linked';
  payload: Record<string, string | number | boolean>;
}

export interface PendingCode {
  handleKey: string;
  target: OtherThread;
  expiresAt: number;
  tries: number;
}

interface StoredCode extends PendingCode {
  code: string;
}

export interface LinkGuard {
  /** Codes waiting to be typed (expired ones are swept when a new code is issued). */
  readonly pendingCount: number;
  /** Whether this conversation has a code waiting to be typed. */
  hasPending(conversation: string): boolean;
  /**
   * A message typed while a code is pending: the checked result, or null when the message is not
   * a code (or the offer it belonged to is gone: `offerHandleKey` no longer matches).
   */
  check(input: { tenantId: string; conversationId: string; conversation: string; offerHandleKey: string | undefined; text: string; clientIp?: string }): Promise<CodeCheck | null>;
  /**
   * Makes a code and sends it through `send` unless a limit forbids it. Resolves whether it was
   * sent (false: a limit, or the channel cannot send); the code is then pending for `conversation`.
   */
  issue(input: {
    tenantId: string;
    conversationId: string;
    conversation: string;
    handleKey: string;
    target: OtherThread;
    clientIp?: string;
    send: (code: string) => Promise<boolean>;
  }): Promise<boolean>;
  /** Takes the pending code of a conversation whose code was right (the host links it). */
  take(conversation: string): PendingCode | undefined;
  /** Whether wrong codes reached a limit for this handle (or client IP): no code for it counts today. */
  isLocked(input: { tenantId: string; handleKey: string; clientIp?: string }): Promise<boolean>;
  /** Whether a message is shaped like a code (digits alone, as `check` reads them). */
  looksLikeCode(text: string): boolean;
  /** Records a completed link. */
  linked(input: { tenantId: string; conversationId: string; targetConversationId: string; channel: string; handleKey: string }): void;
}

export interface LinkGuardOptions {
  counters: AccessCounters;
  clock: Clock;
  logger: Logger;
  limits?: Partial<IdentityLinkLimits>;
  /** Makes a code (tests). Default: `codeDigits` digits from `crypto.randomInt`. */
  createCode?: () => string;
  /** Receives audit events; failures are logged, never fatal to the turn. */
  audit?: (event: IdentityAuditEvent) => void | Promise<void>;
}

/** An IP never goes to a counter key, a log or the audit trail as it is. */
export function ipKey(tenantId: string, ip: string): string {
  return createHash('sha256').update(`hilo-ip\u0000${tenantId}\u0000${ip}`).digest('hex').slice(0, 20);
}

export function createLinkGuard(options: LinkGuardOptions): LinkGuard {
  const limits: IdentityLinkLimits = { ...IDENTITY_LINK_DEFAULTS, ...options.limits };
  if (!(limits.codeDigits >= 6 && limits.codeDigits <= 10)) throw new RangeError('identity codes need 6 to 10 digits');
  const { counters, clock } = options;
  const log = options.logger.child({ component: 'identity-link' });
  const pending = new Map<string, StoredCode>();
  const makeCode =
    options.createCode ?? (() => String(randomInt(0, 10 ** limits.codeDigits)).padStart(limits.codeDigits, '0'));
  const codePattern = new RegExp(`^\\s*(\\d{${Math.min(4, limits.codeDigits)},${limits.codeDigits + 2}})\\s*$`);

  const audit = (event: IdentityAuditEvent): void => {
    if (!options.audit) return;
    Promise.resolve()
      .then(() => options.audit?.(event))
      .catch((err: unknown) => log.warn({ tenant: event.tenantId, type: event.type, err }, 'identity audit event not recorded'));
  };

  const k = {
    handleCodes: (t: string, hk: string) => `idl:${t}:h:${hk}:codes`,
    handleFailures: (t: string, hk: string) => `idl:${t}:h:${hk}:fail`,
    ipCodes: (t: string, ip: string) => `idl:${t}:ip:${ipKey(t, ip)}:codes`,
    ipFailures: (t: string, ip: string) => `idl:${t}:ip:${ipKey(t, ip)}:fail`,
  };

  /** Whether wrong codes already reached a limit for this handle or IP. */
  const locked = async (tenantId: string, handleKey: string, clientIp: string | undefined): Promise<'handle' | 'ip' | null> => {
    if ((await counters.count(k.handleFailures(tenantId, handleKey))) >= limits.maxFailuresPerHandlePerDay) return 'handle';
    if (clientIp && (await counters.count(k.ipFailures(tenantId, clientIp))) >= limits.maxFailuresPerIpPerHour) return 'ip';
    return null;
  };

  return {
    hasPending: (conversation) => pending.has(conversation),
    get pendingCount() {
      return pending.size;
    },

    async check({ tenantId, conversationId, conversation, offerHandleKey, text, clientIp }) {
      const code = pending.get(conversation);
      if (!code) return null;
      if (offerHandleKey !== code.handleKey) {
        // The customer moved on (or said no): the code is void.
        pending.delete(conversation);
        return null;
      }
      const typed = codePattern.exec(text)?.[1];
      if (typed === undefined) return null;
      if (clock.now() > code.expiresAt) {
        pending.delete(conversation);
        return 'expired';
      }
      // A lock reached from elsewhere (other visitors guessing the same handle, or this IP
      // guessing others) ends this code too, even if it would have been right.
      const lockedBy = await locked(tenantId, code.handleKey, clientIp);
      if (lockedBy) {
        pending.delete(conversation);
        audit({ tenantId, type: 'identity.code_refused', payload: { conversationId, handleKey: code.handleKey, reason: `${lockedBy}_locked` } });
        return 'exhausted';
      }
      const a = Buffer.from(typed);
      const b = Buffer.from(code.code);
      if (a.length === b.length && timingSafeEqual(a, b)) return 'valid';
      code.tries += 1;
      const [handleFailures, ipFailures] = await Promise.all([
        counters.hit(k.handleFailures(tenantId, code.handleKey), DAY),
        clientIp ? counters.hit(k.ipFailures(tenantId, clientIp), HOUR) : Promise.resolve(0),
      ]);
      audit({ tenantId, type: 'identity.code_failed', payload: { conversationId, handleKey: code.handleKey, tries: code.tries, ...(clientIp ? { ipKey: ipKey(tenantId, clientIp) } : {}) } });
      const handleLock = handleFailures >= limits.maxFailuresPerHandlePerDay;
      const ipLock = ipFailures >= limits.maxFailuresPerIpPerHour;
      if (handleLock || ipLock) {
        log.warn({ tenant: tenantId, conversationId, scope: handleLock ? 'handle' : 'ip' }, 'identity linking locked after repeated wrong codes');
        audit({ tenantId, type: 'identity.locked', payload: { conversationId, handleKey: code.handleKey, scope: handleLock ? 'handle' : 'ip', ...(clientIp ? { ipKey: ipKey(tenantId, clientIp) } : {}) } });
        for (const [other, c] of pending) if (c.handleKey === code.handleKey || other === conversation) pending.delete(other);
        return 'exhausted';
      }
      if (code.tries >= limits.maxTries) {
        pending.delete(conversation);
        return 'exhausted';
      }
      return 'wrong';
    },

    async issue({ tenantId, conversationId, conversation, handleKey, target, clientIp, send }) {
      // Codes nobody typed back would otherwise stay in memory for good.
      const now = clock.now();
      for (const [key, c] of pending) if (c.expiresAt < now) pending.delete(key);
      const refuse = (reason: string): false => {
        log.info({ tenant: tenantId, conversationId, reason }, 'identity code not sent: limit reached');
        audit({ tenantId, type: 'identity.code_refused', payload: { conversationId, handleKey, reason, ...(clientIp ? { ipKey: ipKey(tenantId, clientIp) } : {}) } });
        return false;
      };
      const lockedBy = await locked(tenantId, handleKey, clientIp);
      if (lockedBy) return refuse(`${lockedBy}_locked`);
      if ((await counters.count(k.handleCodes(tenantId, handleKey))) >= limits.maxCodesPerHandlePerDay) return refuse('handle_daily_cap');
      if (clientIp && (await counters.count(k.ipCodes(tenantId, clientIp))) >= limits.maxCodesPerIpPerHour) return refuse('ip_hourly_cap');
      const code = makeCode();
      let sent = false;
      try {
        sent = await send(code);
      } catch (err) {
        log.warn({ tenant: tenantId, conversationId, err }, 'identity code not sent');
      }
      if (!sent) return false;
      await Promise.all([
        counters.hit(k.handleCodes(tenantId, handleKey), DAY),
        clientIp ? counters.hit(k.ipCodes(tenantId, clientIp), HOUR) : Promise.resolve(0),
      ]);
      pending.set(conversation, { code, handleKey, target, expiresAt: clock.now() + limits.codeTtlMs, tries: 0 });
      audit({
        tenantId,
        type: 'identity.code_sent',
        payload: { conversationId, targetConversationId: target.conversationId, channel: target.channel, handleKey, ...(clientIp ? { ipKey: ipKey(tenantId, clientIp) } : {}) },
      });
      return true;
    },

    isLocked: async ({ tenantId, handleKey, clientIp }) => (await locked(tenantId, handleKey, clientIp)) !== null,
    looksLikeCode: (text) => codePattern.test(text),

    take(conversation) {
      const code = pending.get(conversation);
      pending.delete(conversation);
      if (!code) return undefined;
      const { code: _secret, ...rest } = code;
      return rest;
    },

    linked({ tenantId, conversationId, targetConversationId, channel, handleKey }) {
      audit({ tenantId, type: 'identity.linked', payload: { conversationId, targetConversationId, channel, handleKey } });
    },
  };
}
