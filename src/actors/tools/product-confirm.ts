/**
 * "¿es pvc?", "de drenaje?", "es Cemex?", "¿es de 20 pies?" right after one product was shown: the
 * customer checks a detail of that product. When its name (aliases, brand, category) says it, a
 * clerk answers "Sí" with the product, not a search for the word ("pvc" is no PVC glue).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { fold, parseProductText, stem } from '../catalog/index.js';
import { describeProduct } from './product-parts.js';
import { isOfMaterial, materialNamed, materialOfProduct } from './product-materials.js';

const words = (s: string): string[] => fold(s).replace(/["”]/g, ' in ').replace(/[^a-z0-9/\s]+/g, ' ').split(/\s+/).filter((w) => w !== '');
/** How the check is put, around the detail: "y", "es", "eso es de", "is it", "the", "marca". */
const AROUND = new Set(['y', 'e', 'ok', 'pero', 'entonces', 'and', 'so', 'es', 'son', 'eso', 'esa', 'ese', 'esos', 'esas', 'este', 'esta', 'de', 'del', 'en', 'el', 'la', 'los', 'las', 'un', 'una', 'marca', 'tipo', 'is', 'it', 's', 'that', 'are', 'they', 'of', 'in', 'the', 'a', 'an', 'brand', 'type', 'verdad', 'right', 'cierto', 'no', 'si', 'made', 'hecho', 'hecha', 'hechos', 'hechas', 'material']);
const MAX_DETAIL_WORDS = 3;

/** The detail words a short check names, or null when the message is not one ("dame 20", "y de 1/2?" is checked by the caller). */
function detailOf(text: string): string[] | null {
  const all = words(text);
  if (all.length === 0 || all.length > 6) return null;
  const detail = all.filter((w) => !AROUND.has(w));
  if (detail.length === 0 || detail.length > MAX_DETAIL_WORDS || !detail.some((w) => /[a-z]/.test(w) && w !== 'in')) return null;
  return detail;
}

/** A size's words in both languages: "(20 pies)" is also "20 feet"; 2x4x10' is 10 feet long. */
const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  ft: ['pie', 'pies', 'feet', 'foot', 'ft'],
  m: ['metro', 'metros', 'meter', 'meters', 'metre', 'metres', 'm'],
  in: ['pulgada', 'pulgadas', 'inch', 'inches', 'in'],
};

function sizeWords(p: Product): string[] {
  const parsed = parseProductText(p.name, { catalog: true }).attributes;
  const sizes = parsed.measures.filter((m) => UNIT_WORDS[m.unit] !== undefined).map((m) => ({ value: m.value, unit: m.unit }));
  for (const d of parsed.dims) {
    const length = d.split('x')[2];
    if (length !== undefined) sizes.push({ value: Number(length), unit: 'ft' });
  }
  return sizes.flatMap((m) => [String(m.value), ...(UNIT_WORDS[m.unit] ?? [])]);
}

/** A product's words, made once per catalog product (the follow-up path asks on every short check). */
const wordsOf = new WeakMap<Product, Set<string>>();
function productWords(p: Product): Set<string> {
  let known = wordsOf.get(p);
  if (known === undefined) {
    const text = [p.name, p.brand ?? '', p.category, p.unit, ...(p.aliases ?? [])].join(' ');
    wordsOf.set(p, (known = new Set([...words(text), ...sizeWords(p)].flatMap((w) => [w, stem(w)]))));
  }
  return known;
}

/**
 * "3 pares" of the 3" hinges sold by the pair, "2 sacos" of a 2-bag product: a count in the product's
 * selling unit (not after "de": "¿es de 20 pies?" checks a size), never a detail to confirm.
 */
function countsInItsUnit(product: Product, text: string): boolean {
  const unit = stem(fold(product.unit).split(/\s+/)[0] ?? '');
  const all = words(text);
  return all.some((w, i) => /^\d+$/.test(w) && all[i - 1] !== 'de' && all[i - 1] !== 'of' && all[i + 1] !== undefined && stem(all[i + 1] as string) === unit);
}

/** The colours the catalog's names say, made once per catalog. */
const coloursOf = new WeakMap<readonly Product[], Set<string>>();
const colours = (p: Product): readonly string[] => parseProductText(p.name, { catalog: true }).attributes.colours;

/**
 * "¿y en blanco?" after the *Blanco Hueso* gallon: its name has the word, but white is another
 * colour the catalog sells (the plain *Blanco*), so it is no check of this one.
 */
function otherColourAsked(catalog: readonly Product[], shown: Product, detail: readonly string[]): boolean {
  let sold = coloursOf.get(catalog);
  if (sold === undefined) coloursOf.set(catalog, (sold = new Set(catalog.flatMap(colours))));
  const asked = parseProductText(detail.join(' ')).attributes.colours;
  const own = colours(shown);
  return asked.some((c) => !own.includes(c) && sold!.has(c));
}

/** The product confirmed, or null when the check names something the product shown does not say. */
export function confirmShown(tenant: TenantData, focus: ProductFocus, text: string, lang: Lang): ProductActorOutput | null {
  if ((focus.options?.length ?? 0) >= 2) return null;
  const shown = tenant.catalog.find((p) => p.sku === focus.sku);
  const detail = detailOf(text);
  if (!shown || !detail || countsInItsUnit(shown, text)) return null;
  // "is it aluminum?" / "¿es de madera?": a material checked of the product shown (`product-materials.ts`) —
  // yes, or no and what it is made of, never the lumber searched for.
  const material = detail.length === 1 ? materialNamed(detail[0]!) : undefined;
  const made = material && !isOfMaterial(shown, material) ? materialOfProduct(shown) : undefined;
  if (made && tenant.templates[lang]?.['product.material_not'] !== undefined) {
    return { outcome: 'answered', replies: [{ template: 'product.material_not', params: { ...describeProduct(tenant, shown, lang), material: made.name[lang] } }], focus };
  }
  const own = productWords(shown);
  if (!(material && isOfMaterial(shown, material)) && !detail.every((w) => own.has(w) || own.has(stem(w)))) return null;
  if (otherColourAsked(tenant.catalog, shown, detail)) return null;
  return {
    outcome: 'answered',
    replies: [{ template: shown.stock > 0 ? 'product.confirm' : 'product.confirm_out', params: { ...describeProduct(tenant, shown, lang) } }],
    focus,
    ...(shown.stock > 0 ? { reserve: { sku: shown.sku, name: shown.name, quantity: Math.max(1, focus.quantity ?? 1) } } : {}),
  };
}
