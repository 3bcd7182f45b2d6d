/**
 * "necesito material para un baño": the lines the catalog has for that room (its products' `rooms`),
 * each with the kinds of product in it, then which part of the job it is, and an advisor for a whole
 * remodel. Read by `askedRoom` (machines/room-questions.ts).
 */
import { speaksOfSlab } from './slab-job.js';
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { askedRoom, roomsOf } from '../../machines/room-questions.js';
import { asksWhatAJobTakes } from '../../machines/product-focus.js';
import { tellsPaintJobOnly } from '../../machines/job-readers.js';
import type { CatalogIndex } from './catalog-search.js';
import { jobKit } from './product-parts.js';
import { surfaceKit } from './paint-surface.js';
import { paintUseNotSaid } from './paint-use.js';
import { paintForDamp } from './paint-damp.js';
import { exteriorPaintJob } from './paint-exterior.js';
import { roofOrCeiling } from './paint-ceiling.js';
import { roofLeakAnswer } from './paint-roof-leak.js';
/** The painting tools beside an estimate of paint (`paint-job-tools.ts`), for the product tool. */
export { withJobTools } from './paint-job-tools.js';
import { createLru, remembered } from '../../kernel/lru.js';
import { foldAccents } from '../../kernel/fold.js';
import { categoryName } from './category-names.js';

const rooms = createLru<Set<string>>(16);
const fold = foldAccents;

/** A product's kind as a clerk names it: "inodoro", "cerámica de piso", "tubo pvc". */
function kindOf(p: Product): string {
  const name = p.name.replace(/\(.*?\)/g, ' ').split(/\s+\d|\s+#|"/)[0] ?? p.name;
  const words = name.trim().split(/\s+/);
  return words.slice(0, words[1] === 'de' || words[1] === 'para' ? 3 : 2).join(' ').toLowerCase();
}

/** The room answer, or null when the message asks for no room's material or names a product. */
export function roomKit(tenant: TenantData, text: string, namesProduct: boolean, lang: Lang): ProductActorOutput | null {
  if (namesProduct) return null;
  const room = askedRoom(text, remembered(rooms, tenant.settings.id + ':' + tenant.catalog.length, () => roomsOf(tenant.catalog)));
  if (room === null) return null;
  const products = tenant.catalog.filter((p) => p.rooms?.some((r) => fold(r) === room));
  if (products.length === 0) return null;
  const lines = new Map<string, string[]>();
  for (const p of products) {
    const kinds = lines.get(p.category) ?? [];
    if (!kinds.includes(kindOf(p))) kinds.push(kindOf(p));
    lines.set(p.category, kinds);
  }
  // The room as the customer's language names it among the catalog's words ("baño" / "bathroom").
  const said = products[0]?.rooms?.find((r) => fold(r) === room) ?? room;
  const article = lang === 'en' ? 'the' : /a$/.test(said) ? 'la' : 'el';
  const items = [...lines].map(([line, kinds]) => ({ line: categoryName(tenant, line, lang), kinds: kinds.join(', ') }));
  // The whole remodel is an advisor's quote: offered as a yes/no (a "sí" next starts the lead with these words).
  const asks = lang === 'en' ? `I want an advisor to prepare a quote to remodel the ${said}` : `quiero que un asesor me prepare una cotización para remodelar ${article} ${said}`;
  const label = 'clarify.option.yes_lead';
  return {
    outcome: 'answered',
    replies: [{ template: 'product.room', params: { room: `${article} ${said}`, items }, options: [{ label, text: asks, template: true }] }],
    offer: { intent: 'sales_lead', label, text: asks },
  };
}

/**
 * "quiero pintar mi casa, ¿qué necesito?": what the catalog has for the job, one of each kind; else
 * "necesito material para un baño": the room's lines. Null when the message asks neither.
 */
export function jobOrRoomKit(tenant: TenantData, index: CatalogIndex, text: string, namesProduct: boolean, lang: Lang): ProductActorOutput | null {
  // "necesito pintar unas rejas de hierro": the primer, enamel, thinner and brush, never the wall kit.
  // "¿tienen pintura para piso?" where no paint says so: that honestly, and what paint there is.
  // "tengo humedad en el baño, qué pintura uso?": no paint is sold as curing damp; what the sheets say helps.
  // "mi techo tiene filtraciones, qué pintura le pongo": the roof coating, never a roofing sheet and the wall paint.
  const surface = paintForDamp(tenant, index, text, lang) ?? roofLeakAnswer(tenant, index, text, lang) ?? roofOrCeiling(tenant, index, text, lang) ?? surfaceKit(tenant, index, text, lang) ?? exteriorPaintJob(tenant, index, text, lang) ?? paintUseNotSaid(tenant, index, text, lang);
  if (surface) return surface;
  // "necesito concreto para una losa", "quiero vaciar una losa": what a slab takes, nothing else named.
  return (asksWhatAJobTakes(text) || tellsPaintJobOnly(text) || (!namesProduct && speaksOfSlab(text)) ? jobKit(tenant, index, text, lang) : null) ?? roomKit(tenant, text, namesProduct, lang);
}
