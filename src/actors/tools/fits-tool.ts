/**
 * "pa pulidora de 4 1/2", "¿sirve pa una pulidora de 7?", "does it fit a 4.5 inch grinder?" right
 * after an accessory (the 4½" cutting disc): a question of whether it fits that tool, never a new
 * question about the tool. A clerk says yes or no by the accessory's size, and the focus stays on
 * the accessory, so "dame 3" then prices 3 discs, not 3 grinders.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { availability, describeProduct, optionsFor } from './product-parts.js';

/** "sirve pa", "va en", "pa", "does it fit", "is it for", then the tool named with a size. */
const FITS =
  /^(?:(?:y|e|ok|pero|and|but|so)\s+)*(?:(?:(?:eso|ese|esa|este|esta|el|la|lo)\s+)?(?:le\s+)?(?:sirve|sirven|va|van|cabe|caben|entra|entran|es|son|funciona|trabaja)\s+)?(?:pa|para|pal|en|con)\s+(?:(?:una|un|mi|la|el|los|las)\s+)?(.+)$|^(?:(?:and|but|so)\s+)*(?:(?:does|do|will|would|can)\s+(?:it|they|this|that|this\s+one|that\s+one)\s+(?:fit|go\s+on|work\s+(?:on|with|for)|be\s+used\s+(?:on|with))|(?:is|are)\s+(?:it|they|this|that)\s+for|(?:it\s+)?fits?|for)\s+(?:(?:a|an|my|the)\s+)?(.+)$/;
/** An inch size: "4 1/2", "4-1/2", "4.5", "4½", "7", with or without the inch word or mark. */
const INCHES = /(\d+(?:[.,]\d+)?)(?:(?:\s+|-)(\d)\/(\d))?\s*(?:½)?\s*(?:"|''|pulgadas?|pulg|plg|inch(?:es)?|in\b)?/;
/** The size in a product's name: `4 1/2"`, `7"`, `1/2"`. */
const NAME_INCHES = /(?:(\d+)\s+)?(\d+)(?:\/(\d+))?"/;

const fold = (s: string): string => foldAccents(s.toLowerCase()).replace(/[¿?¡!,;]+/g, ' ').replace(/\s+/g, ' ').trim();
const words = (s: string): Set<string> => new Set(fold(s).split(/[^a-z0-9]+/).filter(Boolean));

/** Inches as a number, from what the customer wrote ("4 1/2", "4.5", "4½") or null. */
function saidInches(text: string): { inches: number; at: number; length: number } | null {
  const m = INCHES.exec(text);
  if (!m || m[1] === undefined) return null;
  let inches = Number(m[1].replace(',', '.'));
  if (m[2] !== undefined && m[3] !== undefined) inches += Number(m[2]) / Number(m[3]);
  if (m[0].includes('½')) inches += 0.5;
  return Number.isFinite(inches) && inches > 0 ? { inches, at: m.index, length: m[0].length } : null;
}

/** The inches in a product's name ("Disco de Corte para Metal 4 1/2"" → 4.5), with how it is written there. */
function nameInches(name: string): { inches: number; said: string } | null {
  const m = NAME_INCHES.exec(name);
  if (!m) return null;
  const whole = m[1] !== undefined ? Number(m[1]) : 0;
  const inches = m[3] !== undefined ? whole + Number(m[2]) / Number(m[3]) : whole + Number(m[2]);
  return { inches, said: m[0] };
}

/** How an inch size is said back: 4.5 → 4 1/2", 7 → 7". */
function inchesSaid(inches: number): string {
  const whole = Math.floor(inches);
  const part = inches - whole;
  const fraction = [[0.25, '1/4'], [0.5, '1/2'], [0.75, '3/4']].find(([v]) => Math.abs((v as number) - part) < 0.01)?.[1];
  return part < 0.01 ? `${whole}"` : fraction !== undefined ? `${whole > 0 ? `${whole} ` : ''}${fraction}"` : `${inches}"`;
}

/** The accessory in focus names the tool it goes on: in its name, its use or its aliases, by the tool's first word or one of its aliases. */
function goesOn(accessory: Product, tool: Product): boolean {
  const said = words([accessory.name, accessory.use?.es ?? '', accessory.use?.en ?? ''].join(' '));
  const toolWords = [fold(tool.name).split(' ')[0] ?? '', ...(tool.aliases ?? []).map(fold)].filter((w) => w !== '' && !w.includes(' '));
  return toolWords.some((w) => said.has(w));
}

/**
 * The answer to whether the product in focus fits the tool named with a size, or null when the
 * message is no such question, names no tool the product goes on, or the product has no size.
 *
 * @example
 * // focus: the 4 1/2" cutting disc; "pa pulidora de 4 1/2" → yes, with its price; "sirve pa una de 7?" → no.
 */
export function fitsToolAnswer(tenant: TenantData, index: CatalogIndex, focus: ProductFocus | undefined, text: string, lang: Lang): ProductActorOutput | null {
  if (!focus || tenant.templates[lang]?.['product.fits.yes'] === undefined) return null;
  const m = FITS.exec(fold(text));
  const rest = m?.[1] ?? m?.[2];
  if (rest === undefined) return null;
  const size = saidInches(rest);
  if (!size) return null;
  const toolWords = `${rest.slice(0, size.at)} ${rest.slice(size.at + size.length)}`.replace(/\b(?:de|of|inch(?:es)?|pulgadas?)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (toolWords === '') return null;
  const accessory = tenant.catalog.find((p) => p.sku === focus.sku);
  const tool = index.search(toolWords, { limit: 1 })[0]?.product;
  if (!accessory || !tool || tool.sku === accessory.sku || !goesOn(accessory, tool)) return null;
  const own = nameInches(accessory.name);
  if (!own) return null;
  const params = { name: accessory.name, size: inchesSaid(own.inches), asked: inchesSaid(size.inches), tool: toolWords, price: formatMoney(accessory.price), availability: availability(tenant, accessory, lang) };
  const reserve = accessory.stock > 0 ? { reserve: { sku: accessory.sku, name: accessory.name, quantity: 1 } } : {};
  if (Math.abs(own.inches - size.inches) < 0.01) return { outcome: 'answered', replies: [{ template: 'product.fits.yes', params }], focus, ...reserve };
  // Another of its kind in the size asked ("Disco de Corte … 7""): that one shown instead.
  const head = fold(accessory.name).split(' ').slice(0, 2).join(' ');
  const others = tenant.catalog.filter((p) => p.sku !== accessory.sku && fold(p.name).startsWith(head) && Math.abs((nameInches(p.name)?.inches ?? -1) - size.inches) < 0.01);
  if (others.length > 0 && tenant.templates[lang]?.['product.fits.other'] !== undefined) {
    const first = others[0] as Product;
    return {
      outcome: 'answered',
      replies: [{ template: 'product.fits.other', params: { ...params, items: others.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(others) }],
      focus: { sku: first.sku, name: first.name, price: first.price, query: first.name, recent: [accessory.sku] },
    };
  }
  return { outcome: 'answered', replies: [{ template: 'product.fits.no', params }], focus, ...reserve };
}
