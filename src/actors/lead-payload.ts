import type { LeadKnown } from '../machines/conversation.contract.js';
import { phonesOf } from '../domain/phone-list.js';
import { toE164 } from '../domain/phone.js';
import { quantitiesIn } from './lead-quantities.js';
import { leadChannelOf } from './lead-channel.js';
import { INTEREST_AREAS, URGENCY_LEVELS, type InterestArea, type LeadDraft, type LeadPayload, type LeadPricedProduct, type UrgencyLevel } from '../domain/lead.js';
import type { Product } from '../domain/tenant.js';

function pick<T extends string>(allowed: readonly T[], value: string | null | undefined): T | null {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Builds the CRM payload from a finished draft, with what the conversation knows beside it
 * (`known`: the place, how to reach the customer, the channel it came in on, the conversation, the
 * products priced — resolved by `productOf` in the tenant's catalog) as optional fields. Each field keeps the id of the customer message it
 * came from in `provenance` (dotted path → message id).
 */
export function buildLeadPayload(leadId: string, draft: LeadDraft, fallbackContact: string | null, known: LeadKnown = {}, productOf: (sku: string) => Product | undefined = () => undefined): LeadPayload {
  const value = (f: keyof LeadDraft) => draft[f]?.value ?? null;
  const provenance: Record<string, string> = {};
  const note = (path: string, f: keyof LeadDraft) => {
    const v = draft[f];
    if (v) provenance[path] = v.sourceMessageId;
  };
  note('contact_info.name', 'name');
  note('contact_info.email', 'email');
  note('contact_info.phone_or_username', 'phone_or_username');
  note('business_context.company_name', 'company_name');
  note('business_context.interest_area', 'interest_area');
  note('problem_statement', 'problem_statement');
  note('urgency_level', 'urgency_level');
  const quantities = quantitiesIn(value('problem_statement'));
  const channel = leadChannelOf(known.channel);
  // "+18095551234 / +18295559876" (src/domain/phone-list.ts): each number on its own for the CRM.
  const given = phonesOf(value('phone_or_username') ?? fallbackContact);
  const phones = given.filter((p) => toE164(p) !== null).map((p) => toE164(p)!);
  const priced = (known.priced ?? []).flatMap((line): LeadPricedProduct[] => {
    const product = productOf(line.sku);
    return product ? [{ sku: product.sku, name: product.name, unit_price: product.price, unit: product.unit, ...(line.quantity !== undefined ? { quantity: line.quantity } : {}) }] : [];
  });
  return {
    lead_id: leadId,
    contact_info: {
      name: value('name') ?? '',
      phone_or_username: given[0] ?? null,
      email: value('email') ?? '',
      ...(phones.length > 0 ? { phones } : {}),
    },
    business_context: {
      company_name: value('company_name'),
      interest_area: pick<InterestArea>(INTEREST_AREAS, value('interest_area')),
    },
    problem_statement: value('problem_statement'),
    urgency_level: pick<UrgencyLevel>(URGENCY_LEVELS, value('urgency_level')),
    // For the salesperson, only when known: where the goods go, how many, how to reach the customer.
    ...(known.place ? { delivery_place: known.place } : {}),
    ...(quantities.length > 0 ? { quantities } : {}),
    ...(known.reachBy ? { preferred_contact_channel: known.reachBy } : {}),
    ...(channel ? { channel } : {}),
    ...(known.conversationId ? { conversation_id: known.conversationId } : {}),
    ...(priced.length > 0 ? { priced_products: priced } : {}),
    provenance,
  };
}
