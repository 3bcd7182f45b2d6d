/**
 * The store's policies as a clerk tells them: returns, warranty, credit (the store's own words,
 * `store.json` `policies`), its amenities and services (`store.json` `facts`: parking, cutting to
 * size, fiscal invoices…), and whether a way of paying the customer names is taken (read from
 * the store's `paymentMethods`, so the data decides).
 */
import type { Lang } from '../../domain/nlu.js';
import type { StoreFact, StoreFactKey, TenantData } from '../../domain/tenant.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { InfoActorInput, InfoActorOutput, ReplyDirective, ReplyOption, TemplateParams } from '../../machines/conversation.contract.js';
import { BANK_WORDS, banksNamed, PAYMENT_METHOD_IMPLIED_BY, PAYMENT_METHOD_WORDS, paymentMethodsNamed, asksInstalments, asksStoreCredit, returnReasonUntold } from '../brain/rule/store-questions.js';
import { fold } from '../brain/rule/text.js';
import { returnsBulkGoods, returnsMadeToOrder } from '../../machines/return-followups.js';
import { renderReply } from '../render-reply.js';
import { warrantyFor } from './complaint-answers.js';
import { resolverFor } from '../catalog/index.js';
import { asksRequirements } from '../../machines/credit-requirements.js';
import { asksCreditTerms } from '../../machines/credit-terms.js';

export type PolicyTopic = 'returns' | 'warranty' | 'credit';

/** Giving back a purchase asked: "quiero devolver…", "¿puedo devolver…?", "can I return…". */
const RETURN_ASKED = /\b(?:devolver|devuelvo|devolucion|devolverlo|devolverla|devolverlos|devolverlas|return|refund)\b/;

/** The store's credit asked about: whether it sells on credit, or what its credit takes ("¿qué necesito para sacar crédito?"). */
export function asksCreditQuestion(text: string): boolean {
  return asksStoreCredit(text) || asksCreditTerms(text);
}

/** What a customer says to apply for credit (a sales lead): the option under the credit answer. */
const APPLY_FOR_CREDIT: Record<Lang, string> = { es: 'quiero abrir una cuenta de crédito', en: 'I want to open a credit account' };

/**
 * The reply for one policy, or null when the store has not written it (or the tenant lacks the
 * template). A purchase to give back with no reason told (`text`: "quiero devolver un taladro que
 * compré ayer") gets the returns policy closed by what happened asked, when the tenant has it.
 */
export function policyReply(tenant: TenantData, topic: PolicyTopic, lang: Lang, text = '', focusSku?: string): ReplyDirective | null {
  const policy = tenant.store.policies?.[topic]?.[lang];
  // "quiero devolver una pintura que me entintaron": such goods never go back, said plainly (not the policy closed by "if it is unused…").
  if (policy && topic === 'returns' && RETURN_ASKED.test(fold(text)) && returnsMadeToOrder(text) && tenant.templates[lang]?.['info.returns.excluded'] !== undefined) return { template: 'info.returns.excluded' };
  // Cement or sand is never taken back: no "if it is unused…" after the policy that says so.
  const asks = topic === 'returns' && tenant.templates[lang]?.['info.policy.returns.ask'] !== undefined && returnReasonUntold(text) && !returnsBulkGoods(text);
  const template = asks ? 'info.policy.returns.ask' : `info.policy.${topic}`;
  if (!policy || tenant.templates[lang]?.[template] === undefined) return null;
  if (topic === 'credit' && asksInstalments(text) && tenant.templates[lang]?.[INSTALMENTS] !== undefined) return instalmentsReply(tenant, policy, lang);
  // "¿qué garantía tiene el taladro DeWalt?": the line about it, with how to use it; "¿tiene garantía?" with the drill on
  // the counter (`focusSku`), the drill's line; no line named, the whole policy.
  if (topic === 'warranty') return { template, params: { policy: warrantyOf(tenant, policy, text, focusSku) } };
  if (topic !== 'credit') return { template, params: { policy } };
  // Applying is the advisors' form (the sales lead): offered, never started on a question.
  return { template, params: { policy }, options: [{ label: 'info.policy.credit.apply', text: APPLY_FOR_CREDIT[lang], template: true }] };
}

const INSTALMENTS = 'info.policy.credit.instalments';

/**
 * The warranty's lines about what the message names ("el taladro DeWalt"), else about the product
 * it names by the catalog ("y el martillo?": the Truper hammer), else about the product on the
 * counter (its name and brand), else the whole policy.
 */
function warrantyOf(tenant: TenantData, policy: string, text: string, focusSku: string | undefined): string {
  const named = warrantyFor(policy, text);
  if (named !== policy) return named;
  const resolver = resolverFor(tenant.catalog, tenant.store.tradeGoods);
  const namesProduct = fold(text).split(/[^a-z0-9]+/).some((w) => w.length > 3 && !/^garant/.test(w) && resolver.correct(w) !== null);
  const product = (namesProduct ? resolver.search(text, { limit: 1 })[0]?.product : undefined) ?? (focusSku !== undefined ? tenant.catalog.find((p) => p.sku === focusSku) : undefined);
  return product ? warrantyFor(policy, `${product.name} ${product.brand ?? ''}`) : named;
}

/**
 * "¿lo puedo pagar en cuotas?": the store writes nothing of instalments, so none is promised — what
 * it does write is told (its ways of paying, its credit accounts) and a sales advisor is offered.
 */
function instalmentsReply(tenant: TenantData, policy: string, lang: Lang): ReplyDirective {
  const methods = joinAnd(tenant.store.paymentMethods[lang], lang);
  // The credit policy is written as a yes to "¿venden a crédito?": said here as a fact, not a yes to instalments.
  const credit = policy.replace(/^(?:s[ií]|yes)\s*[,.!]\s*/i, '');
  return { template: INSTALMENTS, params: { methods, credit: credit.charAt(0).toUpperCase() + credit.slice(1) }, options: [offerOf('sales_lead', lang).option] };
}

/** The credit answer's offer: a yes applies (the sales lead on the words of the option); after instalments asked, a sales advisor. */
export function creditOffer(lang: Lang, reply?: ReplyDirective): ChoiceOption {
  if (reply && 'template' in reply && reply.template === INSTALMENTS) return offerOf('sales_lead', lang).offer;
  return { intent: 'sales_lead', label: 'info.policy.credit.apply', text: APPLY_FOR_CREDIT[lang] };
}

/** What a customer says to take a fact's offer: the lead form, or a person. */
const FACT_OFFER_TEXT: Record<NonNullable<StoreFact['offer']>, Record<Lang, string>> = {
  sales_lead: { es: 'quiero una cotización con un asesor de ventas', en: 'I want a quote from a sales advisor' },
  human_agent: { es: 'quiero hablar con una persona', en: 'I want to talk to a person' },
};

/**
 * "¿tienen estacionamiento?" → the store's words on parking; a fact the store has not written →
 * that we do not know it, with a person offered (never "no vendemos estacionamiento"). Null when
 * the tenant lacks the templates (the question goes where it went). `offer`: what a yes takes.
 */
export function factReply(tenant: TenantData, key: StoreFactKey, lang: Lang): { reply: ReplyDirective; offer?: ChoiceOption } | null {
  const has = (template: string): boolean => tenant.templates[lang]?.[template] !== undefined;
  const fact = tenant.store.facts?.[key];
  const offered = fact ? fact.offer : 'human_agent';
  // A fact may close with its own words ("info.fact.languages": what can I help you with?) instead of "anything else?".
  const template = fact ? (offered ? `info.fact.offer.${offered}` : has(`info.fact.${key}`) ? `info.fact.${key}` : 'info.fact') : 'info.fact.unknown';
  if (!has(template) || (!fact && !has(`info.fact.topic.${key}`))) return null;
  const params: TemplateParams = fact ? { fact: fact[lang] } : { topic: renderReply({ template: `info.fact.topic.${key}` }, tenant.templates, lang) };
  if (!offered) return { reply: { template, params } };
  const { option, offer } = offerOf(offered, lang);
  return { reply: { template, params, options: [option] }, offer };
}

/** An answer's offer of the lead form or a person: its button (`info.offer.<intent>`) and what a yes takes. */
export function offerOf(intent: NonNullable<StoreFact['offer']>, lang: Lang): { option: ReplyOption; offer: ChoiceOption } {
  const label = `info.offer.${intent}`;
  const text = FACT_OFFER_TEXT[intent][lang];
  return { option: { label, text, template: true }, offer: { intent, label, text } };
}

const methodText = (method: string): string =>
  fold(method)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ');

/**
 * "¿aceptan PayPal?" → "No, no aceptamos PayPal. Aceptamos …"; "¿puedo pagar con tarjeta?" → "Sí,
 * aceptamos tarjeta …". Null when the text names no way of paying we know (the list answers).
 * `say` renders a tenant template (a method's display name).
 */
export function paymentMethodReply(tenant: TenantData, text: string, lang: Lang, methods: string, say: (template: string) => string | null): ReplyDirective | null {
  const named = paymentMethodsNamed(text);
  if (named.length === 0 || tenant.templates[lang]?.['info.payment.yes'] === undefined) return null;
  const accepted = acceptedMethods(tenant);
  const takes = (key: string): boolean => takesPaymentMethod(tenant, key);
  const name = (key: string): string => say(`info.payment.name.${key}`) ?? key;
  const and = (items: string[]) => joinAnd(items, lang);
  // "¿aceptan transferencia del Popular?": which banks the store's own transfer text names.
  if (named.length === 1 && named[0] === 'transfer' && takes('transfer') && tenant.templates[lang]?.['info.payment.transfer.bank'] !== undefined) {
    const asked = banksNamed(text);
    const ours = BANK_WORDS.filter(([, re]) => accepted.some((m) => TRANSFER.test(m) && re.test(m))).map(([bank]) => bank);
    if (asked.length > 0 && ours.length > 0) {
      const other = asked.filter((b) => !ours.includes(b));
      if (other.length === 0) return { template: 'info.payment.transfer.bank', params: { bank: and(asked), methods } };
      return { template: 'info.payment.transfer.otherBank', params: { bank: other.join(lang === 'es' ? ' ni en ' : ' or at '), banks: and(ours), methods } };
    }
  }
  const yes = named.filter(takes).map(name);
  const no = named.filter((k) => !takes(k)).map(name);
  const list = (items: string[]) => items.join(lang === 'es' ? ' ni ' : ' or ');
  if (no.length === 0) return { template: 'info.payment.yes', params: { named: yes.join(lang === 'es' ? ' y ' : ' and '), methods } };
  if (yes.length === 0) return { template: 'info.payment.no', params: { named: list(no), methods } };
  return { template: 'info.payment.some', params: { yes: yes.join(lang === 'es' ? ' y ' : ' and '), no: list(no), methods } };
}

const TRANSFER = PAYMENT_METHOD_WORDS.find(([k]) => k === 'transfer')![1];

/** The store's ways of paying as words, both languages' texts: a store that writes "Visa" in one writes it in the other. */
function acceptedMethods(tenant: TenantData): string[] {
  return [...tenant.store.paymentMethods.es, ...tenant.store.paymentMethods.en].map(methodText);
}

/** Whether the store's own `paymentMethods` take a way of paying (a key of `PAYMENT_METHOD_WORDS`): the data decides. */
export function takesPaymentMethod(tenant: TenantData, key: string): boolean {
  const words = PAYMENT_METHOD_WORDS.find(([k]) => k === key)?.[1];
  if (words !== undefined && acceptedMethods(tenant).some((m) => words.test(m))) return true;
  // "¿aceptan Azul?": a store that takes cards takes them through the processors.
  const by = PAYMENT_METHOD_IMPLIED_BY[key];
  return by !== undefined && takesPaymentMethod(tenant, by);
}

/** "Banreservas, Banco Popular y BHD". */
function joinAnd(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${lang === 'es' ? ' y ' : ' and '}${items[items.length - 1]}`;
}

/**
 * "¿a qué cuenta les transfiero?": the banks the store takes transfers at; the account's details come
 * from a person of the sales team with the order (never typed from memory), offered as a yes/no.
 */
export function transferAccountReply(tenant: TenantData, lang: Lang): { reply: ReplyDirective; offer: ChoiceOption } | null {
  if (tenant.templates[lang]?.['info.payment.transfer.account'] === undefined) return null;
  const accepted = [...tenant.store.paymentMethods.es, ...tenant.store.paymentMethods.en].map(methodText);
  const banks = BANK_WORDS.filter(([, re]) => accepted.some((m) => TRANSFER.test(m) && re.test(m))).map(([bank]) => bank);
  const { option, offer } = offerOf('human_agent', lang);
  return { reply: { template: 'info.payment.transfer.account', params: { banks: banks.length > 0 ? joinAnd(banks, lang) : lang === 'es' ? 'nuestros bancos' : 'our banks' }, options: [option] }, offer };
}

/**
 * The topics of a store question with the store facts it asks: "¿hay parqueo en la de Villa
 * Hermosa?" asks the fact, not the branch's address (the branch is where it is asked). Whether
 * the store speaks English, asked beside another question ("do you speak English? where are
 * you?": `asksWhere`), is said in a short yes before that answer (`language-answer.ts`): the other
 * question is the topic.
 */
export function withFactTopics<T extends string>(asked: readonly T[], facts: readonly StoreFactKey[], asksWhere: boolean): (T | `fact.${StoreFactKey}`)[] {
  const others = facts.filter((key) => key !== 'languages');
  const kept = others.length > 0 || !asksWhere ? asked.filter((t) => t !== 'location') : asked;
  // "¿cuánto es el mínimo pa delivery?": the fact, then the topic it introduces (the zones and their fees).
  const led = new Set(others.flatMap((key) => (FACT_LEADS[key] ? [FACT_LEADS[key]] : [])));
  const topics = [...kept.filter((t) => !led.has(t)), ...others.flatMap((key) => [`fact.${key}` as const, ...(FACT_LEADS[key] ? [FACT_LEADS[key] as T] : [])])];
  return topics.length > 0 ? topics : ['fact.languages'];
}

/** Facts whose answer introduces a store topic, said right after it: no minimum for delivery, then each zone's fee. */
const FACT_LEADS: Partial<Record<StoreFactKey, string>> = { deliveryMinimum: 'delivery' };

/**
 * "¿Cuánto tarda?" in the middle of a credit application: how long the review takes, not the
 * delivery times. Read from the store's credit policy ("la aprobación tarda de 2 a 3 días
 * laborables"); when the policy says nothing of it, a person of the store confirms it. The form's
 * question follows (the machine asks it again).
 */

/** How long something takes, asked: "¿cuánto tarda?", "¿cuánto se demora?", "¿en cuánto tiempo?", "how long does it take?". */
const HOW_LONG = /\b(?:cuanto (?:tiempo )?(?:tarda|tardan|tardaria|tardara|demora|demoran|dura|duran|se (?:tarda|tardan|demora|demoran|lleva))|en cuanto tiempo|cuanto tiempo|cuantos dias|cuando (?:me (?:aprueban|responden|contestan|dicen|avisan)|sabre|lo aprueban|la aprueban)|how long|how many days|when will (?:i|you) (?:know|hear))\b/;
/** The review time in the credit policy: "la aprobación tarda de 2 a 3 días laborables", "approval takes 2 to 3 business days". */
const REVIEW_TIME = /(?:aprobaci[oó]n|revisi[oó]n|approval|review)\s+(?:tarda|toma|demora|lleva|takes)\s+([^.;\n]+)/i;

/** Whether the message asks how long something takes (cheap: one folded test). */
export const asksHowLong = (text: string): boolean => HOW_LONG.test(fold(text));

/** The credit review's time, from the policy's words, or that a person confirms it; null when the tenant lacks the templates. */
export function creditReviewTime(tenant: TenantData, lang: Lang): InfoActorOutput | null {
  const time = REVIEW_TIME.exec(tenant.store.policies?.credit?.[lang] ?? '')?.[1]?.trim();
  const template = time ? 'info.credit.review_time' : 'info.credit.review_unknown';
  if (tenant.templates[lang]?.[template] === undefined) return null;
  return { replies: [{ template, ...(time ? { params: { time } } : {}) }] };
}

/** "¿Cuánto tarda?" while the credit application (the form) is in progress: the review's time; null otherwise. */
export function creditReviewAsked(tenant: TenantData, input: Pick<InfoActorInput, 'form' | 'text' | 'lang'>): InfoActorOutput | null {
  return input.form === 'credit' && asksHowLong(input.text) ? creditReviewTime(tenant, input.lang) : null;
}

/** "¿cuánto tiempo?" right after the warranty: the warranty's lengths again (of the product on the counter, when one is); null otherwise. */
export function warrantyAgain(tenant: TenantData, input: Pick<InfoActorInput, 'warrantyAsked' | 'lang' | 'focusSku'>): InfoActorOutput | null {
  const reply = input.warrantyAsked ? policyReply(tenant, 'warranty', input.lang, '', input.focusSku) : null;
  return reply ? { replies: [reply] } : null;
}

/** "¿cuánto cobran?" right after the tradespeople were offered: their price is agreed with them (`installationPrice`), a person offered again; null otherwise. */
export function tradePriceAgain(tenant: TenantData, input: Pick<InfoActorInput, 'tradePriceAsked' | 'lang'>): InfoActorOutput | null {
  const fact = input.tradePriceAsked ? factReply(tenant, 'installationPrice', input.lang) : null;
  return fact ? { replies: [fact.reply], ...(fact.offer ? { offer: fact.offer } : {}), tradesOffered: true } : null;
}

/** What opening a credit account takes, in the policy's words: "Para abrirla necesitas …", "To open one you need …". */
const REQUIREMENTS = /(?:para abrirla|para abrir una?(?: cuenta)?|to open (?:one|an account)|you need|necesitas)[^.]*\./i;

/** "¿qué necesito?" while the credit application is in progress: what opening one takes, from the store's policy; null otherwise. */
export function creditRequirementsAsked(tenant: TenantData, input: Pick<InfoActorInput, 'form' | 'text' | 'lang'>): InfoActorOutput | null {
  if (input.form !== 'credit' || !asksRequirements(input.text)) return null;
  const policy = tenant.store.policies?.credit?.[input.lang];
  const said = policy ? REQUIREMENTS.exec(policy)?.[0] : undefined;
  if (said === undefined || tenant.templates[input.lang]?.['info.credit.requirements'] === undefined) return null;
  return { replies: [{ template: 'info.credit.requirements', params: { requirements: said.charAt(0).toUpperCase() + said.slice(1) } }] };
}

/** The days the store's returns policy gives ("dentro de los 30 días", "within 30 days"), read from its own words. */
const WINDOW = /(\d{1,3})\s*(?:d[ií]as|days)/i;

/**
 * The answer to a condition told right after the returns policy: it applies or not ("tengo la
 * factura", "la mandaron a preparar"), or when it was bought ("lo compré hace una semana"), weighed
 * against the window the store's policy states: in time (and what it still needs), or too late
 * (the warranty for a defect). Null when the tenant has no template for it.
 */
export function returnConditionReply(tenant: TenantData, input: InfoActorInput): InfoActorOutput | null {
  const reply = returnReplyOf(tenant, input);
  if (!reply) return null;
  // No receipt: whether the purchase can still be found is a person's call, so a person is offered.
  if (input.returnCondition !== 'no_receipt' || !('template' in reply) || reply.template !== 'info.returns.no_receipt') return { replies: [reply] };
  const { option, offer } = offerOf('human_agent', input.lang);
  return { replies: [{ ...reply, options: [option] }], offer };
}

function returnReplyOf(tenant: TenantData, input: InfoActorInput): ReplyDirective | null {
  const has = (key: string): boolean => tenant.templates[input.lang]?.[key] !== undefined;
  const window = Number(WINDOW.exec(tenant.store.policies?.returns?.[input.lang] ?? '')?.[1] ?? NaN);
  if (input.purchaseDays !== undefined && input.returnCondition !== 'excluded' && Number.isFinite(window)) {
    if (input.purchaseDays > window && has('info.returns.late')) return { template: 'info.returns.late', params: { days: String(window) } };
    if (!input.returnCondition && has('info.returns.in_time')) return { template: 'info.returns.in_time', params: { days: String(window) } };
  }
  return input.returnCondition && has(`info.returns.${input.returnCondition}`) ? { template: `info.returns.${input.returnCondition}` } : null;
}
