/**
 * "Voy a pintar la casa por fuera, son como 120 metros, ¿qué necesito?": the kit of a paint job
 * asks the square metres, but the customer already gave them. A clerk says what he would have said
 * of the job (the kit, the colours, what the sheets do not promise) and works the gallons out for
 * those metres at once, never asks them again.
 */
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { readJobMeasures } from '../../machines/material-questions.js';
import type { TenantData } from '../../domain/tenant.js';
import type { CatalogIndex } from './catalog-search.js';
import { measureAnswer } from './material-estimate.js';
import { withJobTools } from './paint-job-tools.js';
import { pricedEstimate } from './product-estimate.js';

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** The kit's answer with the estimate for the area its message gave, when the kit asks for an area; else the kit's answer. */
export function withAreaSaid(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, kit: ProductActorOutput): ProductActorOutput {
  const asked = kit.focus?.measure?.asked;
  const q = asked === 'area' ? readJobMeasures(text) : null;
  // Metres of wall to paint are square metres ("son como 120 metros").
  const area = q ? (q.area ?? (q.sides ? q.sides[0] * q.sides[1] : q.length)) : undefined;
  const first = kit.replies[0];
  if (area === undefined || !first || !('template' in first)) return kit;
  const bare: ProductActorInput = { ...input, understanding: { ...input.understanding, products: [] }, focus: kit.focus };
  const estimate = measureAnswer(tenant, index, bare, `${fmt(area)} m2`);
  if (!estimate) return kit;
  const out = estimate.kind === 'answer' ? estimate.output : pricedEstimate(tenant, index, estimate.lead, withJobTools(tenant, text, estimate.lines), input.lang);
  return { ...out, replies: [{ ...first, withoutQuestion: true }, ...out.replies] };
}
