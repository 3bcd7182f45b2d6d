/**
 * How many the product on the counter comes in, from its own data: the pack in its name ("Guantes de
 * Nitrilo (caja 100)": the box has 100; "(ciento)": 100 pieces; "(rollo 500 pies)": 500 feet), sold one
 * by one (a lag screw: not by the box), or by weight (nails by the pound: how many depends on the size).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { formatMoney } from './format.js';
import { availability } from './product-parts.js';

const PACK_IN_NAME = /\((caja|paquete|bolsa|funda|rollo|ciento|docena)(?:\s+(\d[\d.,]*)\s*([a-záéíóúñ]+)?)?\)/i;
const PACK_WORDS: Record<string, Record<Lang, string>> = {
  caja: { es: 'caja', en: 'box' },
  paquete: { es: 'paquete', en: 'pack' },
  bolsa: { es: 'bolsa', en: 'bag' },
  funda: { es: 'funda', en: 'bag' },
  rollo: { es: 'rollo', en: 'roll' },
  ciento: { es: 'ciento', en: 'pack' },
  docena: { es: 'docena', en: 'dozen' },
};
const PIECES: Record<Lang, string> = { es: 'unidades', en: 'pieces' };
const UNITS_EN: Record<string, string> = { pies: 'feet', metros: 'metres', unidades: 'pieces', piezas: 'pieces', hojas: 'blades' };

/** The answer to how many the product comes in; null when the tenant lacks the templates or the data says nothing. */
export function packCountAnswer(tenant: TenantData, shown: Product, focus: ProductFocus, lang: Lang): ProductActorOutput | null {
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  const base = { name: shown.name, price: formatMoney(shown.price), availability: availability(tenant, shown, lang) };
  const reserve = shown.stock > 0 ? { reserve: { sku: shown.sku, name: shown.name, quantity: 1 } } : {};
  const pack = PACK_IN_NAME.exec(shown.name);
  if (pack && has('product.pack_count.pack')) {
    const word = (pack[1] as string).toLowerCase();
    const fixed = word === 'ciento' ? 100 : word === 'docena' ? 12 : undefined;
    const number = pack[2] ?? (fixed !== undefined ? String(fixed) : undefined);
    if (number !== undefined) {
      const unit = pack[3]?.toLowerCase();
      const counted = unit ? (lang === 'en' ? (UNITS_EN[unit] ?? unit) : unit) : PIECES[lang];
      return { outcome: 'answered', replies: [{ template: 'product.pack_count.pack', params: { ...base, pack: PACK_WORDS[word]?.[lang] ?? word, count: `${number} ${counted}` } }], focus, ...reserve };
    }
  }
  const unit = shown.unit.toLowerCase();
  if ((unit === 'libra' || unit === 'lb') && has('product.pack_count.weight')) return { outcome: 'answered', replies: [{ template: 'product.pack_count.weight', params: base }], focus, ...reserve };
  if (unit === 'unidad' && has('product.pack_count.single')) return { outcome: 'answered', replies: [{ template: 'product.pack_count.single', params: base }], focus, ...reserve };
  return null;
}
