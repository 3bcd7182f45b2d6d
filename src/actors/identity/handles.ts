/**
 * Phone and email handles for cross-channel identity: normalised for matching, masked for the
 * customer on the other channel, keyed opaquely so a declined match is not offered again.
 */
import { phonesOf } from '../../domain/phone-list.js';
import { createHash } from 'node:crypto';
import { customerChannelLabel } from '../../domain/channel-label.js';
import { digitsOf, toE164 } from '../../domain/phone.js';
import type { ContactFacts } from '../../persistence/ports/records.js';

/** Channels whose sender id is the customer's phone number. */
const PHONE_CHANNELS = new Set(['whatsapp', 'twilio-whatsapp']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * The phone's key spelling, digits with the country code (`src/domain/phone.ts` `digitsOf`), or
 * null: "809-555-0101" → "18095550101". Identity facts and handle keys use it.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  return digitsOf(raw);
}

/**
 * The customer's phone in E.164 when the channel's sender id is their phone number (WhatsApp),
 * else null: a WhatsApp lead keeps the number the customer writes from.
 */
export function channelPhone(channel: string, senderId: string): string | null {
  return PHONE_CHANNELS.has(channel) ? toE164(senderId) : null;
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/** "18095550101" → "+1 809 ***-**01"; other lengths keep the country code and the last two digits. */
export function maskPhone(digits: string): string {
  if (digits.length === 11 && digits.startsWith('1')) return `+1 ${digits.slice(1, 4)} ***-**${digits.slice(-2)}`;
  return `+${digits.slice(0, Math.max(1, digits.length - 9))} ***-**${digits.slice(-2)}`;
}

/** "carolina@meridiano.do" → "c***@m***.do". */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

/** An opaque, stable key for a handle within a tenant (kept in snapshots instead of the handle). */
export function handleKey(tenantId: string, kind: 'phone' | 'email', value: string): string {
  return createHash('sha256').update(`${tenantId}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 20);
}

/** The part of a machine context the facts are read from (structural: the machine stays private). */
export interface FactsContextView {
  lead?: { draft?: Record<string, { value: string | null } | undefined> } | null;
  understanding?: { nlu?: { entities?: { type: string; value: string }[] } } | null;
}

/**
 * Phone and email the customer gave: the lead draft, the entities of the last message, and the
 * sender id of channels whose id is a phone number.
 */
export function factsFrom(context: FactsContextView, channel: string, senderId: string): ContactFacts {
  const draft = context.lead?.draft ?? {};
  const entities = context.understanding?.nlu?.entities ?? [];
  const phone =
    normalizePhone(entities.find((e) => e.type === 'phone')?.value) ??
    normalizePhone(phonesOf(draft.phone_or_username?.value)[0]) ??
    (PHONE_CHANNELS.has(channel) ? normalizePhone(senderId) : null);
  const email = normalizeEmail(entities.find((e) => e.type === 'email')?.value) ?? normalizeEmail(draft.email?.value);
  return { ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}

/** The text with the one-time code sent on the other channel, in the conversation language. */
export function codeMessage(code: string, lang: 'es' | 'en', continueOn: string): string {
  const where = customerChannelLabel(continueOn, lang);
  return lang === 'es'
    ? `Tu código para continuar en ${where} es ${code}. Vale 10 minutos; no lo compartas con nadie. Si no lo pediste tú, ignora este mensaje.`
    : `Your code to continue on ${where} is ${code}. It is valid for 10 minutes; do not share it with anyone. If you did not ask for it, ignore this message.`;
}
