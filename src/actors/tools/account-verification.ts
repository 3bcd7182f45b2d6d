/**
 * The second identifier that proves an account is the customer's before its standing and balance
 * are shown (tenant policy `accountVerification`, default `second_identifier`): the last 4 digits of
 * the phone on file, the whole phone number, or the holder's cédula (11 digits) / RNC (9 digits).
 * One implementation for the rule path (`account.tool.ts`) and the model's `account_status` tool.
 */
import type { CustomerAccount, TenantData } from '../../domain/tenant.js';

/** Wrong second identifiers allowed per conversation, the last one included. */
export const MAX_VERIFICATION_FAILURES = 3;

const digits = (s: string): string => s.replace(/\D/g, '');

/** Digit groups of a message (`-` and `.` inside a number keep it together; spaces separate numbers). */
function digitRuns(text: string): string[] {
  return (text.match(/\d(?:[\d.-]*\d)?/g) ?? []).map(digits).filter((d) => d.length > 0);
}

/**
 * The groups of a message that can be a second identifier: 4 digits (end of a phone), 7 to 11
 * digits (a phone, an RNC, a cédula). Account numbers (5–8 digits) typed alone are not: a
 * customer naming another account is not a failed verification.
 */
export function secondIdentifierCandidates(text: string): string[] {
  return digitRuns(text).filter((d) => d.length === 4 || (d.length >= 9 && d.length <= 11) || (d.length === 7 && !/^\d{5,8}$/.test(text.trim())));
}

/** Whether the account can be verified at all (it has a phone or a cédula/RNC on file). */
export function hasSecondIdentifier(account: CustomerAccount): boolean {
  return (account.phone !== undefined && digits(account.phone).length >= 7) || (account.taxId !== undefined && digits(account.taxId).length >= 9);
}

/** Candidates a single answer may carry (a phone and a cédula); more is a list of guesses. */
export const MAX_IDENTIFIERS_PER_ANSWER = 2;

/**
 * Whether the message's second identifier matches the account's phone or cédula/RNC. A message
 * with more than `MAX_IDENTIFIERS_PER_ANSWER` candidates never matches: "1000 1001 1002 …" would
 * otherwise try a hundred guesses as one.
 */
export function matchesSecondIdentifier(account: CustomerAccount, text: string): boolean {
  const phone = account.phone !== undefined ? digits(account.phone) : '';
  const tax = account.taxId !== undefined ? digits(account.taxId) : '';
  const candidates = secondIdentifierCandidates(text);
  if (candidates.length > MAX_IDENTIFIERS_PER_ANSWER) return false;
  return candidates.some(
    (c) => (phone.length >= 7 && (c.length === 4 ? phone.endsWith(c) : c.length >= 7 && phone.endsWith(c))) || (tax.length >= 9 && c === tax),
  );
}

export function verificationRequired(tenant: TenantData): boolean {
  return (tenant.settings.accountVerification ?? 'second_identifier') !== 'none';
}
