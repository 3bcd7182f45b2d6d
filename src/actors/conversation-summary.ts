import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';

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

/**
 * A short summary for the human who picks up a ticket (rule-based; the LLM brain can replace it).
 * It is stored with the ticket, never logged.
 */
export function summarizeConversation(input: {
  reason: string;
  transcript: TranscriptEntry[];
  context: Record<string, unknown>;
  maxCustomerLines?: number;
}): string {
  const lines: string[] = [];
  lines.push(`Motivo: ${REASONS[input.reason] ?? input.reason}.`);
  const lead = (input.context.lead ?? null) as { draft?: Record<string, { value: string | null } | undefined> } | null;
  const name = lead?.draft?.name?.value;
  const email = lead?.draft?.email?.value;
  const company = lead?.draft?.company_name?.value;
  const who = [name, email, company].filter(Boolean).join(' · ');
  if (who) lines.push(`Cliente: ${who}.`);
  const customer = input.transcript.filter((e) => e.author === 'customer');
  const intents = [...new Set(input.transcript.map((e) => e.intent).filter(Boolean))];
  if (intents.length) lines.push(`Temas: ${intents.join(', ')}.`);
  lines.push(`Mensajes en la conversación: ${input.transcript.length}.`);
  const last = customer.slice(-(input.maxCustomerLines ?? 3)).map((e) => `- "${e.text.slice(0, 200)}"`);
  if (last.length) lines.push('Últimos mensajes del cliente:', ...last);
  return lines.join('\n');
}
