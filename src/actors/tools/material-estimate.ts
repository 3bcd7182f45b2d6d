/**
 * "¿Cuántos blocks para una pared de 3 por 2?", "how many bags of cement for a 3x4 m slab?": how
 * much of a product a job takes, worked out as a clerk does from the catalog's rules of thumb
 * (`coverage` of paints, `usage` per m² or m³, a piece's length in its name), said as typical
 * figures; the one measurement missing asked for; or, where the catalog has no rule for it ("cable
 * para mi casa"), said plainly that it depends, with an advisor on offer. Never a bare price list.
 */
import { foldAccents } from '../../kernel/fold.js';
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { areaToCover } from '../../machines/product-focus.js';
import { doorsToPaint, DOOR_SIDE_M2 } from '../../machines/doors-area.js';
import { asksYield, isMeasured, isOnlySurface, readMeasureReply, readSaidSizes, type MaterialQuestion, type MeasureAsked } from '../../machines/material-questions.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { describeProduct, firstWord, focusOf, nameKey } from './product-parts.js';
import { countUnit } from './units.js';
import { renderReply } from '../render-reply.js';
import { inColourAsked, jobColour, mixedEstimate, type JobColour } from './paint-job-colour.js';
import { namedRuledEstimate, ruledEstimate } from './job-estimate.js';

/** A room's walls are worked out at this height (m) when the customer gives only the floor. */
const ROOM_HEIGHT = 2.5;
/** The side (m) of an everyday room, for rooms counted without their sizes ("casa de 2 habitaciones"). */
const TYPICAL_ROOM = 3;
/** The side (m) of an everyday living room, counted with the rooms when named ("y la sala"). */
const TYPICAL_LIVING = 4;
/** A slab or floor of concrete given by its sides only is worked out at this thickness (m), said so. */
const SLAB_THICKNESS = 0.1;
const GALLONS_PER_BUCKET = 5;
const FOOT = 0.3048;

/** What to price after the estimate's own words: each product and how many of it. */
export interface MaterialLine {
  product: Product;
  quantity: number;
}

/** An answer of its own (a question, "it depends"), or the estimate's words and the lines to price. */
export type MaterialAnswer = { kind: 'answer'; output: ProductActorOutput } | { kind: 'priced'; lead: ReplyDirective[]; lines: MaterialLine[] };

const fmt = (n: number): string => String(Math.round(n * 100) / 100);
const mid = (p: Product): number => (p.coverage ? (p.coverage.min + p.coverage.max) / 2 : 0);

/**
 * How much a job takes of the product asked about (named, else the one in focus, else the one a
 * job word or the surface points to). Null when no product can be told: the caller answers as usual.
 */
export function materialAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, q: MaterialQuestion): MaterialAnswer | null {
  const lang = input.lang;
  // "necesito arena y cemento pa pañetar una pared de 3x3": every good named, each by its rule for that surface.
  const several = namedRuledEstimate(tenant, namedProducts(index, input, text, q), q, lang);
  if (several) return { kind: 'priced', ...several };
  const product = productAsked(tenant, index, input, text, q);
  // "¿cuánto rinde?", "¿cuántas manos?" about a product whose sheet gives no yield (the enamel): that, honestly, never a number made up.
  const shown = !product && (asksYield(text) || q.doors !== undefined) && input.focus ? tenant.catalog.find((p) => p.sku === input.focus?.sku) : undefined;
  if (shown && tenant.templates[lang]?.['product.yield_unknown'] !== undefined) return { kind: 'answer', output: { outcome: 'answered', replies: [...doorsSaid(tenant, q, lang), { template: 'product.yield_unknown', params: { name: shown.name } }], focus: input.focus } };
  if (!product) return isMeasured(q) || q.surface !== undefined ? { kind: 'answer', output: { outcome: 'answered', replies: [{ template: 'product.estimate_which' }] } } : null;
  const focus = focusOf({ product, score: 1, unmet: [], defaulted: false }, { query: product.name }, index);
  const ask = (template: string, params: Record<string, unknown> = {}): MaterialAnswer => {
    // "dime cuántos metros cuadrados…": the next message's bare measurement answers it (`measureAnswer`).
    const asked = MEASURE_ASKED[template];
    const measure = asked ? { measure: { asked, ...(q.length !== undefined ? { length: q.length } : {}), ...(q.surface ? { surface: q.surface } : {}) } } : {};
    return { kind: 'answer', output: { outcome: 'answered', replies: [{ template, params: { name: product.name, ...params } }], focus: { ...focus, ...measure } } };
  };
  if (product.coverage) {
    // "¿cuántos galones de pintura azul para 120 m²?": the gallons mixed in blue on the paint, said so.
    const painted = paint(tenant, product, text, q, lang, ask);
    const mixed = painted.kind === 'priced' ? inColourAsked(tenant, index, text, painted, lang, input.focus?.sku === product.sku ? input.focus.mix : undefined) : null;
    return mixed ? { kind: 'answer', output: mixed } : painted;
  }
  // "¿cuánto cemento para una pared de 3x2?": the product's rule for that job (the mortar's), not its own (the concrete's).
  const ruled = ruledEstimate(tenant, product, q, lang);
  if (ruled) return { kind: 'priced', ...ruled };
  const usage = product.usage;
  if (usage?.per === 'm2') {
    // "porcelanato pa 25 metros": goods sold by the square metre, one number of metres and no wall said, is the square metres (a clerk never asks the height of a floor);
    // so for what sets tiles ("pegamento pa ceramica" then "cuantas fundas pa 20 metros?"): tiles are laid by the square metre.
    const area = surfaceArea(q) ?? (q.length !== undefined && (q.surface === undefined || q.surface === 'floor') && q.rooms === undefined && (/^m(?:²|2)$/.test(product.unit.trim()) || (product.jobs ?? []).includes('enchapar')) ? q.length : null);
    // "una casa de 2 habitaciones": rooms counted say nothing of the walls' or floor's size.
    if (area === null && q.rooms !== undefined && q.length === undefined) return ask('product.rooms_ask', { rooms: q.rooms });
    if (area === null) return ask(q.length !== undefined ? 'product.usage_ask_height' : 'product.usage_ask_area', { amount: fmt(usage.amount), units: countUnit(product.unit, 2, lang), length: q.length });
    const lines = withCompanions(tenant, product, area);
    const items = itemsOf(lines, lang).map((item, i) => {
      const waste = Math.round(((lines[i] as MaterialLine).product.usage?.waste ?? 0) * 100);
      return { ...item, waste: waste > 0 ? renderReply({ template: 'product.usage.waste', params: { waste } }, tenant.templates, lang) : '' };
    });
    return { kind: 'priced', lead: [{ template: 'product.usage_area', params: { area: fmt(area), sides: q.sides ? ` (${sidesText(q)})` : '', items } }], lines };
  }
  if (usage?.per === 'm3') {
    // "un piso de 40 m²": a concrete floor or slab by its area, at the usual thickness (said so).
    const slabArea = q.sides ? q.sides[0] * q.sides[1] : q.area !== undefined && (q.surface === 'floor' || q.surface === 'slab') ? q.area : undefined;
    const volume = q.volume ?? (slabArea !== undefined ? slabArea * (q.thickness ?? SLAB_THICKNESS) : undefined);
    if (volume === undefined) return ask('product.usage_ask_volume');
    const lines = withCompanions(tenant, product, volume);
    const assumed = q.volume === undefined && q.thickness === undefined;
    return {
      kind: 'priced',
      lead: [{ template: assumed ? 'product.usage_volume_assumed' : 'product.usage_volume', params: { volume: fmt(volume), sides: sidesText(q), thickness: fmt((q.thickness ?? SLAB_THICKNESS) * 100), items: itemsOf(lines, lang) } }],
      lines,
    };
  }
  // "tubos de 3/4 para 20 metros": pieces of a length its name gives (6 m, 20 pies), or feet of a product sold by the foot.
  const piece = pieceLength(product);
  if (q.length !== undefined && q.surface === undefined && piece !== null) {
    const run = Math.ceil(q.length / piece - 1e-9);
    // "a 10 metros del breaker" of single-conductor wire for a circuit: the two conductors and the ground, three runs.
    const wires = piece === FOOT && SINGLE_WIRE.test(product.name) && CIRCUIT.test(nameKey(`${text} ${input.focus?.query ?? ''}`)) ? CIRCUIT_WIRES : 1;
    const quantity = run * wires;
    const template = piece === FOOT ? (wires > 1 ? 'product.usage_feet_circuit' : 'product.usage_feet') : 'product.usage_length';
    // The run as the customer said it: "30 pies de tirada" stays feet, "10 m" comes with its feet.
    const feet = FEET_SAID.exec(nameKey(text));
    const inFeet = feet?.[1] !== undefined && Math.abs(Number(feet[1]) * FOOT - q.length) < 0.01;
    const said = inFeet ? `${feet?.[1]} ${lang === 'es' ? 'pies' : 'feet'}` : `${fmt(q.length)} m`;
    const runFeet = inFeet ? '' : lang === 'es' ? ` (unos ${run} pies)` : ` (about ${run} feet)`;
    return { kind: 'priced', lead: [{ template, params: { length: fmt(q.length), said, runFeet, piece: pieceSaid(product, piece), run, quantity, units: countUnit(product.unit, quantity, lang), name: product.name } }], lines: [{ product, quantity }] };
  }
  const described = describeProduct(tenant, product, lang);
  return ask('product.estimate_depends', { price: described.price, unit: described.unit });
}

/**
 * A question of how much with no sizes of its own ("¿cuánta cerámica necesito?") after the customer
 * gave them ("piso de 4x5"): the sizes said, for the same surface or none named.
 */
export function withSizesSaid(q: MaterialQuestion, focus: ProductFocus | undefined, text: string): MaterialQuestion {
  const said = focus?.sizes;
  if (!said || isMeasured(q) || q.rooms !== undefined || (q.surface !== undefined && said.surface !== undefined && q.surface !== said.surface)) return q;
  // A floor or a slab is not painted with the walls' paint: "¿cuánta pintura?" after "piso de 4x5" asks the walls.
  if (said.surface !== undefined && said.surface !== 'wall' && said.surface !== 'room' && PAINT_WORDS.test(nameKey(text))) return q;
  return { ...said, ...q };
}

/** The answer's focus keeps the sizes the message gave, else the ones given before. */
export function keepSizesSaid(out: ProductActorOutput, before: ProductFocus | undefined, text: string | undefined): ProductActorOutput {
  if (!out.focus || out.focus.sizes) return out;
  const sizes = (text !== undefined ? readSaidSizes(text) : null) ?? before?.sizes;
  return sizes ? { ...out, focus: { ...out.focus, sizes } } : out;
}

/** The measurement each question of the estimate asks for. */
const MEASURE_ASKED: Readonly<Record<string, MeasureAsked>> = {
  'product.coverage_ask': 'area',
  'product.usage_ask_area': 'area',
  'product.rooms_ask': 'area',
  'product.usage_ask_height': 'height',
  'product.usage_ask_volume': 'volume',
};

/**
 * The estimate a bare measurement completes right after the bot asked for it ("¿cuántos metros
 * cuadrados?" → "40 metros cuadrados", "una pared de 4 por 3"; "¿y de alto?" → "3"), for the
 * product in focus. Null when nothing was asked or the message says more than a measurement.
 */
export function measureAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string): MaterialAnswer | null {
  const asked = input.focus?.measure;
  // "unos 80 metros, blanco hueso" to "¿cuántos m² y de qué color?": the measurement, for the paint in that colour.
  const colour = asked ? jobColour(tenant, index, input.focus, text) : null;
  const reply = asked ? readMeasureReply(colour?.rest ?? text, asked.asked) : null;
  // "son 2 puertas" with a paint on the counter: the doors' area (about 2 m² a side), whatever was asked.
  const doors = !reply && input.focus ? doorsQuestion(tenant, input.focus.sku, text) : null;
  if (doors) return materialAnswer(tenant, index, { ...input, understanding: { ...input.understanding, products: [] } }, text, doors);
  if (!asked || !reply) return null;
  if (colour) return colouredMeasure(tenant, index, input, colour);
  // "pintura azul para exterior" then "40 metros": the colour the store offered to mix on the paint on the counter.
  const { mix, ...unmixed } = input.focus ?? {};
  if (mix !== undefined) return colouredMeasure(tenant, index, { ...input, focus: unmixed as ProductFocus }, { colour: mix, rest: text });
  const surface = reply.surface ?? asked.surface;
  // "una pared de 10 metros" then "3 de alto": the two sides.
  const sides = !reply.sides && reply.area === undefined && reply.volume === undefined && asked.length !== undefined && reply.length !== undefined ? { sides: [asked.length, reply.length] as const, length: undefined } : {};
  const q: MaterialQuestion = { ...reply, ...sides, ...(surface ? { surface } : {}) };
  const bare: ProductActorInput = { ...input, understanding: { ...input.understanding, products: [] } };
  return materialAnswer(tenant, index, bare, text, q);
}

/**
 * A measurement with a colour for the paint on the counter: worked out for that colour's paint, or,
 * when none is ready, for the counter's paint mixed in that colour (the store's words on mixing said).
 */
function colouredMeasure(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, colour: JobColour): MaterialAnswer | null {
  const focus = input.focus as ProductFocus;
  const ready = colour.product;
  const again = (focused: ProductFocus): MaterialAnswer | null => measureAnswer(tenant, index, { ...input, focus: focused }, colour.rest);
  if (ready) return again({ ...focus, sku: ready.sku, name: ready.name, price: ready.price, query: ready.name });
  const plain = again(focus);
  const line = plain?.kind === 'priced' && plain.lines.length === 1 ? plain.lines[0] : undefined;
  const mixed = plain?.kind === 'priced' && line ? mixedEstimate(tenant, index, plain.lead, colour.colour, line.product, line.quantity, input.lang) : null;
  return mixed ? { kind: 'answer', output: mixed } : plain;
}

/** The product the question is about: named (not the surface itself: "pared", "piso"), in focus, or the one its job words or surface point to. */
function productAsked(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, q: MaterialQuestion): Product | undefined {
  const named = namedProducts(index, input, text, q, 1)[0];
  if (named) return named;
  const focused = input.focus ? tenant.catalog.find((p) => p.sku === input.focus?.sku) : undefined;
  // ...and of what is sold by the foot or in pieces of a length ("cuántos pies si está a 10 metros?" after the cable).
  if (focused && (focused.coverage || focused.usage || (q.length !== undefined && q.surface === undefined && pieceLength(focused) !== null))) return focused;
  // "cuánto para pintar la casa", "para vaciar el concreto de una losa": the job's product with a rule of thumb.
  const words = new Set(nameKey(text).split(' '));
  if (q.surface === 'slab' || q.surface === 'column') words.add('concreto');
  const forJob = tenant.catalog.filter((p) => (p.coverage || p.usage) && p.jobs?.some((job) => words.has(nameKey(job))));
  const forIt = forJob.find((p) => p.stock > 0 && (p.default_for?.length ?? 0) > 0) ?? forJob.find((p) => p.stock > 0 && (p.coverage?.coats ?? 2) > 1) ?? forJob[0];
  if (forIt) return forIt;
  // "¿cuánto rinde el galón?" right after the enamel (sold by the gallon, its sheet gives no yield): asked of it, never the wall paint's figures.
  if (focused && asksYield(text) && GALLON_UNIT.test(nameKey(focused.unit))) return undefined;
  // "¿cuántos galones para 80 m² a una mano?": gallons are paint's; the everyday paint.
  if (PAINT_WORDS.test(nameKey(text))) return index.search('pintura', { limit: 1 })[0]?.product;
  return undefined;
}

/** The goods the message names for the job (at most `limit`), its surface and a pack of the one on the counter left out. */
function namedProducts(index: CatalogIndex, input: ProductActorInput, text: string, q: MaterialQuestion, limit = Infinity): Product[] {
  const named: Product[] = [];
  const landmarks = q.length !== undefined ? landmarksOf(text) : undefined;
  for (const wanted of input.understanding.products) {
    if (named.length >= limit) break;
    if (isOnlySurface(wanted.query) || (q.doors && DOOR_QUERY.test(nameKey(wanted.query)))) continue; // "2 puertas": the area, not a door's hardware
    // "¿cuántos pies si está a 10 metros del breaker?": where the run ends, not what runs there.
    if (landmarks !== undefined && nameKey(wanted.query).split(' ').some((word) => landmarks.has(word))) continue;
    if (input.focus && index.parse(wanted.query).content.length === 0) continue; // "la de cubeta cuánto rinde?" of the putty shown: its pack, not the paint bucket
    const best = index.search(withoutMeasure(wanted.query, text), { limit: 1 })[0];
    if (best) named.push(best.product);
  }
  return named;
}

/**
 * The product's words without the measure of the job the reader took for its size: "cuántos sacos
 * de cemento para 1 metro cúbico?" is read "saco cemento 1 metro", and "cemento 1" would be the
 * white cement of another size; the 1 is the cubic metre's.
 */
function withoutMeasure(query: string, text: string): string {
  const m = /^(.+?)\s+(\d+(?:\.\d+)?)(?:\s+(?:metro|metros|m|pie|pies|yarda|yardas|meter|meters|foot|feet))?$/.exec(query);
  if (!m) return query;
  const measured = new RegExp(`(?:^|[^\\d.,/])${(m[2] as string).replace('.', '[.,]')}\\s*(?:m2|m3|m²|m³|mts?|metros?|meters?|metres?|cubic|square|cubicos?|cuadrados?|pies|feet|ft|yardas?|yards?)(?![a-z])`, 'i');
  return measured.test(foldAccents(text)) ? (m[1] as string) : query;
}

/** Wire of one conductor (THHN, TW), run three times for a circuit: two conductors and the ground. */
const SINGLE_WIRE = /\b(?:THHN|THWN|TW)\b/i;
const CIRCUIT_WIRES = 3;
const FEET_SAID = /\b(\d+(?:\.\d+)?)\s*(?:ft|pies?|feet|foot)\b/;
/** What a circuit feeds or starts from: the breaker, the panel, an outlet, an air conditioner. */
const CIRCUIT = /\b(?:breakers?|brekers?|breiker|panel|caja\s+de\s+breakers?|circuitos?|circuits?|tomas?|tomacorrientes?|outlets?|aires?|acondicionados?|a\s*c|inversor|inverter|interruptor(?:es)?|switch(?:es)?|calentador|heater|estufa|stove|nevera|fridge)\b/;
/** "a 10 metros del breaker", "30 feet from the panel": the word naming where a run ends. */
const LANDMARK_AFTER = /\b\d+(?:\.\d+)?\s*(?:m|mts?|metros?|meters?|metres?|ft|pies?|feet)\s+(?:de\s+distancia\s+|away\s+)?(?:del?|de\s+la|desde\s+(?:el|la)|hasta\s+(?:el|la)|from(?:\s+the)?|to\s+the)\s+([a-z]+)/g;
/** "si la llave está a 15 metros", "the panel is 30 feet away": the word naming where a run starts. */
const LANDMARK_BEFORE = /\b(?:el|la|los|las|the|mi|my)\s+([a-z]+)\s+(?:esta|estan|queda|quedan|is|are)\s+(?:a\s+|at\s+)?(?:unos?\s+|about\s+|como\s+)?\d/g;

/** The words naming the ends of a run said ("a 10 metros del breaker"): places, not the goods asked about. */
function landmarksOf(text: string): Set<string> {
  const t = nameKey(text);
  return new Set([...t.matchAll(LANDMARK_AFTER), ...t.matchAll(LANDMARK_BEFORE)].map((m) => m[1] as string));
}
const DOOR_QUERY = /^(?:\d+\s+)?(?:puertas?|doors?)\b/;
const GALLON_UNIT = /\b(?:galon|cubeta|bucket)\b/;
const PAINT_WORDS = /\b(?:galon(?:es)?|cubetas?|pintura|pintar|gallons?|buckets?|paint|painting)\b/;

/** The area of a wall or floor: said as such, or its two sides. */
function surfaceArea(q: MaterialQuestion): number | null {
  if (q.area !== undefined) return q.area;
  return q.sides ? q.sides[0] * q.sides[1] : null;
}

const sidesText = (q: MaterialQuestion): string => (q.sides ? `${fmt(q.sides[0])} x ${fmt(q.sides[1])} m` : q.area !== undefined ? `${fmt(q.area)} m²` : '');

/** The product and what goes with it for the same job by the same measure (the sand and gravel with the cement), that much of each. */
function withCompanions(tenant: TenantData, product: Product, measure: number): MaterialLine[] {
  const jobs = new Set((product.jobs ?? []).map(nameKey));
  const kinds = new Set([firstWord(product.name)]);
  const lines: MaterialLine[] = [{ product, quantity: amountFor(product, measure) }];
  for (const other of tenant.catalog) {
    if (other.usage?.per !== product.usage?.per || other.stock <= 0 || kinds.has(firstWord(other.name)) || !other.jobs?.some((j) => jobs.has(nameKey(j)))) continue;
    // The same rule of thumb is another choice of the same thing (the porcelain tile for the ceramic one), not what goes with it:
    // the adhesive asked for brings one tile, not the ceramic and the porcelain added up.
    if (lines.some((l) => other.usage?.amount === l.product.usage?.amount && (other.usage?.waste ?? 0) === (l.product.usage?.waste ?? 0))) continue;
    // One of each kind, the everyday one when there is one: the tile asked for brings its adhesive, not another tile.
    kinds.add(firstWord(other.name));
    lines.push({ product: other, quantity: amountFor(other, measure) });
  }
  return lines;
}

function amountFor(product: Product, measure: number): number {
  const usage = product.usage;
  if (!usage) return 0;
  return Math.ceil(measure * usage.amount * (1 + (usage.waste ?? 0)) - 1e-9);
}

/** A product's usual coats as said: "2 manos", "1 mano", "2 coats" (the primer takes one, not the walls' two). */
const coatsSaid = (coats: number, lang: Lang): string => `${coats} ${lang === 'en' ? (coats === 1 ? 'coat' : 'coats') : coats === 1 ? 'mano' : 'manos'}`;

/** Each line's rule of thumb: how many of its selling unit per m² or m³. */
function itemsOf(lines: readonly MaterialLine[], lang: Lang): { units: string; name: string; amount: string }[] {
  return lines.map(({ product }) => ({ units: countUnit(product.unit, product.usage?.amount ?? 0, lang), name: product.name, amount: fmt(product.usage?.amount ?? 0) }));
}

/** A piece's length in metres as its name gives it ("(6 m)", "(20 pies)", "(12 pies)"), or a foot for what is sold by the foot. */
/** A piece's length as its name says it: "6 m", "50 pies". */
function pieceSaid(product: Product, piece: number): string {
  const feet = /\b(\d+(?:\.\d+)?)\s*pies\b/i.exec(product.name);
  return feet?.[1] !== undefined && Math.abs(Number(feet[1]) * FOOT - piece) < 0.01 ? `${feet[1]} pies` : `${fmt(piece)} m`;
}

function pieceLength(product: Product): number | null {
  if (/^pies?$/i.test(product.unit.trim())) return FOOT;
  // "Tubo PVC 1/2\" (6 m)", "Manguera de Jardín 1/2\" x 50 pies": the piece's length in its name.
  const m = /(?:\(|\bx\s*)(\d+(?:\.\d+)?)\s*(m|pies)(?:\)|$)/i.exec(product.name);
  if (!m?.[1]) return null;
  return Number(m[1]) * (m[2]?.toLowerCase() === 'pies' ? FOOT : 1);
}

/**
 * Gallons of a paint for an area at the coats said (else the product's usual ones), as the typical
 * range of its coverage with the figure priced; the sealer its job takes mentioned for new walls.
 */
function paint(tenant: TenantData, product: Product, text: string, q: MaterialQuestion, lang: Lang, ask: (template: string, params?: Record<string, unknown>) => MaterialAnswer): MaterialAnswer {
  const coverage = product.coverage as NonNullable<Product['coverage']>;
  const lead: ReplyDirective[] = [];
  let area: number | null = q.area ?? null;
  if (area === null && q.sides && q.surface === 'room') {
    area = 2 * (q.sides[0] + q.sides[1]) * ROOM_HEIGHT;
    lead.push({ template: 'product.room_walls', params: { sides: sidesText(q), height: fmt(ROOM_HEIGHT), area: fmt(area) } });
  } else if (area === null && q.sides) area = q.sides[0] * q.sides[1];
  else if (area === null && q.rooms !== undefined) {
    // "una casa de 2 habitaciones": the walls of that many everyday rooms (3 x 3 m), said so.
    area = q.rooms * 2 * (TYPICAL_ROOM + TYPICAL_ROOM) * ROOM_HEIGHT;
    // "...y la sala": the living room named is counted too (a bigger room), never said left out.
    const living = q.living === true && tenant.templates[lang]?.['product.rooms_walls_living'] !== undefined;
    if (living) area += 2 * (TYPICAL_LIVING + TYPICAL_LIVING) * ROOM_HEIGHT;
    const params = { rooms: q.rooms, sides: `${TYPICAL_ROOM} x ${TYPICAL_ROOM} m`, height: fmt(ROOM_HEIGHT), area: fmt(area) };
    lead.push({ template: living ? 'product.rooms_walls_living' : 'product.rooms_walls', params: living ? { ...params, livingSides: `${TYPICAL_LIVING} x ${TYPICAL_LIVING} m` } : params });
  }
  // "¿cuántos galones para 100 metros?": metres of wall to paint are square metres.
  if (area === null) area = areaToCover(text) ?? (q.length !== undefined && q.surface === undefined ? q.length : null);
  if (area === null) return ask(q.length !== undefined ? 'product.usage_ask_height' : 'product.coverage_ask', { min: coverage.min, max: coverage.max, units: countUnit('galón', 2, lang), length: q.length, coats: coatsSaid(coverage.coats ?? 2, lang) });
  lead.push(...doorsSaid(tenant, q, lang));
  const coats = q.coats ?? coverage.coats ?? 2;
  const surface = area * coats;
  const gallons = Math.ceil(surface / mid(product) - 1e-9);
  const low = Math.ceil(surface / coverage.max - 1e-9);
  const high = Math.ceil(surface / coverage.min - 1e-9);
  const range = low === high ? `${low}` : `${low}–${high}`;
  // "te hace falta *1 galón*" / "te hacen falta unos *3 galones*": the verb and the "unos" agree with the count.
  const need = (n: number): string => (lang === 'es' ? (n === 1 ? 'hace falta' : 'hacen falta unos') : 'need about');
  const about = (n: number): string => (lang === 'es' && n !== 1 ? 'unos ' : lang === 'en' ? 'about ' : '');
  lead.push({ template: coats === 1 ? 'product.coverage_one' : 'product.coverage', params: { area: fmt(area), coats, gallons, units: countUnit('galón', gallons, lang), need: need(gallons), range, rangeUnits: countUnit('galón', high, lang), min: coverage.min, max: coverage.max, name: product.name } });
  const sealer = coats > 1 && !q.doors ? sealerFor(tenant, product) : undefined; // doors are no new wall
  if (sealer?.coverage) {
    const sealerGallons = Math.ceil(area / mid(sealer) - 1e-9);
    lead.push({
      template: 'product.coverage_sealer',
      params: { name: sealer.name, gallons: sealerGallons, units: countUnit('galón', sealerGallons, lang), about: about(sealerGallons), min: sealer.coverage.min, max: sealer.coverage.max, price: formatMoney(sealer.price), total: formatMoney(sealer.price * sealerGallons) },
    });
  }
  const bucket = /\bcubeta\b/i.test(product.unit);
  return { kind: 'priced', lead, lines: [{ product, quantity: bucket ? Math.ceil(gallons / GALLONS_PER_BUCKET) : gallons }] };
}

/**
 * The one-coat base the paint's job takes before it (the wall sealer before the wall paint), in
 * stock: a product with a one-coat coverage sharing a job with a paint of the same kind.
 */
function sealerFor(tenant: TenantData, paintProduct: Product): Product | undefined {
  const kind = firstWord(paintProduct.name);
  const jobs = new Set(tenant.catalog.filter((p) => p.coverage && firstWord(p.name) === kind).flatMap((p) => p.jobs ?? []).map(nameKey));
  return tenant.catalog.find((p) => p !== paintProduct && p.stock > 0 && p.coverage?.coats === 1 && firstWord(p.name) !== kind && p.jobs?.some((j) => jobs.has(nameKey(j))));
}

/** "son 2 puertas" said of a paint on the counter (its sheet's yield or not): the doors' area to work out. */
function doorsQuestion(tenant: TenantData, sku: string, text: string): MaterialQuestion | null {
  const doors = doorsToPaint(text);
  const product = doors ? tenant.catalog.find((p) => p.sku === sku) : undefined;
  if (!doors || !product || !(product.coverage || GALLON_UNIT.test(nameKey(product.unit)))) return null;
  return { area: doors.doors * doors.sides * DOOR_SIDE_M2, doors };
}

/** The doors' area said before the paint for it ("2 puertas por las dos caras son unos 8 m²…"). */
function doorsSaid(tenant: TenantData, q: MaterialQuestion, lang: Lang): ReplyDirective[] {
  if (!q.doors) return [];
  const word = renderReply({ template: q.doors.doors === 1 ? 'product.doors_area.door' : 'product.doors_area.doors' }, tenant.templates, lang);
  return [{ template: q.doors.sides === 1 ? 'product.doors_area_one_side' : 'product.doors_area', params: { count: q.doors.doors, doors: word, area: fmt(q.doors.doors * q.doors.sides * DOOR_SIDE_M2), each: DOOR_SIDE_M2 } }];
}
