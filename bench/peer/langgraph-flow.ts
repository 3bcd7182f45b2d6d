/**
 * The peer: Hilo's triage → (answer | qualify | handoff) flow built the LangGraph.js way — a
 * `StateGraph` whose state is checkpointed per `thread_id` (= conversation id) by a LangGraph
 * checkpointer (MemorySaver or PostgresSaver). One `invoke` per customer message.
 *
 * For a fair comparison it reads messages with Hilo's own rule brain and answers with Hilo's own
 * tools and reply templates, so what differs is the engine and the persistence. The state holds
 * what Hilo's machine context holds (language, turn counter, last message, the brain's reading,
 * what is expected next, the lead draft, the ticket) — not the transcript.
 */
import { Annotation, END, MemorySaver, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import type { Brain } from '../../src/actors/brain/brain.js';
import { renderReply } from '../../src/actors/render-reply.js';
import { answerAccount, answerInfo, answerProduct, createCatalogIndex } from '../../src/actors/tools/index.js';
import { ASKED_LEAD_FIELDS, REQUIRED_LEAD_FIELDS, type LeadField } from '../../src/domain/lead.js';
import type { Lang } from '../../src/domain/nlu.js';
import type { TenantData } from '../../src/domain/tenant.js';
import type { Expectation, Understanding } from '../../src/domain/understanding.js';
import type { ReplyDirective } from '../../src/machines/conversation.contract.js';

type Phase = 'triage' | 'answering' | 'qualifying' | 'handoff';

const replace = <T>(fallback: () => T) => Annotation<T>({ reducer: (_old: T, next: T) => next, default: fallback });

const PeerState = Annotation.Root({
  tenantId: replace<string>(() => ''),
  conversationId: replace<string>(() => ''),
  message: replace<{ id: string; text: string; receivedAt: string } | null>(() => null),
  lang: replace<Lang>(() => 'es'),
  turn: replace<number>(() => 0),
  phase: replace<Phase>(() => 'triage'),
  understanding: replace<Understanding | null>(() => null),
  expecting: replace<Expectation>(() => ({ kind: 'none' })),
  lead: replace<Partial<Record<LeadField, string | null>>>(() => ({})),
  ticket: replace<{ number: string; reason: string } | null>(() => null),
  /** This turn's replies (replaced every turn, like Hilo's emitted events). */
  replies: replace<ReplyDirective[]>(() => []),
});
type State = typeof PeerState.State;
type Update = Partial<State>;

const ANSWER_INTENTS = new Set(['product_inquiry', 'price_quote', 'offers', 'account_status', 'store_hours_location', 'job_vacancies']);

export interface PeerFlow {
  /** Runs one turn; returns the rendered replies. */
  turn(tenantId: string, conversationId: string, message: { id: string; text: string; receivedAt: string }): Promise<{ replies: string[]; phase: string }>;
}

export interface PeerFlowOptions {
  tenant: TenantData;
  brain: Brain;
  checkpointer: BaseCheckpointSaver;
  now?: () => number;
}

export function createMemoryCheckpointer(): BaseCheckpointSaver {
  return new MemorySaver();
}

export function createPeerFlow(options: PeerFlowOptions): PeerFlow {
  const { tenant, brain } = options;
  const now = options.now ?? (() => Date.now());
  const index = createCatalogIndex(tenant.catalog);
  let tickets = 0;

  const triage = async (s: State): Promise<Update> => {
    const msg = s.message;
    if (!msg) return { replies: [] };
    if (s.phase === 'handoff') {
      // A human holds the conversation: the message is relayed, the bot stays quiet.
      return { turn: s.turn + 1, replies: [{ template: 'handoff.waiting' }] };
    }
    const understanding = await brain.understand({ text: msg.text, messageId: msg.id, expecting: s.expecting, lang: s.lang, idempotencyKey: `${s.conversationId}:${msg.id}:understand` });
    return { turn: s.turn + 1, understanding, lang: understanding.lang, replies: [] };
  };

  const route = (s: State): 'answer' | 'qualify' | 'handoff' | 'smalltalk' | typeof END => {
    const u = s.understanding;
    if (s.phase === 'handoff' || !u) return END;
    const intent = u.nlu.intent.name;
    if (u.critical || u.priority >= 9 || intent === 'human_agent' || intent === 'complaint') return 'handoff';
    if (s.phase === 'qualifying' || intent === 'sales_lead') return 'qualify';
    if (ANSWER_INTENTS.has(intent)) return 'answer';
    return 'smalltalk';
  };

  const answer = async (s: State): Promise<Update> => {
    const u = s.understanding as Understanding;
    const intent = u.nlu.intent.name;
    const idempotencyKey = `${s.conversationId}:${s.message?.id ?? ''}:tool`;
    let replies: ReplyDirective[];
    if (intent === 'account_status') {
      replies = (await answerAccount(tenant, { tenantId: s.tenantId, lang: s.lang, accountId: u.accountId ?? null, idempotencyKey })).replies;
    } else if (intent === 'store_hours_location' || intent === 'offers' || intent === 'job_vacancies') {
      replies = (await answerInfo(tenant, { tenantId: s.tenantId, lang: s.lang, topic: intent, text: s.message?.text ?? '', idempotencyKey }, now())).replies;
    } else {
      replies = (await answerProduct(tenant, index, { tenantId: s.tenantId, lang: s.lang, intent, understanding: u, idempotencyKey })).replies;
    }
    return { phase: 'triage', expecting: { kind: 'none' }, replies };
  };

  const qualify = async (s: State): Promise<Update> => {
    const u = s.understanding as Understanding;
    const lead = { ...s.lead };
    for (const [field, value] of Object.entries(u.leadFields)) if (value) lead[field as LeadField] = value;
    const missing = ASKED_LEAD_FIELDS.find((f) => !lead[f] && (REQUIRED_LEAD_FIELDS.includes(f) || s.phase !== 'qualifying'));
    if (missing) {
      const start: ReplyDirective[] = s.phase === 'qualifying' ? [] : [{ template: 'lead.start' }];
      return { phase: 'qualifying', lead, expecting: { kind: 'lead_field', field: missing }, replies: [...start, { template: `lead.ask.${missing}` }] };
    }
    return { phase: 'triage', lead, expecting: { kind: 'none' }, replies: [{ template: 'lead.submitted' }] };
  };

  const handoff = async (s: State): Promise<Update> => {
    tickets += 1;
    const number = `T-${String(tickets).padStart(6, '0')}`;
    const reason = s.understanding?.nlu.intent.name === 'complaint' ? 'complaint' : 'customer_request';
    return { phase: 'handoff', ticket: { number, reason }, expecting: { kind: 'none' }, replies: [{ template: `handoff.ticket.${reason}`, params: { number } }] };
  };

  const smalltalk = async (s: State): Promise<Update> => {
    const intent = s.understanding?.nlu.intent.name;
    const template = intent === 'greeting' ? 'greeting' : intent === 'thanks' ? 'thanks' : intent === 'goodbye' ? 'goodbye' : 'notUnderstood';
    return { replies: [{ template }] };
  };

  const graph = new StateGraph(PeerState)
    .addNode('triage', triage)
    .addNode('answer', answer)
    .addNode('qualify', qualify)
    .addNode('handoff', handoff)
    .addNode('smalltalk', smalltalk)
    .addEdge(START, 'triage')
    .addConditionalEdges('triage', route, ['answer', 'qualify', 'handoff', 'smalltalk', END])
    .addEdge('answer', END)
    .addEdge('qualify', END)
    .addEdge('handoff', END)
    .addEdge('smalltalk', END)
    .compile({ checkpointer: options.checkpointer });

  return {
    async turn(tenantId, conversationId, message) {
      const out = (await graph.invoke({ tenantId, conversationId, message }, { configurable: { thread_id: `${tenantId}:${conversationId}` } })) as State;
      const replies = out.replies.map((r) => renderReply(r, tenant.templates, out.lang));
      return { replies, phase: out.phase };
    },
  };
}
