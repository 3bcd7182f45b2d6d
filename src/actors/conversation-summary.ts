import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';
import { extractEmails, extractPersonNames, extractPhones } from './brain/rule/contact-entities.js';
import type { IntentName } from '../domain/intents.js';
import type { Lang } from '../domain/nlu.js';
import type { TenantSettings } from '../domain/tenant.js';
import { routedLabelOf, type TurnIntentView } from './turn-intent.js';
import { goodsForAgent } from './handoff-goods.js';
import { safetyDangerOf, type SafetyDanger } from '../machines/safety-advice.js';
import { aboutAnOrder, complaintToldWith } from './handoff-complaint.js';

const REASONS: Record<Lang, Record<string, string>> = {
  es: {
    customer_request: 'El cliente pidió hablar con una persona',
    call_back: 'El cliente pidió que lo llamen',
    critical: 'Caso crítico detectado',
    high_priority: 'Prioridad alta',
    not_understood: 'El asistente no entendió al cliente varias veces seguidas',
    brain_unavailable: 'El asistente automático no estaba disponible',
    complaint: 'Queja del cliente',
    quote: 'Cotización de varios artículos',
    lead_push_failed: 'No se pudo enviar la solicitud del cliente al CRM',
    agent_takeover: 'Un agente tomó la conversación',
  },
  en: {
    customer_request: 'The customer asked to talk to a person',
    call_back: 'The customer asked to be called back',
    critical: 'Critical case detected',
    high_priority: 'High priority',
    not_understood: 'The assistant did not understand the customer several times in a row',
    brain_unavailable: 'The automatic assistant was unavailable',
    complaint: 'Customer complaint',
    quote: 'Quote for several items',
    lead_push_failed: "The customer's request could not be sent to the CRM",
    agent_takeover: 'An agent took over the conversation',
  },
};

/**
 * What each intent the brain can read is about, in words an agent reads ("Temas: cotización,
 * consulta de producto"), never the id. A `Record` over `IntentName`: a new built-in intent does
 * not compile until it has its words.
 */
const INTENT_WORDS: Record<IntentName, Record<Lang, string>> = {
  greeting: { es: 'saludo', en: 'greeting' },
  goodbye: { es: 'despedida', en: 'goodbye' },
  thanks: { es: 'agradecimiento', en: 'thanks' },
  product_inquiry: { es: 'consulta de producto', en: 'product question' },
  price_quote: { es: 'cotización', en: 'price quote' },
  offers: { es: 'ofertas', en: 'offers' },
  account_status: { es: 'estado de cuenta', en: 'account status' },
  store_hours_location: { es: 'información de la tienda', en: 'store information' },
  job_vacancies: { es: 'vacantes de empleo', en: 'job openings' },
  human_agent: { es: 'pidió hablar con una persona', en: 'asked for a person' },
  complaint: { es: 'queja', en: 'complaint' },
  sales_lead: { es: 'solicitud comercial', en: 'sales lead' },
  out_of_scope: { es: 'fuera de alcance', en: 'out of scope' },
};

/**
 * An intent of the transcript in the summary's words: a built-in intent by its words, a tenant's
 * own label (`consultar_paquetes`, its intent set's) as the words it is made of ("consultar paquetes").
 */
export function intentTopic(intent: string, lang: Lang): string {
  const words = (INTENT_WORDS as Record<string, Record<Lang, string> | undefined>)[intent];
  return words ? words[lang] : intent.replace(/_+/g, ' ').trim();
}

/**
 * The language a tenant's agents read (`console.lang` in tenant.json), default the tenant's own
 * `defaultLang`: the ferretería's team reads Spanish whatever its customers write.
 */
export function agentLangOf(settings: Pick<TenantSettings, 'defaultLang' | 'console'>): Lang {
  return settings.console?.lang ?? settings.defaultLang;
}

/** The summary's own words, per the summary's language. */
const WORDS = {
  es: { toldTrouble: 'Queja del cliente (pidió hablar con una persona)', reason: 'Motivo', customer: 'Cliente', topics: 'Temas', messages: 'Mensajes en la conversación', last: 'Últimos mensajes del cliente:', callOn: 'Llamar al', noPhone: 'El cliente aún no dejó un número: pídeselo', request: 'Solicitud en curso', area: 'Área', urgency: 'Urgencia', goods: 'Productos' },
  en: { toldTrouble: 'Customer complaint (asked to talk to a person)', reason: 'Reason', customer: 'Customer', topics: 'Topics', messages: 'Messages in the conversation', last: "The customer's last messages:", callOn: 'Call on', noPhone: 'The customer has not left a number yet: ask for it', request: 'Request under way', area: 'Area', urgency: 'Urgency', goods: 'Products' },
} satisfies Record<Lang, Record<string, string>>;

/** A critical case's danger in the agents' words, and that the customer got the safety advice (`safety-advice.ts`). */
const DANGER: Record<Lang, Record<SafetyDanger, string>> = {
  es: {
    gas: 'Riesgo: olor o fuga de gas. Al cliente se le dijo cerrar el gas, ventilar y llamar al 911 si el olor es fuerte.',
    electric: 'Riesgo: descarga eléctrica. Al cliente se le dijo bajar el breaker y llamar al 911 si hay alguien herido.',
    fire: 'Riesgo: fuego, humo o chispas. Al cliente se le dijo salir del lugar, bajar el breaker y llamar al 911.',
    injury: 'Riesgo: una persona herida. Al cliente se le dijo llamar al 911 si es grave.',
  },
  en: {
    gas: 'Danger: a smell of gas or a gas leak. The customer was told to close the gas, air the place and call 911 if the smell is strong.',
    electric: 'Danger: an electric shock. The customer was told to switch off the breaker and call 911 if someone is hurt.',
    fire: 'Danger: fire, smoke or sparks. The customer was told to get out, switch off the breaker and call 911.',
    injury: 'Danger: someone hurt. The customer was told to call 911 if it is serious.',
  },
};

/** The customer's language in the summary's words, when it is not the summary's own. */
const CUSTOMER_LANG: Record<Lang, Partial<Record<string, string>>> = {
  es: { en: 'Idioma del cliente: inglés (respóndele en inglés).' },
  en: { es: "Customer's language: Spanish (answer in Spanish)." },
};

/**
 * A short summary for the human who picks up a ticket (rule-based; the LLM brain can replace it).
 * It is stored with the ticket, never logged.
 *
 * It is written for the tenant's agents, in their language (`summaryLang`, the tenant's `agentLangOf`;
 * Spanish unless told), whatever the customer's language: no customer
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
  /** The language of the summary, the agents' (default Spanish, whatever the customer's). */
  summaryLang?: Lang;
  /** A request for a person to call the customer ("¿me pueden llamar?"): said so, with the number to call. */
  callBack?: boolean;
  /** A quote's lines as written for the agents (products, delivery, total): listed after the reason. */
  quote?: string[];
  /** A complaint told while asking for a person: the reason says both, in the customer's words. */
  askedPerson?: boolean;
}): string {
  const sl: Lang = input.summaryLang ?? 'es';
  const w = WORDS[sl];
  const lines: string[] = [];
  const callBack = input.callBack === true && (input.reason === 'customer_request' || input.reason === 'complaint');
  // "quiero hablar con una persona, el pedido de ayer llegó incompleto": the reason is what happened,
  // in the customer's words, so the agent does not ask again what the customer already told.
  const personAsked = (input.reason === 'customer_request' && !callBack) || (input.reason === 'complaint' && input.askedPerson === true);
  const told = personAsked && input.trigger ? complaintToldWith(input.trigger.text) : null;
  lines.push(told ? `${w.reason}: ${w.toldTrouble}: "${told}".` : `${w.reason}: ${REASONS[sl][callBack && input.reason === 'customer_request' ? 'call_back' : input.reason] ?? input.reason}.`);
  if (input.quote && input.quote.length > 0) lines.push(...input.quote);
  const customerLang = input.lang !== undefined && input.lang !== sl ? CUSTOMER_LANG[sl][input.lang] : undefined;
  if (customerLang) lines.push(customerLang);
  const lead = (input.context.lead ?? null) as { status?: string; draft?: Record<string, { value: string | null } | undefined> } | null;
  const name = lead?.draft?.name?.value;
  const email = lead?.draft?.email?.value;
  const company = lead?.draft?.company_name?.value;
  const customerTexts = input.transcript.filter((e) => e.author === 'customer').map((e) => e.text);
  const pending = input.trigger !== undefined && input.trigger.text.trim() !== '' && !input.transcript.some((e) => e.messageId === input.trigger!.messageId);
  // After "¿Te paso con una persona?" → "sí", the trigger carries the words the yes confirmed
  // ("no me gustó"), already the customer's last line: listed once.
  if (pending && customerTexts[customerTexts.length - 1] !== input.trigger!.text) customerTexts.push(input.trigger!.text);
  // "huele a gas": which danger, and that the customer was told how to be safe (the agent calls at once).
  const danger = input.reason === 'critical' ? safetyDangerOf(customerTexts[customerTexts.length - 1] ?? '') : null;
  if (danger) lines.push(DANGER[sl][danger]);
  // What the customer said about themselves ("me llamo Carla Peña", an e-mail, a phone) counts even
  // outside a lead flow: the agent should greet them by name.
  const said = (extract: (text: string) => { value: string }[]): string | undefined => {
    for (let i = customerTexts.length - 1; i >= 0; i--) {
      const found = extract(customerTexts[i]!)[0];
      if (found !== undefined) return found.value;
    }
    return undefined;
  };
  // A request for an advisor under way (a person asked for in the middle of it, or its push failed):
  // the number it holds (a WhatsApp sender's too), what is needed, for which area, how urgent — what
  // the salesperson calls back about, without reading the whole conversation.
  const open = lead?.status === 'collecting' || lead?.status === 'confirming' || lead?.status === 'failed';
  const held = (field: string) => (open ? (lead?.draft?.[field]?.value ?? undefined) : undefined);
  const who = [name ?? said(extractPersonNames), email ?? said(extractEmails), company, said(extractPhones) ?? held('phone_or_username')].filter(Boolean).join(' · ');
  if (who) lines.push(`${w.customer}: ${who}.`);
  const need = held('problem_statement');
  const request = [need ? `"${need.slice(0, 300)}"` : undefined, held('interest_area') && `${w.area}: ${held('interest_area')}`, held('urgency_level') && `${w.urgency}: ${held('urgency_level')}`].filter(Boolean).join(' · ');
  if (request) lines.push(`${w.request}: ${request}.`);
  // The goods the customer is after ("300 × blocks de 6"), so the salesperson answers ready; a quote lists its own lines.
  // A complaint about an order ("el pedido de ayer llegó incompleto") is not about the product asked before it: only what it names.
  const orderTrouble = input.reason === 'complaint' && input.trigger !== undefined && aboutAnOrder(input.trigger.text);
  const goods = input.quote && input.quote.length > 0 ? [] : goodsForAgent(input.context, sl, { focus: !orderTrouble });
  if (goods.length > 0) lines.push(`${w.goods}: ${goods.join('; ')}.`);
  if (callBack) {
    // The number written last, the lead's, else the channel's (a WhatsApp sender's): what the customer was told we would call.
    const contact = (input.context.contact ?? null) as { phone?: string } | null;
    const phone = said(extractPhones) ?? lead?.draft?.phone_or_username?.value ?? contact?.phone;
    lines.push(phone ? `${w.callOn}: ${phone}.` : `${w.noPhone}.`);
  }
  // Topics are what the bot acted on (each line's routed intent, never the classifier's raw
  // reading): "y el normal?" after the white cement is a product question, not a complaint. The
  // message that opens the ticket has not committed yet: its routed intent is in the context.
  const intents = input.transcript.flatMap((e) => (e.intent ? [e.intent] : []));
  const triggerIntent = pending ? routedLabelOf(input.context as TurnIntentView) : undefined;
  if (triggerIntent) intents.push(triggerIntent);
  // Two intents with the same words (a tenant label and a built-in one) are one topic.
  const topics = [...new Set(intents.map((i) => intentTopic(i, sl)))];
  if (topics.length) lines.push(`${w.topics}: ${topics.join(', ')}.`);
  lines.push(`${w.messages}: ${input.transcript.length + (pending ? 1 : 0)}.`);
  const last = customerTexts.slice(-(input.maxCustomerLines ?? 3)).map((t) => `- "${t.slice(0, 200)}"`);
  if (last.length) lines.push(w.last, ...last);
  return lines.join('\n');
}
