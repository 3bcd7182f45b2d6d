import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';
import { extractEmails, extractPersonNames, extractPhones } from './brain/rule/contact-entities.js';

const REASONS: Record<string, string> = {
  customer_request: 'El cliente pidió hablar con una persona',
  critical: 'Caso crítico detectado',
  high_priority: 'Prioridad alta',
  not_understood: 'El asistente no entendió al cliente varias veces seguidas',
  brain_unavailable: 'El asistente automático no estaba disponible',
  complaint: 'Queja del cliente',
  quote: 'Cotización de varios artículos',
  lead_push_failed: 'No se pudo enviar la solicitud del cliente al CRM',
  agent_takeover: 'Un agente tomó la conversación',
};

/** The customer's language in the summary's words, when it is not the summary's own. */
const CUSTOMER_LANG: Record<string, string> = { en: 'Idioma del cliente: inglés (respóndele en inglés).' };

/**
 * A short summary for the human who picks up a ticket (rule-based; the LLM brain can replace it).
 * It is stored with the ticket, never logged.
 *
 * It is written for the tenant's agents, in Spanish, whatever the customer's language: no customer
 * ever sees it (the customer is told only the ticket number, in their language, by the reply
 * templates). A conversation in English keeps the customer's own words verbatim and says which
 * language to answer in, so the agent's first message is in the customer's language.
 */
export function summarizeConversation(input: {
  reason: string;
  transcript: TranscriptEntry[];
  context: Record<string, unknown>;
  maxCustomerLines?: number;
  /**
   * The customer message that triggered the handoff. Its turn has not committed yet, so it is not in
   * `transcript`; without it a handoff on the first message reached the agent with no words at all.
   */
  trigger?: { messageId: string; text: string };
  /** The conversation's language (the customer's). */
  lang?: string;
}): string {
  const lines: string[] = [];
  lines.push(`Motivo: ${REASONS[input.reason] ?? input.reason}.`);
  const customerLang = input.lang !== undefined ? CUSTOMER_LANG[input.lang] : undefined;
  if (customerLang) lines.push(customerLang);
  const lead = (input.context.lead ?? null) as { draft?: Record<string, { value: string | null } | undefined> } | null;
  const name = lead?.draft?.name?.value;
  const email = lead?.draft?.email?.value;
  const company = lead?.draft?.company_name?.value;
  const customerTexts = input.transcript.filter((e) => e.author === 'customer').map((e) => e.text);
  const pending = input.trigger !== undefined && input.trigger.text.trim() !== '' && !input.transcript.some((e) => e.messageId === input.trigger!.messageId);
  if (pending) customerTexts.push(input.trigger!.text);
  // What the customer said about themselves ("me llamo Carla Peña", an e-mail, a phone) counts even
  // outside a lead flow: the agent should greet them by name.
  const said = (extract: (text: string) => { value: string }[]): string | undefined => {
    for (let i = customerTexts.length - 1; i >= 0; i--) {
      const found = extract(customerTexts[i]!)[0];
      if (found !== undefined) return found.value;
    }
    return undefined;
  };
  const who = [name ?? said(extractPersonNames), email ?? said(extractEmails), company, said(extractPhones)].filter(Boolean).join(' · ');
  if (who) lines.push(`Cliente: ${who}.`);
  const intents = [...new Set(input.transcript.map((e) => e.intent).filter(Boolean))];
  if (intents.length) lines.push(`Temas: ${intents.join(', ')}.`);
  lines.push(`Mensajes en la conversación: ${input.transcript.length + (pending ? 1 : 0)}.`);
  const last = customerTexts.slice(-(input.maxCustomerLines ?? 3)).map((t) => `- "${t.slice(0, 200)}"`);
  if (last.length) lines.push('Últimos mensajes del cliente:', ...last);
  return lines.join('\n');
}
