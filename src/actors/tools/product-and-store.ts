/**
 * A product and a store question in one message, as customers write on WhatsApp: "¿tienen varilla?
 * ¿y a qué hora cierran?", "tienen inodoro y hacen delivery?", "cuánto ta el cemento y dónde
 * quedan", "necesito 10 fundas de cemento, ¿a qué hora abren mañana?". A clerk answers both; the
 * route the reading took answers one. Whichever route it took, both are answered: the store's answer
 * first, without its closing question, then the product's with its own ("¿Te lo reservo?", "¿Cuál
 * te interesa?"), so the products are on the counter for "dame 10" or a yes.
 */
import type { Lang } from '../../domain/nlu.js';
import type { StoreFactKey, TenantData } from '../../domain/tenant.js';
import type { InfoActorInput, InfoActorOutput, ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { asksDirections, asksOpeningDay, asksPaymentMethod } from '../brain/rule/store-questions.js';
import { storeFactsAsked } from '../brain/rule/store-facts.js';
import { fold } from '../brain/rule/text.js';
import { answerInfo } from './info.tool.js';
import { joinTopicAnswers, withoutClosingQuestion } from './joined-answers.js';
import { renderReply } from '../render-reply.js';
import { unservedPlaceAskedIn } from './product-delivery.js';
import { branchStockNote } from './branch-stock.js';
import { readHomeFault } from '../../machines/home-faults.js';

/** Store questions plain enough to answer beside a product: hours, where the store is, delivery, paying. */
const STORE_ASKED =
  /\b(?:a que hora|horarios?|abren|abre|cierran|cierra|abiertos?|abiertas?|what time|open|close|hours|donde (?:(?:es que |ustedes |uds )?(?:queda|quedan|estan|esta|se ubican|los encuentro))|direccion|ubicacion|ubicados?|where are you|where is (?:the|your) (?:store|shop)|address|(?:hacen|tienen|hay) (?:delivery|deliveri|envios?|entregas?|servicio a domicilio)|delivery|deliveri|a domicilio|(?:lo|la|los|las|me lo|me la|me los|me las) (?:llevan|traen|envian|mandan)|(?:lo|la|los|las) (?:pueden|puede|podrian|podria|van a) (?:llevar|traer|enviar|mandar)|do you deliver|(?:can|could|would|will) (?:you|u) (?:deliver|ship|bring)|deliver (?:it|them|this|that|these|those|there|here))\b/;

function storeAsked(text: string): boolean {
  // "no la he abierto" (the can, not the store) asks no hours.
  let f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').replace(/\b(?:he|hemos|ha|han|has) (?:abiert|cerrad)[oa]s?\b/g, ' ');
  // "la puerta del cuarto no cierra": the door's fault told, no closing hour asked.
  if (readHomeFault(text) !== null) f = f.replace(/\bno (?:me |le |nos )?(?:quiere )?(?:cierra|cierran|cerrar|abre|abren|abrir)\b/g, ' ');
  return STORE_ASKED.test(f) || asksOpeningDay(text) || asksDirections(text) || asksPaymentMethod(text);
}

/** Goods asked at a branch ("¿tienen cemento en la sucursal de Villa Hermosa?", "in your main store"): the goods are answered beside the branch. */
const BRANCH_ASKED = /\b(?:en|por) (?:la |el |su |tu )?(?:sucursal|tienda|local|principal)\b|\b(?:at|in) (?:the|your) (?:main )?(?:branch|store|shop)\b/;

/**
 * Services asked of the goods the store sells: "¿tienen tubo de 3/4? ¿me lo pueden cortar?"; and
 * "quiero comprar un inodoro, ¿me lo instalan?", where the answer (no installations, a trusted
 * tradesperson's contact) goes with the goods' price, as a clerk says both.
 */
const SERVICES_ON_GOODS: readonly StoreFactKey[] = ['cutting', 'paintMixing', 'taxIncluded', 'installation'];

/** A service on the goods asked beside a product question the product route answered (never alone: "¿hacen cortes de madera?" is the store's). */
function serviceOnGoodsAsked(text: string): boolean {
  const facts = storeFactsAsked(text);
  return facts.length > 0 && SERVICES_ON_GOODS.some((k) => facts.includes(k));
}

/** Product answers that price or list what was asked (not a search miss, a question back or a quote). */
const answered = (out: ProductActorOutput): boolean => out.outcome === 'answered';

/** A fraction that measures a product ("varilla de 3/8", "tubo de 1/2"): never a date (3 de agosto) for the store's hours. */
const FRACTION = /\b\d{1,2}\s*\/\s*\d{1,2}\b/g;

function withoutMeasures(text: string, queries: readonly string[]): string {
  return text.replace(FRACTION, (m) => (queries.some((q) => q.includes(m.replace(/\s+/g, ''))) ? ' ' : m));
}

/**
 * The info route's answer (`answerInfo`) with the products the message also asked about after it
 * ("¿tienen varilla? ¿y a qué hora cierran?"): only when the catalog has them; the products go on
 * the counter, "¿Te lo reservo?" included.
 */
export function answerInfoWithProducts(tenant: TenantData, input: InfoActorInput, now: number, answerProduct: (input: ProductActorInput) => ProductActorOutput): InfoActorOutput {
  const understanding = input.understanding;
  const serviceOn = serviceOnGoods(tenant, input, now, answerProduct);
  if (serviceOn) return serviceOn;
  // "¿lo tienen en la sucursal de Villa Hermosa?" with the goods on the counter: the same note, the goods not named again.
  const onCounter = input.counter && (understanding?.products.length ?? 0) === 0 ? branchStockNote(tenant, input.text, input.lang) : null;
  if (onCounter) return { replies: tenant.templates[input.lang]?.['info.location.next.counter'] !== undefined ? [onCounter, { template: 'info.location.next.counter' }] : [onCounter] };
  // Only beside a plain store question: a service, a fact or a policy about a product ("¿hacen cortes de madera?") is answered as it is.
  if (input.topic !== 'store_hours_location' || !understanding || understanding.products.length === 0 || !(storeAsked(input.text) || BRANCH_ASKED.test(fold(input.text)))) return answerInfo(tenant, input, now);
  const storeText = withoutMeasures(input.text, understanding.products.map((p) => p.query));
  // "¿tienen cemento en la sucursal de Villa Hermosa?": the stock is the store's, that branch's phone confirms it.
  const atBranch = branchStockNote(tenant, input.text, input.lang);
  const found = answerInfo(tenant, storeText === input.text ? input : { ...input, text: storeText }, now);
  const info = atBranch ? { ...found, replies: [atBranch] } : found;
  if (info.replies.length === 0) return info;
  const ask = (text: string): ProductActorOutput => answerProduct({ tenantId: input.tenantId, lang: input.lang, intent: 'product_inquiry', understanding, text, idempotencyKey: `${input.idempotencyKey}:product` });
  let product = ask(input.text);
  // "¿tienen arena? ¿cuánto el metro? ¿me la llevan a Caleta?": the store's answer says the delivery; the goods are priced beside it, not estimated with it again.
  if (product.outcome === 'estimate' && product.delivery && understanding.products.every((p) => p.quantity === undefined)) product = ask(understanding.products.map((p) => p.query).join(' y '));
  if (!answered(product) || product.replies.length === 0) return info;
  const joined = joinTopicAnswers([{ replies: info.replies }, { replies: product.replies, ...(product.offer ? { offer: product.offer } : {}) }], tenant.templates, input.lang);
  const { offer: _storeOffer, ...rest } = info;
  return { ...rest, replies: joined.replies, answeredProducts: true, ...(joined.offer ? { offer: joined.offer } : {}), ...(product.focus ? { focus: product.focus } : {}), ...(product.reserve && !joined.offer ? { reserve: product.reserve } : {}) };
}

/**
 * A service asked on goods named ("me cortan el plywood?", "do you mix paint?" with a product): the
 * store's answer as it is, and the goods on the counter without a word about them, so that "¿cuánto
 * el de 3/4?" or "dame 3" next is about them, as a clerk who just heard "plywood" takes it.
 */
function serviceOnGoods(tenant: TenantData, input: InfoActorInput, now: number, answerProduct: (input: ProductActorInput) => ProductActorOutput): InfoActorOutput | null {
  const understanding = input.understanding;
  if (input.topic !== 'store_hours_location' || !understanding || understanding.products.length !== 1 || !serviceOnGoodsAsked(input.text)) return null;
  const info = answerInfo(tenant, input, now);
  if (info.replies.length === 0 || info.focus) return info;
  // "¿tienen plywood de 3/4 y me lo cortan?": the goods were asked for too; their price and stock are said after the service, as a clerk answers both.
  const goodsAsked = GOODS_ASKED.test(fold(input.text).replace(/[^a-z0-9\s]+/g, ' '));
  const product = answerProduct({ tenantId: input.tenantId, lang: input.lang, intent: 'product_inquiry', understanding, text: goodsAsked ? input.text : understanding.products[0]!.query, idempotencyKey: `${input.idempotencyKey}:product` });
  if (!answered(product)) return info;
  if (goodsAsked && product.replies.length > 0) {
    const joined = joinTopicAnswers([{ replies: info.replies }, { replies: product.replies, ...(product.offer ? { offer: product.offer } : {}) }], tenant.templates, input.lang);
    const { offer: _serviceOffer, ...rest } = info;
    return { ...rest, replies: joined.replies, answeredProducts: true, ...(joined.offer ? { offer: joined.offer } : {}), ...(product.focus ? { focus: product.focus } : {}), ...(product.reserve && !joined.offer ? { reserve: product.reserve } : {}) };
  }
  return product.focus ? { ...info, focus: product.focus } : info;
}

/** The goods themselves asked for beside the service ("¿tienen plywood…?", "cuánto es el tubo…"), not the service ("¿tienen servicio de corte?"). */
const GOODS_ASKED = /\b(?:tienen|tiene|tienes|hay|venden|vende|(?:quiero|quisiera|voy a|vamos a|necesito|queremos) comprar|(?:i want|i d like|i m going|i need|we want|we need) to buy|cuanto (?:cuesta|cuestan|sale|salen|vale|valen|e|es|ta|tan|esta|estan)|a como (?:ta|tan|esta|estan|sale|salen|es)|precio|do you (?:have|sell|carry)|have you got|how much (?:is|are|for))\b(?! (?:(?:el|un|algun) )?(?:servicio|cortes?|corte|service|cutting)\b)/;

/**
 * The product route's answer with the store question the message also asked ("cuánto ta el cemento
 * y dónde quedan", "tienen cemento y arena, ¿hacen entrega?"): the store's answer before it. Delivery
 * already priced by the product answer (an estimate's line) is not answered again.
 */
export function withStoreAsked(product: ProductActorOutput, input: ProductActorInput, tenant: TenantData, now: number): ProductActorOutput {
  const text = input.text;
  // "¿a cómo la escalera, y si la hay en la de Villa Hermosa?": the stock is the store's, that branch's phone confirms it.
  const atBranch = text !== undefined && answered(product) && product.replies.length > 0 ? branchStockNote(tenant, text, input.lang) : null;
  if (atBranch) return { ...product, replies: joinTopicAnswers([{ replies: [atBranch] }, { replies: product.replies }], tenant.templates, input.lang).replies };
  // "y la instalan?" about the lock on the counter, no goods named: the store's answer (no installations, a trusted
  // tradesperson), never "No vendemos *instalan*"; the lock stays on the counter.
  if (text !== undefined && product.outcome === 'not_found' && input.focus && input.understanding.products.length === 0 && serviceOnGoodsAsked(text)) {
    const info = answerInfo(tenant, { tenantId: input.tenantId, lang: input.lang, topic: 'store_hours_location', text, counter: true, idempotencyKey: `${input.idempotencyKey}:info` }, now);
    if (info.replies.length > 0) return { outcome: 'answered', replies: info.replies, focus: input.focus };
  }
  // "¿me pueden llevar unos blocks a Punta Cana?": the goods are priced, and where we do not deliver is said too.
  if (text === undefined || !answered(product) || product.delivery || product.offer || product.replies.length === 0 || !(storeAsked(text) || serviceOnGoodsAsked(text) || unservedPlaceAskedIn(tenant, text) !== undefined)) return product;
  // "how long does delivery take?" about the order on the counter: the product's delivery times are that answer, not said twice in other words (nor the fee and time said with "¿qué cantidad?").
  if (product.replies.some((r) => 'template' in r && /^product\.(?:delivery_eta|needed_by|delivery_how_many)/.test(r.template))) return product;
  const lang: Lang = input.lang;
  const storeText = withoutMeasures(text, input.understanding.products.map((p) => p.query));
  const info = answerInfo(tenant, { tenantId: input.tenantId, lang, topic: 'store_hours_location', text: storeText, counter: true, idempotencyKey: `${input.idempotencyKey}:info` }, now);
  if (info.replies.length === 0) return product;
  // The product's answer already says it ("me lo llevan mañana a Villa Hermosa?": the zone's time and fee): not twice.
  const said = product.replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n');
  if (info.replies.every((r) => said.includes(withoutClosingQuestion(renderReply(r, tenant.templates, lang)).trim()))) return product;
  const joined = joinTopicAnswers([{ replies: info.replies }, { replies: product.replies }], tenant.templates, lang);
  return { ...product, replies: joined.replies, ...(info.delivery && !product.deliveryAsked ? { deliveryAsked: info.delivery } : {}) };
}
