import type { AnyStateMachine } from 'xstate';
import { fromTask } from '../kernel/promise-logic.js';
import type { Understanding } from '../domain/understanding.js';
import type { TenantData } from '../domain/tenant.js';
import type { Brain } from './brain/brain.js';
import { conversationMachine, provideAnswerers, provideReader, provideWorkflows } from '../machines/conversation.machine.js';
import { ruleAskedOf, type WorkflowSet } from '../machines/workflow/workflow-spec.js';
import { callWorkflowBackend } from './connectors/workflow-call.js';
import type {
  AccountActorInput,
  AccountActorOutput,
  BackendCallInput,
  BackendCallOutput,
  InfoActorInput,
  InfoActorOutput,
  LateCheckInput,
  LateCheckOutput,
  LeadActorInput,
  PhoneCodeInput,
  PhoneCodeOutput,
  LeadAmendInput,
  LeadActorOutput,
  ProductActorInput,
  ProductActorOutput,
  RateTicketInput,
  CancelTicketInput,
  CloseTicketInput,
  TicketActorInput,
  TicketActorOutput,
  UnderstandActorInput,
  UnderstandActorOutput,
} from '../machines/conversation.contract.js';
import { complaintPreface } from './tools/complaint-answers.js';
import { answerAccount, answerAccountLimited, answerInfo, answerProduct, createCatalogIndex, withReserveStock } from './tools/index.js';
import { answerInfoWithProducts, withStoreAsked } from './tools/product-and-store.js';
import { withUnmetFollowUp } from './tools/unmet-followup.js';
import { withElectricFaultTip } from './tools/electric-fault-tip.js';
import { withRoomColour, withWallColour } from './tools/wall-colour.js';
import { withQuoteSent } from './tools/quote-sent.js';
import { cacheProductAnswers } from './tools/answer-cache.js';
import { readingWithDatedUrgency } from './tools/dated-urgency.js';
import { answerWithPlaceSaid, readingWithFactFirst, readingWithPlaceSaid, reportingPlaceSaid } from './tools/place-said.js';
import { readingWithBotQuestion } from './brain/rule/bot-question.js';
import { readingWithNotFollowed } from './brain/rule/not-followed.js';
import { readingWithWait } from './brain/rule/wait-ask.js';
import { quoteSummaryLines } from './tools/estimate-delivery.js';
import { createLiveTools } from './tools/live-data.js';
import { createTenantInfo } from './tools/tenant-info.tool.js';
import { intentLabelOf, type IntentScore } from '../domain/nlu.js';
import { createIntentSet } from '../domain/intent-set.js';
import type { BackendClient } from './connectors/backend-client.js';
import type { CrmPort, LeadStore, TicketRecord, TicketStore } from '../persistence/ports/records.js';
import { buildLeadPayload } from './lead-payload.js';
import { agentLangOf, summarizeConversation } from './conversation-summary.js';
import { summarizeForContext } from './memory/contact-memory.js';

/** Messages the LLM brain sees verbatim; older ones reach it as a summary. */
const LLM_HISTORY_MESSAGES = 8;
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { Clock } from '../kernel/clock.js';
import { dayInZone } from './tools/format.js';
import { customerPhone } from './tools/studio-phone.js';
import { answerLateNotice } from './tools/studio-late.js';
import { packageInFocus, refusedJustBefore, servicesInFocus, visitInFocus } from './tools/studio-focus.js';
import { priceInBooking } from './tools/studio-services.js';
import { readingWithStudioFactBeside } from './tools/studio-fact-beside.js';
import type { AccessCounters } from '../persistence/ports/access-counters.js';
import type { Logger } from '../kernel/logger.js';

/** One tenant's data, brain and the conversation machine provided with that tenant's effects. */
export interface TenantRuntime {
  readonly id: string;
  readonly data: TenantData;
  readonly brain: Brain;
  readonly machine: AnyStateMachine;
  /** The tenant's workflows, for a snapshot of an older machine version to be migrated into them. */
  readonly workflows?: WorkflowSet;
}

export interface TenantRuntimeDeps {
  data: TenantData;
  brain: Brain;
  tickets: TicketStore;
  leads: LeadStore;
  crm: CrmPort;
  transcripts: TranscriptStore;
  clock: Clock;
  logger: Logger;
  /** The live context of a conversation (for ticket summaries); null when not active. */
  contextOf: (tenantId: string, conversationId: string) => Record<string, unknown> | null;
  /** Phone or username of the conversation's channel identity, when the channel has one. */
  contactHandleOf?: (tenantId: string, conversationId: string) => string | null;
  /** The channel the customer last wrote from (`whatsapp`, `web`…), null when not known: the lead payload's `channel`. */
  contactChannelOf?: (tenantId: string, conversationId: string) => string | null;
  /** The phone the customer writes from where the channel proves it (WhatsApp); what reads the customer's own records by phone uses this, never a handle. */
  contactPhoneOf?: (tenantId: string, conversationId: string) => string | null;
  /**
   * Called after a ticket is opened (again on a replayed effect: keep it idempotent, e.g. an
   * outbox row keyed by the ticket id). The agents' notification hangs here; a rejection fails
   * the effect like a failed ticket store.
   */
  onTicketOpened?: (ticket: TicketRecord, input: TicketActorInput) => Promise<void>;
  /** The customer called a handoff off before any agent answered: its ticket was just closed. */
  onTicketCancelled?: (ticket: TicketRecord, input: CancelTicketInput) => Promise<void>;
  /** Where wrong account verifications are counted across conversations (`answerAccountLimited`); none: per conversation only. */
  accessCounters?: AccessCounters;
  /** The tenant's business backend (`backend` in tenant.json): stock and accounts are read live through it (`tools/live-data.ts`). */
  backend?: BackendClient;
  /** The tenant's workflows (`workflows.json`): forms the machine runs against `backend`. */
  workflows?: WorkflowSet;
  /**
   * One-time codes to a booking phone's WhatsApp for a web visitor (`identity/phone-proof.ts`):
   * `available` while the tenant has a WhatsApp channel; `send` false when not sent (a limit).
   * Absent: `known` phones are never proven here (the `unproven` text stands).
   */
  phoneCodes?: {
    available(tenantId: string): boolean;
    send(input: { tenantId: string; conversationId: string; phone: string; lang: 'es' | 'en' }): Promise<boolean>;
  };
}

/**
 * Provides the machine's named effects with this tenant's implementations. Effects carry the
 * machine's idempotency keys through to the stores, so an actor restored mid-turn does not open a
 * second ticket or push a lead twice.
 */
export function createTenantRuntime(deps: TenantRuntimeDeps): TenantRuntime {
  const { data, brain, clock } = deps;
  const index = createCatalogIndex(data.catalog, data.store.tradeGoods);
  // The products priced in a conversation, as the lead's payload names them for the salesperson.
  const bySku = new Map(data.catalog.map((p) => [p.sku, p]));
  const productOf = (sku: string) => bySku.get(sku);
  const log = deps.logger.child({ component: 'tenant-runtime', tenant: data.settings.id });
  // A tenant with its own intent set answers its informational labels itself (backend data, templates).
  const intents = data.intents ? createIntentSet(data.intents) : null;
  const tenantInfo = intents ? createTenantInfo({ data, logger: deps.logger, ...(deps.backend ? { client: deps.backend } : {}) }) : null;
  /** The tenant label of the reading the info route answers: the conversation's own reading, else the brain's on the same text. */
  const labelOf = (conversationId: string, text: string): string => {
    const reading = (deps.contextOf(data.settings.id, conversationId)?.understanding as { nlu?: { intent?: IntentScore } } | undefined)?.nlu?.intent;
    return intentLabelOf(reading ?? brain.parse(text).intent);
  };
  const live = deps.backend ? createLiveTools({ data, index, client: deps.backend, logger: deps.logger, clock, ...(deps.accessCounters ? { accessCounters: deps.accessCounters } : {}) }) : null;

  // Workflows given by the wiring (a tenant admin's staged version) win over the ones loaded with the data.
  const workflows = deps.workflows ?? data.workflows;
  // The rule brain reads in the step that received the message; the LLM is invoked as an actor.
  const withWorkflows = provideWorkflows(conversationMachine, workflows);
  // A place named in a message going to the lead form is reported with the reading (`place-said.ts`).
  // What any brain's reading carries besides the brain's own: a place said in a lead message
  // (`place-said.ts`), the store's answer to a question asked with it, a question about what answers
  // (`bot-question.ts`).
  // The tenant's date today, worked out again only when the clock's minute changed.
  const today = dayInZone(clock, data.settings.timeZone);
  // A deadline named ("antes de navidad", "para el 15") is levelled against the tenant's calendar (`dated-urgency.ts`).
  const completeReading = <T extends Understanding>(reading: T, input: Pick<UnderstandActorInput, 'text' | 'expecting'>): T => {
    const text = input.text;
    const done = readingWithStudioFactBeside(data, workflows, readingWithWait(readingWithNotFollowed(readingWithBotQuestion(readingWithFactFirst(data, readingWithPlaceSaid(data, reading, text), text), text), text), text), text);
    return readingWithDatedUrgency(done, text, input.expecting, clock.now(), data.settings.timeZone);
  };
  // The rule brain hands back the same reading object for a text it has read before (its cache), and
  // completing it is a function of that reading, the text and the day: done once per reading and day, not per turn.
  const completed = new WeakMap<Understanding, { text: string; day: string; reading: Understanding }>();
  const completeOnce = (reading: Understanding, input: UnderstandActorInput): Understanding => {
    const hit = completed.get(reading);
    const day = today();
    if (hit !== undefined && hit.text === input.text && hit.day === day) return hit.reading;
    const done = completeReading(reading, input);
    completed.set(reading, { text: input.text, day, reading: done });
    return done;
  };
  const readNow = brain.readNow ? (input: UnderstandActorInput) => completeOnce(brain.readNow!(input), input) : undefined;
  const reading = readNow ? provideReader(withWorkflows, readNow) : withWorkflows;
  // The tenant's own catalog and store data answer synchronously: in the routing step (and, should that
  // throw, as the actor); a live backend or an async tenant-info is only ever invoked.
  // Each answer reports the store's place its message named (`place-said.ts`), for the machine to remember.
  const catalogProduct = live ? null : cacheProductAnswers((input: ProductActorInput) => answerWithPlaceSaid(data, input, clock.now(), (asked) => withReserveStock(data, answerProduct(data, index, asked, { ...(asked.text !== undefined ? { text: asked.text } : {}), now: clock.now() }))), today);
  // A product and a store question in one message ("¿tienen varilla? ¿y a qué hora cierran?"): both answered, whichever route it took (the tenant's own data only).
  // ...and an estimate soon after the quote ticket offered as a version of that quote (`quote-sent.ts`).
  // ...and what is safe said before the part for a breaker that trips or a dead outlet (`electric-fault-tip.ts`);
  // ...and a question about goods just said not to be sold ("¿y de cuántos watts?") answered as about them (`unmet-followup.ts`).
  const localProduct = catalogProduct ? (input: ProductActorInput) => withUnmetFollowUp(data, input, withQuoteSent(data, input, withElectricFaultTip(data, input, withStoreAsked(withRoomColour(data, input, withWallColour(data, input, catalogProduct(input), catalogProduct), catalogProduct), input, data, clock.now())))) : null;
  const localInfo = tenantInfo && intents ? null : (input: InfoActorInput) => reportingPlaceSaid(data, catalogProduct ? answerInfoWithProducts(data, input, clock.now(), catalogProduct) : answerInfo(data, input, clock.now()), input.text);
  const lateChecked = tenantInfo !== null && deps.backend !== undefined && workflows?.openingHours !== undefined;
  const answering = provideAnswerers(reading, { ...(localProduct ? { answerProduct: localProduct } : {}), ...(localInfo ? { answerInfo: localInfo } : {}) });
  const machine = answering.provide({
    actors: {
      understand: fromTask<UnderstandActorOutput, UnderstandActorInput>(async ({ input }) => {
        if (brain.kind !== 'llm') return completeReading(await brain.understand(input), input);
        // The LLM reads the message with a bounded context: the last messages and a summary of the rest.
        const conversationId = input.idempotencyKey.split(':')[0] ?? '';
        const lines = await deps.transcripts.list({ tenantId: data.settings.id, conversationId }, {});
        const { recent, summary } = summarizeForContext(lines, LLM_HISTORY_MESSAGES);
        const history = recent
          .filter((e) => !(e.direction === 'in' && e.messageId === input.messageId))
          .map((e) => ({ role: e.author === 'customer' ? ('customer' as const) : ('assistant' as const), text: e.text }));
        // What the conversation knows about the customer (from the lead draft) travels with it.
        const draft = ((deps.contextOf(data.settings.id, conversationId)?.lead ?? {}) as { draft?: Record<string, { value: string | null } | undefined> }).draft ?? {};
        const known = (['name', 'company_name', 'interest_area'] as const)
          .map((f) => (draft[f]?.value ? `${f}: ${draft[f]!.value}` : null))
          .filter(Boolean);
        const profile = known.length > 0 ? `Customer profile: ${known.join('; ')}.` : null;
        const historySummary = [profile, summary].filter(Boolean).join('\n') || null;
        // The LLM's tools over the customer's own records (bookings) read the channel's phone, as the info route does.
        const contactPhone = deps.contactPhoneOf?.(data.settings.id, conversationId) ?? null;
        // The LLM's reading carries what the rule brain's does (`completeReading`).
        return completeReading(await brain.understand({ ...input, history, historySummary, contactPhone }), input);
      }),
      answerProduct: fromTask<ProductActorOutput, ProductActorInput>(async ({ input }) => (localProduct ? localProduct(input) : withQuoteSent(data, input, await live!.answerProduct(input)))),
      answerAccount: fromTask<AccountActorOutput, AccountActorInput>(async ({ input }) => {
        const out = live ? await live.answerAccount(input) : deps.accessCounters ? await answerAccountLimited(data, input, deps.accessCounters) : answerAccount(data, input);
        if (out.outcome === 'verification_failed' || out.outcome === 'verification_locked') {
          // Security signal for operators: ids and counts only (no account number, no typed text).
          log.warn({ event: `security.account_${out.outcome}`, conversationId: input.idempotencyKey.split(':')[0], failures: out.access?.failures ?? null }, 'account verification refused');
        }
        return out;
      }),
      sendPhoneCode: fromTask<PhoneCodeOutput, PhoneCodeInput>(async ({ input }) => ({
        sent: (await deps.phoneCodes?.send({ tenantId: data.settings.id, conversationId: input.conversationId, phone: input.phone, lang: input.lang })) ?? false,
      })),
      // "Voy tarde": the day and the book looked at first (`studio-late.ts`); no replies hand it to a person.
      checkLate: fromTask<LateCheckOutput, LateCheckInput>(async ({ input }) => ({
        replies: await answerLateNotice({
          now: clock.now(),
          timeZone: workflows?.timeZone ?? data.settings.timeZone,
          lang: input.lang,
          hours: workflows?.openingHours,
          phone: customerPhone(deps.contactPhoneOf?.(data.settings.id, input.conversationId) ?? null, deps.contextOf(data.settings.id, input.conversationId)),
          client: deps.backend ?? null,
        }),
      })),
      answerInfo: fromTask<InfoActorOutput, InfoActorInput>(async ({ input }) => {
        if (!tenantInfo || !intents) return localInfo!(input); // the store data: localInfo is set exactly then
        const conversationId = input.idempotencyKey.split(':')[0] ?? '';
        // "¿cuánto me cobran si no voy?" read as a price question: the rule of the workflow it asks about (the policy).
        const context = deps.contextOf(data.settings.id, conversationId);
        // "¿y eso cuesta?" right after a cancellation refused as too late: the cancellation policy.
        const label = ruleAskedOf(deps.workflows, input.text, refusedJustBefore(context)) ?? labelOf(conversationId, input.text);
        const phone = customerPhone(deps.contactPhoneOf?.(data.settings.id, conversationId) ?? null, context);
        const focus = servicesInFocus(context);
        const visit = visitInFocus(context);
        const pkg = packageInFocus(context);
        const answered = await tenantInfo.answer({ answer: intents.intents.find((i) => i.label === label)?.answer, lang: input.lang, phone: phone?.phone ?? null, ...(phone?.only ? { only: phone.only } : {}), now: clock.now(), text: input.text, ...(focus ? { focus } : {}), ...(visit ? { visit } : {}), ...(pkg ? { package: pkg } : {}) });
        // The booking of that service under way: its price said without offering to book it again.
        return priceInBooking(data, answered, input.bookingService, input.lang);
      }),
      createTicket: fromTask<TicketActorOutput, TicketActorInput>(async ({ input }) => {
        const key = { tenantId: input.tenantId, conversationId: input.conversationId };
        const transcript = await deps.transcripts.list(key, {});
        const summary = summarizeConversation({
          reason: input.reason,
          transcript,
          context: deps.contextOf(input.tenantId, input.conversationId) ?? {},
          trigger: { messageId: input.messageId, text: input.written ?? input.text },
          lang: input.lang,
          ...(input.callBack ? { callBack: true } : {}),
          ...(input.askedPerson ? { askedPerson: true } : {}),
          ...(input.quote ? { quote: quoteSummaryLines(data, input.quote, agentLangOf(data.settings), clock.now()) } : {}),
          summaryLang: agentLangOf(data.settings),
        });
        const ticket = await deps.tickets.open({
          tenantId: input.tenantId,
          conversationId: input.conversationId,
          kind: input.kind,
          reason: input.reason,
          summary,
          idempotencyKey: input.idempotencyKey,
        });
        log.info({ conversationId: input.conversationId, ticket: ticket.number, kind: input.kind, reason: input.reason }, 'ticket opened');
        await deps.onTicketOpened?.(ticket, input);
        // "ya no sirve, ¿eso tiene garantía?": the store's answer is said with the case (`complaint-answers.ts`).
        const preface = input.kind === 'handoff' && input.reason === 'complaint' && data.templates[input.lang]?.['handoff.ticket.complaint.answered'] !== undefined ? complaintPreface(data, input.text, input.lang, clock.now()) : null;
        return { ticketId: ticket.ticketId, number: ticket.number, ...(preface ? { preface } : {}) };
      }),
      pushLead: fromTask<LeadActorOutput, LeadActorInput>(async ({ input }) => {
        const handle = deps.contactHandleOf?.(input.tenantId, input.conversationId) ?? null;
        const channel = deps.contactChannelOf?.(input.tenantId, input.conversationId) ?? null;
        const record = await deps.leads.save({
          tenantId: input.tenantId,
          conversationId: input.conversationId,
          draft: input.draft,
          idempotencyKey: input.idempotencyKey,
          build: (leadId) => buildLeadPayload(leadId, input.draft, handle, { ...input.known, ...(channel ? { channel } : {}), conversationId: input.conversationId }, productOf),
        });
        await deps.crm.pushLead(input.tenantId, record.payload);
        return { leadId: record.leadId, payload: record.payload };
      }),
      // The customer's correction of a registered lead: the same lead id, stored and sent again to the CRM port (when it takes updates).
      amendLead: fromTask<LeadActorOutput, LeadAmendInput>(async ({ input }) => {
        const handle = deps.contactHandleOf?.(input.tenantId, input.conversationId) ?? null;
        const channel = deps.contactChannelOf?.(input.tenantId, input.conversationId) ?? null;
        const payload = buildLeadPayload(input.leadId, input.draft, handle, { ...input.known, ...(channel ? { channel } : {}), conversationId: input.conversationId }, productOf);
        const record = (await deps.leads.amend?.(input.tenantId, input.leadId, payload)) ?? null;
        // The correction's number keys its CRM delivery; a store that keeps no count cannot number it.
        const amendment = record?.amendments ?? 0;
        if (amendment > 0) await deps.crm.updateLead?.(input.tenantId, record?.payload ?? payload, amendment);
        log.info({ conversationId: input.conversationId, leadId: input.leadId, amendment }, 'lead amended');
        return { leadId: input.leadId, payload };
      }),
      rateTicket: fromTask<void, RateTicketInput>(async ({ input }) => {
        const stored = (await deps.tickets.rate?.(input.tenantId, input.ticketId, input.rating)) ?? false;
        log.info({ conversationId: input.conversationId, rating: input.rating, stored }, 'handoff rated');
      }),
      cancelTicket: fromTask<void, CancelTicketInput>(async ({ input }) => {
        const closed = await deps.tickets.close(input.tenantId, input.ticketId, 'customer', 'cancelled_by_customer');
        log.info({ conversationId: input.conversationId, ticket: closed?.number ?? null }, 'handoff called off by the customer');
        if (closed) await deps.onTicketCancelled?.(closed, input);
      }),
      // Resolved by an agent, from any channel: the case is closed with who closed it (a second close keeps the first).
      closeTicket: fromTask<void, CloseTicketInput>(async ({ input }) => {
        if (!input.ticketId) return;
        const closed = await deps.tickets.close(input.tenantId, input.ticketId, input.agentName, input.outcome);
        log.info({ conversationId: input.conversationId, ticket: closed?.number ?? null }, 'handoff ticket closed');
      }),
      callBackend: fromTask<BackendCallOutput, BackendCallInput>(async ({ input }) => {
        const out = await callWorkflowBackend(deps.backend, input);
        log.info({ event: 'workflow.call', conversationId: input.conversationId, workflow: input.workflowId, purpose: input.purpose, ok: out.ok, ...(out.ok ? {} : { status: out.status, reason: out.reason }) }, 'workflow backend call');
        return out;
      }),
    },
    // A studio (its own intents, a backend, opening hours) looks at the day and the book before a "voy tarde" goes to a person.
    guards: { checksLateNotice: () => lateChecked, provesPhones: () => deps.phoneCodes?.available(data.settings.id) === true },
  }) as unknown as AnyStateMachine;

  return { id: data.settings.id, data, brain, machine, ...(workflows ? { workflows } : {}) };
}
