/**
 * "¿Qué venden?", "¿qué tienen?", "what do you sell?" with no product named: a clerk names the
 * store's lines (the catalog's categories, the largest first) and asks what the customer is after,
 * rather than "¿qué producto buscas?" alone. The lines come from the catalog, so the data decides.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { categoryName } from './category-names.js';
import { lineAnswer } from './category-asked.js';

/** Asking what the store sells, as a whole (no product after it: "¿qué tienen de pintura?" names one). */
const WHAT_IS_SOLD =
  /^(?:hola |buenas |buenos dias |saludos |hello |hi |hey )*(?:y )?(?:(?:que|q|ke) (?:es lo que |cosas |productos |clase de (?:cosas|productos) |tipo de (?:cosas|productos) )?(?:venden|vendes|tienen|tienes|manejan|ofrecen|trabajan|hay)(?: ustedes| aqui| ahi| en la (?:tienda|ferreteria))?|(?:what|which) (?:do you|(?:kind|kinds|sort|type|types) of (?:things|stuff|products|items) do you|products do you|things do you|stuff do you) (?:guys |all |folks )?(?:sell|carry|have|offer|stock)(?: here| there| at the store| in the store)?)$/;

/** Whether the message asks what the store sells, and nothing else. */
export function asksWhatIsSold(text: string): boolean {
  const f = foldAccents(text).replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  return WHAT_IS_SOLD.test(f);
}

/** How many lines are named (the largest); the rest is "y más". */
const MAX_LINES = 10;

/** The catalog's categories, the ones with most products first. */
function storeLines(tenant: TenantData): string[] {
  const counts = new Map<string, number>();
  for (const p of tenant.catalog) if (p.category) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c).slice(0, MAX_LINES);
}

/** A "what product?" answer to "¿qué venden?": the store's lines named instead, when the tenant has the template. */
export function withStoreLines(tenant: TenantData, out: ProductActorOutput, text: string | undefined, lang: Lang): ProductActorOutput {
  // "¿tienen cosas de jardín?", "do you sell garden things?": that line's products, whatever one product's name matched (`category-asked.ts`).
  const line = lineAnswer(tenant, text, lang);
  if (line) return line;
  // "what kind of stuff do you have?" is the same question: its filler ("kind", "stuff") is no product the store lacks.
  if ((out.outcome !== 'need_product' && out.outcome !== 'not_found') || text === undefined || tenant.templates[lang]?.['product.lines'] === undefined || !asksWhatIsSold(text)) return out;
  const lines = storeLines(tenant);
  if (lines.length === 0) return out;
  return { ...(out.outcome === 'not_found' ? { outcome: 'need_product' as const } : out), replies: [{ template: 'product.lines', params: { lines: lines.map((l) => `*${categoryName(tenant, l, lang)}*`).join(', ') } }] };
}
