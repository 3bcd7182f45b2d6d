import type { TenantData } from '../../domain/tenant.js';
import type { AccountActorInput, AccountActorOutput } from '../../machines/conversation.contract.js';
import { formatDate, formatMoney } from './format.js';

/** Account numbers are 5 to 8 digits. */
export const ACCOUNT_NUMBER_PATTERN = /^\d{5,8}$/;

/**
 * Looks up a customer account by number. Accepts what customers type ("12-345", "# 12345") and
 * keeps only the digits. Shows the holder's first name only (the chat may not be theirs).
 *
 * Outcomes: `need_account_id` (no number yet), `invalid` (not 5–8 digits), `not_found`, `answered`.
 */
export function answerAccount(tenant: TenantData, input: AccountActorInput): AccountActorOutput {
  if (input.accountId === null || input.accountId.trim() === '') {
    return { outcome: 'need_account_id', replies: [{ template: 'account.need_id' }] };
  }
  const digits = input.accountId.replace(/\D/g, '');
  if (!ACCOUNT_NUMBER_PATTERN.test(digits)) {
    // Long digit runs are not echoed back: they may be a card or phone number typed by mistake.
    if (digits.length === 0 || digits.length > 12) return { outcome: 'invalid', replies: [{ template: 'account.invalid_empty' }] };
    return { outcome: 'invalid', replies: [{ template: 'account.invalid', params: { given: digits } }] };
  }
  const account = tenant.accounts.find((a) => a.number === digits);
  if (!account) return { outcome: 'not_found', replies: [{ template: 'account.not_found', params: { number: digits } }] };
  const firstName = account.holder.trim().split(/\s+/)[0] ?? '';
  return {
    outcome: 'answered',
    replies: [
      {
        template: `account.${account.standing}`,
        params: {
          firstName,
          number: account.number,
          balance: formatMoney(account.balance),
          dueDate: formatDate(account.dueDate, input.lang),
        },
      },
    ],
  };
}
