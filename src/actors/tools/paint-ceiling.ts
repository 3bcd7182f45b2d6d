/**
 * "Techo" is both the roof and the ceiling. "pintura para techo" alone: a clerk asks which, showing
 * both answers — outside, the product whose sheet says it seals roofs (the roof coating); inside,
 * the everyday wall paint. The ceiling of a room said plainly ("el techo de la sala", "ceiling
 * paint", "voy a pintar el techo del cuarto") is a painting job: the painting kit, never the roof
 * coating nor a roofing sheet. A roof said plainly (leaks, "azotea", "roof") is left to the search.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct, focusOf, jobKit, optionsFor } from './product-parts.js';

const PAINT = /\b(?:pintura|pinturas|pint(?:ar|o|amos|arlo|ando)|paint(?:ing|s)?)\b/;
const ROOF_WORD = /\b(?:techos?)\b/;
/** The ceiling of a room: inside said, a room named, or the English word. */
const CEILING = /\b(?:ceilings?|cielo\s*rasos?|plafon(?:es)?|techos?\s+(?:por\s+dentro|de\s+adentro|interior(?:es)?)|techos?\s+(?:de|del)\s+(?:(?:la|el|mi|los|las|mis)\s+)?(?:sala|cuartos?|habitacion(?:es)?|aposentos?|cocina|bano|comedor|oficina|galeria|dormitorios?|recamara))\b/;
/** The roof said plainly, or the trouble only a roof has. */
const ROOF_PLAIN = /\b(?:roofs?|azoteas?|placas?|techos?\s+(?:de\s+afuera|por\s+fuera|de\s+concreto|de\s+cemento|de\s+zinc|de\s+aluzinc)|impermeabiliz\w*|filtra\w*|goteras?|gotea\w*|waterproof\w*|leaks?)\b/;

const METAL = /\b(?:zinc|aluzinc|galvanizad[oa]s?|galvanized|tin|corrugated)\b/;

const fold = (s: string): string => foldAccents(s.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ');

/** The painting kit for a ceiling, or the roof-or-ceiling question; null when the message is neither. */
export function roofOrCeiling(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  const f = fold(text);
  // "el techo de mi galería, es de zinc": a metal roof, painted as metal (`paint-surface.ts`), whatever room it covers.
  if (!PAINT.test(f) || METAL.test(f)) return null;
  if (CEILING.test(f)) return jobKit(tenant, index, lang === 'en' ? 'paint' : 'pintar', lang);
  if (!ROOF_WORD.test(f) || ROOF_PLAIN.test(f) || tenant.templates[lang]?.['product.roof_or_ceiling'] === undefined) return null;
  // The roof: what the sheet says seals roofs; the ceiling: the everyday paint.
  const wall = tenant.catalog.find((p) => p.coverage !== undefined && (p.default_for ?? []).some((d) => /^(?:pintura|paint)$/i.test(d)) && p.stock > 0);
  const roof = tenant.catalog.find((p) => p.stock > 0 && p.coverage !== undefined && p.category === wall?.category && /\b(?:techos?|roofs?)\b/.test(fold(`${p.use?.es ?? ''} ${p.use?.en ?? ''}`)));
  if (!roof || !wall) return null;
  const line = (p: Product): Record<string, string> => {
    const d = describeProduct(tenant, p, lang);
    return { name: d.name, price: d.price, unit: d.unit, availability: d.availability };
  };
  const r = line(roof);
  const w = line(wall);
  const focus = focusOf({ product: roof, score: 1, unmet: [], defaulted: false }, { query: roof.name }, index);
  return {
    outcome: 'answered',
    replies: [{ template: 'product.roof_or_ceiling', params: { roofName: r.name as string, roofPrice: r.price as string, roofUnit: r.unit as string, roofAvailability: r.availability as string, wallName: w.name as string, wallPrice: w.price as string, wallUnit: w.unit as string, wallAvailability: w.availability as string }, options: optionsFor([roof, wall]) }],
    // The roof coating on the counter, as "pintura para techo" always was ("dame 2" next is two of it); the ceiling's paint a button away.
    focus: { ...focus, recent: [wall.sku] },
  };
}
