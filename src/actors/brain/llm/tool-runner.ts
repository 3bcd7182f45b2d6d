import { INTEREST_AREAS, URGENCY_LEVELS, type InterestArea, type LeadField, type UrgencyLevel } from '../../../domain/lead.js';
import type { Lang } from '../../../domain/nlu.js';
import type { TenantData } from '../../../domain/tenant.js';
import type { Expectation } from '../../../domain/understanding.js';
import type { Clock } from '../../../kernel/clock.js';
import type { BackendClient } from '../../connectors/backend-client.js';
import { ACCOUNT_NUMBER_PATTERN } from '../../tools/account.tool.js';
import { matchesSecondIdentifier, secondIdentifierCandidates, verificationRequired } from '../../tools/account-verification.js';
import { createCatalogIndex, type CatalogIndex } from '../../tools/catalog-search.js';
import { createBackendToolHandlers } from './backend-tools.js';
import type { ToolCall } from './llm-client.js';
import { tenantToolSpecs } from './tenant-tools.js';
import { createToolRegistry, type ToolContext, type ToolRegistry } from './tools.js';

/**
 * What a tool call did, as recorded on the turn (and in the conversation's context for the
 * inspector): the tool's name and an outcome code, never its arguments (they carry personal data).
 */
export interface ToolCallRecord {
  name: string;
  outcome: ToolOutcome;
}

export type ToolOutcome =
  | 'ok'
  | 'unknown_tool'
  | 'not_offered'
  | 'invalid_arguments'
  | 'forbidden'
  | 'not_found'
  | 'not_ready'
  | 'not_in_customer_messages'
  /** `account_status` without the account's second identifier: no data returned. */
  | 'verification_required'
  /** `account_status` with a second identifier that does not match (one check per turn). */
  | 'verification_failed'
  /** A tool over the contact's own records in a conversation with no phone that says who they are. */
  | 'contact_unknown'
  /** The tenant's backend could not answer (timeout, outage, circuit open, malformed answer). */
  | 'backend_unavailable';

/**
 * The effects the model asked for during one turn. Tools that read (catalog, prices, accounts,
 * e-mail syntax) answer the model at once; tools that change something (save a lead field, push
 * the lead, open a ticket, escalate) are *recorded* here and carried out by the conversation
 * machine when it applies the turn's reading, through its own idempotent effects. A model can
 * therefore never act outside the machine's rules, and an actor restored mid-turn that reads the
 * message again cannot push a lead or open a ticket twice.
 */
export interface ToolTurn {
  leadFields: Partial<Record<LeadField, string | null>>;
  interestArea?: InterestArea;
  urgency?: UrgencyLevel;
  /** `push_lead` accepted: the customer confirmed the summary. */
  confirmed: boolean;
  /** `escalate` or `create_ticket`: hand the conversation to a human. */
  handoff: { reason: string; critical: boolean } | null;
  /** Account looked up by `account_status` (digits the customer typed). */
  accountId?: string;
  /** Product phrases searched for by `search_catalog`. */
  products: { query: string }[];
  calls: ToolCallRecord[];
}

export function emptyToolTurn(): ToolTurn {
  return { leadFields: {}, confirmed: false, handoff: null, products: [], calls: [] };
}

export interface ToolRunContext {
  tenantId: string;
  conversationId: string;
  expecting: Expectation;
  /** The customer's messages of this conversation the model saw (current one included): arguments that name customer data must come from them. */
  customerTexts: readonly string[];
  /** The language of the reading: names in backend tool results are given in it. Default: the tenant's. */
  lang?: Lang;
  /**
   * The phone the customer writes from, as the host knows it from the channel (null on the web
   * widget). The only input of the tools over the contact's own records (`my_bookings`): never
   * taken from the model's arguments.
   */
  contactPhone?: string | null;
}

export interface ToolRunner {
  readonly registry: ToolRegistry;
  /** The machine state whose skills are offered for this expectation. */
  stateFor(expecting: Expectation): string;
  /** Validates, authorises and runs one call; returns the `tool` message content (JSON) for the model. */
  run(call: ToolCall, context: ToolRunContext, turn: ToolTurn): Promise<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Frequent misspellings of the mail providers Dominican customers use. */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  'gmial.com': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gmail.co': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'hotmal.com': 'hotmail.com',
  'hotmial.com': 'hotmail.com',
  'hotmail.co': 'hotmail.com',
  'homail.com': 'hotmail.com',
  'yahho.com': 'yahoo.com',
  'yaho.com': 'yahoo.com',
  'outlok.com': 'outlook.com',
  'outloo.com': 'outlook.com',
};

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/**
 * Runs the model's tool calls for one tenant: schema validation and per-state offering through the
 * registry, authorisation in code, and the handlers. Authorisation: a tool bound to "this contact"
 * only ever acts on this conversation (the runner has no way to name another one); a tool that names
 * a record by argument (an account number) may only name one the customer typed in this
 * conversation, and lead fields that identify a person (name, e-mail, phone, company) must be found
 * in the customer's own messages — a model cannot invent or import them. The tools are the
 * tenant's (`tenant-tools.ts`); with its backend, read-only tools over it (`backend-tools.ts`),
 * those over the contact's own records bound to `contactPhone`.
 *
 * @example
 * const runner = createToolRunner({ data, backend: { client, clock } });
 * const turn = emptyToolTurn();
 * const content = await runner.run(call, { tenantId, conversationId, expecting, customerTexts }, turn);
 */
export function createToolRunner(options: { data: TenantData; index?: CatalogIndex; backend?: { client: BackendClient; clock: Clock } }): ToolRunner {
  const { data } = options;
  // The tenant's tool set: only tools over data it has, and read-only tools over its backend.
  const backendTools = options.backend ? createBackendToolHandlers(options.backend) : null;
  const index = options.index ?? createCatalogIndex(data.catalog, data.store.tradeGoods);
  const typedDigits = new WeakMap<readonly string[], string>();
  const digitsOf = (texts: readonly string[]): string => {
    let d = typedDigits.get(texts);
    if (d === undefined) {
      d = texts.map((t) => t.replace(/\D/g, '')).join('|');
      typedDigits.set(texts, d);
    }
    return d;
  };

  const registry = createToolRegistry({
    specs: tenantToolSpecs(data, { backend: backendTools !== null }),
    authorize: ({ tool, args, context }) => {
      if (tool.name !== 'account_status') return false;
      const account = String(args['account_number'] ?? '');
      const texts = context.customerTexts ?? [];
      return account !== '' && digitsOf(texts).split('|').some((d) => d.includes(account));
    },
  });

  const stateFor = (expecting: Expectation): string =>
    expecting.kind === 'lead_field' || expecting.kind === 'lead_confirmation' ? 'qualifying' : 'triage';

  /** Identifying values must appear in what the customer wrote (case and accents aside). */
  const inCustomerTexts = (field: LeadField, value: string, texts: readonly string[]): boolean => {
    if (field === 'email') return texts.some((t) => t.toLowerCase().includes(value.toLowerCase()));
    if (field === 'phone_or_username') {
      const digits = value.replace(/\D/g, '');
      if (digits.length >= 7) return texts.some((t) => t.replace(/\D/g, '').includes(digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits));
      return texts.some((t) => fold(t).includes(fold(value)));
    }
    if (field === 'name' || field === 'company_name') {
      // Every word of the value (the model may fix capitals and accents, not add words).
      const words = fold(value).split(/[^\p{L}\p{N}&.]+/u).filter((w) => w.length > 1);
      const haystack = texts.map(fold).join(' ');
      return words.length > 0 && words.every((w) => haystack.includes(w));
    }
    return true;
  };

  const result = (turn: ToolTurn, name: string, outcome: ToolOutcome, body: Record<string, unknown>): string => {
    turn.calls.push({ name, outcome });
    return JSON.stringify(outcome === 'ok' ? body : { error: outcome, ...body });
  };

  async function run(call: ToolCall, context: ToolRunContext, turn: ToolTurn): Promise<string> {
    const toolContext: ToolContext = {
      tenantId: context.tenantId,
      conversationId: context.conversationId,
      contactId: context.conversationId,
      state: stateFor(context.expecting),
      customerTexts: context.customerTexts,
    };
    const checked = await registry.check(call, toolContext);
    if (!checked.ok) return result(turn, call.name, checked.reason, { problems: checked.problems.slice(0, 5) });
    const args = checked.args;
    if (backendTools?.has(checked.tool.name)) {
      const out = await backendTools.run(checked.tool.name, { lang: context.lang ?? data.settings.defaultLang, contactPhone: context.contactPhone ?? null });
      return result(turn, call.name, out.outcome, out.body);
    }

    switch (checked.tool.name) {
      case 'save_lead_field': {
        const field = args['field'] as LeadField;
        const raw = args['value'] as string | null;
        const value = raw === null ? null : raw.trim();
        if (value === null || value === '') {
          turn.leadFields[field] = null;
          return result(turn, call.name, 'ok', { saved: field, value: null });
        }
        if (field === 'email') {
          const email = value.toLowerCase();
          if (!EMAIL.test(email)) return result(turn, call.name, 'invalid_arguments', { problems: [{ path: 'value', problem: 'not an e-mail address' }] });
          if (!inCustomerTexts(field, email, context.customerTexts)) return result(turn, call.name, 'not_in_customer_messages', { field });
          turn.leadFields.email = email;
          return result(turn, call.name, 'ok', { saved: field });
        }
        if (field === 'interest_area') {
          const area = INTEREST_AREAS.find((a) => fold(a) === fold(value));
          if (area === undefined) return result(turn, call.name, 'invalid_arguments', { problems: [{ path: 'value', problem: `one of ${INTEREST_AREAS.join(', ')}` }] });
          turn.leadFields.interest_area = area;
          turn.interestArea = area;
          return result(turn, call.name, 'ok', { saved: field, value: area });
        }
        if (field === 'urgency_level') {
          const level = URGENCY_LEVELS.find((a) => fold(a) === fold(value));
          if (level === undefined) return result(turn, call.name, 'invalid_arguments', { problems: [{ path: 'value', problem: `one of ${URGENCY_LEVELS.join(', ')}` }] });
          turn.leadFields.urgency_level = level;
          turn.urgency = level;
          return result(turn, call.name, 'ok', { saved: field, value: level });
        }
        if (!inCustomerTexts(field, value, context.customerTexts)) return result(turn, call.name, 'not_in_customer_messages', { field });
        turn.leadFields[field] = value;
        return result(turn, call.name, 'ok', { saved: field });
      }
      case 'verify_email': {
        const email = String(args['email']).trim().toLowerCase();
        const domain = email.slice(email.lastIndexOf('@') + 1);
        const suggestion = DOMAIN_TYPOS[domain];
        return result(turn, call.name, 'ok', {
          valid: EMAIL.test(email) && suggestion === undefined,
          ...(suggestion !== undefined ? { reason: 'likely_typo', suggestion: `${email.slice(0, email.lastIndexOf('@'))}@${suggestion}` } : {}),
        });
      }
      case 'push_lead': {
        if (args['confirmed_by_customer'] !== true) return result(turn, call.name, 'not_ready', { detail: 'the customer has not confirmed the summary' });
        if (context.expecting.kind !== 'lead_confirmation') {
          return result(turn, call.name, 'not_ready', { detail: 'the lead summary has not been shown to the customer yet; keep collecting the missing fields' });
        }
        turn.confirmed = true;
        return result(turn, call.name, 'ok', { status: 'submitting', detail: 'Hilo submits the lead after this turn and tells the customer its number' });
      }
      case 'create_ticket':
      case 'escalate': {
        const reason = checked.tool.name === 'escalate' ? String(args['reason']) : 'ticket';
        const critical = reason === 'critical' || (checked.tool.name === 'create_ticket' && args['urgency'] === 'Alto');
        turn.handoff = { reason, critical: (turn.handoff?.critical ?? false) || critical };
        return result(turn, call.name, 'ok', { status: 'handoff_started', detail: 'Hilo opens the ticket and tells the customer its number; a human agent takes over' });
      }
      case 'search_catalog': {
        const query = String(args['query']);
        const limit = Number(args['limit']);
        const matches = index.search(query, { limit });
        if (!turn.products.some((p) => fold(p.query) === fold(query))) turn.products.push({ query });
        if (matches.length === 0) return result(turn, call.name, 'not_found', { query });
        return result(turn, call.name, 'ok', {
          results: matches.map((m) => ({ sku: m.product.sku, name: m.product.name, price_dop: m.product.price, unit: m.product.unit, stock: m.product.stock })),
        });
      }
      case 'get_price': {
        const sku = String(args['sku']).trim().toUpperCase();
        const product = data.catalog.find((p) => p.sku.toUpperCase() === sku);
        if (product === undefined) return result(turn, call.name, 'not_found', { sku });
        return result(turn, call.name, 'ok', { sku: product.sku, name: product.name, price_dop: product.price, unit: product.unit, stock: product.stock });
      }
      case 'account_status': {
        const number = String(args['account_number']);
        if (!ACCOUNT_NUMBER_PATTERN.test(number)) return result(turn, call.name, 'invalid_arguments', { problems: [{ path: 'account_number', problem: '5 to 8 digits' }] });
        turn.accountId = number;
        const account = data.accounts.find((a) => a.number === number);
        if (verificationRequired(data)) {
          // An unknown number answers like a known one whose proof fails: the model (and so the
          // customer) never learns which account numbers exist.
          // The same proof as the rule path (account.tool.ts): typed by the customer, checked once per turn.
          const given = typeof args['verification'] === 'string' ? args['verification'].trim() : '';
          const ask = 'ask the customer for the last 4 digits of the phone on file or the holder\'s cédula/RNC; say nothing about the account until it matches';
          if (given === '' || secondIdentifierCandidates(given).length !== 1) return result(turn, call.name, 'verification_required', { account_number: number, detail: ask });
          if (!digitsOf(context.customerTexts).split('|').some((d) => d.includes(given.replace(/\D/g, '')))) {
            return result(turn, call.name, 'not_in_customer_messages', { field: 'verification' });
          }
          if (account === undefined || turn.calls.some((c) => c.name === 'account_status' && c.outcome === 'verification_failed') || !matchesSecondIdentifier(account, given)) {
            return result(turn, call.name, 'verification_failed', { account_number: number, detail: ask });
          }
        }
        // Without verification nothing is secret but the standing itself, which needs the account.
        if (account === undefined) return result(turn, call.name, 'not_found', { account_number: number });
        // First name only, as the rule path shows: the chat may not be the holder's.
        return result(turn, call.name, 'ok', {
          account_number: number,
          holder_first_name: account.holder.trim().split(/\s+/)[0] ?? '',
          standing: account.standing,
          balance_dop: account.balance,
          due_date: account.dueDate,
        });
      }
      default:
        return result(turn, call.name, 'unknown_tool', {});
    }
  }

  return { registry, stateFor, run };
}
