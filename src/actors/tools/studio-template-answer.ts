import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput, ReplyOption } from '../../machines/conversation.contract.js';
import type { BackendClient } from '../connectors/backend-client.js';
import { readBusiness } from './studio-reads.js';
import { fold } from '../../machines/workflow/slot-extractors.js';

/** Hours before a booking it can be cancelled free when the backend does not say (the demo backend's rule). */
export const DEFAULT_CANCELLATION_HOURS = 4;

/** A discount asked of the way of paying: "¿hay descuento si pago en efectivo?", "any discount for cash?". */
const DISCOUNT = /\b(?:descuentos?|rebajas?|discounts?|cheaper|mas barato)\b/;

/** The offers a template answer may close with: `<template>.do_label` / `.do_text`, `.move_label` / `.move_text`. */
const OFFERS = ['do', 'move'] as const;

/**
 * A label answered by a template (help; a workflow label's own answer, as the cancellation policy
 * asked of `cancelar_cita`): `{methods}` is the store's ways of paying and `{hours}` how many hours
 * before a booking it can be cancelled free, as the backend's business says (its `cancellationHours`,
 * read only when the template names it). The template's offers, when the tenant wrote them, are its
 * buttons ("Cancelar mi cita"), so the policy asked never starts cancelling by itself.
 */
export async function templateAnswer(data: TenantData, client: BackendClient | undefined, asked: string, lang: Lang, text = ''): Promise<InfoActorOutput> {
  const texts = data.templates[lang] ?? {};
  // "¿hay descuento si pago en efectivo?": the template's `.discount` variant, where the tenant wrote one (a discount is not made up).
  const template = DISCOUNT.test(fold(text)) && texts[`${asked}.discount`] ? `${asked}.discount` : asked;
  const hours = texts[template]?.includes('{hours}') && client ? await cancellationHours(client) : DEFAULT_CANCELLATION_HOURS;
  const options: ReplyOption[] = OFFERS.flatMap((o) => {
    const label = texts[`${template}.${o}_label`];
    const text = texts[`${template}.${o}_text`];
    return label && text ? [{ label, text }] : [];
  });
  const params = { methods: data.store.paymentMethods[lang].join(', '), hours };
  return { replies: [{ template, params, ...(options.length > 0 ? { options } : {}) }] };
}

async function cancellationHours(client: BackendClient): Promise<number> {
  try {
    return (await readBusiness(client)).cancellationHours ?? DEFAULT_CANCELLATION_HOURS;
  } catch {
    // The policy is still said (the backend's usual rule) when the business cannot be read.
    return DEFAULT_CANCELLATION_HOURS;
  }
}
