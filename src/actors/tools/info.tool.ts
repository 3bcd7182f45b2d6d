import type { Lang } from '../../domain/nlu.js';
import { copyPlain, createLru, remembered, type Lru } from '../../kernel/lru.js';
import type { DeliveryZone, StoreFactKey, TenantData } from '../../domain/tenant.js';
import { asksDirections, asksOpeningDay, asksPaymentMethod, namesPaymentMethod, asksReturnPolicy, asksTransferAccount, asksWarranty } from '../brain/rule/store-questions.js';
import { fold as foldText, phonetic } from '../brain/rule/text.js';
import type { DeliveryQuote, InfoActorInput, InfoActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import { renderReply } from '../render-reply.js';
import { calendarDate, formatDate, formatMoney } from './format.js';
import { askedDay, branchesNamed, dayHoursReply } from './opening-days.js';
import { offerReplies, vacancyReplies } from './info-lists.js';
import { asksDeliveryTime } from '../../machines/delivery-time.js';
import { freeDeliveryFrom } from './estimate-delivery.js';
import { asksDeliveryFee, asksFreeDeliveryFor, asksPriceAlone, feeForAmount, feeNotFreeHere } from './free-delivery-for.js';
import { asksCreditQuestion, creditOffer, creditRequirementsAsked, warrantyAgain, tradePriceAgain, creditReviewAsked, factReply, returnConditionReply, offerOf, paymentMethodReply, policyReply, transferAccountReply, withFactTopics } from './store-policies.js';
import { factCovers, storeFactsAsked } from '../brain/rule/store-facts.js';
import { asksPriceInCurrency } from '../brain/rule/currency-questions.js';
import { saysPickUp } from '../../machines/pickup.js';
import { withCountSaid } from './count-with-store-question.js';
import { deliveryTimeReply, reserveWithDelivery, type DeliveryPlace } from './delivery-times.js';
import { joinTopicAnswers, type TopicAnswer } from './joined-answers.js';
import { withOfferAgain } from './offer-again.js';
import { paymentDiscountReply } from './payment-discount.js';
import { priceInCurrencyReply } from './price-currency.js';
import { questionParts } from './question-parts.js';
import { foldAccents } from '../../kernel/fold.js';
import { asksNearestBranch, distanceKm, nearestAsked, nearestBranchReply } from './nearest-branch.js';

type StoreTopic = 'hours' | 'contact' | 'location' | 'delivery' | 'payment' | 'returns' | 'warranty' | 'credit' | `fact.${StoreFactKey}`;

/** What a store question is about, by keyword (accents folded); order = order of the replies. */
const STORE_TOPICS: [StoreTopic, RegExp][] = [
  ['hours', /\b(horarios?|horas?|abren|abre|abierto|abiertos|abierta|cierran|cierra|cerrado|domingos?|sabados?|feriados?|open|opening|close|closing|hours|sundays?|saturdays?)\b/],
  // "¿tienen WhatsApp?", "what's your email?": how to write to the store (its WhatsApp, phone, e-mail).
  ['contact', /\b(whats ?app|wasap|wassap|guasap|wsp|(?:su|sus|tu|el|el de ustedes|your) (?:correo|email|e mail|mail)|correo de (?:ustedes|la tienda|la ferreteria)|email address)\b/],
  // Phone questions are answered with the branches, each with its address and phone.
  ['location', /\b(donde|direccion|ubicacion|ubicados?|ubicadas?|queda|quedan|sucursal|sucursales|local|mapa|llegar|llego|lejos|distancia|telefonos?|numero de contacto|llamarlos|llamarles|address|where|location|located|branch|branches|directions|map|phone|phone number|call you|reach you|get there|get to you|get to your|how far|find you|(?:estan|tan) (?:(?:mas|muy|bien|por) )?(?:cerca|cerquita|frente|enfrente|al lado|detras|atras|proximo|junto|pegad[oa]s?|por donde))\b/],
  ['delivery', /\b(delivery|fletes?|acarreos?|envios?|enviar\w*|envian|envias|llevan|llevar\w*|llegan|mandan|mandar\w*|traen|traer\w*|entregas?|domicilio|despacho|despachan|deliver|deliveries|shipping|ship|zonas?)\b/],
  ['payment', /\b(pagos?|contado|pagar(?:les?)?|pagan|pagamos|tarjetas?|efectivo|transferencias?|debito|visa|mastercard|amex|american express|paypal|zelle|bitcoins?|cripto\w*|crypto\w*|cheques?|dolares|dollars|pay|payment|payments|cards?|cash|transfer)\b/],
];

/** What a yes to "¿te comparto la dirección?" after the hours says: where that branch (or every branch) is. */
function locationOffer(branch: string | null, lang: Lang, afterHours = false): ChoiceOption {
  const text = branch ? (lang === 'es' ? `¿Dónde queda la ${branch}?` : `Where is the ${branch}?`) : lang === 'es' ? '¿Dónde quedan las sucursales?' : 'Where are your branches?';
  // After every branch's hours, "the one on Padre Abreu?" may ask its hours as much as its address: both are said.
  const completes = afterHours ? (lang === 'es' ? '¿Dónde queda y a qué hora abre {answer}?' : 'Where is {answer} and what are its hours?') : lang === 'es' ? '¿Dónde queda {answer}?' : 'Where is {answer}?';
  return { intent: 'store_hours_location', label: 'info.offer.location', text, completes };
}

/** The location words that ask where (or how to reach) a branch, beyond naming one ("la sucursal de …"). */
const WHERE_WORDS = /\b(donde|direccion|ubicacion|ubicados?|ubicadas?|queda|quedan|mapa|llegar|llego|lejos|distancia|telefonos?|numero de contacto|llamarlos|llamarles|address|where|location|located|directions|map|phone|phone number|call you|reach you|get there|get to you|get to your|how far|find you)\b/;

/** Policy questions, read by the same words as the rule brain's (`store-questions.ts`). */
const POLICY_TOPICS: [StoreTopic, (text: string) => boolean][] = [['returns', asksReturnPolicy], ['warranty', asksWarranty], ['credit', asksCreditQuestion]];

const CONJUNCTION: Record<Lang, string> = { es: 'y', en: 'and' };

/** The kernel's fold (lower case, accents dropped; memoised for the turn's message). */
const fold = foldAccents;

function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${CONJUNCTION[lang]} ${items[items.length - 1] as string}`;
}

/**
 * The store's answer to a question about one day in words that hold on any day, for an FAQ draft
 * (analytics): "¿A qué hora abren el domingo?" → "Los domingos abrimos así: …", never "El domingo 6
 * de diciembre …" nor "(abierta ahora)". Null: not such a question (the answer given stands).
 */
export function timelessDayAnswer(tenant: TenantData, question: string, lang: Lang, now: number): string | null {
  const day = askedDay(question, now, tenant.settings.timeZone);
  if (day === null) return null;
  const say = (template: string, params?: Record<string, string>): string => renderReply(params ? { template, params } : { template }, tenant.templates, lang);
  const reply = dayHoursReply(tenant, question, day, lang, now, say, { timeless: true });
  return reply === null ? null : renderReply(reply, tenant.templates, lang);
}

function dayHours(tenant: TenantData, text: string, lang: Lang, now: number, say: (template: string, params?: Record<string, string>) => string): ReplyDirective | null {
  const day = askedDay(text, now, tenant.settings.timeZone);
  return day ? dayHoursReply(tenant, text, day, lang, now, say) : null;
}

/**
 * The hours of one day, remembered per store, language, text and minute (the answer says whether
 * each branch is open now, so it holds for that minute): a busy store is asked the same thing
 * many times a minute. Handed out as copies.
 */
const dayHoursByStore = new WeakMap<TenantData['store'], Lru<ReplyDirective | null>>();
function rememberedDayHours(tenant: TenantData, text: string, lang: Lang, now: number, say: (template: string, params?: Record<string, string>) => string): ReplyDirective | null {
  let lru = dayHoursByStore.get(tenant.store);
  if (!lru) {
    lru = createLru<ReplyDirective | null>(TOPIC_CACHE_SIZE);
    dayHoursByStore.set(tenant.store, lru);
  }
  const key = `${lang}\u0000${Math.floor(now / 60_000)}\u0000${text}`;
  const reply = remembered(lru, key, () => dayHours(tenant, text, lang, now, say));
  return reply === null ? null : copyPlain(reply);
}

function storeReplies(tenant: TenantData, input: Pick<InfoActorInput, 'text' | 'lang' | 'counter' | 'delivery' | 'deliveryTalked' | 'reserve' | 'placeSaid' | 'focusSku' | 'monthSaid'>, now: number): { replies: ReplyDirective[]; offer?: ChoiceOption; delivery?: DeliveryQuote; tradesOffered?: true } {
  const { store } = tenant;
  const { lang } = input;
  let text = input.text; // each question of "¿el 25 abren? ¿y el 24?" in turn (question-parts.ts)
  let offer: ChoiceOption | undefined;
  let delivery: DeliveryQuote | undefined;
  let trades = false;
  const say = (template: string, params?: Record<string, string>): string => renderReply(params ? { template, params } : { template }, tenant.templates, lang);
  const sayIfAny = (template: string): string | null => (tenant.templates[lang]?.[template] !== undefined ? say(template) : null);
  const methods = joinList(store.paymentMethods[lang], lang);
  const answers: TopicAnswer[] = [];
  for (const part of questionParts(input.text, (t) => storeTopics(tenant, t), input.monthSaid)) {
    text = part;
    for (const topic of ((input.delivery || input.deliveryTalked) && asksFreeDeliveryFor(text)) || ((input.delivery || input.placeSaid !== undefined) && asksPriceAlone(text)) ? (['delivery'] as const) : storeTopics(tenant, text)) { // "and if I spend 15k?" after a zone's fee: that zone's delivery
      offer = undefined;
      const said = answerTopic(topic);
      if (said.length > 0) answers.push({ replies: said, ...(offer ? { offer } : {}) });
    }
  }
  text = input.text;
  // "¿dónde están y a qué hora abren?": the hours without "¿Te comparto la dirección?", the addresses following.
  const joined = joinTopicAnswers(answers, tenant.templates, lang);
  const replies = joined.replies;
  offer = joined.offer;
  function answerTopic(topic: StoreTopic): ReplyDirective[] {
    switch (topic) {
      case 'hours': {
        const reply = text.length <= TOPIC_CACHE_MAX_TEXT ? rememberedDayHours(tenant, text, lang, now, say) : dayHours(tenant, text, lang, now, say);
        const offersAddress = tenant.templates[lang]?.['info.offer.location'] !== undefined;
        if (reply) {
          // "Hoy abrimos así… ¿Te comparto la dirección?": a yes (or "la de Villa Hermosa") takes it.
          const template = 'template' in reply ? reply.template : '';
          // "Los domingos la de Padre Abreu no abre. ¿Te ayudo con otra sucursal?": a yes asks which open that day.
          const when = 'params' in reply ? (reply.params as { when?: unknown } | undefined)?.when : undefined;
          if (offersAddress && template === 'info.day.branch.closed' && typeof when === 'string' && when !== '') offer ??= { intent: 'store_hours_location', label: 'info.offer.location', text: lang === 'es' ? `${when}, ¿qué sucursales abren?` : `${when}, which branches are open?` };
          if (offersAddress && (template === 'info.day' || template === 'info.day.branch')) offer ??= locationOffer(template === 'info.day.branch' ? String(('params' in reply ? (reply.params as { name?: unknown } | undefined)?.name : '') ?? '') || null : null, lang, template === 'info.day');
          return [reply];
        }
        // "¿a qué hora cierra la principal?": that branch's hours only.
        const named = new Set(branchesNamed(store.branches.map((b) => b.name), text, store.branches.map((b) => b.address)));
        const branches = named.size > 0 ? store.branches.filter((_, i) => named.has(i)) : store.branches;
        const one = branches.length === 1 && store.branches.length > 1 ? branches[0] : undefined;
        // The answer asks whether to send the address: a yes takes it (the branch's, or all of them).
        if (offersAddress) offer ??= locationOffer(one?.name ?? null, lang);
        if (one && tenant.templates[lang]?.['info.hours.one'] !== undefined) return [{ template: 'info.hours.one', params: { name: one.name, hours: one.hours[lang] } }];
        return [{ template: 'info.hours', params: { items: branches.map((b) => ({ name: b.name, hours: b.hours[lang] })) } }];
      }
      case 'contact': {
        const contact = tenant.templates[lang]?.['info.contact'] !== undefined && store.whatsapp ? ({ template: 'info.contact', params: { whatsapp: store.whatsapp, phone: store.phone, email: store.email } } as ReplyDirective) : null;
        // A tenant without the template (or a WhatsApp) answers with its branches and their phones.
        if (contact) return [contact];
        return [{ template: 'info.location', params: { city: store.city, items: store.branches.map((b) => ({ name: b.name, address: b.address, phone: b.phone })) } }];
      }
      case 'location': {
        // What the branches' answer ends with: delivery or pick-up of the products on the counter, else a neutral offer (nothing to send yet).
        const next = sayIfAnyOf(tenant, input.counter ? 'info.location.next.counter' : 'info.location.next', lang);
        // "where's the main store?", "¿dónde queda la de Villa Hermosa?", "¿quedan frente al parque?": that branch only.
        const named = new Set(branchesNamed(store.branches.map((b) => b.name), text, store.branches.map((b) => b.address)));
        // "¿cuál me queda más cerca de Villa Verde?": that branch, by the positions of both.
        const nearest = named.size === 0 ? nearestBranchReply(tenant, text, lang, next, (t) => findDeliveryPlace(tenant, t)) : null;
        if (nearest && 'template' in nearest && nearest.template === 'info.location.nearest.ask') offer ??= nearestAsked(lang);
        if (nearest) return [nearest];
        // "¿tienen sucursal en Higüey?": no, and where the branches are.
        const elsewhere = named.size === 0 ? branchElsewhere(tenant, text) : null;
        if (elsewhere !== null && tenant.templates[lang]?.['info.location.notThere'] !== undefined) {
          return [{ template: 'info.location.notThere', params: { place: elsewhere, city: store.city, next, items: store.branches.map((b) => ({ name: b.name, address: b.address, phone: b.phone })) } }];
        }
        const branches = named.size > 0 ? store.branches.filter((_, i) => named.has(i)) : store.branches;
        const one = branches.length === 1 && store.branches.length > 1 ? branches[0] : undefined;
        if (one && tenant.templates[lang]?.['info.location.one'] !== undefined) {
          return [{ template: 'info.location.one', params: { name: one.name, address: one.address, phone: one.phone, next, maps: one.mapsUrl ? `\n${one.mapsUrl}` : '' } }];
        }
        return [
          {
            template: 'info.location',
            params: { city: store.city, next, items: branches.map((b) => ({ name: b.name, address: b.address, phone: b.phone })) },
          },
        ];
      }
      case 'delivery': {
        // "¿cuánto tarda el pedido?", "¿y cuándo llega?", "¿cuánto cobran por el envío?" after a zone's answer: that zone's time or fee, else each zone's. No place named: the one said before, if any.
        const before = input.placeSaid ?? (input.delivery && (asksFreeDeliveryFor(text) || asksDeliveryFee(text) || asksPriceAlone(text)) ? input.delivery.place : undefined);
        const asked = before !== undefined && findDeliveryPlace(tenant, text).kind === 'none' ? `${text} (a ${before})` : text;
        const time = asksDeliveryTime(text) ? deliveryTimeReply(tenant, findDeliveryPlace(tenant, asked), input.delivery, lang, now) : null;
        const reply = time?.reply ?? deliveryReply(tenant, asked, lang, now);
        delivery ??= time ? time.delivery : servedPlace(tenant, asked, now);
        // A served place: with products on the counter, the order's total with that delivery is offered (a yes works it out).
        // Right after "¿Te lo reservo?" the line is priced already: its total with the delivery, and the offer to set it aside for it (a yes does).
        const reserving = input.reserve && !input.reserve.lines && delivery !== undefined && tenant.templates[lang]?.['info.delivery.next.reserve'] !== undefined ? reserveWithDelivery(tenant, input.reserve, delivery, lang, now) : null;
        const total = !reserving && input.counter && delivery !== undefined && tenant.templates[lang]?.['info.offer.total'] !== undefined;
        if ('template' in reply && SERVED_REPLIES.has(reply.template)) {
          reply.params = { ...reply.params, next: reserving ?? sayIfAnyOf(tenant, total ? 'info.delivery.next.counter' : 'info.delivery.next', lang) };
          if (total) offer ??= { intent: 'price_quote', label: 'info.offer.total', text: lang === 'es' ? '¿Cuánto sería todo con el envío?' : 'What is the total with delivery?' };
        }
        if (time) return [reply];
        // "¿hacen envíos a Santo Domingo?": no; pick-up, the nearest zones, or a person for a special shipment.
        if (!('template' in reply) || reply.template !== 'info.delivery.notServed' || tenant.templates[lang]?.['info.offer.human_agent'] === undefined) return [reply];
        const person = offerOf('human_agent', lang);
        offer ??= person.offer;
        return [{ ...reply, options: [person.option] }];
      }
      case 'payment': {
        const discount = paymentDiscountReply(tenant, text, lang, now); // "¿cuánto me descuentan si pago en efectivo?": the discount, not a yes to cash
        if (discount) return [discount];
        // "¿a qué cuenta transfiero?": the banks, and a person for the account's details.
        const account = asksTransferAccount(text) ? transferAccountReply(tenant, lang) : null;
        if (account) {
          offer ??= account.offer;
          return [account.reply];
        }
        return [priceInCurrencyReply(tenant, text, lang, methods, sayIfAny, input.focusSku) ?? (namesPaymentMethod(text) ? paymentMethodReply(tenant, text, lang, methods, sayIfAny) : null) ?? { template: 'info.payment', params: { methods } }]; // a way of paying named is asked about, with or without "¿aceptan…?" ("¿y cheque?")
      }
      case 'returns':
      case 'warranty':
      case 'credit': {
        const reply = policyReply(tenant, topic, lang, text, input.focusSku); // the warranty of the product on the counter
        // The credit answer offers to apply: a yes next takes the offer.
        if (reply && topic === 'credit') offer ??= creditOffer(lang, reply);
        return reply ? [reply] : [];
      }
      default: {
        const key = topic.slice('fact.'.length) as StoreFactKey;
        const fact = factReply(tenant, key, lang);
        if (fact?.offer) offer ??= fact.offer;
        if (fact && (key === 'installation' || key === 'installationPrice')) trades = true; // tradespeople offered: "¿cuánto cobran?" next asks theirs
        return fact ? [fact.reply] : [];
      }
    }
  }
  if (replies.length === 0) {
    const main = store.branches[0];
    return { replies: [{ template: 'info.summary', params: { storeName: store.name, address: main?.address ?? store.city, hours: main?.hours[lang] ?? '', phone: main?.phone ?? store.phone, methods } }] };
  }
  return { replies, ...(offer ? { offer } : {}), ...(delivery ? { delivery } : {}), ...(trades ? { tradesOffered: true as const } : {}) };
}

/** The delivery answers for a served place: they end with what to do next (`{next}`). */
const SERVED_REPLIES = new Set(['info.delivery.zone', 'info.delivery.place', 'info.delivery.eta']);

/** A template rendered, or '' where the tenant has none. */
function sayIfAnyOf(tenant: TenantData, template: string, lang: Lang): string {
  return tenant.templates[lang]?.[template] !== undefined ? renderReply({ template }, tenant.templates, lang) : '';
}

/** The served place a delivery question names, with its fee (a zone, or a known place inside one); undefined otherwise. */
function servedPlace(tenant: TenantData, text: string, now: number): DeliveryQuote | undefined {
  const asked = findDeliveryPlace(tenant, text);
  const quote = (place: string, zone: DeliveryZone): DeliveryQuote => {
    // Free from an order total under a current offer: the estimate's total then leaves the fee out.
    const freeFrom = zone.fee > 0 ? freeDeliveryFrom(tenant, zone.zone, now) : undefined;
    return { place, fee: zone.fee, ...(freeFrom !== undefined ? { freeFrom } : {}) };
  };
  if (asked.kind === 'zone') return quote(asked.zone.zone, asked.zone);
  const inside = asked.kind === 'place' && asked.place.zone !== undefined ? tenant.store.deliveryZones.find((z) => z.zone === asked.place.zone) : undefined;
  return inside && asked.kind === 'place' ? quote(asked.place.name, inside) : undefined;
}

// ---------------------------------------------------------------- delivery

export type { DeliveryPlace };

const words = (text: string): string[] => foldText(text).replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter((w) => w.length > 0);

/** Edit distance with adjacent transpositions, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((d[i - 1] as number[])[j]! + 1, (d[i] as number[])[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2] as number[])[j - 2]! + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length]!;
}

/** Capitalised words after "a", "hasta", "para", "en", "to": a place name we may not know ("delivery a Verón"). */
const NAMED_PLACE = /\b(?:a|hasta|para|pa|en|to|into)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:de|del|la|las|los|el)?\s*\p{Lu}[\p{L}'’-]+)*)/u;
const NOT_A_PLACE = new Set(['ustedes', 'usted', 'domingo', 'domingos', 'sabado', 'sabados', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'hoy', 'manana', 'whatsapp', 'casa', 'mi', 'you', 'my', 'home']);

/** A zone or place name as compared: its words, and those words' phonetic key (see `sameName`). */
interface PlaceName {
  tokens: string[];
  key: string;
  /** The key's length without spaces (a typo is forgiven from 6 letters). */
  letters: number;
  found: DeliveryPlace;
}

/**
 * What the info tool derives from a store's zones and places, once per store object (tenant
 * data is never changed in place: an admin change brings a new `store`), instead of per message.
 */
interface StorePlaces {
  storeNameWords: string[];
  /** Every zone and place name (aliases too), by the first two letters of its phonetic key (a typo is forgiven after them). */
  byStart: Map<string, PlaceName[]>;
  /** One pattern per name for `withoutPlaceNames`, longest name first, with the name it matches. */
  namePatterns: { name: string; re: RegExp }[];
  /** Topics per message text (a pure function of the store and the text), bounded. */
  topics: Map<string, readonly StoreTopic[]>;
}

/** Texts whose topics are kept per store; past it the cache starts over (messages repeat a lot). */
const TOPIC_CACHE_SIZE = 1_000;
/** Longer texts are analysed every time, not kept. */
const TOPIC_CACHE_MAX_TEXT = 256;

const placesByStore = new WeakMap<TenantData['store'], StorePlaces>();

function storePlaces(store: TenantData['store']): StorePlaces {
  const known = placesByStore.get(store);
  if (known) return known;
  const names: PlaceName[] = [];
  const add = (name: string, found: DeliveryPlace): void => {
    const tokens = words(name);
    const key = tokens.map(phonetic).join(' ');
    names.push({ tokens, key, letters: key.replace(/ /g, '').length, found });
  };
  for (const zone of store.deliveryZones) for (const name of [zone.zone, ...(zone.aliases ?? [])]) add(name, { kind: 'zone', zone });
  for (const place of store.places ?? []) for (const name of [place.name, ...(place.aliases ?? [])]) add(name, { kind: 'place', place });
  const namePatterns = names
    .map((n) => n.tokens.join(' '))
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((n) => ({ name: n, re: new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g') }));
  const byStart = new Map<string, PlaceName[]>();
  for (const n of names) if (n.tokens.length > 0) byStart.set(n.key.slice(0, 2), [...(byStart.get(n.key.slice(0, 2)) ?? []), n]);
  const made: StorePlaces = { storeNameWords: words(store.name), byStart, namePatterns, topics: new Map() };
  placesByStore.set(store, made);
  return made;
}

/** The store topics a message asks about, in `STORE_TOPICS` order; a known place alone is a delivery question. */
function storeTopics(tenant: Pick<TenantData, 'store'>, text: string): readonly StoreTopic[] {
  const places = storePlaces(tenant.store);
  const cached = places.topics.get(text);
  if (cached) return cached;
  // "¿cuánto se tarda en llegar el pedido?": the order getting there, not the way to the store.
  const arriving = asksDeliveryTime(text) && !asksDirections(text);
  // A place's name is not a topic ("Santo Domingo" is not a question about Sundays); an "email
  // address" asks for no street address.
  const plain = withoutPlaceNames(places, fold(text))
    .replace(arriving ? /\b(?:llegar|llego|llega)\b|\b(?:para|pa|a) que hora\b/g : /(?!)/, ' ')
    .replace(/\b(e ?mail|mail) address\b/g, '$1')
    .replace(/\b(?:he|hemos|ha|han|has) (?:abiert|cerrad)[oa]s?\b|\bpor hora\b|\b(?:per|an|by the) hour\b/g, ' ') // "no la he abierto": the can, not the store; "cobra por hora": a rate, not the hours
    .replace(/\b(?:me|nos|le|les)(?: (?:la|lo|las|los))? llego\b/g, ' ') // "me llegó con otro color": what was delivered, not the way to the store
    .replace(/\b(?:open|opening|abrir|abro|abrimos|abrirme|abrirnos|abra|aperturar)\s+(?:(?:a|an|una|un|mi|my|our|nuestra)\s+)?(?:(?:new|nueva|credit|business|trade)\s+)?(?:cuenta|account)\b/g, ' cuenta ') // "to open a credit account": an account, not the store's hours
    .replace(/\b(cuanto|how much) (?:(?:se|le|les|hay que|tengo que|do|would|will|i|we|you|have to)\s+){0,3}(?:pag\w*|pay)\b/g, '$1') // "¿cuánto se paga por el delivery?": a price, not ways of paying
    // "mándame la ubicación": sending the location is no delivery.
    .replace(/\b(?:manda|envia|send)\w*\s+(?:(?:me|nos|la|el|su|tu|the|your|un|una|a)\s+){0,2}(ubicacion|direccion|location|address|pin|mapa|map|link|enlace|payment link)\b/g, '$1'); // nor a payment link
  // "la ubicación por WhatsApp": WhatsApp is how to send what is asked, unless it is all that is asked.
  const viaChannel = plain.replace(/\b(?:por|by|via|on|in|al|to) (?:whats ?app|wasap|wassap|guasap|wsp|correo|email|e mail)\b/g, ' ');
  const topicsIn = (folded: string) => STORE_TOPICS.filter(([, pattern]) => pattern.test(folded)).map(([topic]) => topic);
  const besides = topicsIn(viaChannel);
  const asked = besides.length > 0 ? besides : topicsIn(plain);
  // "¿aceptan Azul?", "tienen CardNet?": a way of paying named in words the payment pattern does not hold.
  if (!asked.includes('payment') && (asksPaymentMethod(text) || asksTransferAccount(text) || asksPriceInCurrency(text))) asked.push('payment');
  // "¿trabajan mañana?": opening on a day, in words the hours pattern does not hold.
  if (!asked.includes('hours') && asksOpeningDay(text)) asked.unshift('hours');
  for (const [topic, asks] of POLICY_TOPICS) if (asks(text)) asked.push(topic);
  // "¿hay parqueo en la de Villa Hermosa?", "where can I park?": the fact answers; the branch is where it is asked.
  const facts = storeFactsAsked(text);
  if (facts.length > 0) asked.splice(0, asked.length, ...withFactTopics(asked.filter((t) => !factCovers(facts, t)), facts, WHERE_WORDS.test(plain)));
  // "¿a qué hora abre la sucursal de Villa Hermosa?": the branch says which hours, it asks no address.
  if (asked.includes('hours') && asked.includes('location') && !WHERE_WORDS.test(plain)) asked.splice(asked.indexOf('location'), 1);
  // "¿puedo pagar a crédito?": the credit answer says how; the payment list would only repeat it. "¿y a Bayahíbe?": a place we know alone is a delivery question; "a store in Punta Cana?" asks for a branch there.
  const topics = asked.includes('credit') ? asked.filter((t) => t !== 'payment') : asked;
  if (topics.length === 0 && findDeliveryPlace(tenant, text).kind !== 'none') topics.push(BRANCH_IN.test(words(text).join(' ')) || asksNearestBranch(text) ? 'location' : 'delivery');
  // "¿y cuándo llega?" after the delivery answer: the zones' delivery times; "¿y el 1ro de enero?" after the hours: that day's.
  if (topics.length === 0 && asksDeliveryTime(text)) topics.push('delivery');
  else if (topics.length === 0 && askedDay(text, 0, 'UTC') !== null) topics.push('hours');
  if (text.length <= TOPIC_CACHE_MAX_TEXT) {
    if (places.topics.size >= TOPIC_CACHE_SIZE) places.topics.clear();
    places.topics.set(text, Object.freeze(topics));
  }
  return topics;
}

/**
 * The place a delivery question names, matched against the tenant's zones (and their aliases),
 * then its known places, tolerant of accents and typos ("higuey", "bayaibe", "san pedro").
 * The longest name wins ("San Pedro de Macorís" over "San Pedro").
 */
export function findDeliveryPlace(tenant: Pick<TenantData, 'store'>, text: string): DeliveryPlace {
  // Asked of the same message by several tools in one turn: the last answer is kept.
  if (lastPlace.store === tenant.store && lastPlace.text === text) return lastPlace.found;
  const places = storePlaces(tenant.store);
  // The store's own name ("Ferretería La Romana, ¿llegan a Higüey?") is not where to deliver.
  const keys = dropPhrase(words(text), places.storeNameWords).map((w) => (w === '|' ? w : phonetic(w)));
  let best: { length: number; found: DeliveryPlace } | null = null;
  for (let i = 0; i < keys.length; i++) {
    for (const c of places.byStart.get((keys[i] as string).slice(0, 2)) ?? []) {
      const n = c.tokens.length;
      if (i + n > keys.length || (best && best.length >= n)) continue;
      // A place name written the customer's way (accents, "h", "v/b", "ll/y": the words' phonetic keys, computed once per message), one typo in a long name.
      const a = n === 1 ? (keys[i] as string) : keys.slice(i, i + n).join(' ');
      if (a === c.key || (c.letters >= 6 && Math.abs(a.length - c.key.length) <= 1 && editDistance(a, c.key, 1) <= 1)) best = { length: n, found: c.found };
    }
  }
  const named = best ? null : NAMED_PLACE.exec(text)?.[1];
  const found: DeliveryPlace = best ? best.found : named && !NOT_A_PLACE.has(foldText(named.split(/\s+/)[0] as string)) ? { kind: 'unknown', name: named } : { kind: 'none' };
  lastPlace = { store: tenant.store, text, found };
  return found;
}
let lastPlace: { store: TenantData['store'] | null; text: string; found: DeliveryPlace } = { store: null, text: '', found: { kind: 'none' } };

function dropPhrase(tokens: string[], phrase: readonly string[]): string[] {
  if (phrase.length === 0) return tokens;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((w, k) => tokens[i + k] === w)) return [...tokens.slice(0, i), '|', ...tokens.slice(i + phrase.length)];
  }
  return tokens;
}

/** The folded text without the names of the tenant's zones and places (longest name first; a name not in it cannot match, so no replace: issue 16). */
function withoutPlaceNames(places: StorePlaces, folded: string): string {
  let out = folded;
  for (const { name, re } of places.namePatterns) if (out.includes(name)) out = out.replace(re, ' ');
  return out;
}

/** "¿tienen sucursal en …?", "¿dónde queda la sucursal de Higüey?", "do you have a store in …?": a branch asked for in a place. */
const BRANCH_IN = /\b(?:sucursal(?:es)?|tiendas?|locales|local|branch(?:es)?|stores?|shops?)\b(?: \w+){0,3} (?:en|in|por|at|de|del|of|near|cerca de)\b/;

/**
 * The place a customer asks a branch in, when the store has none there ("¿tienen sucursal en
 * Higüey?" → "Higüey"); null when no place is named, or the store's city or a branch's address
 * holds it ("¿tienen sucursal en La Romana?").
 */
function branchElsewhere(tenant: TenantData, text: string): string | null {
  if (!BRANCH_IN.test(words(text).join(' '))) return null;
  const asked = findDeliveryPlace(tenant, text);
  if (asked.kind === 'none') return null;
  const name = asked.kind === 'zone' ? asked.zone.zone : asked.kind === 'place' ? asked.place.name : asked.name;
  const aliases = asked.kind === 'zone' ? (asked.zone.aliases ?? []) : asked.kind === 'place' ? (asked.place.aliases ?? []) : [];
  const key = (t: string): string => words(t).join(' ');
  const city = key(tenant.store.city);
  if ([name, ...aliases].some((n) => key(n) === city)) return null;
  return tenant.store.branches.some((b) => ` ${key(b.address)} `.includes(` ${key(name)} `)) ? null : name;
}

/** How many zones are offered instead of a place not served. */
const NEAREST_ZONES = 2;

function deliveryReply(tenant: TenantData, text: string, lang: Lang, now: number): ReplyDirective {
  const { store } = tenant;
  const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
  const item = (z: DeliveryZone) => ({ zone: z.zone, fee: z.fee === 0 ? free : formatMoney(z.fee), eta: z.eta[lang] });
  // The one zone asked about: its fee, and from what order total a current offer makes it free.
  const one = (z: DeliveryZone) => {
    const from = z.fee > 0 && tenant.templates[lang]?.['info.delivery.free_from'] !== undefined ? freeDeliveryFrom(tenant, z.zone, now) : undefined;
    return from === undefined ? { ...item(z), fee: feeNotFreeHere(tenant, z.fee, text, lang, now) ?? item(z).fee } : { ...item(z), fee: feeForAmount(tenant, z.fee, from, text, lang) ?? renderReply({ template: 'info.delivery.free_from', params: { fee: formatMoney(z.fee), min: formatMoney(from) } }, tenant.templates, lang) }; // "20 mil de compra, ¿es gratis?": yes or no for it
  };
  const asked = findDeliveryPlace(tenant, text);
  switch (asked.kind) {
    case 'zone':
      return { template: 'info.delivery.zone', params: one(asked.zone) };
    case 'place': {
      // "¿llevan a Casa de Campo?": a place inside a zone is served as that zone, named as asked.
      const inside = asked.place.zone === undefined ? undefined : store.deliveryZones.find((z) => z.zone === asked.place.zone);
      if (inside) {
        const known = tenant.templates[lang]?.['info.delivery.place'] !== undefined;
        return known ? { template: 'info.delivery.place', params: { place: asked.place.name, ...one(inside) } } : { template: 'info.delivery.zone', params: one(inside) };
      }
      const located = store.deliveryZones.filter((z) => z.at !== undefined);
      const nearest = (located.length > 0 ? located : store.deliveryZones)
        .map((z) => ({ z, km: z.at ? distanceKm(z.at, asked.place.at) : 0 }))
        .sort((p, q) => p.km - q.km)
        .slice(0, NEAREST_ZONES)
        .map(({ z }) => item(z));
      return { template: 'info.delivery.notServed', params: { place: asked.place.name, city: store.city, items: nearest } };
    }
    case 'unknown':
      return { template: 'info.delivery.unknown', params: { place: asked.name, city: store.city, items: store.deliveryZones.map(item) } };
    case 'none': // every zone, each with the order total a current offer makes it free from ("¿el delivery es gratis?")
      return { template: 'info.delivery', params: { items: store.deliveryZones.map(one) } };
  }
}

/**
 * Answers store questions: hours / branches / delivery / payment (whichever the text asks about,
 * a short summary when it names none), current offers, and job openings. `now` is the tenant
 * clock's time (offers expire by the tenant's calendar date).
 */
export function answerInfo(tenant: TenantData, input: InfoActorInput, now: number): InfoActorOutput {
  switch (input.topic) {
    case 'store_hours_location':
      // "paso por ahí" to "¿te lo enviamos o pasas por aquí?": expected, and offered to have it ready.
      if (saysPickUp(input.text) && tenant.templates[input.lang]?.['info.pickup'] !== undefined) return { replies: [{ template: 'info.pickup' }] };
      return warrantyAgain(tenant, input) ?? tradePriceAgain(tenant, input) ?? returnConditionReply(tenant, input) ?? creditReviewAsked(tenant, input) ?? creditRequirementsAsked(tenant, input) ?? withCountSaid(tenant, input, (said) => withOfferAgain(tenant, said, storeReplies(tenant, said, now)));
    case 'offers':
      return offerReplies(tenant, input.lang, now, input.text, input.focusSku, input.understanding?.products[0]?.query);
    case 'job_vacancies':
      return vacancyReplies(tenant, input.lang, input.text, input.vacancy);
  }
}
