/**
 * A place the customer named in passing — "pintura blanca para mi villa en Casa de Campo", "es pa'
 * Bayahíbe", "white paint for my villa in Casa de Campo" — is remembered the way a clerk remembers
 * it: "¿me la pueden llevar mañana?" a few turns later is answered for that place (its zone, fee and
 * time, or "no llegamos" with what instead), never with the list of every zone.
 *
 * The tools report the place a message names (`placeSaid` on their output, a known zone or place of
 * `store.json` only, never a guessed capitalised word); the machine keeps it (`context.placeSaid`)
 * and hands it back (`placeSaid` on their input) while no other delivery place was asked since; a
 * delivery question that names no place is then read with it (`info.tool.ts`, `product-delivery.ts`).
 */
import type { TenantData } from '../../domain/tenant.js';
import type { Understanding } from '../../domain/understanding.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { asksTotalWithDelivery } from '../../machines/product-focus.js';
import { findDeliveryPlace } from './info.tool.js';
import { deliveryAskedIn } from './product-delivery.js';
import { answerOrderWithPlace } from './order-place.js';
import { factQuestionsBesideRequest } from '../brain/rule/store-facts.js';
import { asksNewAccount } from '../brain/rule/signals.js';
import { asksRequirements } from '../../machines/credit-requirements.js';
import { buysToResell } from '../brain/rule/reseller.js';
import { fold } from '../brain/rule/text.js';

/** A longer message is a story, not a place named in passing: not searched (the hot path stays cheap). */
const MAX_TEXT = 300;

/**
 * The name of the store's zone or known place a message names, as `store.json` spells it;
 * undefined when it names none (or only a capitalised word the store does not know).
 *
 * @example
 * placeNamedIn(tenant, 'necesito pintura para mi villa en casa de campo'); // 'Casa de Campo'
 */
export function placeNamedIn(tenant: Pick<TenantData, 'store'>, text: string | undefined): string | undefined {
  if (text === undefined || text.length > MAX_TEXT || text.trim() === '') return undefined;
  const found = findDeliveryPlace(tenant, text);
  return found.kind === 'zone' ? found.zone.zone : found.kind === 'place' ? found.place.name : undefined;
}

/** A tool's answer with the place its message named (for the machine to remember); the answer itself when none. */
export function reportingPlaceSaid<T extends object>(tenant: Pick<TenantData, 'store'>, out: T, text: string | undefined): T & { placeSaid?: string } {
  const place = placeNamedIn(tenant, text);
  return place === undefined ? out : { ...out, placeSaid: place };
}

/**
 * The product tool's answer with the place said before taken as the delivery when the message asks
 * the total with it and names no place ("es para una casa en Villa Hermosa" … "¿cuánto sería con el
 * envío?"): that zone's fee is a line of the total, and the place becomes the conversation's delivery
 * (`deliveryAsked`). The answer reports the place its own message named (`placeSaid`).
 */
export function answerWithPlaceSaid(tenant: TenantData, input: ProductActorInput, now: number | undefined, answer: (input: ProductActorInput) => ProductActorOutput): ProductActorOutput {
  const text = input.text;
  const delivery = !input.delivery && input.placeSaid !== undefined && text !== undefined && text.length <= MAX_TEXT && asksTotalWithDelivery(text) ? deliveryAskedIn(tenant, `llevar a ${input.placeSaid}`, now) : undefined;
  const out = delivery ? answer({ ...input, delivery }) : (answerOrderWithPlace(tenant, input, now, answer) ?? answer(input));
  return reportingPlaceSaid(tenant, delivery && !out.deliveryAsked ? { ...out, deliveryAsked: delivery } : out, text);
}

/**
 * The reading with the place its message named, when the message goes to the lead form ("soy de
 * Casa de Campo, quiero cotizar materiales"): that route calls no tool to report it, and "¿me lo
 * llevan?" later is still about that place. Only a lead reading is searched (the hot path stays cheap).
 */
export function readingWithPlaceSaid<T extends Understanding>(tenant: Pick<TenantData, 'store'>, reading: T, text: string): T {
  if (reading.nlu.intent.name !== 'sales_lead') return reading;
  const place = placeNamedIn(tenant, text);
  return place === undefined ? reading : { ...reading, placeSaid: place };
}

/**
 * The reading with the store's answer to a question its lead message asks, when the store wrote one
 * that offers the lead form ("¿venden al por mayor? necesito 3000 blocks": "Sí, vendemos al por
 * mayor…" before "¿Cuál es tu nombre?"). A clerk answers the question, then takes the details.
 */
export function readingWithFactFirst<T extends Understanding>(tenant: Pick<TenantData, 'store'>, reading: T, text: string): T {
  if (reading.nlu.intent.name !== 'sales_lead' || text.length > MAX_TEXT) return reading;
  for (const key of factQuestionsBesideRequest(text)) {
    const fact = tenant.store.facts?.[key];
    if (fact?.offer === 'sales_lead') return { ...reading, factFirst: fact[reading.lang] ?? fact.es };
  }
  // "quiero cotizar para mi ferretería": how the store sells wholesale, before the form's first question.
  const wholesale = tenant.store.facts?.wholesale;
  if (wholesale?.offer === 'sales_lead' && buysToResell(text)) return { ...reading, factFirst: wholesale[reading.lang] ?? wholesale.es };
  // "¿qué necesito para abrir una cuenta de crédito?": the store's credit terms (what it takes, how
  // long approval takes) before the application's first question.
  const credit = tenant.store.policies?.credit;
  // "what do I need to open an account" (credit not named): the store's accounts are its credit accounts, so its credit terms say what it takes.
  if (credit && (CREDIT.test(fold(text)) || asksRequirements(text)) && asksNewAccount(text)) return { ...reading, factFirst: credit[reading.lang] ?? credit.es };
  return reading;
}

/** Credit named: a new credit account, not any business account ("cuenta comercial"). */
const CREDIT = /\b(?:credito|credit)\b/;
