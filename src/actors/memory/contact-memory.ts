/**
 * What the conversation side makes of contact memory: the greeting of a returning contact and a
 * bounded view of a long transcript for the brain. The stores are in persistence
 * (`ports/contact-memory.ts`, `memory/memory-contact-memory.ts`, `sql/sql-contact-memory.ts`).
 */
import type { ContactRecall } from '../../persistence/ports/contact-memory.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import { intentTopic } from '../conversation-summary.js';

/** A transcript cut down for the brain: the last messages verbatim and a summary of the rest. */
export interface BoundedContext {
  recent: TranscriptEntry[];
  /** Null when nothing was left out. */
  summary: string | null;
  omitted: number;
}

const MAX_SUMMARY_CHARS = 800;
const SNIPPET_CHARS = 120;

/**
 * The greeting for a returning contact, in the conversation language ("tú" in Spanish), or null
 * when there is nothing to remember.
 */
export function returningGreeting(recall: ContactRecall, lang: 'es' | 'en'): string | null {
  if (!recall.firstName && !recall.openTicket && !recall.openLead) return null;
  const parts: string[] = [];
  if (lang === 'es') {
    parts.push(recall.firstName ? `¡Hola de nuevo, ${recall.firstName}!` : '¡Hola de nuevo!');
    if (recall.openTicket) parts.push(`Tu caso ${recall.openTicket.number} sigue abierto y nuestro equipo lo está atendiendo.`);
    else if (recall.openLead) parts.push(`Ya tenemos tu solicitud ${recall.openLead.leadId}; un asesor te contactará pronto.`);
    parts.push('¿En qué te puedo ayudar hoy?');
  } else {
    parts.push(recall.firstName ? `Welcome back, ${recall.firstName}!` : 'Welcome back!');
    if (recall.openTicket) parts.push(`Your case ${recall.openTicket.number} is still open and our team is on it.`);
    else if (recall.openLead) parts.push(`We already have your request ${recall.openLead.leadId}; an advisor will contact you soon.`);
    parts.push('How can I help you today?');
  }
  return parts.join(' ');
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SNIPPET_CHARS ? oneLine : `${oneLine.slice(0, SNIPPET_CHARS - 1)}…`;
}

/**
 * Keeps the brain's context bounded: the last `maxMessages` entries verbatim, and a rule-based
 * summary of everything before them (counts, time span, topics by frequency, the first and the
 * latest customer requests, human involvement), capped at 800 characters.
 */
export function summarizeForContext(transcript: readonly TranscriptEntry[], maxMessages: number): BoundedContext {
  const keep = Math.max(0, Math.floor(maxMessages));
  const cut = Math.max(0, transcript.length - keep);
  const older = transcript.slice(0, cut);
  const recent = transcript.slice(cut);
  if (older.length === 0) return { recent: [...recent], summary: null, omitted: 0 };

  const first = older[0] as TranscriptEntry;
  const last = older[older.length - 1] as TranscriptEntry;
  const customer = older.filter((e) => e.author === 'customer');
  const lines: string[] = [
    `Earlier: ${older.length} message${older.length === 1 ? '' : 's'} (${customer.length} from the customer) between ${first.at.slice(0, 10)} and ${last.at.slice(0, 10)}.`,
  ];
  // Topics in words ("product question ×2"), as the agents' ticket summary names them: the reader
  // (the LLM, the console's profile) should not have to know Hilo's intent ids. A tenant label and a
  // built-in intent with the same words count as one topic.
  const topicCounts = new Map<string, number>();
  for (const e of older) {
    if (!e.intent) continue;
    const topic = intentTopic(e.intent, 'en');
    topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
  }
  if (topicCounts.size > 0) {
    const topics = [...topicCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    lines.push(`Topics: ${topics.map(([topic, n]) => (n > 1 ? `${topic} ×${n}` : topic)).join(', ')}.`);
  }
  const agents = [...new Set(older.filter((e) => e.author === 'agent').map((e) => e.agentName ?? 'agent'))];
  if (agents.length > 0) lines.push(`A human agent took part (${agents.length === 1 ? agents[0] : `${agents.length} agents`}).`);
  const firstAsk = customer[0];
  const lastAsk = customer[customer.length - 1];
  if (firstAsk) lines.push(`First request: "${snippet(firstAsk.text)}"`);
  if (lastAsk && lastAsk !== firstAsk) lines.push(`Latest earlier request: "${snippet(lastAsk.text)}"`);

  let summary = lines.join('\n');
  if (summary.length > MAX_SUMMARY_CHARS) summary = `${summary.slice(0, MAX_SUMMARY_CHARS - 1)}…`;
  return { recent: [...recent], summary, omitted: older.length };
}
