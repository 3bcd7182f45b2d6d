import type { Lang } from '../../domain/nlu.js';
import { areaToCover, asksBucketPrice, asksEstimateAgain, asksIfInStock, AT_A_PLACE as TO_A_PLACE, readFollowUpQuantity } from '../../machines/product-focus.js';
import { readMaterialQuestion } from '../../machines/material-questions.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import { keepSizesSaid, materialAnswer, measureAnswer, withSizesSaid, type MaterialLine } from './material-estimate.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus, ReplyDirective, TemplateParams } from '../../machines/conversation.contract.js';
import { fold, type CatalogMatch } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { countUnit } from './units.js';
import { asksForKinds, isOnlyFor, kindsOf, resemblesKind, thingItself } from './product-kinds.js';
import { withDelivery, withDeliveryLine } from './estimate-delivery.js';
import { estimateLines, multiQuote, pricedEstimate } from './product-estimate.js';
import { estimateLineAsked } from './estimate-line-count.js';
import { countForPurpose } from './count-for-purpose.js';
import { changedEstimate, joinedAttributes, sizedLikeEstimate, takeOffCounter } from './counter-changes.js';
import { counterLines, counterOrder, counterTotal, counterWithout, countedInstead, countsBefore, keepsRunningOrder, mixedEstimate, mixesBefore, oneOfEach, oneOfEachCounted, partlyCounted, pickedInstead, replacesFocus, takesLineOff, withOneSaid, withoutLine, withShown } from './order-total.js';
import { deliveryAskedIn, deliveryTimeAnswer, withoutPlaceAtEnd } from './product-delivery.js';
import { withAskedDelivery } from './asked-delivery.js';
import { asksDeliveryTime } from '../../machines/delivery-time.js';
import { saysThatsAll, takesTheOneShown, takesTheOrder } from '../../machines/order-words.js';
import { aloneAnswer, namesNotSoldGood, notCarried, notCarriedButFor, timesSpelt, tradeGoodNotCarried, tradeGoodOf, withCountAsked, withSizeAsked } from './product-not-carried.js';
import { compoundNotCarried, firstPick, spokenHead } from './product-head.js';
import { namesGoods, noWayAnswer } from './product-like.js';
import { fitOutOfStock, focusAgain, quoteOne, quoteOrdered } from './product-quote-one.js';
import { alternativeOrBackorder, withAlternative } from './out-of-stock-offers.js';
import { quoteNeedsChoice } from './product-quote-ask.js';
import { inSellingUnits, saysQuintals, withConversions } from './product-conversions.js';
import { projectQuote } from './project-quote.js';
import { boxOrJobAnswer as jobAnswer } from './box-job.js';
import { withPackOnCounter } from './pack-on-counter.js';
import { withAreaSaid } from './kit-area-said.js';
import { countForLine } from './line-count.js';
import { jobSizes } from './job-sizes.js';
import { answerColoursOf, answerFocusQuestion, brandAsked } from './product-followups.js';
import { jobOrRoomKit, withJobTools } from './product-rooms.js';
import { countInUnit, withoutCount } from './piece-counts.js';
import { uncarriedItems } from './uncarried-items.js';
import { kinOnCounter } from './counter-kin.js';
import { boardInOtherLength, countedFollowUps, followUp, headWord, oneOnCounter, productWords, quantityOf, wantedItems, withoutContainers, type Wanted } from './product-request.js';
import { eachQuantity, withLengthQuantities, withSizedQuantities } from './request-counts.js';
import { withoutNarrowingWords } from './narrowing-words.js';
import { shownOfKindSaid } from './shown-by-kind.js';
import { alternativeFor, altParams, bucketFor, describeProduct, focusOf, MAX_NAMED, namesAProduct, optionsFor, sameName, type Found } from './product-parts.js';
import { withProductOffers } from './product-offers.js';
import { withSizeCarried } from './size-carried.js';
import { familyRange, noSizeAnswer } from './product-sizes.js';
import { noComboAnswer } from './product-combos.js';
import { comparisonAsked, purposeOfCounter } from './product-versus.js';
import { countOfShownKind, pickOnCounter, picksOnCounter } from './counter-pick.js';
import { withOneShown, withProductNotes } from './product-notes.js';
import { COLOUR_EN, colourOnlyQuery, coloursOfOneKind, leadingCount, mixFollowUp, mixInOtherPack, noColourAnswer } from './product-colours.js';
import { askedJobAnswer, toldJobFor } from './product-jobs.js';
import { askedJob } from '../../machines/job-questions.js';
import { noKindAnswer, shortGoodWords, unknownKind, unknownKindAt } from './product-unknown-kind.js';
import { withCounterReserve } from './counter-reserve.js';
import { namedWeight, weightAnswer } from './product-weight.js';
import { specAnswer } from './product-specs.js';
import { countedInPack, packNotSoldAnswer } from './pack-not-sold.js';
import { colourInPaint } from './colour-in-paint.js';
import { withCountPerThing, withFocusCountApart } from './count-per-thing.js';
import { addsToCounter, asksWholeWithIt } from './total-with-added.js';
import { withStoreLines } from './store-lines.js';
import { likeOnCounter } from './like-on-counter.js';
import { feetOfGauge } from './feet-of-gauge.js';
import { fitsToolAnswer } from './fits-tool.js';
import { withAttributesSaid } from './said-attributes.js';
import { backToRecent } from './back-to-recent.js';
import { asksBranchOfCounter } from './branch-stock.js';
import { withoutWholePackWords } from '../../machines/whole-pack.js';
export { STOCK_UNKNOWN } from './product-parts.js';
/** An area a product sold by the m² is for: "para 20 metros cuadrados", "for 20 m2". */
const AREA_FOR = /\b(?:para|for)\s+(\d+(?:[.,]\d+)?)\s*(?:m2|m²|mts?2|mt2|metros?\s+cuadrados?|square\s+met(?:er|re)s?)(?![a-z])/;
const MAX_SHOWN = 3;
/** A second match this close to the first is as likely: show both and let the customer choose. */
const AMBIGUOUS_RATIO = 0.96;
/** Words that add to the estimate on offer rather than ask about something else. */
const ADD_TO_ESTIMATE = /\b(?:agr[eé]g(?:a|ale|ue|uen|ar)|a[nñ]ad(?:e|ele|ir)|s[uú]ma(?:le)?|pon(?:le|me)|tambi[eé]n|adem[aá]s|add|also|plus|as well)\b/i;

/**
 * Words that ask for a formal quote (a ticket for the sales team), not just prices: the noun
 * ("una cotización", "a formal quote", "presupuesto", "proforma"). The verb ("cotízame", "quote me")
 * asks for prices: an estimate, then the offer of the formal quote.
 */
const FORMAL_QUOTE =
  /\b(?:coti[sz]a(?:c|s|z)i[oó]n(?:es)?|presupuesto|proforma|quotation|cotizaci[oó]n\s+formal|formal\s+(?:quote|estimate)|(?:a|an|the|my)\s+quote)\b/i;

/**
 * Answers a product inquiry or a price question from the tenant's catalog. Pure: same input, same
 * replies. `options.text` (the customer's message) is searched when the brain found no product
 * phrase, and read for follow-ups on `input.focus` ("y si compro 50?").
 *
 * Outcomes: `answered` (one product with its price and stock, a quantity × price, the two or three
 * likeliest with options, or what there is when the colour/size asked for does not exist);
 * `multi_quote` (a formal quote, or several items priced at once: the machine opens a quote
 * ticket); `need_product` (nothing to look up); `not_found` (nothing in the catalog resembles it).
 */
export function answerProduct(
  tenant: TenantData,
  index: CatalogIndex,
  input: ProductActorInput,
  options: { text?: string; now?: number } = {},
): ProductActorOutput {
  const gauged = feetOfGauge(tenant, input, options.text ?? input.text); // "dame 100 pies del 12" after the THHN wire: 100 feet of the #12
  if (gauged) ({ input, options } = { input: gauged.input, options: { ...options, text: gauged.text } });
  ({ input, options } = withSizeAsked(index, withCountAsked(index, input, options.text ?? input.text), options)); // "the pvc pipe" after "what about the 1/2 inch?": the pipe in 1/2"; "cemento" after "¿Dos de qué?": 2 bags
  const told = options.text ?? input.text;
  const said = told !== undefined ? ((t) => (input.focus ? withoutNarrowingWords(t) : t))(withoutWholePackWords(told)) : told; // "the whole roll": the roll; "la manguera nomás" after a list: "la manguera"
  // "dame 15 del gris pa Caleta", "10 sacos de cemento pa Bayahíbe, ¿cuánto sería?": the goods read without the place (its delivery priced below).
  const placed = said !== undefined && (input.focus || input.understanding.products.length > 0) ? withoutPlaceAtEnd(tenant, said, options.now, (rest) => readFollowUpQuantity(rest) !== undefined || input.understanding.products.length > 0 || pickOnCounter(tenant, input.focus, rest) !== null) : undefined;
  const forPurpose = placed ? null : countForPurpose(input, said); // "dame 15 para el techo": 15 of the cement, for the roof
  if (forPurpose) input = forPurpose.input;
  const text = placed?.rest ?? forPurpose?.text ?? said;
  if (text !== told) options = { ...options, text };
  input = backToRecent(tenant, index, input, text) ?? input; // "dame 3 galones de la azul" after the paint, then the cement: the paint
  // "50 metros de cable" sold by the foot: priced in feet, the conversion said.
  let converted = inSellingUnits(index, withCountPerThing(index, tenant.catalog, withFocusCountApart(withPackOnCounter(tenant, input, text), text, tenant.catalog, index), text), text, tenant.catalog); // "cerraduras para 30 puertas": 30 door locks; "¿y en cubeta?" after the paint, then the roller: the paint's
  // "la de 1/2, ¿cuánto es el quintal?" after the sizes: the product the follow-up names, by the quintal.
  if (converted.conversions.length === 0 && text !== undefined && input.understanding.products.length === 0 && input.focus && saysQuintals(text)) {
    const named = tenant.catalog.find((p) => p.sku === answer(tenant, index, input, options).focus?.sku);
    if (named?.weight_lb) converted = inSellingUnits(index, { ...input, understanding: { ...input.understanding, products: [{ query: named.name }] } }, text);
  }
  const reworded = converted.input.text !== input.text && options.text !== undefined && converted.input.text !== undefined ? { ...options, text: converted.input.text } : options;
  const base = withConversions(withOneShown(tenant, withStoreLines(tenant, answer(tenant, index, converted.input, reworded), text, input.lang), input.lang), converted.conversions, input.lang);
  // "¿cuánto cobran por llevar 20 sacos a Villa Hermosa?": the delivery asked in this message counts.
  const asked = placed?.delivery ?? (said !== undefined ? deliveryAskedIn(tenant, said, options.now) : undefined);
  const answered = asked ? withAskedDelivery(tenant, index, base, asked, input.lang, text !== undefined && takesTheOrder(text), input.focus) : base;
  const out = withOneSaid(keepSizesSaid(withProductNotes(tenant, index, asked ? answered : withDeliveryLine(tenant, withDelivery(tenant, answered, input.delivery, input.lang), input.delivery, input.lang), input.lang, text), input.focus, text), text, input.lang);
  // The products answered before this one stay at hand for "de cada uno" (a few, latest first); the store's offers on what it answers said.
  const before = input.focus ? counterOrder(input.focus).reverse() : [];
  if (!out.focus || !input.focus || before.length === 0 || takesLineOff(out)) return withProductOffers(tenant, out, input.lang, options.now, input.text);
  // "no, mejor el blanco" after the grey cement: the grey one leaves the counter.
  const replaced = replacesFocus(tenant, input.focus, out.focus, text) || pickedInstead(input.focus, out.focus) || countedInstead(tenant, input.focus, out.focus) || mixInOtherPack(input.focus, out.focus, text); // "dame 10 del Cibao" after the Cemex shown: the Cibao instead; "¿y en cubeta?" after the mixed gallons
  // "cambia la varilla por la de 1/2", "grade 60 on the rebar": the line swapped out of the estimate leaves the counter too.
  const swapped = input.estimate && out.lines ? input.estimate.filter((l) => !out.lines?.some((o) => o.sku === l.sku)).map((l) => l.sku) : [];
  const recent = [...new Set([...(out.focus.recent ?? []), ...before])].filter((sku) => sku !== out.focus?.sku && !(replaced && sku === input.focus?.sku) && !swapped.includes(sku)).slice(0, MAX_RECENT);
  // ...with the counts the customer gave them, for "¿cuánto es todo?".
  const counts = countsBefore(input.focus, out.focus, recent, replaced);
  // An estimate's first line in focus (`at`): the products talked of before it come earlier still.
  const at = out.focus.at !== undefined ? { at: out.focus.at + recent.length - (out.focus.recent ?? []).length } : {};
  const kept = { ...out.focus, recent, ...(counts ? { counts } : {}), ...mixesBefore(input.focus, out.focus, recent, replaced), ...at };
  // "si le sumo 2 metros de arena, ¿cuánto queda todo?", "agrégale 2 tubos", "dame uno" of the glue asked after the counted pipes: the new line in the total (total-with-added.ts); a delivery asked here is priced above; the new lines' own words ("40 m² a 10 cm… son 4 m³") stay before it.
  const whole = !asked && recent.length > 0 && text !== undefined && (asksWholeWithIt(text) || (!input.estimate?.length && (keepsRunningOrder(kept, out) || (!out.lines && addsToCounter(input.focus, kept, text))))) ? counterTotal(tenant, index, kept, input.lang, out.outcome === 'multi_quote') : null;
  if (whole) return withProductOffers(tenant, withDeliveryLine(tenant, withDelivery(tenant, { ...whole, replies: [...out.replies.slice(0, -1), ...whole.replies] }, input.delivery, input.lang), input.delivery, input.lang), input.lang, options.now, input.text);
  return withProductOffers(tenant, recent.length > 0 ? withCounterReserve(tenant, { ...out, focus: kept }) : out, input.lang, options.now, input.text);
}

const MAX_RECENT = 4; // how many products answered before the one in focus it remembers

function answer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, options: { text?: string; now?: number }): ProductActorOutput {
  const lang = input.lang;
  const text = options.text ?? input.text;
  // "¿cuánto sería todo?", "dame 100 de cada uno" right after an estimate: that estimate again ("… con delivery a Caleta?": the place is the delivery's).
  const again = text !== undefined ? (asksEstimateAgain(text) ?? asksEstimateAgain(text.replace(TO_A_PLACE, ' ')) ?? (saysThatsAll(text) ? {} : null)) : null; // "eso es todo": the total
  // "pa pulidora de 4 1/2" after the disc: whether it fits. "quítale 2", "quítale 20" with 10 noted, "sin la pintura" with no paint noted: a count (or nothing) off the counter; "dame 2 galones" of the colour offered to mix: that order.
  const off = text !== undefined ? (fitsToolAnswer(tenant, index, input.focus, text, lang) ?? mixFollowUp(tenant, index, input, text, lang) ?? takeOffCounter(tenant, index, input.focus, input.estimate, text, lang) ?? estimateLineAsked(tenant, index, input.estimate, text, lang)) : null;
  if (off) return off;
  // "no, que sean 15" over two lines: which one takes it (the count kept for the answer).
  const line = text !== undefined ? countForLine(tenant, index, input, text, lang) : null;
  if (line) return line;
  // "¿no hay?", "is it in stock?" with nothing asked before: what they are looking for.
  if (text !== undefined && !input.focus && !input.estimate?.length && asksIfInStock(text)) return aloneAnswer(tenant, index, text, lang, { input, answer: (i, t) => answer(tenant, index, i, { ...options, text: t }) }) ?? { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };
  // "quita las varillas", "remove the rebar": the estimate on offer without that line.
  const trimmed = input.estimate && text !== undefined ? withoutLine(tenant, index, input.estimate, text, lang) : null;
  if (trimmed) return trimmed;
  // ...or, no estimate yet, what was counted on the counter without it.
  const left = !input.estimate?.length && input.focus && text !== undefined ? counterWithout(tenant, index, input.focus, text, lang) : null;
  if (left) return left;
  const total = again && input.estimate && input.estimate.length > 0 ? estimateLines(tenant, input.estimate, again.each) : [];
  if (total.length > 0) return mixedEstimate(tenant, index, total, input.focus, lang, FORMAL_QUOTE.test(text ?? '')); // a mixed paint's colour still named
  // ...or "dame 20" (and "y 5 de arena") then "¿cuánto sería todo?": what was counted, as an estimate; nothing counted yet: which of the options, or how many.
  const summed = again && again.each === undefined && !again.both && input.focus ? counterTotal(tenant, index, input.focus, lang, FORMAL_QUOTE.test(text ?? '')) : null;
  if (summed) return summed;
  // "¿no hay?", "is it in stock?": the product on the counter again, with its stock.
  if (text !== undefined && input.focus && asksIfInStock(text)) return focusAgain(tenant, index, input.focus, lang);
  // "¿y cuándo llegaría?", "¿cuánto tarda?" about the order on the counter: when it gets there.
  const when = text !== undefined && asksDeliveryTime(text) ? deliveryTimeAnswer(tenant, input, text, options.now) : null;
  if (when) return when;
  // "dame 2 de la primera", "dame 20 de la grado 60" after the options: that one, that many ("primera" is no primer paint).
  const counted = text !== undefined ? pickOnCounter(tenant, input.focus, text) : null;
  // "dame 50 de esa y 20 de la otra", "2 de la primera y 3 de la segunda": a line each, and the total; "20 de la varilla" (every option's word): which one, the count kept.
  const picks = !counted && text !== undefined ? (picksOnCounter(tenant, index, input.focus, text, lang) ?? countOfShownKind(tenant, input.focus, text, lang)) : null;
  if (picks) return picks;
  // "dos cajas" of the discs sold by the unit: how they are sold, and how many (never 2 units priced as the 2 boxes).
  const notInPack = text !== undefined ? packNotSoldAnswer(tenant, input.focus, text, lang) : null;
  if (notInPack) return notInPack;
  if (counted) return quoteOne(tenant, index, { item: { query: counted.product.name, ...(counted.quantity !== undefined ? { quantity: counted.quantity } : {}) }, match: { product: counted.product, score: 1, unmet: [], defaulted: false } }, lang, true);
  // "lo quiero", "¿cómo hago el pedido?" with no offer pending: the product on the counter, to set aside ("¿y si la compro en cubeta?" asks a price; "la quiero en azul" another colour).
  if (text !== undefined && takesTheOneShown(text, input.focus?.name ?? '') && !asksBucketPrice(text) && !input.understanding.nlu.entities.some((e) => e.type === 'product')) {
    // "mándamelos a Caleta" after an estimate: that estimate (the delivery added and the order sent, above); with cement and sand counted, the whole counter.
    if (input.estimate && input.estimate.length > 0) return multiQuote(tenant, estimateLines(tenant, input.estimate), [], lang, index, false);
    if (input.focus) return counterLines(input.focus).length >= 2 ? multiQuote(tenant, estimateLines(tenant, counterLines(input.focus)), [], lang, index, false) : focusAgain(tenant, index, input.focus, lang);
  }
  if (text !== undefined) {
    // "¿cuántos galones para 100 metros?", "cuántos blocks para una pared de 3 por 2?": from the catalog's rules of thumb; "40 metros cuadrados" right after "dime cuántos metros cuadrados…"; "piso de 4x5" alone: the area and what goes there, then "cerámica" worked out for it.
    // "voy a levantar una pared de 3 x 2, ¿qué necesito?": the job's kit counted for its sizes.
    const job = askedJob(text) ?? toldJobFor(tenant, text); // "voy a techar la marquesina": the job told is asked
    // "y pa un baño que coge humedad?" after the paint: which of those (or of their kind) is for that use, before a job or a room is read.
    const kitted = purposeOfCounter(tenant, index, input, text, lang) ?? jobAnswer(tenant, index, input, text, job && !input.understanding.nlu.entities.some((e) => e.type === 'product' && e.end <= job.at) ? job : null);
    if (kitted) return kitted;
    const material = readMaterialQuestion(text) ?? (areaToCover(text) !== null ? {} : null);
    const sized = material ? null : jobSizes(tenant, index, input, text, lang);
    if (sized?.kind === 'ask') return sized.output;
    const estimate = material ? materialAnswer(tenant, index, input, text, withSizesSaid(material, input.focus, text)) : sized ? materialAnswer(tenant, index, sized.input, text, sized.question) : measureAnswer(tenant, index, input, text);
    if (estimate?.kind === 'answer') return estimate.output;
    if (estimate) return pricedEstimate(tenant, index, estimate.lead, withJobTools(tenant, text, estimate.lines), lang); // "y lo que necesito para pintar": the tools too
    // "presupuesto para techar una marquesina": what the job takes and its size asked, never a quote of one guessed item.
    const project = projectQuote(tenant, index, input, text, lang);
    if (project) return project;
    // "¿tienen algo para destapar el inodoro?": what does that job (or that nothing does), not the thing named.
    const forThat = askedJobAnswer(tenant, index, input, text, job, lang);
    if (forThat?.strong) return forThat.output;
    // "quiero pintar mi casa, ¿qué necesito?" (one of each kind for the job), "necesito material para un baño" (the room's lines).
    const kit = jobOrRoomKit(tenant, index, text, input.understanding.nlu.entities.some((e) => e.type === 'product'), lang);
    if (kit) return withAreaSaid(tenant, index, input, text, kit); // "…por fuera, son como 120 metros": the gallons for them too
    if (forThat) return forThat.output;
  }
  // "dame 10 de cada uno" right after a list of options ("la de grado 40 o la de grado 60"): each option listed, that many each, as an estimate.
  const shownOptions = input.focus?.options ?? [];
  const eachOne = again?.each ?? (again?.both ? 1 : undefined); // "mándame los dos": one of each unless counted
  if (eachOne !== undefined && shownOptions.length >= 2) {
    const lines = estimateLines(tenant, shownOptions.map((sku) => ({ sku, quantity: eachOne })));
    if (lines.length >= 2) return multiQuote(tenant, lines, [], lang, index, FORMAL_QUOTE.test(text ?? ''));
  }
  // "dame 100 de cada uno" after separate answers (no estimate yet): the products just talked about, that many each.
  if (eachOne !== undefined && input.focus?.recent && input.focus.recent.length > 0) {
    // In the catalog's (the shelf's) order: "el cemento y la arena", the paint before the roller.
    const skus = new Set([input.focus.sku, ...input.focus.recent]);
    const lines = estimateLines(tenant, tenant.catalog.filter((p) => skus.has(p.sku)).map((p) => ({ sku: p.sku, quantity: eachOne })));
    if (lines.length >= 2) return multiQuote(tenant, lines, [], lang, index, FORMAL_QUOTE.test(text ?? ''));
  }
  // "¿en cubeta o en galón?" (both packs side by side), "¿lo tienen en otro color?", "¿hay más barato?": about what is on the counter.
  const onCounter = text === undefined ? null : ((input.focus && asksBranchOfCounter(tenant, input, text) ? focusAgain(tenant, index, input.focus, lang) : null) ?? noWayAnswer(tenant, text, input.understanding.products, (w) => index.correct(w) !== null, lang) ?? comparisonAsked(tenant, index, input, text, lang) ?? (input.focus ? (colourInPaint(tenant, index, input.focus, text, lang, (q) => answer(tenant, index, { ...input, focus: undefined, estimate: undefined }, { ...options, text: q })) ?? specAnswer(tenant, input.focus, text, input.understanding.products, lang) ?? weightAnswer(tenant, input.focus, text, input.understanding.products.length > 0, lang) ?? answerFocusQuestion(tenant, index, input.focus, text, lang, options.now)) : null) ?? namedWeight(tenant, index, input.understanding.products, text, lang) ?? answerColoursOf(tenant, index, input, text, lang));
  if (onCounter) return onCounter;
  let wanted = oneOnCounter(input, withSizeCarried(index, wantedItems(input, undefined)), text); // "y una bandeja" after counted lines: one of it; "tubo de 4 y codos": 4" elbows
  let pinned: string | undefined;
  let parts: Wanted[] | null = null;
  // "dame 100 de cada uno" when one product only was answered: that many of it, as "dame 100" would.
  const onlyOne = again?.each !== undefined && !again.both && input.focus && (input.focus.recent?.length ?? 0) === 0 && shownOptions.length < 2 ? input.focus : undefined;
  if (onlyOne && again?.each !== undefined) {
    wanted = [{ query: onlyOne.query, quantity: again.each }];
    pinned = onlyOne.sku;
  }
  // A chosen option sends the product's full name: that product, whatever the brain made of it.
  const named = text !== undefined && namesAProduct(tenant.catalog, text) ? index.search(text, { limit: 1 })[0] : undefined;
  [wanted, pinned] = firstPick(index, tenant.catalog, text, wanted, pinned); // "el taladro más barato", "pintura pa madera"
  const ofKind = pinned ? null : shownOfKindSaid(index, tenant.catalog, input.focus, wanted); // "the hose" after the faucet's kit: the kit's hose
  if (ofKind) [wanted, pinned] = [ofKind.wanted, ofKind.sku];
  if (pinned) {
    // Read above: nothing else in the message names a product.
  } else if (named && named.score === 1 && named.product.name.length > 0 && sameName(named.product.name, text ?? '')) {
    // One of the options just shown, for a count the customer gave ("2 glns de pintura azul"): still that count.
    const count = input.focus?.options?.includes(named.product.sku) ? input.focus.quantity : undefined;
    wanted = [{ query: named.product.name, ...(count !== undefined ? { quantity: count } : {}) }];
    pinned = named.product.sku;
  } else if (input.focus && text !== undefined && wanted.length <= 1 && (parts = countedFollowUps(index, input.focus, text, tenant.catalog)) !== null) {
    // "20 de la de 3/8 y 10 de la de 1/2" after the sizes: each part's count of the one it names.
    wanted = parts;
  } else if (input.focus && text !== undefined) {
    const resolved = followUp(index, input.focus, text, wanted, tenant.catalog);
    if (resolved) {
      wanted = resolved.items;
      pinned = resolved.sku;
    }
  }
  // One product phrase: a colour, finish, grade or brand said elsewhere in the message ("tienen pintura? la necesito blanca") belongs to it.
  if (!pinned && wanted.length === 1 && text !== undefined) wanted = [withAttributesSaid(index, wanted[0] as Wanted, text)];
  if (wanted.length === 0 && text !== undefined && text.trim() !== '') {
    const parsed = index.parse(timesSpelt(text)); // "y cuanto x dos?": a count, never the "Dos Piezas" toilet
    const attributes = [parsed.phrases.colour, parsed.phrases.finish, parsed.phrases.size].filter((p): p is string => p !== undefined); // "dame 2 galones del blanco" after the paints, "give me 20 of the half inch" after the sizes: of the family on the counter
    if (parsed.content.length === 0 && attributes.length > 0 && input.focus) wanted = [{ query: `${input.focus.query} ${attributes.join(' ')}`, ...(parsed.quantity !== undefined ? { quantity: parsed.quantity } : {}) }];
    else if (parsed.content.length > 0 || parsed.attributes.colours.length > 0 || parsed.attributes.finish || parsed.attributes.dims.length > 0) wanted = [{ query: colourOnlyQuery(index, tenant.catalog, text, lang) ?? text, ...(((n) => (n !== undefined ? { quantity: n } : {}))(parsed.quantity ?? leadingCount(text))) }]; // "¿tienen azul?": paint; "dame 3 galones de la blanca", "2 de la negra": that many
    else if (input.focus) {
      // "¿cuánto cuesta?" names no product: the one in focus; after "dame 6", the 6 on the counter, priced.
      const count = parsed.quantity ?? input.focus.quantity;
      wanted = [{ query: input.focus.query, ...(count !== undefined ? { quantity: count } : {}) }];
      pinned = input.focus.sku;
    }
  }
  const ofBrand = text !== undefined && !pinned ? brandAsked(tenant, text, lang) : null; // "¿tienen Truper?", "do you carry 3M?": what there is of it
  if (ofBrand || wanted.length === 0) return ofBrand ?? aloneAnswer(tenant, index, text, lang, { input, answer: (i, t) => answer(tenant, index, i, { ...options, text: t }) }) ?? { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };
  // "duct tape" (a good of the trade the catalog lacks), "toilet paper" (a head it lacks): not the product they half meet.
  const uncarried = !pinned && wanted.length === 1 && text !== undefined ? (tradeGoodNotCarried(tenant, index, text, lang) ?? compoundNotCarried(tenant, index, text, input.understanding.nlu.entities, lang)) : null;
  if (uncarried) return uncarried;
  if (!pinned) wanted = input.estimate?.length ? sizedLikeEstimate(tenant, index, input.estimate, joinedAttributes(index, wanted, text)) : likeOnCounter(tenant, index, input.focus, wanted); // "la pintura mejor en gris": one item; "agrégale 2 tees": 3/4" like the rest; "3 tubos y 2 codos" after the 4" pipe: that pipe
  if (text !== undefined) wanted = withoutContainers(index, withSizedQuantities(withLengthQuantities(wanted, text), text)); // "2 tubos de silicón": the silicone
  // "cerámica para 20 metros cuadrados": what is sold by the m² is that many m² of it.
  const area = text !== undefined && wanted.length === 1 && wanted[0]?.quantity === undefined ? AREA_FOR.exec(fold(text)) : null;
  if (area && /m²|m2/.test(index.search((wanted[0] as Wanted).query, { limit: 1 })[0]?.product.unit ?? '')) wanted = [{ ...(wanted[0] as Wanted), quantity: Math.ceil(Number((area[1] as string).replace(',', '.'))) }];
  // "el block de 6 y el de 8? necesito 10 de cada uno": that count for every item without its own.
  const each = text !== undefined && wanted.length >= 2 ? eachQuantity(text) : undefined;
  if (each !== undefined) wanted = wanted.map((w) => (w.quantity === undefined ? { ...w, quantity: each } : w));
  const formal = text !== undefined && FORMAL_QUOTE.test(text);
  const pinnedProduct = pinned ? tenant.catalog.find((p) => p.sku === pinned) : undefined;
  if (pinnedProduct) wanted = wanted.map((w) => (w.query === '' ? { ...w, query: pinnedProduct.name } : w));

  // The customer's own words for an item ("abanicos de techo", not the brain's "abanico techo"), to name what is not carried.
  const spans = input.understanding.nlu.entities.filter((e) => e.type === 'product');
  const saidAs = (item: Wanted): string => {
    const span = text !== undefined ? spans.find((e) => e.value === item.query) : undefined;
    return span && text !== undefined && text.slice(span.start, span.end).trim() !== '' ? text.slice(span.start, span.end) : item.query;
  };
  const oneKind = !pinned ? coloursOfOneKind(tenant, index, wanted, lang, text) : null; // "¿tienen pintura azul y roja?": one kind in its colours, never "No vendemos pintura azul"
  if (oneKind) return oneKind;
  // Several items: the best match of each, one line per distinct product.
  const found: Found[] = [];
  const missing: string[] = [];
  /** Items answered by the thing itself rather than the product for it ("techo" → the roofing, not its screws). */
  const indirect = new Set<Wanted>();
  const known = (word: string): boolean => index.correct(word) !== null;
  /** An item that was only talk ("ok perfecto, quiero hacer el pedido" read whole as the item). */
  let talkOnly = false;
  for (const item of wanted) {
    let best: CatalogMatch | undefined = pinnedProduct ? { product: pinnedProduct, score: 1, unmet: [], defaulted: false } : index.search(item.query, { limit: 1 })[0];
    // Nothing resembles it, or only a side word does ("generador eléctrico" meets the electrical conduit): the store does not carry it, and says so by the product's name.
    const head = pinnedProduct ? null : spokenHead(index, item.query, saidAs(item), lang);
    // A word the catalog does not know, met by a likeness to a side word ("lavadoras" and "Arena Lavada"), names nothing it has.
    const unknown = (head !== null && index.correct(head) === null && (!best || !resemblesKind(best.product, head) || index.search(head, { limit: 1 }).length === 0)) || (!pinnedProduct && namesNotSoldGood(tenant.store.tradeGoods, item.query)); // "y una puerta"
    if (!best || unknown) {
      const name = productWords(saidAs(item));
      // "cuando llegaría", "perfecto", "hago": talk, not goods; never "No vendemos *perfecto*".
      if (name !== '' && !namesGoods(name, known, lang) && tradeGoodOf(tenant, name) === null) {
        talkOnly = true;
        continue;
      }
      if (name !== '' && !missing.includes(name)) missing.push(name);
      continue;
    }
    // "neveras" meets the "Protector de Voltaje para Nevera": the store does not sell fridges; it has that for one. Said so, with the product offered as what it is.
    if (head !== null && isOnlyFor(index, best.product, head)) {
      const itself = thingItself(index, index.search(item.query, { limit: 5 }), head);
      if (itself) {
        best = itself;
        indirect.add(item);
      }
      else {
        const name = productWords(saidAs(item));
        if (wanted.length === 1 && name !== '') return notCarriedButFor(tenant, name, best.product, lang);
        if (name !== '' && !missing.includes(name)) missing.push(name);
        continue;
      }
    }
    // One of several items asked for in a size or colour the store does not have ("pintura blanca y
    // azul"): said not carried by its words, not answered with another colour.
    if (wanted.length >= 2 && best.unmet.length > 0 && !pinnedProduct && !boardInOtherLength(item.query, best)) {
      // By the whole item: "y azul" said alone is "pintura azul"; "60 sacos de arena", sold by the metre, is "arena en saco" (the store has sand).
      const pack = best.unmet.length === 1 && best.unmet[0] === 'pack' ? index.parse(item.query).phrases.pack : undefined;
      const name = pack ? `${productWords(item.query)} ${lang === 'es' ? 'en' : 'in'} ${pack}` : productWords(item.query);
      if (name !== '' && !missing.includes(name)) missing.push(name);
      continue;
    }
    const same = found.find((f) => f.match.product.sku === best.product.sku);
    // "pvc" and "pipe" read as two phrases are one product; the words that named it directly stay.
    if (same && indirect.has(same.item) && !indirect.has(item)) same.item = { ...item, ...(item.quantity === undefined && same.item.quantity !== undefined ? { quantity: same.item.quantity } : {}) };
    if (same) {
      if (item.quantity !== undefined && same.item.quantity === undefined) same.item = { ...same.item, quantity: item.quantity };
      continue;
    }
    const byLength = item.lengthQuantity !== undefined && item.quantity === undefined && /^(?:pie|pies|metro|metros|yarda|yardas|ft|m)$/i.test(best.product.unit);
    const counted = byLength ? { query: item.query, quantity: item.lengthQuantity } : item;
    found.push({ item: countInUnit(counted, best.product.unit, text), match: best });
  }
  // Nothing of it is in the catalog: named by its product words; nothing named at all ("¿me haces una cotización?", "cuánto me sale todo?") is a question of which product.
  if (found.length === 0) {
    // Only talk, with a product on the counter: about that product (its price again, or which of the options).
    if (talkOnly && missing.length === 0 && input.focus) return focusAgain(tenant, index, input.focus, lang);
    return missing.length === 0 ? { outcome: 'need_product', replies: [{ template: 'product.need_product' }] } : notCarried(tenant, missing, lang);
  }
  // "5 galones de pintura y 2 jacuzzis": a counted item with no catalog word is named, not dropped. ...not a pick of what is on the counter ("2 of the other one").
  if (text !== undefined && found.length + missing.length >= 1 && !pinnedProduct) {
    for (const other of uncarriedItems(text, index)) if (!missing.includes(other) && namesGoods(other, known, lang)) missing.push(other);
  }
  const quantities = wanted.some((w) => w.quantity !== undefined);
  // An estimate is on offer and the customer adds to it ("agrégale 5 galones de pintura", "and 3 rollers"): the same estimate with the new lines (a product already in it takes the new count). "mejor 8 de cemento", "5 más de arena", "la pintura mejor en gris": that line changed in its place.
  const changed = input.estimate?.length ? changedEstimate(index, estimateLines(tenant, input.estimate), found, text, quantities || (text !== undefined && ADD_TO_ESTIMATE.test(text))) : null;
  if (changed) return multiQuote(tenant, changed, missing, lang, index, formal);

  const listed = found.length + missing.length;
  // "¿cuánto cuesta el cemento y la arena?", "a quote for cement and rebar": each one's price, and how many of each for the total (an estimate or a quote ticket of "1 x" each is no answer); "10 de cada uno" or the counts then price the lot.
  if ((input.intent === 'price_quote' || formal) && !quantities && missing.length === 0 && found.length >= 2 && !oneOfEach(found, text, lang) && tenant.templates[lang]?.['product.prices'] !== undefined) {
    const shown = found.slice(0, MAX_NAMED);
    const first = shown[0] as Found;
    const items = shown.map(({ match }) => describeProduct(tenant, match.product, lang));
    // All of them stay on the counter (the first in focus): a count of one, then "¿cuánto es todo?", asks the others'.
    return { outcome: 'answered', replies: [{ template: 'product.prices', params: { items } }], focus: { ...withShown(focusOf(first.match, first.item, index), shown), options: shown.map((f) => f.match.product.sku) } };
  }
  // "10 sacos de cemento y arena": the cement priced, and how many of the sand (never a silent "1 x").
  const part = quantities && !formal && missing.length === 0 && input.estimate === undefined && text !== undefined ? partlyCounted(tenant, index, found, text, lang) : null;
  if (part) return part;
  if (listed >= 2 && (input.intent === 'price_quote' || quantities || formal)) return multiQuote(tenant, found, missing, lang, index, formal);
  // "¿tienen pintura blanca y azul?": what there is, and what there is not, by the customer's words.
  if (missing.length > 0 && wanted.length >= 2) {
    const items = found.slice(0, MAX_NAMED).map(({ match }) => describeProduct(tenant, match.product, lang));
    const first = found[0] as Found;
    return { outcome: 'answered', replies: [{ template: 'product.found_partial', params: { items, missing: missing.join(', ') } }], focus: focusOf(first.match, first.item, index) };
  }
  if (found.length >= 2) {
    const items = found.slice(0, MAX_NAMED).map(({ match }) => describeProduct(tenant, match.product, lang));
    const first = found[0] as Found;
    const shown = withShown(focusOf(first.match, first.item, index), found.slice(0, MAX_NAMED));
    // "I need a trowel and a level", "una llana y un nivel": one of each is on the counter, so "how much all together?" adds them.
    return withAlternative(tenant, index, first, lang, { template: 'product.found', params: { items } }, oneOfEach(found.slice(0, MAX_NAMED), text, lang) ? oneOfEachCounted(shown) : shown);
  }

  const single = found[0] as Found;
  // A formal quote needs the amount: "una cotización de pintura" is answered with what there is (and which one, how much), never a quote of one gallon the customer did not ask for.
  if (formal && single.item.quantity !== undefined) return multiQuote(tenant, found, missing, lang, index, true);
  // "no, la de 5/8 nada más" right after the 5/8 was answered out with another offered: the customer wants that one, not the other again. A clerk notes it and offers to let them know when it comes in.
  // "how much for 3?" there, naming nothing: the one offered instead, counted.
  if (input.focus?.alternative !== undefined && single.match.product.sku === input.focus.sku && single.match.product.stock <= 0) return alternativeOrBackorder(tenant, index, input, single, text, lang);
  // "dame uno", "give me one": that one counted, written "1 ×" like any count (never the bare price again).
  if (pinnedProduct) return quoteOne(tenant, index, single, lang, true, single.item.quantity === 1 && text !== undefined && readFollowUpQuantity(text)?.quantity === 1);
  // "¿Qué tipo de cemento tienen?": the kinds with their prices, and which one.
  if (text !== undefined && single.item.quantity === undefined && asksForKinds(text, (word) => index.correct(word) !== null)) {
    const kinds = listKinds(tenant, index, single, lang);
    if (kinds) return kinds;
  }
  // "una cotización de pintura": which one and how much, never one gallon priced for them.
  const toQuote = text !== undefined ? quoteNeedsChoice(tenant, index, single, text, lang) : null;
  if (toQuote) return toQuote;

  // "alambre de púas" when the only wire is tie wire: not that kind; the closest, said as such.
  const span = text !== undefined ? spans.find((e) => e.value === single.item.query) : undefined;
  const kind = text !== undefined && span ? unknownKindAt(index, text, span.start, lang, shortGoodWords(tenant.store.tradeGoods)) : unknownKind(index, single.item.query, lang, shortGoodWords(tenant.store.tradeGoods));
  const noKind = kind !== null ? noKindAnswer(tenant, index, single, kind, lang, (f) => quoteOne(tenant, index, f, lang, input.intent === 'price_quote')) : null;
  if (noKind) return noKind;
  const matches = index.search(single.item.query, { limit: MAX_SHOWN });
  const top = matches[0] ?? single.match;
  const focus = focusOf(top, single.item, index);

  // What the customer asked for does not exist in that colour/size/grade: say so, show what there is.
  if (top.unmet.length > 0) {
    const shown = matches.filter((m) => m.score >= top.score * 0.85).slice(0, MAX_SHOWN);
    const items = shown.map((m) => describeProduct(tenant, m.product, lang));
    const wantedWords = top.unmet
      .map((kind) => index.parse(single.item.query).phrases[kind])
      .filter((w): w is string => !!w)
      .map((w) => (lang === 'en' ? (COLOUR_EN[w] ?? w) : w));
    const wantedText = wantedWords.length > 0 ? wantedWords.join(', ') : single.item.query.trim();
    const count = single.item.quantity !== undefined && quantityOf(single.item) > 1 ? quantityOf(single.item) : undefined;
    // "breaker de 20 amperios 2 polos": each attribute there is, but not together; what each comes in. "el block de 10" when blocks come in 4", 6" and 8" (priced for a count asked for): the sizes there are.
    const noSize = noComboAnswer(tenant, index, [top, ...shown].map((m) => m.product), single.item.query, lang, focus, count) ?? (top.unmet.length === 1 && top.unmet[0] === 'size' && wantedWords.length === 1 ? noSizeAnswer(tenant, index, top.product, shown, single.item.query, wantedText, lang, focus, count) : null);
    if (noSize) return noSize;
    // "3 galones de pintura azul": no blue; the colours there are, each priced for the 3.
    const noColour = top.unmet.length === 1 && top.unmet[0] === 'colour' ? noColourAnswer(tenant, index, single.item.query, lang, focus, count, text) : null;
    if (noColour) return noColour;
    // "2 glns de pintura azul": what there is, priced for the 2 asked for (the focus keeps the count for the pick); "60 sacos de arena", sold by the metre: sacks are no metres, no count.
    const quantity = quantityOf(single.item);
    if (single.item.quantity !== undefined && quantity > 1 && !(top.unmet.includes('pack') && countedInPack(index, single.item.query))) {
      const counted = shown.map((m) => ({ ...describeProduct(tenant, m.product, lang), quantity, subtotal: formatMoney(m.product.price * quantity) }));
      const units = countUnit((shown[0] ?? top).product.unit, quantity, lang);
      return {
        outcome: 'answered',
        replies: [{ template: 'product.no_variant_qty', params: { query: single.item.query.trim(), wanted: wantedText, quantity, units, items: counted }, options: optionsFor(shown.map((m) => m.product)) }],
        focus: { ...focus, options: shown.map((m) => m.product.sku) },
      };
    }
    return {
      outcome: 'answered',
      replies: [{ template: 'product.no_variant', params: { query: single.item.query.trim(), wanted: wantedText, items }, options: optionsFor(shown.map((m) => m.product)) }],
      focus: { ...withoutCount(focus, top.unmet.includes('pack') && countedInPack(index, single.item.query)), options: shown.map((m) => m.product.sku) },
    };
  }

  // "¿tienen tubos pvc?": a family of sizes asked for with none: its sizes, the price span, which one.
  const said = index.parse(single.item.query);
  const range = single.item.quantity === undefined && Object.keys(said.phrases).length === 0 ? familyRange(tenant, top.product, lang, focus) : null;
  if (range) return range;
  // Two or three equally likely products: show them with prices and let the customer pick.
  const fits = matches.filter((m) => m.unmet.length === 0 && m.score >= top.score * AMBIGUOUS_RATIO);
  // Among equal fits, what is on the shelf: an exhausted one is no option to choose — but the everyday one (or one on offer) out is said, with what there is ("2 cubetas de pintura blanca").
  const close = fits.some((m) => m.product.stock > 0) ? fits.filter((m) => m.product.stock > 0) : fits;
  const fitOut = fits.length >= 2 ? fitOutOfStock(tenant, index, fits, single.item, lang, options.now) : null;
  const one = close.length === 1 && fits.length >= 2 && close[0] !== top ? close[0] : kinOnCounter(index, tenant.catalog, input.focus, single.item.query, close, matches); // ...or the PVC glue with PVC pipe on the counter
  if (fitOut || one) return fitOut ?? quoteOne(tenant, index, { item: single.item, match: one as CatalogMatch }, lang, input.intent === 'price_quote');
  // "2 galones de pintura de aceite" (black or green): which colour, each priced for the count, never one picked for them.
  const shown = close.slice(0, MAX_SHOWN).map((m) => m.product);
  const colours = new Set(shown.map((p) => index.parse(p.name).phrases.colour));
  if (!top.defaulted && close.length >= 2 && (single.item.quantity === undefined || colours.size >= 2)) {
    const n = single.item.quantity !== undefined && quantityOf(single.item) > 1 ? quantityOf(single.item) : undefined;
    const items = shown.map((p) => ({ ...describeProduct(tenant, p, lang), ...(n ? { quantity: n, subtotal: formatMoney(p.price * n) } : {}) }));
    const params: TemplateParams = n ? { items, quantity: n, units: countUnit(top.product.unit, n, lang) } : { items };
    return { outcome: 'answered', replies: [{ template: n ? 'product.options_qty' : 'product.options', params, options: optionsFor(shown) }], focus: { ...focus, options: shown.map((p) => p.sku) } };
  }
  return quoteOrdered(tenant, index, { item: single.item, match: top }, lang, input.intent === 'price_quote', text);
}

/** The kinds of a product, up to `MAX_KINDS` with their prices, as options; null when there is one kind only. */
function listKinds(tenant: TenantData, index: CatalogIndex, single: Found, lang: Lang): ProductActorOutput | null {
  const { shown, total } = kindsOf(index, single.item.query);
  if (shown.length < 2) return null;
  const items = shown.map((p) => describeProduct(tenant, p, lang));
  const more = total - shown.length;
  return {
    outcome: 'answered',
    replies: [{ template: more > 0 ? 'product.kinds_more' : 'product.kinds', params: { items, count: total, more }, options: optionsFor(shown) }],
    focus: { ...focusOf(single.match, single.item, index), options: shown.map((p) => p.sku) },
  };
}

