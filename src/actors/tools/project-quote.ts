/**
 * A quote asked for a job or a project, with no product named: "necesito un presupuesto para
 * techar una marquesina", "cotización para un baño", "a quote to build a wall". A clerk does not
 * write up a quote of one guessed item: he shows what the job takes (the catalog's `jobs`, or the
 * room's lines), asks the size or the quantities, and offers an advisor for the whole quote.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { roomsOf } from '../../machines/room-questions.js';
import type { CatalogIndex } from './catalog-search.js';
import { jobKit } from './product-parts.js';
import { roomKit } from './product-rooms.js';
import { foldAccents } from '../../kernel/fold.js';

const fold = foldAccents;

const QUOTE = /\b(?:coti[sz]a(?:c|s|z)i[oó]n(?:es)?|cotizar(?:me)?|cotizame|presupuesto|proforma|quotation|quote|estimate)\b/;
/** What the quote is for, after it: "para techar una marquesina", "for a bathroom", "to build a wall". */
const PURPOSE = /\b(?:para|pa|to|for)\s+((?:(?:el|la|los|las|un|una|mi|mis|my|a|an|the)\s+)?[a-zñ]+.*)$/;
/** A Spanish infinitive, a pronoun attached or not ("techar", "construir", "pintarla"). */
const INFINITIVE = /^[a-zñ]{2,}(?:ar|er|ir)(?:lo|la|los|las)?$/;
/** A purpose that is a product after all ("para 10 sacos de cemento", "para mañana"). */
const NOT_A_JOB = /^(?:\d|manana|hoy|ahora|luego|ya|today|tomorrow|now|later|el\s+\d|la\s+\d)/;

/** The answer to a quote asked for a job or a room, or null when the quote names a product or no purpose. */
export function projectQuote(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): ProductActorOutput | null {
  const t = fold(text).replace(/[¿?¡!.,;:"()]+/g, ' ').replace(/\s+/g, ' ').trim();
  const quote = QUOTE.exec(t);
  if (!quote) return null;
  // A list with counts ("cotización de 10 sacos de cemento") is a quote of those products.
  if (input.understanding.products.some((p) => p.quantity !== undefined)) return null;
  const purpose = PURPOSE.exec(t.slice(quote.index + quote[0].length))?.[1]?.trim();
  if (!purpose || NOT_A_JOB.test(purpose)) return null;
  // "para pintar mi casa", "to build a wall": a job, whatever product its words also name ("pintura",
  // "losa"); "para mi casa" names none, "para el cemento" is a product's quote.
  const verb = purpose.split(' ')[0] as string;
  const isJob = INFINITIVE.test(verb) || /\bto\s+$/.test(t.slice(0, t.length - purpose.length));
  if (!isJob && (input.understanding.products.length > 0 || input.understanding.nlu.entities.some((e) => e.type === 'product'))) return null;
  // Said back as the customer wrote it (accents kept): the purpose's words in the original text.
  const at = fold(text).lastIndexOf(purpose.split(' ')[0] as string);
  const job = (at >= 0 ? text.slice(at) : purpose).replace(/[¿?¡!.]+\s*$/, '').trim();
  const asks = lang === 'en' ? `I want an advisor to prepare a quote for ${job}` : `quiero que un asesor me prepare una cotización para ${job}`;
  const label = 'clarify.option.yes_lead';
  const offer = { intent: 'sales_lead' as const, label, text: asks };
  // A room ("un baño", "la cocina"): its lines, which part, and the advisor for a whole remodel.
  const rooms = roomsOf(tenant.catalog);
  const room = purpose.split(' ').map((w) => (rooms.has(w) ? w : rooms.has(w.replace(/e?s$/, '')) ? w.replace(/e?s$/, '') : null)).find((w) => w !== null);
  if (room) {
    const kit = roomKit(tenant, `materiales para ${room}`, false, lang);
    if (kit) return kit;
  }
  // A job the catalog has products for: what it takes, the size asked, the advisor offered.
  const kit = jobKit(tenant, index, purpose, lang);
  const first = kit?.replies[0];
  if (kit && first && 'template' in first) {
    // Paint asks for the area and colour already (the gallons are worked out from them).
    if (first.template === 'product.job_kit_area') return kit;
    const options = [...(first.options ?? []), { label, text: asks, template: true }];
    // Measurements given ("de 20 metros cuadrados"): not asked again; the quantities are the advisor's or the customer's.
    const template = /\d/.test(purpose) ? 'product.project_kit_sized' : 'product.project_kit';
    return { ...kit, replies: [{ ...first, template, params: { ...first.params, job }, options }], offer };
  }
  // Nothing the catalog names for it: the list or the measurements, or the advisor.
  return { outcome: 'answered', replies: [{ template: 'product.project_ask', params: { job }, options: [{ label, text: asks, template: true }] }], offer };
}
