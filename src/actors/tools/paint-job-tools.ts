/**
 * An estimate of paint asked with the rest of the job: "pintura para 40 m2 y lo que necesito para
 * pintar", "paint for 40 m2 and everything I need to paint". A clerk works out the gallons and puts
 * beside them one of each tool the job takes (the products whose `jobs` say painting and that are
 * no paint themselves: brush, roller, tray), all in one priced estimate.
 */
import type { Product, TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import type { MaterialLine } from './material-estimate.js';
import { firstWord, nameKey } from './product-parts.js';

/** The rest of the job asked beside the goods ("y lo que necesito", "con las herramientas", "and everything I need"). */
const REST_OF_JOB = /\b(?:(?:y|con|and|plus|with)\s+(?:todo\s+|all\s+)?(?:lo\s+(?:que|q)\s+(?:necesito|ocupo|hace\s+falta|me\s+hace\s+falta|lleva|se\s+necesita)|(?:los|las|sus)\s+(?:materiales|herramientas|utensilios)|everything\s+(?:else\s+)?(?:i\s+need|it\s+takes|needed)|what(?:ever)?\s+(?:else\s+)?i\s+need|the\s+(?:tools|rest))|(?:que|q)\s+mas\s+(?:necesito|ocupo|hace\s+falta|lleva)|what\s+else\s+(?:do\s+)?i\s+need)\b/;
const PAINTING = new Set(['pintar', 'paint']);

const paints = (p: Product): boolean => (p.jobs ?? []).some((j) => PAINTING.has(nameKey(j)));

/** Whether the message asks the rest of the job beside the goods. */
export function asksRestOfJob(text: string): boolean {
  return REST_OF_JOB.test(foldAccents(text.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' '));
}

/** The estimate's lines with one of each painting tool added when the paint is worked out and the rest of the job asked; else the lines. */
export function withJobTools(tenant: TenantData, text: string, lines: readonly MaterialLine[]): readonly MaterialLine[] {
  if (!asksRestOfJob(text) || !lines.some((l) => l.product.coverage !== undefined && paints(l.product))) return lines;
  const tools = new Map<string, Product>();
  for (const p of tenant.catalog) {
    if (p.coverage !== undefined || p.stock <= 0 || !paints(p) || lines.some((l) => l.product.sku === p.sku)) continue;
    if (!tools.has(firstWord(p.name))) tools.set(firstWord(p.name), p);
  }
  return [...lines, ...[...tools.values()].map((product) => ({ product, quantity: 1 }))];
}
