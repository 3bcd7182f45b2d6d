/**
 * The one phone normaliser. Every phone Hilo compares, keys or stores goes through here, so the
 * same number spelled "809-555-0101", "+1 (809) 555-0101", "18095550101" or "whatsapp:+18095550101"
 * is one customer.
 *
 * The canonical form is E.164 (`+18095550101`). Two views of it:
 * - {@link toE164} for display, sending and profiles;
 * - {@link digitsOf} (E.164 without the `+`, `18095550101`) for keys: identity facts and the opaque
 *   handle keys kept in snapshots were always written in this spelling.
 *
 * Rules (North American Numbering Plan — the Dominican Republic's 809/829/849 are NANP numbers
 * with country code 1):
 * - an international prefix (`+` or `00`) means the digits after it are country code + number;
 * - without one, ten digits starting 2–9 are a NANP number and get the country code 1;
 *   eleven to fifteen digits are taken as already carrying their country code (WhatsApp sender ids
 *   come without the `+`);
 * - anything else (too short, too long, a leading 0 without `00`) is not a phone.
 * Pure: no I/O, no locale data.
 */

/** Area codes of the Dominican Republic (country code 1). */
export const DR_AREA_CODES: ReadonlySet<string> = new Set(['809', '829', '849']);

const CHANNEL_PREFIX = /^(?:whatsapp|tel|sms):/i;

/**
 * The canonical E.164 form of a phone field or sender id, or null when it is not a phone.
 *
 * @example
 * toE164('(809) 555-0101')        // '+18095550101'
 * toE164('whatsapp:+18095550101') // '+18095550101'
 * toE164('+44 20 7946 0958')      // '+442079460958'
 * toE164('12345')                 // null
 */
export function toE164(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(CHANNEL_PREFIX, '').trim();
  const viaPlus = s.startsWith('+');
  const viaZeros = !viaPlus && s.startsWith('00');
  let digits = s.replace(/\D/g, '');
  if (viaZeros) digits = digits.slice(2);
  if (digits === '' || digits.startsWith('0')) return null;
  if (viaPlus || viaZeros) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
  return digits.length >= 11 && digits.length <= 15 ? `+${digits}` : null;
}

/** The canonical form's digits (`18095550101`): the spelling of phone keys. Null when not a phone. */
export function digitsOf(raw: string | null | undefined): string | null {
  const e164 = toE164(raw);
  return e164 === null ? null : e164.slice(1);
}

/**
 * Whether two stored or typed phones are the same number: compared by the canonical form, and by
 * their bare digits when one of them is not a readable phone (an old row written before this
 * module, a short local number) so nothing that matched before stops matching.
 */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = (p: string | null | undefined): string => digitsOf(p) ?? (p ?? '').replace(/\D/g, '');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}

/** A Dominican mobile or landline (country code 1, area code 809, 829 or 849). */
export function isDominicanPhone(raw: string | null | undefined): boolean {
  const d = digitsOf(raw);
  return d !== null && d.length === 11 && d.startsWith('1') && DR_AREA_CODES.has(d.slice(1, 4));
}

/**
 * The E.164 of a phone-looking run of digits found in free text, or null. Stricter than
 * {@link toE164}, because text is full of digits that are not phones (account numbers, prices,
 * quantities): without an international prefix only a Dominican number counts. Whatever it accepts
 * (a `+0…` run aside) `toE164` reads the same way.
 *
 * @example
 * phoneFromText('809 555 0101')   // '+18095550101'
 * phoneFromText('2125550101')     // null (no prefix, not Dominican: could be anything)
 * phoneFromText('+44 20 7946 0958') // '+442079460958'
 */
export function phoneFromText(raw: string): string | null {
  const international = /^\s*(?:\+|00)/.test(raw);
  let digits = raw.replace(/\D/g, '');
  if (international && raw.trim().startsWith('00')) digits = digits.slice(2);
  if (digits.length === 11 && digits.startsWith('1') && DR_AREA_CODES.has(digits.slice(1, 4))) return `+${digits}`;
  if (digits.length === 10 && DR_AREA_CODES.has(digits.slice(0, 3)) && !international) return `+1${digits}`;
  if (international && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return null;
}
