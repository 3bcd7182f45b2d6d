/**
 * A light's tone asked of bulbs the store has in one tone only ("¿tienen de luz cálida?", "warm
 * white?", "bombillos de luz amarilla"): the catalog names the tone ("Bombillo LED 9W Luz Blanca").
 * A clerk says the tone there is and that the one asked is not carried — never "No lo tengo en
 * amarillo" as if it were a paint colour, nor the paint colours.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct, optionsFor } from './product-parts.js';

/** The catalog's tone words after "luz" → the canonical colour `parse` gives them. */
const TONE_OF_NAME = /\bluz\s+(blanca|amarilla|calida|fria|neutra)\b/;
/** A tone (canonical colour) as said of light. */
const TONE_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  es: { blanco: 'blanca', amarillo: 'cálida (amarilla)' },
  en: { blanco: 'white', amarillo: 'warm (yellow)' },
};
/** Products listed, at most. */
const MAX_SHOWN = 3;

/** The tone of a light product by its name ("… Luz Blanca" → "blanco"), null for a product that is no light. */
export function toneOf(index: CatalogIndex, product: Product): string | null {
  const m = TONE_OF_NAME.exec(foldAccents(product.name.toLowerCase()));
  return m ? (index.parse(m[1] as string).attributes.colours[0] ?? null) : null;
}

/**
 * The answer when `related` (the kind asked, e.g. the store's LED bulbs) are lights all in tones
 * other than `asked` (a canonical colour). Null when they are no lights, or one comes in the tone.
 */
export function lightToneAnswer(tenant: TenantData, index: CatalogIndex, related: readonly Product[], asked: string, lang: Lang, focus: ProductFocus): ProductActorOutput | null {
  const lights = related.filter((p) => toneOf(index, p) !== null);
  if (lights.length === 0 || lights.length < related.length / 2) return null;
  const tones = [...new Set(lights.map((p) => toneOf(index, p) as string))];
  if (tones.includes(asked)) return null;
  const shown = [...lights].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0)).slice(0, MAX_SHOWN);
  const said = (tone: string): string => TONE_WORDS[lang][tone] ?? tone;
  const kind = (shown[0] as Product).name.replace(/\s+\d.*$/, '');
  const first = shown[0] as Product;
  return {
    outcome: 'answered',
    replies: [
      {
        template: 'product.light_tone_not',
        params: { kind, tones: tones.map(said).join(lang === 'en' ? ' or ' : ' o '), wanted: said(asked), items: shown.map((p) => describeProduct(tenant, p, lang)) },
        options: optionsFor(shown),
      },
    ],
    focus: { ...focus, sku: first.sku, name: first.name, price: first.price, options: shown.map((p) => p.sku) },
  };
}
