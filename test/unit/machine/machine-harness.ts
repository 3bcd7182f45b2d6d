import { createActor, fromPromise, waitFor, type Actor, type SnapshotFrom, type StateValue } from 'xstate';
import type { IntentName } from '../../../src/domain/intents.js';
import type { ContactProfile } from '../../../src/domain/lead.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import {
  AWAITING_INPUT,
  type AccountActorInput,
  type AccountActorOutput,
  type ConversationEmitted,
  type ConversationEvent,
  type InfoActorInput,
  type InfoActorOutput,
  type LeadActorInput,
  type LeadActorOutput,
  type ProductActorInput,
  type ProductActorOutput,
  type RateTicketInput,
  type CancelTicketInput,
  type CloseTicketInput,
  type ReplyDirective,
  type TicketActorInput,
  type TicketActorOutput,
  type UnderstandActorInput,
} from '../../../src/machines/conversation.contract.js';
import { readFileSync } from 'node:fs';
import { conversationMachine, provideWorkflows, type ConversationContext } from '../../../src/machines/conversation.machine.js';
import { checkWorkflowSet, type WorkflowSet } from '../../../src/machines/workflow/workflow-spec.js';
import { FLOW_TEMPLATE_KEYS } from '../../../src/machines/flow-templates.js';
import { MEDIA_TEMPLATE_KEYS } from '../../../src/machines/media-ack.js';

/** A scripted `Understanding` (the brain is tested elsewhere). */
export function understood(intent: IntentName, extra: Partial<Understanding> & { confidence?: number } = {}): Understanding {
  const { confidence = 0.9, ...rest } = extra;
  return {
    nlu: { intent: { name: intent, confidence }, ranking: [{ name: intent, confidence }], entities: [], lang: rest.lang ?? 'es' },
    lang: 'es',
    affirmation: null,
    leadFields: {},
    products: [],
    critical: false,
    priority: 3,
    ...rest,
  };
}

/** What the fake brain answers per message text; `'fail'` rejects (brain unavailable). */
export type BrainScript = Record<string, Understanding | 'fail'>;

export interface Effects {
  answerProduct: (input: ProductActorInput) => ProductActorOutput | 'fail';
  answerAccount: (input: AccountActorInput) => AccountActorOutput | 'fail';
  answerInfo: (input: InfoActorInput) => InfoActorOutput | 'fail';
  createTicket: (input: TicketActorInput) => TicketActorOutput | 'fail';
  pushLead: (input: LeadActorInput) => LeadActorOutput | 'fail';
  rateTicket: (input: RateTicketInput) => void | 'fail';
  cancelTicket: (input: CancelTicketInput) => void | 'fail';
  closeTicket: (input: CloseTicketInput) => void | 'fail';
}

export interface Calls {
  understand: UnderstandActorInput[];
  answerProduct: ProductActorInput[];
  answerAccount: AccountActorInput[];
  answerInfo: InfoActorInput[];
  createTicket: TicketActorInput[];
  pushLead: LeadActorInput[];
  rateTicket: RateTicketInput[];
  cancelTicket: CancelTicketInput[];
  closeTicket: CloseTicketInput[];
}

const defaultEffects = (calls: Calls): Effects => ({
  answerProduct: () => ({ outcome: 'answered', replies: [{ template: 'product.found', params: { name: 'Cemento' } }] }),
  answerAccount: () => ({ outcome: 'answered', replies: [{ template: 'account.status' }] }),
  answerInfo: (input) => ({ replies: [{ template: `info.${input.topic}` }] }),
  createTicket: () => {
    const n = calls.createTicket.length;
    return { ticketId: `tk-${n}`, number: `T-00012${n}` };
  },
  rateTicket: () => undefined,
  cancelTicket: () => undefined,
  closeTicket: () => undefined,
  pushLead: (input) => ({
    leadId: 'L-0042',
    payload: {
      lead_id: 'L-0042',
      contact_info: { name: input.draft.name?.value ?? '', phone_or_username: null, email: input.draft.email?.value ?? '' },
      business_context: { company_name: null, interest_area: null },
      problem_statement: null,
      urgency_level: null,
      provenance: {},
    },
  }),
});

const TOOL_PREFIXES = ['product.', 'account.', 'info.', 'offers.', 'vacancies.', 'quote.items'];

function fake<I, O>(name: string, log: I[], run: (input: I) => O | 'fail') {
  return fromPromise<O, I>(async ({ input }) => {
    log.push(input);
    const out = run(input);
    if (out === 'fail') throw new Error(`${name} failed (scripted)`);
    return out;
  });
}

/** The hardware store's workflows (its lead, `solicitud`), as the runtime loads them. */
export function ferreteriaWorkflows(): WorkflowSet {
  const checked = checkWorkflowSet(JSON.parse(readFileSync(new URL('../../../tenants/ferreteria/workflows.json', import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`tenants/ferreteria/workflows.json: ${JSON.stringify(checked.problems)}`);
  return checked.value;
}

/** The machine provided with the hardware store's workflows and fakes that record every call. */
export function provideFakes(script: BrainScript, effects: Partial<Effects>, calls: Calls, workflows: WorkflowSet = ferreteriaWorkflows()) {
  const e = { ...defaultEffects(calls), ...effects };
  return provideWorkflows(conversationMachine, workflows).provide({
    actors: {
      understand: fromPromise<Understanding, UnderstandActorInput>(async ({ input }) => {
        calls.understand.push(input);
        const answer = script[input.text];
        if (answer === undefined) throw new Error(`unscripted message: ${input.text}`);
        if (answer === 'fail') throw new Error('brain unavailable (scripted)');
        return answer;
      }),
      answerProduct: fake('answerProduct', calls.answerProduct, e.answerProduct),
      answerAccount: fake('answerAccount', calls.answerAccount, e.answerAccount),
      answerInfo: fake('answerInfo', calls.answerInfo, e.answerInfo),
      createTicket: fake('createTicket', calls.createTicket, e.createTicket),
      pushLead: fake('pushLead', calls.pushLead, e.pushLead),
      rateTicket: fake('rateTicket', calls.rateTicket, e.rateTicket),
      cancelTicket: fake('cancelTicket', calls.cancelTicket, e.cancelTicket),
      closeTicket: fake('closeTicket', calls.closeTicket, e.closeTicket),
    },
  });
}

export type ConversationActor = Actor<ReturnType<typeof provideFakes>>;

export interface TurnOutput {
  emitted: ConversationEmitted[];
  replies: ReplyDirective[];
  /** Template keys (or `text:<author>` for literal replies), in order. */
  says: string[];
  state: string;
  context: ConversationContext;
}

export function stateString(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0]!;
  return child === undefined ? key : `${key}.${stateString(child as StateValue)}`;
}

/** Sends one event and waits until the machine awaits input again: one turn. */
export async function runTurn(actor: ConversationActor, event: ConversationEvent | { type: string }): Promise<TurnOutput> {
  const emitted: ConversationEmitted[] = [];
  const sub = actor.on('*', (e) => {
    emitted.push(e as ConversationEmitted);
  });
  try {
    actor.send(event as ConversationEvent);
    const snapshot = await waitFor(actor, (s) => s.hasTag(AWAITING_INPUT), { timeout: 5_000 });
    const replies = emitted.flatMap((e) => (e.type === 'reply' ? [e.reply] : []));
    const says = replies.map((r) => ('template' in r ? r.template : `text:${r.author ?? 'bot'}`));
    for (const r of replies) {
      if ('template' in r && !FLOW_TEMPLATE_KEYS.includes(r.template) && !MEDIA_TEMPLATE_KEYS.includes(r.template) && !TOOL_PREFIXES.some((p) => r.template.startsWith(p))) {
        throw new Error(`machine emitted an undeclared template key: ${r.template}`);
      }
    }
    return { emitted, replies, says, state: stateString(snapshot.value), context: snapshot.context };
  } finally {
    sub.unsubscribe();
  }
}

export interface Conversation {
  readonly actor: ConversationActor;
  readonly calls: Calls;
  say(text: string): Promise<TurnOutput>;
  send(event: ConversationEvent | { type: string }): Promise<TurnOutput>;
  snapshot(): SnapshotFrom<ReturnType<typeof provideFakes>>;
  /** Persists, round-trips through JSON, and continues in a brand-new actor. */
  restore(): void;
}

export function createConversation(options: { script: BrainScript; effects?: Partial<Effects>; conversationId?: string; contact?: ContactProfile }): Conversation {
  const calls: Calls = { understand: [], answerProduct: [], answerAccount: [], answerInfo: [], createTicket: [], pushLead: [], rateTicket: [], cancelTicket: [], closeTicket: [] };
  const machine = provideFakes(options.script, options.effects ?? {}, calls);
  const input = { tenantId: 'ferreteria', conversationId: options.conversationId ?? 'c-1', lang: 'es' as const, ...(options.contact ? { contact: options.contact } : {}) };
  let actor: ConversationActor = createActor(machine, { input });
  actor.start();
  let seq = 0;
  return {
    get actor() {
      return actor;
    },
    calls,
    say(text) {
      seq += 1;
      return runTurn(actor, { type: 'user.message', messageId: `m${seq}`, text, channel: 'web', receivedAt: `2026-11-22T12:00:${String(seq).padStart(2, '0')}.000Z` });
    },
    send: (event) => runTurn(actor, event),
    snapshot: () => actor.getSnapshot(),
    restore() {
      const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as never;
      actor.stop();
      actor = createActor(machine, { input, snapshot: persisted });
      actor.start();
    },
  };
}
