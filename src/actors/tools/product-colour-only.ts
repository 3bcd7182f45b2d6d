/**
 * A colour asked for with no product ("¿tienen azul?", "azul cielo", "color crema"): in a hardware
 * store that is a paint question. A clerk answers with the colours of the kind of product the
 * store carries in the most colours — found from the catalog's own names, not a list — never "No
 * vendemos azul".
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product } from '../../domain/tenant.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';

/** Greetings that open a message ("hola", "klk", "buenas tardes", "hi"), with their comma. */
const GREETING_FIRST = /^\s*(?:(?:hola|ola|buenas|buenos d[ií]as|buenas tardes|buenas noches|buen d[ií]a|saludos|klk|hi|hello|hey|good (?:morning|afternoon|evening))[\s,.!¡]+)+/i;

/** The message without the greeting it opens with: "klk, ¿tienen rojo?", "hola, azul?" ask only the colour. */
export const withoutGreeting = (text: string): string => text.replace(GREETING_FIRST, '');

/** A kind must come in this many colours to be what a bare colour asks about. */
const MIN_COLOURS = 3;

/** The kind in each language: its name's word ("pintura") and the one-word alias most of its products share ("paint"). */
type Kind = Readonly<Record<Lang, string>>;

const KINDS = new WeakMap<readonly Product[], Kind | null>();

/**
 * The kind of product asked about by a colour alone: of the shelf (category) whose products come in
 * the most colours, the first word most of its coloured products' names share ("pintura"); null
 * when no shelf has several colours.
 */
export function colouredKind(index: CatalogIndex, catalog: readonly Product[]): Kind | null {
  const known = KINDS.get(catalog);
  if (known !== undefined) return known;
  const shelves = new Map<string, { colours: Set<string>; heads: Map<string, number> }>();
  for (const p of catalog) {
    const head = fold(p.name).split(/[^a-z0-9]+/).find((w) => w.length > 1);
    const colour = index.parse(p.name).attributes.colours[0];
    if (head === undefined || colour === undefined) continue;
    const shelf = shelves.get(p.category) ?? { colours: new Set<string>(), heads: new Map<string, number>() };
    shelf.colours.add(colour);
    shelf.heads.set(head, (shelf.heads.get(head) ?? 0) + 1);
    shelves.set(p.category, shelf);
  }
  const best = [...shelves.values()].sort((a, b) => b.colours.size - a.colours.size)[0];
  const head = best ? [...best.heads.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
  if (!best || head === undefined || best.colours.size < MIN_COLOURS) {
    KINDS.set(catalog, null);
    return null;
  }
  const aliases = new Map<string, number>();
  for (const p of catalog) {
    if (!fold(p.name).startsWith(head)) continue;
    for (const alias of p.aliases ?? []) if (/^[a-z]+$/.test(fold(alias)) && fold(alias) !== head) aliases.set(fold(alias), (aliases.get(fold(alias)) ?? 0) + 1);
  }
  const found = { es: head, en: [...aliases.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? head };
  KINDS.set(catalog, found);
  return found;
}

/** The query for a message that names only a colour ("¿tienen azul cielo?" → "pintura azul"), else null. */
export function colourOnlyQuery(index: CatalogIndex, catalog: readonly Product[], said: string, lang: Lang): string | null {
  const text = withoutGreeting(said);
  const parsed = index.parse(text);
  if (parsed.content.length > 0 || parsed.attributes.colours.length === 0) return null;
  // Words the catalog meets as they are ("2 galones de blanco", "tienen verde?") keep their own answer,
  // unless what they meet is of another kind: "¿tienen rojo?" asks for red paint, not the red cable.
  const kind = colouredKind(index, catalog);
  const hit = index.search(text, { limit: 1 })[0];
  if (hit !== undefined && (kind === null || fold(hit.product.name).startsWith(kind.es))) return null;
  // The colour as the catalog names it ("azul cielo?" → "azul"): the shade and the question are no part of the kind.
  return kind === null || parsed.phrases.colour === undefined ? null : `${kind[lang]} ${parsed.phrases.colour}`;
}
