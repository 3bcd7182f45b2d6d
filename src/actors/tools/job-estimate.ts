/**
 * "Voy a levantar una pared de 3 x 2, ¿qué necesito?", "I'm building a wall 4 m long and 2.5 m
 * high, what do I need?", "voy a techar un cuarto de 4x5": a job planned with its sizes. A clerk
 * counts every material of the job's kit (the catalog's `jobs`) by the catalog's rules of thumb —
 * the product's rule for the job's surface (`usage_for`: the cement of a wall's mortar per m² of
 * wall), else its own `usage` — says the rule he used, prices the lot and offers the quote; what
 * has no rule (the slab's rebar, the ridge cap) he names apart, its amount left to the plan.
 */
import type { Lang } from '../../domain/nlu.js';
import { foldAccents } from '../../kernel/fold.js';
import type { JobSurface, Product, TenantData, Usage } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { AskedJob } from '../../machines/job-questions.js';
import { readJobMeasures, readMeasureReply, surfaceNamed, type MaterialQuestion } from '../../machines/material-questions.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { pricedEstimate } from './product-estimate.js';
import { describeProduct, firstWord, focusOf, nameKey, optionsFor } from './product-parts.js';
import { productsForJob } from './product-jobs.js';
import { countUnit } from './units.js';
import { formatMoney } from './format.js';

/** A slab or a concrete floor given by its sides only is worked out at this thickness (m), said so. */
const SLAB_THICKNESS = 0.1;
/** A room's walls are plastered at this height (m) when only its floor's sides are given. */
const ROOM_HEIGHT = 2.5;
const ROOM_NAMED = /\b(?:cuartos?|habitacion(?:es)?|aposentos?|salas?|cocinas?|banos?|rooms?|bedrooms?|kitchens?|bathrooms?)\b/;
const JOB_SURFACES: readonly string[] = ['wall', 'floor', 'slab', 'roof', 'plaster'];

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** A product and how many of it (the same shape as `material-estimate.ts`'s lines, which import this module). */
type MaterialLine = { product: Product; quantity: number; /** The amount before rounding up, for jobs added together (`box-job.ts`). */ exact?: number };

/** The estimate's words (before the prices) and the lines to price. */
export interface JobEstimate {
  lead: ReplyDirective[];
  lines: MaterialLine[];
}

/**
 * The answer to a job planned or asked about ("voy a levantar una pared de 3 x 2, ¿qué necesito?"),
 * or to the sizes said right after its kit was shown: the kit counted and priced; its kit and its
 * sizes asked when none were given; the other side asked when only one was ("una pared de 10
 * metros"). Null when the job has no kit with rules (a paint job is worked out by the gallons,
 * `material-estimate.ts`) or the message is neither.
 */
export function jobAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, job: AskedJob | null): ProductActorOutput | null {
  const focus = input.focus;
  // "3 x 2", "unos 20 metros cuadrados", "2.5 de alto" right after the kit and its sizes were asked.
  if (focus?.job !== undefined && focus.measure) {
    const reply = readMeasureReply(text, focus.measure.asked === 'height' ? 'height' : 'area');
    if (!reply) return null;
    const length = focus.measure.length;
    const sized: MaterialQuestion = length !== undefined && !reply.sides && reply.area === undefined && reply.length !== undefined ? { sides: [length, reply.length] } : reply;
    const surface = reply.surface ?? focus.measure.surface ?? surfaceNamed(focus.job);
    const q: MaterialQuestion = { ...sized, ...(surface !== undefined ? { surface } : {}) };
    const asked: AskedJob = { said: focus.job, full: focus.job, verb: focus.job.split(' ')[0] ?? '', at: 0 };
    return priced(tenant, index, input, jobEstimate(tenant, index, input, focus.job, asked, q));
  }
  if (!job) return null;
  const q = readJobMeasures(text);
  if (q && (q.area !== undefined || q.sides || q.volume !== undefined)) return priced(tenant, index, input, jobEstimate(tenant, index, input, text, job, q));
  // No sizes, or one length: the kit, and the sizes (or the other side) asked.
  const kit = productsForJob(tenant, job, text, input.lang);
  if (kit.length < 2 || kit.some((p) => p.coverage !== undefined)) return null;
  const named = q?.surface ?? surfaceNamed(job.full);
  const surface = surfaceOf({ ...q, ...(named !== undefined ? { surface: named } : {}) }, kit);
  const shown = oneOfEachGroup(index, input, kit, surface).filter((p) => p.stock > 0);
  if (shown.filter((p) => ruleFor(p, surface) !== undefined).length === 0 || shown.length === 0) return null;
  const first = shown[0] as Product;
  const base = focusOf({ product: first, score: 1, unmet: [], defaulted: false }, { query: first.name }, index);
  const length = q?.length;
  return {
    outcome: 'answered',
    replies: [{ template: length !== undefined ? 'product.job_kit_height' : 'product.job_kit_sizes', params: { job: withoutMeasures(job.said), length: length !== undefined ? fmt(length) : '', items: shown.map((p) => describeProduct(tenant, p, input.lang)) }, options: optionsFor(shown) }],
    focus: { ...base, options: shown.map((p) => p.sku), recent: shown.slice(1).map((p) => p.sku), measure: { asked: length !== undefined ? 'height' : 'area', ...(length !== undefined ? { length } : {}), ...(named !== undefined ? { surface: named } : {}) }, job: withoutMeasures(job.full) },
  };
}

function priced(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, estimate: JobEstimate | null): ProductActorOutput | null {
  return estimate ? pricedEstimate(tenant, index, estimate.lead, estimate.lines, input.lang) : null;
}

/**
 * The kit of the job counted for the sizes given (`q`); null when no product of the kit has a rule
 * for them, or the job is a paint job. `words`: the message, whose words also name the job.
 */
export function jobEstimate(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, words: string, job: AskedJob, q: MaterialQuestion): JobEstimate | null {
  const kit = productsForJob(tenant, job, words, input.lang);
  if (kit.length < 2 || kit.some((p) => p.coverage !== undefined)) return null;
  const named = q.surface ?? surfaceNamed(job.full);
  const surface = surfaceOf({ ...q, ...(named !== undefined ? { surface: named } : {}) }, kit);
  const chosen = oneOfEachGroup(index, input, kit, surface);
  // "pañetar un cuarto de 3x4": the floor's sides; what is plastered is its walls (their perimeter at the usual height).
  const roomWalls = surface === 'plaster' && q.area === undefined && q.sides !== undefined && ROOM_NAMED.test(foldAccents(job.full.toLowerCase()));
  const area = q.area ?? (q.sides ? (roomWalls ? 2 * (q.sides[0] + q.sides[1]) * ROOM_HEIGHT : q.sides[0] * q.sides[1]) : undefined);
  const volume = q.volume ?? (area !== undefined ? area * (q.thickness ?? SLAB_THICKNESS) : undefined);
  const lang = input.lang;
  const lines: MaterialLine[] = [];
  const items: Record<string, string | number>[] = [];
  const apart: Product[] = [];
  const instead: string[] = [];
  for (const product of chosen) {
    const rule = ruleFor(product, surface);
    const measure = rule?.per === 'm3' ? volume : rule?.per === 'job' ? 1 : area;
    if (!rule || measure === undefined) {
      if (product.stock > 0) apart.push(product);
      continue;
    }
    const exact = measure * rule.amount * (1 + (rule.waste ?? 0));
    const quantity = Math.max(1, Math.ceil(exact - 1e-9));
    const item = { name: product.name, rule: ruleSaid(tenant, product, rule, lang), quantity, units: countUnit(product.unit, quantity, lang) };
    // The ready plaster mix beside the cement and the sand: the other way of doing it, priced on its own line, never added to them.
    if (rule.instead) {
      if (product.stock > 0) instead.push(renderReply({ template: 'product.job_estimate.instead', params: { ...item, total: formatMoney(product.price * quantity) } }, tenant.templates, lang));
      continue;
    }
    lines.push({ product, quantity, exact });
    items.push(item);
  }
  if (lines.length === 0) return null;
  const byVolume = lines.some(({ product }) => ruleFor(product, surface)?.per === 'm3');
  const params = {
    job: withoutMeasures(job.said),
    measure: q.sides && roomWalls ? renderReply({ template: 'product.job_estimate.room_walls', params: { sides: `${fmt(q.sides[0])} x ${fmt(q.sides[1])}`, height: fmt(ROOM_HEIGHT), area: fmt(area ?? 0) } }, tenant.templates, lang) : q.sides ? `${fmt(q.sides[0])} x ${fmt(q.sides[1])} m (${fmt(area ?? 0)} m²)` : area !== undefined ? `${fmt(area)} m²` : `${fmt(volume ?? 0)} m³`,
    depth:
      byVolume && q.volume === undefined
        ? renderReply({ template: q.thickness === undefined ? 'product.job_estimate.assumed' : 'product.job_estimate.depth', params: { thickness: fmt((q.thickness ?? SLAB_THICKNESS) * 100), volume: fmt(volume ?? 0) } }, tenant.templates, lang)
        : '',
    apart: `${apart.length > 0 ? renderReply({ template: 'product.job_estimate.apart', params: { names: apart.map((p) => `*${p.name}*`).join(', ') } }, tenant.templates, lang) : ''}${instead.join('')}`,
    items,
  };
  return { lead: [{ template: 'product.job_estimate', params }], lines };
}

/**
 * "¿cuánto cemento para una pared de 3x2?", "¿cuántas láminas de zinc para un techo de 4x5?": one
 * product asked for a job's surface it has a rule of its own for (the mortar's cement, not the
 * concrete's), counted by that rule and said so. Null when it has none for that surface or no area is given.
 */
export function ruledEstimate(tenant: TenantData, product: Product, q: MaterialQuestion, lang: Lang): JobEstimate | null {
  return ruledEstimateOf(tenant, [product], { ...q, ...soleSurface(product, q) }, lang);
}

/**
 * "¿cuánta mezcla lista pa 20 m² de pared?": a good with rules for one job only and none of its own
 * (the ready plaster mix) is counted by it when no other job's surface is said, or the wall it goes on is.
 */
function soleSurface(product: Product, q: MaterialQuestion): { surface?: JobSurface } {
  const surfaces = Object.keys(product.usage_for ?? {}) as JobSurface[];
  const only = surfaces.length === 1 && product.usage === undefined ? surfaces[0] : undefined;
  if (only === undefined || q.surface === only) return {};
  const onWall = only === 'plaster' && (q.surface === 'wall' || q.surface === 'house' || q.surface === 'room');
  return q.surface === undefined || onWall ? { surface: only } : {};
}

/**
 * "necesito arena y cemento pa pañetar una pared de 3x3": each good named counted by its own rule
 * for that surface; a good with none there is the one of its kind that has one (the plaster's fine
 * sand for "arena"). Null unless two or more can be counted so.
 */
export function namedRuledEstimate(tenant: TenantData, named: readonly Product[], q: MaterialQuestion, lang: Lang): JobEstimate | null {
  const surface = surfaceRuled(q);
  if (surface === undefined || named.length < 2) return null;
  const ruled = named.map((p) => (p.usage_for?.[surface] ? p : tenant.catalog.find((o) => o.stock > 0 && firstWord(o.name) === firstWord(p.name) && o.usage_for?.[surface] !== undefined && !o.usage_for[surface]?.instead)));
  const counted = [...new Set(ruled.filter((p) => p !== undefined))];
  return counted.length >= 2 ? ruledEstimateOf(tenant, counted, q, lang) : null;
}

const surfaceRuled = (q: MaterialQuestion): JobSurface | undefined => {
  const surface = q.surface === 'column' ? 'slab' : q.surface;
  return surface !== undefined && JOB_SURFACES.includes(surface) ? (surface as JobSurface) : undefined;
};

function ruledEstimateOf(tenant: TenantData, products: readonly Product[], q: MaterialQuestion, lang: Lang): JobEstimate | null {
  const surface = surfaceRuled(q);
  const area = q.area ?? (q.sides ? q.sides[0] * q.sides[1] : undefined);
  if (surface === undefined || area === undefined) return null;
  const lines: MaterialLine[] = [];
  const items: Record<string, string | number>[] = [];
  for (const product of products) {
    const rule = product.usage_for?.[surface];
    if (!rule || rule.per !== 'm2') return null;
    const quantity = Math.max(1, Math.ceil(area * rule.amount * (1 + (rule.waste ?? 0)) - 1e-9));
    lines.push({ product, quantity });
    items.push({ name: product.name, rule: ruleSaid(tenant, product, rule, lang), quantity, units: countUnit(product.unit, quantity, lang) });
  }
  const sides = q.sides ? ` (${fmt(q.sides[0])} x ${fmt(q.sides[1])} m)` : '';
  return { lead: [{ template: lines.length > 1 ? 'product.rule_area_all' : 'product.rule_area', params: { area: fmt(area), sides, items } }], lines };
}

/** The surface the job's rules are looked up by: the one said, else the only one the kit has rules for ("techar un cuarto": the roof). */
function surfaceOf(q: MaterialQuestion, kit: readonly Product[]): JobSurface | undefined {
  const said = q.surface === 'column' ? 'slab' : q.surface;
  const keys = new Set(kit.flatMap((p) => Object.keys(p.usage_for ?? {})));
  if (said !== undefined && keys.has(said)) return said as JobSurface;
  const general = kit.some((p) => p.usage !== undefined && generalFits(p.usage, said));
  if (keys.size === 1 && !general) return [...keys][0] as JobSurface;
  return said !== undefined && JOB_SURFACES.includes(said) ? (said as JobSurface) : undefined;
}

/** A product's own rule fits a surface: by the m² or by the job always; by the m³ (concrete) not for a wall or a roof. */
const generalFits = (usage: Usage, surface: string | undefined): boolean => usage.per !== 'm3' || (surface !== 'wall' && surface !== 'roof' && surface !== 'plaster');

function ruleFor(product: Product, surface: JobSurface | undefined): Usage | undefined {
  const own = surface !== undefined ? product.usage_for?.[surface] : undefined;
  if (own) return own;
  return product.usage && generalFits(product.usage, surface) ? product.usage : undefined;
}

/** The rule as the customer hears it: the catalog's words, else the amount per m² or m³ (and the waste). */
function ruleSaid(tenant: TenantData, product: Product, rule: Usage, lang: Lang): string {
  const said = rule.said?.[lang] ?? rule.said?.es;
  if (said !== undefined) return said;
  const waste = Math.round((rule.waste ?? 0) * 100);
  const per = rule.per === 'm2' ? 'm²' : rule.per === 'm3' ? 'm³' : lang === 'en' ? 'job' : 'obra';
  const base = renderReply({ template: 'product.job_estimate.rule', params: { amount: fmt(rule.amount), units: countUnit(product.unit, rule.amount, lang), per } }, tenant.templates, lang);
  return waste > 0 ? `${base}${renderReply({ template: 'product.usage.waste', params: { waste } }, tenant.templates, lang)}` : base;
}

/**
 * One product of each choice of the same thing in the kit (`choiceOf`: the zinc or the aluzinc
 * sheet, the ceramic or the porcelain tile): the one the customer named, else the one the
 * surface names ("Cerámica de Piso" for a floor), else the everyday one in stock.
 */
function oneOfEachGroup(index: CatalogIndex, input: ProductActorInput, kit: readonly Product[], surface: JobSurface | undefined): Product[] {
  const named = new Set(input.understanding.products.map((p) => index.search(p.query, { limit: 1 })[0]?.product.sku).filter((s) => s !== undefined));
  const surfaceWord = surface === 'floor' ? 'piso' : surface === 'wall' ? 'pared' : undefined;
  const groups: Product[][] = [];
  for (const p of kit) {
    const group = groups.find((g) => g.some((o) => choiceOf(o, p)));
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups.map(
    (group) =>
      group.find((p) => named.has(p.sku)) ??
      group.find((p) => p.stock > 0 && surfaceWord !== undefined && nameKey(p.name).split(' ').includes(surfaceWord)) ??
      group.find((p) => p.stock > 0 && (p.default_for?.length ?? 0) > 0) ??
      group.find((p) => p.stock > 0) ??
      (group[0] as Product),
  );
}

/** Two products are one choice of the same thing when sold the same way in the same category under a common name (the zinc and the aluzinc sheet: "roofing sheet"; not the sand and the gravel). */
function choiceOf(a: Product, b: Product): boolean {
  if (a.category !== b.category || a.unit.split(' ')[0] !== b.unit.split(' ')[0]) return false;
  const names = new Set((a.aliases ?? []).map(nameKey));
  return (b.aliases ?? []).some((alias) => names.has(nameKey(alias)));
}

/** The job said back without its sizes: "levantar una pared de 3 metros de largo por 2 de alto" → "levantar una pared". */
function withoutMeasures(said: string): string {
  return said
    .replace(/(\d)x(?=\d)/gi, '$1 x ')
    .replace(/\s*\b(?:(?:son|es|serian?|are|is|it\s+s)\s+)?(?:(?:como|unos?|about|around|like|aproximadamente)\s+)?(?:de\s+|of\s+)?\d[\d.,]*(?:\s*(?:x|por|by|y|and|m|mts?|m2|m²|metros?|meters?|metres?|pies|feet|ft|de|largo|ancho|alto|long|wide|high|tall|cuadrados?|square|\d[\d.,]*)\b)*/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}
