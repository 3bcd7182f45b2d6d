/**
 * The conversation machine's contract with its host: the events it accepts, the events it emits,
 * and the input/output of every effect the host provides by name with `machine.provide({ actors })`.
 * Everything here is plain JSON so snapshots round-trip through `JSON.stringify`.
 */
import type { ChoiceOption, Expectation, Understanding, UnderstandInput } from '../domain/understanding.js';
import type { ResolvedOperation } from './workflow/workflow-runner.js';
import type { LeadDraft, LeadPayload } from '../domain/lead.js';
import type { IntentName } from '../domain/intents.js';
import type { Lang } from '../domain/nlu.js';
import type { MediaKind } from '../domain/media.js';
import type { MaterialQuestion, MeasureAsked, Surface } from './material-questions.js';
import type { PhoneCodeEvent } from './bookings.contract.js';
import type { DeliveryQuote, QuoteLine } from './ticket.contract.js';

export type { LateCheckInput, LateCheckOutput, PhoneCodeEvent, PhoneCodeInput, PhoneCodeOutput } from './bookings.contract.js';
export type { HandoffReason, TicketKind } from '../domain/ticket.js';
export type { DeliveryQuote, QuoteLine, TicketActorInput, TicketActorOutput } from './ticket.contract.js';

/** Bumped whenever a persisted snapshot of an older version could no longer be restored as is. */
/** 2: the lead's `qualifying` states became ferreteria's `solicitud` workflow (`workflow.form`); migrate-snapshot.ts moves a parked lead. */
export const MACHINE_VERSION = 2;

/** Tag carried by every state in which the machine waits for the outside world; a turn ends there. */
export const AWAITING_INPUT = 'awaitingInput';

export type ParamValue = string | number | boolean | null;
export type TemplateParams = Record<string, ParamValue | Record<string, ParamValue>[]>;

/**
 * A reply the host renders into the contact's language: either a tenant template key with
 * parameters (array parameters render each item with the `<key>.item` template, one per line),
 * or literal text (an agent's message, an LLM's answer).
 */
export type ReplyDirective =
  /** `withoutQuestion`: the template's closing question (its last paragraph, when it asks) left out — the turn goes on to what answers it. */
  | { template: string; params?: TemplateParams; options?: ReplyOption[]; withoutQuestion?: true }
  | { text: string; author?: 'bot' | 'agent'; agentName?: string; options?: ReplyOption[] };

/**
 * A choice offered with a reply (a clarifying question, the two or three likely products). The
 * widget shows buttons, WhatsApp/Telegram numbered lines; choosing one sends `text` as the
 * customer's message (a bare "2" on a text channel means the second option). `label` is a tenant
 * template key when `template` is true, otherwise literal text shown as is.
 */
export interface ReplyOption {
  label: string;
  /** What the customer "says" by choosing it: read by the brain like any typed message. */
  text: string;
  template?: boolean;
}

// ---------------------------------------------------------------- events into the machine

export interface UserMessageEvent {
  type: 'user.message';
  messageId: string;
  text: string;
  channel: string;
  /** ISO timestamp from the host's clock. */
  receivedAt: string;
  /** The text is the caption of media of this kind (a photo with "¿tienen de este?"). */
  media?: MediaKind;
}
/**
 * A customer message with no text to read: a photo, voice note, document, sticker, shared place or
 * contact without a caption. The host keeps the provider's reference on the transcript line; the
 * machine only needs its kind (to acknowledge it, or to relay it while a human holds the thread).
 * A caption makes it a `user.message` instead (the caption is read like any text).
 */
export interface UserMediaEvent {
  type: 'user.media';
  messageId: string;
  kind: MediaKind;
  channel: string;
  /** ISO timestamp from the host's clock. */
  receivedAt: string;
}
export interface AgentMessageEvent {
  type: 'agent.message';
  agentName: string;
  text: string;
  /** The message's id on the agents' channel (`rocketchat:<message_id>`): one already relayed is ignored. */
  messageId?: string;
}
/** An agent takes the conversation over (Rocket.Chat `/crear-ticket`): a handoff ticket opens. */
export interface AgentTakeoverEvent {
  type: 'agent.takeover';
  agentName: string;
}
export interface AgentResolvedEvent {
  type: 'agent.resolved';
  agentName: string;
  outcome: string;
}
/** Sent by a durable timer outside the actor (XState `after` is not restored from snapshots). */
export interface CloseEvent {
  type: 'conversation.close';
  reason: 'idle' | 'admin';
}
/**
 * The host found that a phone or email the customer gave belongs to another contact of the tenant
 * (another channel). `maskedHandle` is all the customer may see of it; `handleKey` is an opaque
 * key so a declined match is not offered again; `codeSent`: a one-time code went out on the
 * other channel (false: that channel cannot send, nothing is linked).
 */
export interface IdentityMatchedEvent {
  type: 'identity.matched';
  channel: string;
  maskedHandle: string;
  handleKey: string;
  codeSent: boolean;
}
/**
 * A customer message the host read as the one-time code while a match is offered; the host
 * checked it (the code never enters the machine). `exhausted`: the last try failed or it expired.
 */
export interface IdentityCodeEvent {
  type: 'identity.code';
  messageId: string;
  text: string;
  receivedAt: string;
  result: 'valid' | 'wrong' | 'exhausted' | 'expired';
}
/** Sent to the older thread after another channel identity was linked to it: greet the customer there. */
export interface IdentityJoinedEvent {
  type: 'identity.joined';
  channel: string;
}
/**
 * Sent by the durable idle timer when the customer went quiet in the middle of something unfinished
 * (a lead): the machine reminds them once per silence; the next silence closes the conversation.
 */
export interface RemindEvent {
  type: 'conversation.remind';
}
export type ConversationEvent =
  | UserMessageEvent
  | UserMediaEvent
  | AgentMessageEvent
  | AgentResolvedEvent
  | AgentTakeoverEvent
  | CloseEvent
  | RemindEvent
  | IdentityMatchedEvent
  | IdentityCodeEvent
  | PhoneCodeEvent
  | IdentityJoinedEvent;

/**
 * The catalog's or the store information's answer, as the machine handles it: sent by the invoked
 * tool actor when it settles, or raised in the routing step by `provideAnswerers` (synchronous
 * tools). Internal to the machine: never sent by a channel or the host.
 */
export type ToolAnsweredEvent =
  | { type: 'xstate.done.actor.answerProduct'; output: ProductActorOutput; actorId: string }
  | { type: 'xstate.done.actor.answerInfo'; output: InfoActorOutput; actorId: string };

// ---------------------------------------------------------------- events the machine emits

export interface ReplyEmitted {
  type: 'reply';
  reply: ReplyDirective;
}
/** A customer message while a human holds the conversation: the host relays it to the agents. */
export interface RelayEmitted {
  type: 'handoff.relay';
  ticketNumber: string;
  messageId: string;
  text: string;
}
/** The customer proved control of the other channel: the host links this channel identity to it. */
export interface IdentityConfirmedEmitted {
  type: 'identity.confirmed';
  handleKey: string;
}
export type ConversationEmitted = ReplyEmitted | RelayEmitted | IdentityConfirmedEmitted;

// ---------------------------------------------------------------- effects (invoked actors)

export type UnderstandActorInput = UnderstandInput;
export type UnderstandActorOutput = Understanding;

/**
 * The product the bot last answered about, kept so the next messages can follow up on it
 * ("y si compro 50?", "y codos de 4?", "la satinada blanca cuánto?"). Plain JSON.
 */
export interface ProductFocus {
  sku: string;
  name: string;
  /** Unit price (DOP) when answered. */
  price: number;
  quantity?: number;
  /** The customer's words that found it ("tubo pvc 4 pulgadas"). */
  query: string;
  /** Attributes the customer gave, as words ("size": "4\"", "colour": "blanco"). */
  attributes?: Record<string, string>;
  /** SKUs offered as options with the answer, in order: "2" or "la segunda" picks one. */
  options?: string[];
  /** The in-stock SKU offered instead, when this product was answered out of stock. */
  alternative?: string;
  /** Other products answered just before this one, latest first ("dame 100 de cada uno" prices them all). */
  recent?: string[];
  /** The counts the customer gave for products of `recent` (SKU → quantity): "¿cuánto es todo?" totals them with this one. */
  counts?: Record<string, number>;
  /** Where this product stands among the counter's products in the customer's order (0 = first; absent = last, after `recent`): an estimate's first line. */
  at?: number;
  /** Asked for with "a"/"un" and no count ("I need a level"): one of it, for "how much all together". */
  one?: true;
  /** The customer turn it was answered in (set by the machine). */
  turn?: number;
  /**
   * The measurement this answer asked for ("dime cuántos metros cuadrados…"): a bare measurement
   * next ("40 metros cuadrados", "4 por 3") answers it. `length`: the one length already given.
   */
  measure?: { asked: MeasureAsked; length?: number; surface?: Surface };
  /** The product just asked whether it comes with something ("¿trae tanque?"): "¿y asiento?" next asks the same of it. */
  includes?: string;
  /** A count said for one of several lines without saying which ("no, que sean 15"): the line named next takes it. */
  lineCount?: number;
  /** The sizes the customer gave of the job ("piso de 4x5"): "¿cuánta cerámica necesito?" later works from them. */
  sizes?: MaterialQuestion;
  /** The sizes were said alone and what goes there asked ("piso de 4x5"): the material named or picked next is worked out for them. */
  sizesFor?: true;
  /** A paint colour the store offered to mix, or mixes, on this base paint ("azul"): a count said next is of that colour. */
  mix?: string;
  /** The colours mixed on paints counted before the one in focus (SKU of `counts` → colour): the total names each line's colour. */
  mixes?: Record<string, string>;
  /** The fault at home these products fix, in the catalog's job words ("inodoro gotea debajo", `home-faults.ts`): "¿qué necesito para arreglarlo?" next asks for them again. */
  fault?: string;
  /** The options are the parts of one job offered together ("¿Te cotizo todo, uno de cada uno?"): "¿cuánto sale todo?" prices one of each, as for a fault's parts. */
  kit?: true;
  /** The job whose kit was shown and its sizes asked ("levantar una pared"): the measurement said next counts the kit for it. */
  job?: string;
}

export interface ProductActorInput {
  tenantId: string;
  lang: Lang;
  intent: IntentName;
  understanding: Understanding;
  /** The customer's message, searched as a whole when the brain found no product phrase. */
  text?: string;
  /** The product answered in a recent turn, for follow-ups; absent when there is none. */
  focus?: ProductFocus;
  /** The lines of the estimate just given, while its formal quote is on offer: new items are added to it. */
  estimate?: QuoteLine[];
  /** Where the customer asked us to deliver a few turns ago (a served zone): its fee goes into an estimate's total. */
  delivery?: DeliveryQuote;
  /** A place of the store's (zone or known place) the customer named earlier, in passing ("para mi villa en Casa de Campo"): "¿cuándo llega?" is about it. */
  placeSaid?: string;
  /** The number of the quote ticket opened a few turns ago: an estimate now is a version of that quote, offered as such. */
  quoteSent?: string;
  /** A size asked alone just before, its families listed ("what about the 1/2 inch?"): the family named now is asked in it. */
  sizeAsked?: string;
  /** A count asked alone just before ("¿y cuánto por dos?" → "¿Dos de qué?"): the product named now, that many. */
  countAsked?: number;
  /** Goods the answer just before said the store does not sell ("planta eléctrica"): "¿y de cuántos watts?" is about them. */
  unmetBefore?: string;
  idempotencyKey: string;
}
export interface ProductActorOutput {
  /**
   * `multi_quote`: a formal quote asked for → the machine opens a quote ticket; `estimate`: several
   * items priced at once → the machine offers the formal quote and opens the ticket on a yes.
   */
  outcome: 'answered' | 'not_found' | 'need_product' | 'multi_quote' | 'estimate';
  /** The estimate's lines (`estimate` / `multi_quote`), kept by the machine while the formal quote is offered. */
  lines?: QuoteLine[];
  /** One product answered with "¿Te lo reservo?": what a yes sets aside (the alternative offered, when the one asked for is out; `lines`: the whole counter, when several lines are counted). */
  reserve?: QuoteLine & { name: string; backorder?: boolean; lines?: (QuoteLine & { name: string; price: number })[]; /** What the store has of it now (the tenant's own catalog): "apártame 500" of 230 is offered the 230. */ stock?: number };
  /** What the answer offers next (a room's material: an advisor for the whole remodel); a yes within one turn picks it. */
  offer?: ChoiceOption;
  /** The delivery counted in an estimate's total, at the fee charged (0 when the order reaches free delivery). */
  delivery?: DeliveryQuote;
  /** A served place the customer asked us to deliver to in this message, at its fee: kept as the conversation's delivery (`context.delivery`). */
  deliveryAsked?: DeliveryQuote;
  /** The store's zone or known place the message named, whatever it asked (`place-said.ts`): remembered as `context.placeSaid`. */
  placeSaid?: string;
  replies: ReplyDirective[];
  /** The product answered (the first, or the likeliest of the options shown). */
  focus?: ProductFocus;
  /** `need_product` for a size asked alone: the size, so that the family named next is asked in it. */
  sizeAsked?: string;
  /** `need_product` for a count asked alone ("¿Dos de qué?"): the count, so that the product named next is priced for that many. */
  countAsked?: number;
  /** `not_found`: the goods said not to be sold, as the customer named them, for a question about them next (`unmet-followup.ts`). */
  unmet?: string;
}

/**
 * Who may see which account in this conversation (context `accountAccess`; absent in older
 * snapshots). A verified account stays verified for this conversation only.
 */
export interface AccountAccess {
  /** Account numbers whose holder was verified here. */
  verified: string[];
  /** The account waiting for its second identifier, if any. */
  pending: string | null;
  /** Wrong second identifiers typed in this conversation (every account counts). */
  failures: number;
  /** What was asked of the account before it could be shown (the detailed statement, the credit limit, buying on credit, why it is suspended): answered once it is. */
  asked?: 'statement' | 'limit' | 'buy' | 'why' | 'due';
}

export interface AccountActorInput {
  tenantId: string;
  lang: Lang;
  accountId: string | null;
  idempotencyKey: string;
  /** The customer's message (the second identifier is read from it). */
  text?: string;
  access?: AccountAccess | null;
  /** The bot asked for the second identifier of `access.pending`. */
  verifying?: boolean;
}
export interface AccountActorOutput {
  /**
   * `need_verification`: the account exists, its data waits for the second identifier;
   * `verification_failed`: a wrong one, ask again; `verification_locked`: too many wrong ones,
   * no account data in this conversation.
   */
  outcome: 'answered' | 'not_found' | 'need_account_id' | 'invalid' | 'need_verification' | 'verification_failed' | 'verification_locked';
  replies: ReplyDirective[];
  /** The new access state (absent: unchanged). */
  access?: AccountAccess;
  /** What the answer offers ("¿Quieres que te comunique con el área de cobros?"): a yes next turn takes it. */
  offer?: ChoiceOption;
}

export type InfoTopic = 'store_hours_location' | 'offers' | 'job_vacancies';
/** `InfoActorInput.bookingService` for the service this message names, which the booking has not matched yet. */
export const SERVICE_NAMED_NOW = '*named';

export interface InfoActorInput {
  tenantId: string;
  lang: Lang;
  topic: InfoTopic;
  text: string;
  /** The service chosen in the booking under way (`*named`: the one this message names, not yet matched): its price asked now is said without offering to book it again. */
  bookingService?: string;
  /** Products on the counter (one answered in a recent turn): the answer may offer to deliver them. */
  counter?: boolean;
  /** The line "¿Te lo reservo?" offered last turn, priced: a served zone's answer gives its total with that delivery and offers to set it aside for it. */
  reserve?: { text: string; /** The product of a single line offered: an offer's price counts in its total with delivery. */ sku?: string; quantity: number; price: number; again?: true; /** Every counted line (asked again after a store answer; a delivery answer offers the counter's total instead). */ lines?: true };
  /** An estimate's formal quote offered last turn, not yet asked again: a plain store answer asks it again. */
  quote?: true;
  /** The quote ticket opened a few turns ago (its number): the quote asked again is "this version" of it. */
  quoteSent?: string;
  /** The job opening answered a turn or two ago (its Spanish title): "¿cómo aplico?", "¿cuánto pagan?" are about it. */
  vacancy?: string;
  /** The served place asked for a few turns ago: "¿y cuándo llega?" asks its delivery time. */
  delivery?: DeliveryQuote;
  /** Delivery talked about, no zone asked: "¿y si compro 20 mil es gratis?" is each zone's delivery for that amount. */
  deliveryTalked?: true;
  /** A place named earlier in passing and not followed by another delivery place: a delivery question naming none is about it. */
  placeSaid?: string;
  /** The reading, when it names products besides the store question ("¿tienen varilla? ¿y a qué hora cierran?"): they are answered too. */
  understanding?: Understanding;
  /** The product on the counter (answered in a recent turn): "¿hasta cuándo es la oferta?" is about its offer. */
  focusSku?: string;
  /** A condition told right after the returns policy ("tengo la factura", "la mandaron a preparar", "no tengo la factura"): whether the return applies. */
  returnCondition?: 'eligible' | 'excluded' | 'changed' | 'no_receipt';
  /** How many days ago the purchase was, told right after the returns policy ("lo compré hace una semana"): within the store's window or not. */
  purchaseDays?: number;
  /** A credit application in progress (the form): "¿cuánto tarda?" is the review's time. */
  form?: 'credit';
  /** The month the store question of the turn before named ("¿abren el 25 de diciembre?"): "¿y el 24?" is that month's. */ monthSaid?: string;
  /** "¿cuánto tiempo?" right after the warranty was given: the warranty again (its lengths). */ warrantyAsked?: true;
  /** "¿cuánto cobran?" right after the store said it does not install but knows tradespeople: their price, agreed with them. */
  tradePriceAsked?: true;
  idempotencyKey: string;
}
export interface InfoActorOutput {
  replies: ReplyDirective[];
  /**
   * What the answer offers to do next ("¿quieres solicitar crédito?"): a yes (or the data the
   * flow needs) within one turn picks it, as after a clarifying question.
   */
  offer?: ChoiceOption;
  /** A delivery answered for a served place: kept for the estimate's total ("¿cuánto sería todo?"). */
  delivery?: DeliveryQuote;
  /** The store's zone or known place the message named (`place-said.ts`): remembered as `context.placeSaid`. */
  placeSaid?: string;
  /** The products the answer put on the counter (an offer's): follow-ups ("la más barata", "dame 3 de esa") are about them. */
  focus?: ProductFocus;
  /** A product answered with the store question, offered with "¿Te lo reservo?": what a yes sets aside (as `ProductActorOutput.reserve`). */
  reserve?: ProductActorOutput['reserve'];
  /** The answer also answered the products the message named: a follow-up ("¿y la de aceite?") is about them, not the store topic. */
  answeredProducts?: boolean;
  /** The answer ends by asking again the "¿Te lo reservo?" of the turn before (`InfoActorInput.reserve`): that offer still stands. */
  keepsOffer?: true;
  /** A count said for the line of that offer with the store question ("dame 5, ¿me lo llevan a Caleta?"): the offer kept is for that many. */
  reserveCount?: number;
  /** The one job opening answered (its Spanish title): "¿cómo aplico?" next is about it. */
  vacancy?: string;
  /** The answer offered a tradesperson's contact (the store does not install): "¿cuánto cobran?" next is their price. */
  tradesOffered?: true;
  /** The one service the answer priced (a booking studio's id): follow-ups and a booking asked next are about it; null: several, none in focus. */
  service?: string | null;
  package?: string | null; // the one package it told of (a studio's id): "¿y cuánto cuesta?" next is about it; null: none any more
  /** Services priced together for one visit ("¿cuánto sale el manicure y el pedicure juntos?"), in the order said: a booking asked next books them all. */
  together?: string[];
  /** The answer offers a booking ("¿Te agendo uno?"): a yes next turn books, the service asked among these (empty: any). */
  bookingOffer?: string[];
  /** What a yes to that offer stands for, as the customer would write it ("con Yokasta Mercedes el viernes"): the booking reads it first. */
  bookingWords?: string;
}

export interface LeadActorInput {
  tenantId: string;
  conversationId: string;
  draft: LeadDraft;
  idempotencyKey: string;
  /** What the conversation knows beside the form, for the salesperson (absent in older callers). */
  known?: LeadKnown;
}
/** Beside the form: the store's place named, how the customer asked to be reached. */
export interface LeadKnown {
  place?: string;
  reachBy?: 'phone';
  /** The host's channel the customer wrote from (`whatsapp`, `web`…): added by the runtime, not the machine. */
  channel?: string;
  /** Products priced to the customer in this conversation (SKU, the count they gave): `lead-known.ts`. */
  priced?: { sku: string; quantity?: number }[];
  /** The conversation the lead came from, for the advisor to read it: added by the runtime. */
  conversationId?: string;
}
/** A registered lead corrected by the customer afterwards: the whole draft again, under its lead id. */
export interface LeadAmendInput extends LeadActorInput {
  leadId: string;
}
export interface LeadActorOutput {
  leadId: string;
  payload: LeadPayload;
}

/** A handoff ticket the customer called off before an agent answered (`handoff.cancelling`). */
export interface CancelTicketInput {
  tenantId: string;
  conversationId: string;
  ticketId: string;
}

/** A handoff ticket an agent resolved (`handoff.closingTicket`): closed with the agent and outcome, whatever channel the resolve came from. */
export interface CloseTicketInput extends CancelTicketInput {
  agentName: string;
  outcome: string;
}

/** The customer's 1–5 answer to the rating question asked after a resolved handoff. */
export interface RateTicketInput {
  tenantId: string;
  conversationId: string;
  ticketId: string;
  rating: number;
}

/**
 * One connector call of a tenant workflow (`src/machines/workflow/`): list a slot's options, check
 * a value, or run the action. The host calls the tenant's business backend with it.
 */
export interface BackendCallInput {
  tenantId: string;
  conversationId: string;
  workflowId: string;
  purpose: 'options' | 'check' | 'action';
  request: ResolvedOperation;
  /** Sent as `Idempotency-Key` on writes: a restored actor re-invoking the action books once. */
  idempotencyKey: string;
}
/** The backend's answer; a refusal (4xx) is an answer, not an error. Timeouts and outages reject. */
export type BackendCallOutput = { ok: true; body: unknown } | { ok: false; status: number; reason?: string };

/** The names the host must provide. */
export const CONVERSATION_ACTORS = [
  'understand',
  'answerProduct',
  'answerAccount',
  'answerInfo',
  'createTicket',
  'pushLead',
  'amendLead',
  'rateTicket',
  'cancelTicket',
  'closeTicket',
  'callBackend',
  'checkLate',
  'sendPhoneCode',
] as const;

export type { Expectation };
