import type { CustomerAccount, TenantData } from '../../domain/tenant.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { AccountAccess, AccountActorInput, AccountActorOutput } from '../../machines/conversation.contract.js';
import { MAX_VERIFICATION_FAILURES, matchesSecondIdentifier, secondIdentifierCandidates, verificationRequired } from './account-verification.js';
import { formatDate, formatMoney } from './format.js';
import { accountAskReply, accountAsked } from './account-asks.js';
import { COMPANY_HEAD, COMPANY_SUFFIX } from '../brain/rule/name-words.js';
import { foldAccents } from '../../kernel/fold.js';

/** Account numbers are 5 to 8 digits. */
export const ACCOUNT_NUMBER_PATTERN = /^\d{5,8}$/;

const NO_ACCESS: AccountAccess = { verified: [], pending: null, failures: 0 };

/**
 * What the standing's answer offers, as its closing question says: an overdue account the ways to
 * pay, a suspended one the collections team (a person). Only when the tenant words the offer's button.
 */
function standingOffer(account: CustomerAccount, input: AccountActorInput, templates: TenantData['templates']): ChoiceOption | undefined {
  const es = input.lang === 'es';
  if (account.standing === 'atrasada' && templates[input.lang]?.['account.offer.payment'] !== undefined) {
    return { intent: 'store_hours_location', label: 'account.offer.payment', text: es ? '¿Cuáles son las formas de pago?' : 'What are the payment options?' };
  }
  if (account.standing === 'suspendida' && templates[input.lang]?.['account.offer.collections'] !== undefined) {
    return { intent: 'human_agent', label: 'account.offer.collections', text: es ? 'Quiero hablar con el área de cobros por mi cuenta suspendida' : "I'd like to talk to collections about my suspended account" };
  }
  return undefined;
}

/**
 * How the answer addresses the holder: a person by the first name ("José"), a company by its whole
 * name ("Constructora Del Este SRL", never "Constructora").
 */
export function addressedAs(holder: string): string {
  const words = holder.trim().split(/\s+/);
  const company = COMPANY_HEAD.test(foldAccents(words[0] ?? '')) || words.some((w) => COMPANY_SUFFIX.test(w));
  return company ? holder.trim() : (words[0] ?? '');
}

function standing(account: CustomerAccount, input: AccountActorInput, shown: AccountAccess, tenant: TenantData): AccountActorOutput {
  const params = { firstName: addressedAs(account.holder), number: account.number, balance: formatMoney(account.balance), dueDate: formatDate(account.dueDate, input.lang) };
  // "¿me mandan el estado de cuenta?", "¿cuál es mi límite?" (now, or before the number or the proof): what is known, and a person for the rest.
  const { asked: before, ...access } = shown;
  const asked = accountAskReply(tenant, account, accountAsked(input.text ?? '') ?? before ?? null, input.lang, params);
  const offer = asked ? (asked.offer ?? standingOffer(account, input, tenant.templates)) : standingOffer(account, input, tenant.templates);
  if (asked) return { outcome: 'answered', access, ...(offer ? { offer } : {}), replies: [asked.reply] };
  return { outcome: 'answered', access, ...(offer ? { offer } : {}), replies: [{ template: `account.${account.standing}`, params }] };
}

function locked(access: AccountAccess): AccountActorOutput {
  return { outcome: 'verification_locked', access: { ...access, pending: null }, replies: [{ template: 'account.verify_locked' }] };
}

/**
 * Looks up a customer account by number. Accepts what customers type ("12-345", "# 12345") and
 * keeps only the digits. Shows the holder's first name only (the chat may not be theirs).
 *
 * Before the standing and balance, the customer proves the account is theirs (tenant policy
 * `accountVerification`, default `second_identifier`): the last 4 digits of the phone on file or
 * the holder's cédula/RNC. A verified account stays verified for this conversation; after
 * `MAX_VERIFICATION_FAILURES` wrong answers no account data is shown in this conversation.
 *
 * Outcomes: `need_account_id` (no number yet), `invalid` (not 5–8 digits), `not_found` (only when
 * the tenant needs no verification: otherwise an unknown number is asked for proof like any other),
 * `need_verification`, `verification_failed`, `verification_locked`, `answered`.
 */
export function answerAccount(tenant: TenantData, input: AccountActorInput): AccountActorOutput {
  const out = answerOnce(tenant, input);
  // "mi cuenta es 10587 y mi cédula 014-5308642-3": the proof given with the number is checked at once, never asked for again.
  const proof = out.outcome === 'need_verification' && out.access?.pending ? proofBeside(input.text ?? '', out.access.pending) : null;
  return proof !== null ? answerOnce(tenant, { ...input, text: proof, verifying: true, access: out.access! }) : out;
}

function answerOnce(tenant: TenantData, input: AccountActorInput): AccountActorOutput {
  const text = input.text ?? '';
  // What is asked of the account is kept while the number or the proof is awaited ("send me my statement" → number → proof → the statement's answer).
  const askedNow = accountAsked(text);
  const access = askedNow ? { ...(input.access ?? NO_ACCESS), asked: askedNow } : (input.access ?? NO_ACCESS);
  // The answer to "which second identifier?": checked against the pending account only.
  if (input.verifying && access.pending !== null && secondIdentifierCandidates(text).length > 0) {
    // A number with no account behaves exactly like an account whose proof never matches, so the
    // answers do not tell a guesser which numbers exist.
    const account = tenant.accounts.find((a) => a.number === access.pending);
    if (access.failures >= MAX_VERIFICATION_FAILURES) return locked(access);
    if (account !== undefined && matchesSecondIdentifier(account, text)) {
      return standing(account, input, { ...access, verified: [...new Set([...access.verified, account.number])], pending: null }, tenant);
    }
    const failures = access.failures + 1;
    if (failures >= MAX_VERIFICATION_FAILURES) return locked({ ...access, failures });
    return {
      outcome: 'verification_failed',
      access: { ...access, failures },
      replies: [{ template: 'account.verify_failed', params: { number: access.pending, left: String(MAX_VERIFICATION_FAILURES - failures) } }],
    };
  }
  const given = input.accountId ?? (input.verifying ? access.pending : null);
  if (given === null || given.trim() === '') {
    return { outcome: 'need_account_id', ...(askedNow ? { access } : {}), replies: [{ template: 'account.need_id' }] };
  }
  const digits = given.replace(/\D/g, '');
  if (!ACCOUNT_NUMBER_PATTERN.test(digits)) {
    // Long digit runs are not echoed back: they may be a card or phone number typed by mistake.
    if (digits.length === 0 || digits.length > 12) return { outcome: 'invalid', replies: [{ template: 'account.invalid_empty' }] };
    return { outcome: 'invalid', replies: [{ template: 'account.invalid', params: { given: digits } }] };
  }
  const account = tenant.accounts.find((a) => a.number === digits);
  if (!verificationRequired(tenant)) {
    if (!account) return { outcome: 'not_found', replies: [{ template: 'account.not_found', params: { number: digits } }] };
    return standing(account, input, access, tenant);
  }
  // With verification on, a number that exists and one that does not get the same question: "not
  // found" would let anyone enumerate the store's account numbers. The proof then fails for both.
  if (account !== undefined && access.verified.includes(account.number)) return standing(account, input, access, tenant);
  if (access.failures >= MAX_VERIFICATION_FAILURES) return locked(access);
  return {
    outcome: 'need_verification',
    access: { ...access, pending: digits },
    replies: [{ template: 'account.verify_ask', params: { number: digits } }],
  };
}

/** The holder's identifier named in the message ("mi cédula", "los últimos 4 del teléfono", "RNC"): a proof offered, not a number in passing. */
const PROOF_NAMED = /\b(?:c[eé]dula|rnc|tel[eé]fono|tel|celular|cel|m[oó]vil|phone|cell|[uú]ltimos|last (?:4|four)|d[ií]gitos|digits|documento|identidad)\b/i;
const DIGIT_RUN = /\d(?:[\d.-]*\d)?/g;

/**
 * The message without the account number, when what is left names and carries the holder's
 * identifier ("mi cuenta es 10587 y mi cédula 014-5308642-3" → "… y mi cédula 014-5308642-3");
 * null otherwise ("mi cuenta 12345, ¿debo 4200?" offers no proof).
 */
function proofBeside(text: string, account: string): string | null {
  if (!PROOF_NAMED.test(text)) return null;
  const rest = text.replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '') === account ? ' ' : run));
  return secondIdentifierCandidates(rest).length > 0 ? rest : null;
}

/** Wrong second identifiers for one account per day, over every conversation. */
export const MAX_ACCOUNT_FAILURES_PER_DAY = 10;
const DAY_MS = 24 * 60 * 60_000;

/**
 * `answerAccount` with a limit across conversations: a guesser who opens conversation after
 * conversation (3 tries each) still gets at most `MAX_ACCOUNT_FAILURES_PER_DAY` wrong answers per
 * account per day; past it the account's data is locked everywhere until the window ends.
 * Counts live in `AccessCounters` (Redis, else SQL, else memory), like the identity-link limits.
 */
export async function answerAccountLimited(tenant: TenantData, input: AccountActorInput, counters: { hit(key: string, windowMs: number): Promise<number>; count(key: string): Promise<number> }): Promise<AccountActorOutput> {
  const access = input.access ?? NO_ACCESS;
  const failKey = (number: string) => `acct:${tenant.settings.id}:${number}:fail`;
  const first = answerOnce(tenant, input);
  // The proof given with the number is checked as an answer to the question (counted like one).
  const proof = first.outcome === 'need_verification' && first.access?.pending ? proofBeside(input.text ?? '', first.access.pending) : null;
  if (proof !== null) return answerAccountLimited(tenant, { ...input, text: proof, verifying: true, access: first.access! }, counters);
  const out = first;
  const asked = out.outcome === 'need_verification' ? out.access?.pending : input.verifying ? access.pending : null;
  if (asked === null || asked === undefined) return out;
  if (out.outcome === 'need_verification' || out.outcome === 'answered' || out.outcome === 'verification_failed' || out.outcome === 'verification_locked') {
    if (out.outcome === 'verification_failed' || (out.outcome === 'verification_locked' && (out.access?.failures ?? 0) > access.failures)) {
      await counters.hit(failKey(asked), DAY_MS);
      return out;
    }
    // A right answer, or a new request, for an account already guessed at too often: nothing shown.
    if ((out.outcome === 'answered' && input.verifying) || out.outcome === 'need_verification') {
      if ((await counters.count(failKey(asked))) >= MAX_ACCOUNT_FAILURES_PER_DAY) return locked(out.access ?? access);
    }
  }
  return out;
}
