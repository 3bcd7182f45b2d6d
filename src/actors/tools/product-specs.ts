import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { specAsked, type SpecAsked } from '../../machines/product-spec-question.js';

/**
 * "¿Cuánto mide?", "how tall is it?", "¿de cuántos watts es?", "how much can it hold?" about the
 * product on the counter: what its catalog name says of that (the 6 steps of the ladder, the 750 W
 * of the drill, the 6 ft³ of the wheelbarrow, the 6 m of a pipe), or that the figure is not at hand
 * and sales confirms it — never "No vendemos *mide*". The catalog has no separate size fields, so
 * the name is the product's data sheet.
 */

const FIGURES: Record<SpecAsked, RegExp> = {
  power: /\b\d+(?:[.,]\d+)?\s*(?:w|watts?|hp|v|voltios)\b|\b\d+\/\d+\s*hp\b/gi,
  load: /\b\d+(?:[.,]\d+)?\s*(?:kg|lb|lbs|libras)\b(?=.*\b(?:carga|capacidad|load)\b)/gi,
  capacity: /\b\d+(?:[.,]\d+)?\s*(?:pies³|ft³|pies cúbicos|galones|galón|gal|litros|l)(?![\p{L}\d])/giu,
  size: /\b\d+\s*(?:peldaños|escalones)\b|\b\d+(?:x\d+(?:[.,]\d+)?){1,2}(?:'|\s*pies)?|(?:\b\d+\s+)?\b\d+(?:\/\d+)?"|\b\d+(?:[.,]\d+)?\s*(?:m|cm|mm|pies|ft|pulgadas)(?![\p{L}\d³])|\b\d+(?:[.,]\d+)?'/giu,
};

const WHAT: Record<SpecAsked, Record<Lang, string>> = {
  size: { es: 'la medida exacta', en: 'the exact size' },
  power: { es: 'la potencia', en: 'the power rating' },
  capacity: { es: 'la capacidad', en: 'the capacity' },
  load: { es: 'el peso que aguanta', en: 'the weight it can carry' },
};

/** The spec answer for the product in focus, or null when the message asks none (or names other goods). */
export function specAnswer(tenant: TenantData, focus: ProductFocus, text: string, named: boolean, lang: Lang): ProductActorOutput | null {
  if (named) return null;
  const asked = specAsked(text);
  if (asked === null) return null;
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!product || tenant.templates[lang]?.['product.spec'] === undefined) return null;
  const figures = [...new Set([...product.name.matchAll(FIGURES[asked])].map((m) => m[0].trim()))];
  if (figures.length === 0) return { outcome: 'answered', replies: [{ template: 'product.spec_unknown', params: { name: product.name, what: WHAT[asked][lang] } }], focus };
  return { outcome: 'answered', replies: [{ template: 'product.spec', params: { name: product.name, figures: figures.join(', ') } }], focus };
}
