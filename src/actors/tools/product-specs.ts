import type { Lang } from '../../domain/nlu.js';
import { formatMoney } from '../../domain/money.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { specAsked, type SpecAsked } from '../../machines/product-spec-question.js';
import { plainWords as plain } from '../../kernel/plain-words.js';

/**
 * "¿Cuánto mide?", "how tall is it?", "¿de cuántos watts es?", "how much can it hold?" about the
 * product on the counter: what its catalog name says of that (the 6 steps of the ladder, the 750 W
 * of the drill, the 6 ft³ of the wheelbarrow, the 6 m of a pipe), or that the figure is not at hand
 * and sales confirms it — never "No vendemos *mide*". The catalog has no separate size fields, so
 * the name is the product's data sheet.
 */

type FigureAsked = Exclude<SpecAsked, 'brand' | 'base'>;

const FIGURES: Record<FigureAsked, RegExp> = {
  power: /\b\d+(?:[.,]\d+)?\s*(?:w|watts?|hp|v|voltios)\b|\b\d+\/\d+\s*hp\b/gi,
  load: /\b\d+(?:[.,]\d+)?\s*(?:kg|lb|lbs|libras)\b(?=.*\b(?:carga|capacidad|load)\b)/gi,
  capacity: /\b\d+(?:[.,]\d+)?\s*(?:pies³|ft³|pies cúbicos|galones|galón|gal|litros|l)(?![\p{L}\d])/giu,
  gauge: /#\s*\d+|\b(?:calibre|cal\.?|no\.)\s*\d+|\b\d+\s*awg\b/gi,
  size: /\b\d+\s*(?:peldaños|escalones)\b|\b\d+(?:x\d+(?:[.,]\d+)?){1,2}(?:'|\s*pies)?|(?:\b\d+\s+)?\b\d+(?:\/\d+)?"|\b\d+(?:[.,]\d+)?\s*(?:m|cm|mm|pies|ft|pulgadas)(?![\p{L}\d³])|\b\d+(?:[.,]\d+)?'/giu,
};

const WHAT: Record<SpecAsked, Record<Lang, string>> = {
  brand: { es: 'la marca', en: 'the brand' },
  base: { es: 'si es a base de agua o de aceite', en: 'whether it is water- or oil-based' },
  size: { es: 'la medida exacta', en: 'the exact size' },
  power: { es: 'la potencia', en: 'the power rating' },
  capacity: { es: 'la capacidad', en: 'the capacity' },
  load: { es: 'el peso que aguanta', en: 'the weight it can carry' },
  gauge: { es: 'el calibre (qué tan grueso es)', en: 'the gauge (how thick it is)' },
};

/** "es pa una sierra", "for my saw": the power tool a cord is wanted for, named after its "para"/"for". */
const FOR_A_TOOL = /\b(?:pa|para|pal|for)\s+(?:(?:una|un|el|la|mi|my|a|the)\s+)?(?:sierra|compresor|pulidora|esmeriladora|taladro|rotomartillo|soldadora|planta|aire|nevera|bomba|saw|compressor|grinder|drill|welder|heater|fridge|pump|air\s+conditioner)\b/;
/** An extension cord, by its name or aliases. */
const isCord = (p: Product): boolean => /\b(?:extension|extension cord)\b/.test(plain([p.name, ...(p.aliases ?? [])].join(' ')));

/** A length in metres asked in feet ("¿cuántos pies trae?" of the 6 m pipe), or the other way round: both said, as a clerk converts. */
function withLengthAsked(figure: string, text: string, lang: Lang): string {
  const asked = plain(text);
  const m = /^(\d+(?:[.,]\d+)?)\s*m$/.exec(figure);
  if (m && /\b(?:pies|pie|feet|foot|ft)\b/.test(asked)) return `${figure} (${lang === 'en' ? 'about' : 'unos'} ${Math.round(Number(m[1]!.replace(',', '.')) * 3.281)} ${lang === 'en' ? 'feet' : 'pies'})`;
  const ft = /^(\d+(?:[.,]\d+)?)\s*(?:pies|ft)$|^(\d+(?:[.,]\d+)?)'$/.exec(figure);
  const feet = ft ? Number((ft[1] ?? ft[2]!).replace(',', '.')) : NaN;
  if (Number.isFinite(feet) && /\b(?:metros?|meters?|metres?)\b/.test(asked)) return `${figure} (${lang === 'en' ? 'about' : 'unos'} ${(Math.round(feet * 0.3048 * 10) / 10).toString().replace('.', lang === 'en' ? '.' : ',')} m)`;
  return figure;
}

/** The spec answer for the product in focus, or null when the message asks none (or names other goods). */
export function specAnswer(tenant: TenantData, focus: ProductFocus, text: string, products: readonly { query: string }[], lang: Lang): ProductActorOutput | null {
  const asked = specAsked(text);
  // "¿cuántos pies trae cada tubo?" of the pipe shown names that pipe again, not other goods.
  if (asked === null) return null;
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  // ...("how many feet is each pipe?": its aliases say it too).
  const shownWords = new Set(plain([focus.name, product?.category ?? '', ...(product?.aliases ?? [])].join(' ')).split(' '));
  const named = products.some((p) => !plain(p.query).split(' ').every((w) => shownWords.has(w) || shownWords.has(w.replace(/e?s$/, ''))));
  // "¿es esmalte?" names a kind of paint, not another product: its base is still asked of this one.
  // "¿es gruesa? es pa una sierra": the saw is what the cord is for, not other goods asked.
  const forTool = asked === 'gauge' && FOR_A_TOOL.test(plain(text));
  if (named && asked !== 'base' && !forTool) return null;
  if (!product || tenant.templates[lang]?.['product.spec'] === undefined) return null;
  if (asked === 'brand' || asked === 'base') return aboutItsMake(tenant, product, focus, asked, text, lang);
  const figures = [...new Set([...product.name.matchAll(FIGURES[asked])].map((m) => m[0].trim()))].map((f) => (asked === 'size' ? withLengthAsked(f, text, lang) : f));
  // A cord for a power tool: what is safe, whatever the sheet says (a thin one heats up).
  const cordNote = forTool && isCord(product) && tenant.templates[lang]?.['product.cord_tool_note'] !== undefined ? [{ template: 'product.cord_tool_note' }] : [];
  if (figures.length === 0) return { outcome: 'answered', replies: [{ template: 'product.spec_unknown', params: { name: product.name, what: WHAT[asked][lang] }, ...(cordNote.length > 0 ? { withoutQuestion: true } : {}) }, ...cordNote], focus };
  return { outcome: 'answered', replies: [{ template: 'product.spec', params: { name: product.name, figures: figures.join(', ') } }], focus };
}

/** "acrílica", "látex", "satinada" (a latex finish): water-based; "esmalte de aceite", "oil": oil-based. */
const WATER_BASED = /\b(?:acr[ií]lic[oa]|l[aá]tex|satinad[oa]|acrylic|latex|water[- ]based)\b/i;
const OIL_BASED = /\b(?:aceite|oil[- ]?based|oil)\b/i;

/** The lead-in to the paints of the other base. */
const OTHER_BASE: Record<'water' | 'oil', Record<Lang, string>> = {
  water: { es: 'Si buscas de aceite, tengo:', en: 'If you need oil-based, I have:' },
  oil: { es: 'Si buscas a base de agua, tengo:', en: 'If you need water-based, I have:' },
};

/** A paint's base in a list line. */
const BASE_SAID: Record<'water' | 'oil', Record<Lang, string>> = {
  water: { es: '*a base de agua* (acrílica)', en: '*water-based* (acrylic)' },
  oil: { es: '*de aceite* (esmalte)', en: '*oil-based* (enamel)' },
};

/** The paint's base read off its name, or null when the name does not say. */
export function paintBase(name: string): 'water' | 'oil' | null {
  if (OIL_BASED.test(name)) return 'oil';
  if (WATER_BASED.test(name)) return 'water';
  return null;
}

/**
 * "¿De qué marca es?" → its brand from the catalog; "¿es de agua o de aceite?" → its base read off
 * its name (acrílica/látex → water, de aceite → oil), with the store's paints of the other base
 * named when there are some, since a customer who asks usually needs that one.
 */
function aboutItsMake(tenant: TenantData, product: Product, focus: ProductFocus, asked: 'brand' | 'base', text: string, lang: Lang): ProductActorOutput | null {
  const unknown = (): ProductActorOutput => ({ outcome: 'answered', replies: [{ template: 'product.spec_unknown', params: { name: product.name, what: WHAT[asked][lang] } }], focus });
  // Several shown and none picked ("tienen taladro?" → Truper and DeWalt): each one's, as a clerk
  // pointing at the shelf would say, not the first one's alone.
  const shown = (focus.options ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  if (shown.length > 1 && tenant.templates[lang]?.['product.make_list'] !== undefined) {
    const said = shown.slice(0, 6).map((p) => ({ p, what: asked === 'brand' ? p.brand : paintBase(p.name) ?? undefined }));
    if (said.every((x) => x.what !== undefined) && (asked === 'brand' || said.some((x) => x.p.sku === product.sku))) {
      const lines = said.map(({ p, what }) => `• *${p.name}*: ${asked === 'brand' ? `*${what}*` : BASE_SAID[what as 'water' | 'oil'][lang]}`).join('\n');
      return { outcome: 'answered', replies: [{ template: 'product.make_list', params: { lines } }], focus };
    }
  }
  if (asked === 'brand') {
    if (product.brand === undefined || tenant.templates[lang]?.['product.brand'] === undefined) return unknown();
    return { outcome: 'answered', replies: [{ template: 'product.brand', params: { name: product.name, brand: product.brand } }], focus };
  }
  const base = paintBase(product.name);
  // Only a paint or a coating has a base; of cement or a pipe the question is no spec of it.
  if (base === null && !/pintur|paint/i.test(product.category)) return null;
  if (base === null || tenant.templates[lang]?.[`product.base_${base}`] === undefined) return unknown();
  // "¿es de aceite?" of an oil paint is answered by the yes; the other base's paints are named only
  // when it is not the one the customer hoped for ("is it oil based?" of an acrylic).
  const water = /\b(?:agua|water|acr[ií]lic|l[aá]tex)/i.test(text);
  const oil = /\b(?:aceite|oil|esmalte|enamel)/i.test(text);
  const hoped = water === oil ? null : water ? 'water' : 'oil';
  const others = hoped === null || hoped === base ? [] : tenant.catalog.filter((p) => p.category === product.category && p.stock > 0 && paintBase(p.name) === (base === 'water' ? 'oil' : 'water') && p.unit === product.unit);
  const lead = OTHER_BASE[base][lang];
  const othersLine = others.length === 0 ? '' : `\n\n${lead}\n${others.slice(0, 3).map((p) => `• *${p.name}*: *${formatMoney(p.price, tenant.settings.currency)}*`).join('\n')}`;
  return { outcome: 'answered', replies: [{ template: `product.base_${base}`, params: { name: product.name, others_line: othersLine } }], focus };
}
