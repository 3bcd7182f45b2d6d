/**
 * A kind of a known product the catalog does not have: "alambre de púas" when the only wire is tie
 * wire, "tubo galvanizado", "copper wire". The head noun is known, a word that says which kind is
 * not a word of the catalog at all. A clerk says "no tengo alambre de púas; lo más parecido es …",
 * never hands over the tie wire as if it were barbed wire. Known attributes (colours, sizes, brands)
 * and typos the catalog corrects are not this: they are read by the search itself.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { fold, stem, type CatalogMatch } from '../catalog/index.js';
import { NUMBER_WORDS, words } from '../catalog/text.js';
import { notCarried, tradeGoodOf } from './product-not-carried.js';
import { isNotSold, notSoldAnswer } from './product-not-sold.js';
export { shortGoodWords } from './product-not-sold.js';
import type { CatalogIndex } from './catalog-search.js';
import { namesAMaterial } from './product-materials.js';
import { describeProduct, focusOf, optionsFor, type Found } from './product-parts.js';

/** Words that join a kind to its noun ("alambre de púas", "tubo en cobre"). */
const JOIN = new Set(['de', 'del', 'en', 'of']);
/** A Spanish infinitive ("cortar", "soldar", "barrer", "pulir"), and the nouns spelled like one that name a kind or a place. */
const INFINITIVE = /^[a-z]{2,}(?:ar|er|ir)$/;
const NOUN_LIKE_VERB = new Set(['hogar', 'lugar', 'taller', 'collar', 'pilar', 'mar', 'solar', 'mujer', 'militar', 'altar', 'azucar', 'billar', 'jaguar', 'palmar', 'par']);
/** Words after which what follows is a use or a circumstance, not a kind ("alambre para amarrar", "pintura que no huela"). */
const STOP = new Set([
  'para', 'pa', 'for', 'con', 'with', 'sin', 'without', 'que', 'to', 'y', 'and', 'o', 'or', 'por', 'a', 'al', 'como', 'like', 'hasta',
  'desde', 'porque', 'pero', 'cuando', 'donde', 'si', 'but', 'because', 'when', 'until', 'since', 'if', ',',
]);
/**
 * Words that say how much, how good or whose, never which kind: "clavos grandes", "cemento barato",
 * "tubo largo", "pintura nueva", "some cheap paint".
 */
/** A verb with its pronoun said of a line on the counter ("el cemento ponlo en 15", "la arena déjala en 3"): never a kind. */
const LINE_VERB = /^(?:pon|dej[ae]|cambi[ae]|sub[ae]|baj[ae]|mand[ae]|tra[ei]|agreg[ae]|quit[ae])l[oa]s?$/;
const NOT_A_KIND = new Set([
  'grande', 'grandes', 'pequeno', 'pequena', 'pequenos', 'pequenas', 'chiquito', 'chiquita', 'chiquitos', 'chiquitas', 'chiquito',
  'largo', 'larga', 'largos', 'largas', 'ancho', 'ancha', 'gordo', 'gorda', 'fino', 'fina', 'finos', 'finas', 'grueso', 'gruesa',
  'barato', 'barata', 'baratos', 'baratas', 'economico', 'economica', 'caro', 'cara', 'mejor', 'mejores', 'bueno', 'buena',
  'buenos', 'buenas', 'nuevo', 'nueva', 'nuevos', 'nuevas', 'normal', 'normales', 'regular', 'corriente', 'sencillo', 'sencilla',
  'comun', 'tipico', 'original', 'fuerte', 'resistente', 'mismo', 'misma', 'otro', 'otra', 'otros', 'otras', 'ese', 'esa', 'este',
  'esta', 'eso', 'esto', 'aqui', 'alli', 'ahi', 'hoy', 'ahora', 'mas', 'menos', 'mucho', 'mucha', 'muchos', 'muchas', 'poco', 'poca',
  'pocos', 'pocas', 'tipo', 'tipos', 'clase', 'marca', 'calidad', 'medida', 'medidas', 'tamano', 'color', 'colores', 'precio',
  'big', 'small', 'large', 'long', 'short', 'cheap', 'cheaper', 'cheapest', 'good', 'best', 'better', 'new', 'regular', 'normal',
  'strong', 'common', 'steel', 'same', 'other', 'another', 'kind', 'type', 'size', 'brand', 'quality', 'colour', 'color', 'here', 'today', 'now',
  'numero', 'num', 'nro', 'calibre', 'gauge', 'pulgada', 'pulgadas', 'pie', 'pies', 'metro', 'metros', 'libra', 'libras', 'galon',
  'galones', 'litro', 'litros', 'unidad', 'unidades', 'saco', 'sacos', 'funda', 'fundas', 'media', 'medio', 'cuarto', 'inch', 'inches',
  // How many: "a dozen drywall screws", "un par de candados".
  'docena', 'docenas', 'dozen', 'dozens', 'par', 'pares', 'pair', 'pairs', 'couple',
  'please', 'porfa', 'favor', 'x', 'xfa', 'pls', 'bro', 'mano', 'hermano', 'amigo', 'jefe', 'senor', 'senora', 'manito',
  // Words that narrow the request to the thing named: "la manguera nomás", "the hose only".
  'nada', 'nomas', 'namas', 'solamente', 'solito', 'only', 'just', 'entonces', 'pues', 'then', 'tambien', 'also', 'too',
  // Where it goes, a use not a kind: "cerámica de baño", "pintura de exterior".
  'bano', 'banos', 'cocina', 'cocinas', 'sala', 'cuarto', 'cuartos', 'habitacion', 'habitaciones', 'patio', 'jardin', 'terraza',
  'marquesina', 'galeria', 'casa', 'casas', 'exterior', 'exteriores', 'interior', 'interiores', 'afuera', 'adentro', 'oficina',
  'finca', 'negocio', 'local', 'escuela', 'iglesia', 'colmado', 'bathroom', 'kitchen', 'house', 'home', 'outdoor', 'indoor',
  'outside', 'inside', 'garden', 'yard', 'office', 'bedroom', 'room',
  // What befell it, told in a complaint: "el cemento venía mojado", "la varilla llegó doblada".
  'mojado', 'mojada', 'mojados', 'mojadas', 'endurecido', 'endurecida', 'oxidado', 'oxidada', 'oxidados', 'oxidadas', 'roto', 'rota',
  'rotos', 'rotas', 'vencido', 'vencida', 'vencidos', 'danado', 'danada', 'danados', 'danadas', 'equivocado', 'equivocada', 'doblado',
  'doblada', 'doblados', 'dobladas', 'abollado', 'abollada', 'defectuoso', 'defectuosa', 'malo', 'mala', 'malos', 'malas', 'partido',
  'partida', 'quebrado', 'quebrada', 'usado', 'usada', 'sucio', 'sucia', 'incompleto', 'incompleta', 'broken', 'damaged', 'wet', 'wrong',
  'bad', 'used', 'rusty', 'bent', 'faulty', 'defective',
  // English verbs before their object: "can I find tile here?", "where do I buy rebar?".
  'find', 'buy', 'see', 'use', 'order', 'bring', 'send', 'show', 'recommend', 'check', 'pick', 'grab', 'carry', 'stock', 'sell', 'ship',
  'deliver', 'mix', 'cut', 'install', 'fix', 'paint', 'build', 'make', 'put', 'lay', 'hang', 'replace', 'repair', 'cover', 'seal', 'glue',
  // Verbs that follow their subject: "el breaker salió", "los blocks llegaron", "la oferta sigue".
  'sale', 'salio', 'salieron', 'llego', 'llegaron', 'llega', 'llegan', 'vino', 'vinieron', 'viene', 'vienen', 'venia', 'tiene', 'tienen',
  'queda', 'quedan', 'quedo', 'aparece', 'sigue', 'siguen', 'esta', 'estan', 'es', 'son', 'fue', 'dura', 'cuesta', 'cuestan', 'vale',
  'valen', 'hay', 'trae', 'traen', 'sirve', 'sirven', 'funciona', 'funcionan', 'se', 'me', 'le', 'lo', 'la', 'los', 'las', 'nos',
  'incluye', 'incluyen', 'lleva', 'llevan', 'include', 'includes',
  // Selling words and how often: "pintura en oferta", "varillas mensuales".
  'oferta', 'ofertas', 'descuento', 'descuentos', 'rebaja', 'promocion', 'especial', 'vigente', 'mensual', 'mensuales', 'semanal',
  'semanales', 'diario', 'diarios', 'sale', 'offer', 'discount', 'monthly', 'weekly',
  // When and how soon: "cemento mañana", "blocks urgente".
  'manana', 'ahorita', 'urgente', 'rapido', 'pronto', 'tarde', 'noche', 'semana', 'lunes', 'martes', 'miercoles', 'jueves',
  'viernes', 'sabado', 'domingo', 'tomorrow', 'urgent', 'asap', 'soon', 'tonight', 'week',
]);

/** How many of the closest products are shown. */
const MAX_SHOWN = 3;

/**
 * The customer's words for a kind the catalog lacks ("alambre de púas"), or null: a known head noun
 * with, next to it, a word the catalog does not know in any spelling ("púas", "galvanizado", "copper").
 * `shortWords`: words of three letters or fewer that still name a kind (the tenant's goods: "gas").
 */
export function unknownKind(index: CatalogIndex, query: string, lang: Lang, shortWords: ReadonlySet<string> = NONE): string | null {
  // A comma or a stop ends the product's words: "taladros, ¿sigue vigente?".
  // Words joined by a hyphen are two words ("off-white" is "off white", Blanco Hueso): never one unknown word.
  const raw = query.replace(/(\p{L})-(?=\p{L})/gu, '$1 ').replace(/[,;:.?!¿¡]+(?=\s|$)/g, ' , ').split(/[^\p{L}\p{N}/"'.,-]+/u).filter((w) => w !== '');
  const words = raw.map((w) => (w === ',' ? ',' : fold(w).replace(/[^a-z0-9]/g, '')));
  // Cheap before costly: a content word the catalog does not know at all.
  const content = (i: number): boolean => {
    const w = words[i] as string;
    // A gerund or a verb with its pronoun ("saliendo", "avísenme") is what the customer does, not a kind.
    return /^[a-z]{3,}$/.test(w) && !/(?:ando|iendo|yendo|nme|ndome)$/.test(w) && !LINE_VERB.test(w) && !STOP.has(w) && !JOIN.has(w) && index.parse(w).content.length > 0;
  };
  const known = (i: number): boolean => content(i) && index.correct(words[i] as string) !== null;
  // A material has its own answer ("en cobre no lo tengo"); a word after a number is its unit ("2 pole", "12 gauge").
  // Three letters or fewer are too short to tell a kind from a typo ("tubo pbc").
  // A number said in words is a size or a count ("varilla de tres octavos", "tubo de una pulgada"), never a kind.
  const foreign = (i: number): boolean => ((words[i] as string).length > 3 || shortWords.has(words[i] as string)) && NUMBER_WORDS[words[i] as string] === undefined && content(i) && !namesAMaterial(words[i] as string) && !/^\d/.test(words[i - 1] ?? '') && !NOT_A_KIND.has(words[i] as string) && index.correct(words[i] as string) === null && index.search(words[i] as string, { limit: 1 }).length === 0;
  for (let i = 0; i < words.length; i++) {
    if (!known(i)) continue;
    // Spanish: the kind follows its noun ("alambre de púas", "tubo galvanizado").
    let j = i + 1;
    if (lang === 'es' && JOIN.has(words[j] ?? '')) j++;
    // "disco de cortar metal", "máquina de soldar": a verb after "de" is the use ("pa cortar"), not a kind.
    if (lang === 'es' && j > i + 1 && words[i + 1] === 'de' && INFINITIVE.test(words[j] ?? '') && !NOUN_LIKE_VERB.has(words[j] ?? '')) return null;
    if (lang === 'es' && j < words.length && foreign(j)) return raw.slice(i, j + 1).join(' ');
    // English: it comes before ("barbed wire", "galvanized pipe").
    if (lang === 'en' && i > 0 && foreign(i - 1) && !STOP.has(words[i - 2] ?? '')) return raw.slice(i - 1, i + 1).join(' ');
    // Only the product's own noun: words further on speak of something else.
    return null;
  }
  return null;
}

/** `unknownKind` of the product the customer named at `start` of their message (the word before it too: "barbed wire"). */
export function unknownKindAt(index: CatalogIndex, text: string, start: number, lang: Lang, shortWords: ReadonlySet<string> = NONE): string | null {
  const before = /(?:^|\s)\S+\s+$/.exec(text.slice(0, start));
  return unknownKind(index, text.slice(before ? before.index : start), lang, shortWords);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The answer for a kind the catalog lacks: said plainly, with the closest products on offer (the
 * customer picks one or asks for something else). `quote` answers the one product that is that kind after all.
 */
export function noKindAnswer(tenant: TenantData, index: CatalogIndex, single: Found, kind: string, lang: Lang, quote: (found: Found) => ProductActorOutput): ProductActorOutput | null {
  // The store's everyday product for those very words ("tornillos de gypsum": the drywall screw) is that kind: quoted as asked.
  const everyday = index.search(kind, { limit: 1 })[0];
  if (everyday?.defaulted) return quote({ item: { ...single.item, query: kind }, match: everyday });
  // A good of the trade the store knows it lacks, named whole ("lámina de gypsum", "alambre de púas"): the store's own answer
  // (what it has instead, else a person to order it).
  const good = tradeGoodOf(tenant, kind);
  // "manguera de gas": of a good the store does not sell at all, no garden hose as the closest.
  if (good !== null && isNotSold(good)) return notSoldAnswer(tenant, good, kind, lang);
  const plain = (s: string): string => words(fold(s)).filter((w) => !JOIN.has(w)).map(stem).join(' ');
  if (good?.words.some((w) => plain(w) === plain(kind))) return notCarried(tenant, [kind], lang);
  const matches: CatalogMatch[] = index.search(single.item.query, { limit: MAX_SHOWN });
  const top = matches[0] ?? single.match;
  // The closest are of the noun asked for by their own name ("Alambre Dulce" for "alambre de púas"), never a sheet of zinc for "plancha de gypsum".
  const heads = words(fold(kind)).map((w) => index.correct(w)).filter((w): w is string => w !== null).map(stem);
  // The catalog's names are Spanish: an English noun ("nails") is met by the product's aliases.
  const named = (m: CatalogMatch): boolean => words(fold([m.product.name, ...(lang === 'en' ? (m.product.aliases ?? []) : [])].join(' '))).some((w) => heads.includes(stem(w)));
  const shown = matches.filter((m) => m.score >= top.score * 0.85 && named(m)).slice(0, MAX_SHOWN);
  if (shown.length === 0) return null;
  const focus = focusOf(top, single.item, index);
  return {
    outcome: 'answered',
    replies: [{ template: 'product.no_kind', params: { query: kind, items: shown.map((m) => describeProduct(tenant, m.product, lang)) }, options: optionsFor(shown.map((m) => m.product)) }],
    focus: { ...focus, options: shown.map((m) => m.product.sku) },
  };
}
