/**
 * "Voy a hacer una cisterna de 2x2x2, ¿qué necesito?", "a septic tank 2 m by 1.5 m, 1.8 m deep":
 * a box built of block and concrete. A clerk works it out as its parts: the walls (the perimeter by
 * the depth) are a block wall, the floor and the lid are slabs; he counts each part by its kit's
 * rules (`job-estimate.ts`), adds the lines up, prices the lot and says the inside is plastered
 * with a waterproofing mortar. Without the three sizes he asks for them, and the sizes said next
 * answer it (`focus.job`).
 */
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { foldMaterialText } from '../../machines/material-fold.js';
import { asksWhatAJobTakes } from '../../machines/job-readers.js';
import type { CatalogIndex } from './catalog-search.js';
import type { AskedJob } from '../../machines/job-questions.js';
import { jobAnswer, jobEstimate } from './job-estimate.js';
import { pricedEstimate } from './product-estimate.js';
import { focusOf } from './product-parts.js';

/** What is built as a box of block walls on a slab, with a slab lid. */
const BOX = /\b(?:cisternas?|cisterns?|aljibes?|(?:tanques?|pozos?|camaras?)\s+septic[oa]s?|septic\s+tanks?|septicos?)\b/;
/** A verb of building, or sizes: "tienen cisterna?" asks the plastic tank the store sells, "hacer una cisterna" is built. */
const BUILD = /\b(?:hacer|hago|haciendo|construir|construyendo|construyo|levantar|fabricar|vaciar|build|building|make|making)\b/;
const N = '(\\d+(?:\\.\\d+)?)';
const UNIT = '\\s*(?:m|mts?|metros?|meters?|metres?)?';
/** "2x2x2", "2 x 1.5 x 1.8 m", "2 por 2 por 2". */
const THREE = new RegExp(`${N}${UNIT}\\s*(?:x|\\*|por|by)\\s*${N}${UNIT}\\s*(?:x|\\*|por|by)\\s*${N}`);
/** "2x2" or "2 por 1.5": the floor's sides. */
const TWO = new RegExp(`${N}${UNIT}\\s*(?:x|\\*|por|by)\\s*${N}`);
/** "2 de hondo", "1.8 m de profundidad", "2 metros de alto", "1.8 m deep". */
const DEPTH = new RegExp(`${N}${UNIT}\\s*(?:de\\s+(?:hondo|honda|profundidad|fondo|alto|altura)|deep|depth|high|tall)\\b|(?:profundidad|hondo|depth|deep)\\s+(?:de\\s+|of\\s+)?${N}`);
/** A slab of the floor or the lid, at the usual thickness (m). */
const SLAB = 0.1;

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

interface Box {
  long: number;
  wide: number;
  deep: number;
}

function boxOf(t: string): Box | null {
  const three = THREE.exec(t);
  if (three) return { long: Number(three[1]), wide: Number(three[2]), deep: Number(three[3]) };
  const two = TWO.exec(t);
  const depth = DEPTH.exec(t);
  const deep = depth ? Number(depth[1] ?? depth[2]) : undefined;
  if (two && deep !== undefined) return { long: Number(two[1]), wide: Number(two[2]), deep };
  return null;
}

const sane = (box: Box): boolean => [box.long, box.wide, box.deep].every((n) => n > 0 && n <= 20);

/**
 * The answer to a box planned ("voy a hacer una cisterna de 2x2x2"), or to its sizes said right
 * after they were asked; null when the message is neither (the plastic tank asked for, a box with
 * no kit with rules in this tenant's catalog).
 */
export function boxJobAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string): ProductActorOutput | null {
  const t = foldMaterialText(text);
  const focusJob = input.focus?.job;
  const followUp = focusJob !== undefined && BOX.test(foldMaterialText(focusJob)) && !BOX.test(t);
  if (!followUp && !(BOX.test(t) && (BUILD.test(t) || THREE.test(t) || asksWhatAJobTakes(text)))) return null;
  const box = boxOf(t);
  const what = followUp ? (focusJob as string) : (BOX.exec(t)?.[0] ?? '');
  const lang = input.lang;
  if (!box || !sane(box)) {
    if (followUp) return null;
    // The kit's everyday block (or the first of the kit in stock) on the counter, the job and its sizes asked.
    const kit = tenant.catalog.filter((p) => p.stock > 0 && p.jobs?.some((job) => BOX.test(foldMaterialText(job))));
    const base = kit.find((p) => p.usage?.per === 'm2') ?? kit[0];
    if (!base) return null;
    const focus = focusOf({ product: base, score: 1, unmet: [], defaulted: false }, { query: base.name }, index);
    return { outcome: 'answered', replies: [{ template: 'product.box_sizes', params: { what } }], focus: { ...focus, job: what, measure: { asked: 'area' } } };
  }
  const walls = 2 * (box.long + box.wide) * box.deep;
  const floor = box.long * box.wide;
  const wallJob = jobEstimate(tenant, index, input, 'levantar pared', { said: lang === 'en' ? 'build the walls' : 'las paredes', full: 'levantar pared', verb: 'levantar', at: 0 }, { area: walls, surface: 'wall' });
  const slabJob = jobEstimate(tenant, index, input, 'losa', { said: lang === 'en' ? 'pour the floor and the lid' : 'el piso y la tapa', full: 'losa', verb: 'losa', at: 0 }, { area: 2 * floor, thickness: SLAB, surface: 'slab' });
  if (!wallJob || !slabJob) return null;
  // The parts' amounts added before rounding up: the sand of the walls and of the slabs is one load.
  const totals = new Map<string, { product: (typeof wallJob.lines)[number]['product']; exact: number }>();
  for (const line of [...wallJob.lines, ...slabJob.lines]) {
    const had = totals.get(line.product.sku);
    totals.set(line.product.sku, { product: line.product, exact: (had?.exact ?? 0) + (line.exact ?? line.quantity) });
  }
  const lines = [...totals.values()].map(({ product, exact }) => ({ product, quantity: Math.max(1, Math.ceil(exact - 1e-9)) }));
  const lead: ReplyDirective[] = [
    { template: 'product.box_parts', params: { what, sides: `${fmt(box.long)} x ${fmt(box.wide)} m`, deep: fmt(box.deep), walls: fmt(walls), floor: fmt(floor), thickness: fmt(SLAB * 100) } },
    ...wallJob.lead,
    ...slabJob.lead,
    { template: 'product.box_inside' },
  ];
  return pricedEstimate(tenant, index, lead, lines, lang);
}

/** The answer to a job planned: a box's parts counted (above), else the job's kit (`jobAnswer`). */
export function boxOrJobAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, job: AskedJob | null): ProductActorOutput | null {
  return boxJobAnswer(tenant, index, input, text) ?? jobAnswer(tenant, index, input, text, job);
}
