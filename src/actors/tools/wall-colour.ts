/**
 * A colour for the walls of a room ("quiero pintar la sala de verde menta", "pintura verde pa la
 * sala") that the store has ready only in oil enamel, which is for metal and wood: a clerk does not
 * sell the enamel for the living room. Said so, and the wall paint is answered in that colour
 * instead — prepared by the mixing service when no acrylic comes in it ("pintura acrílica verde
 * menta" asked of the catalog, the usual colour answer).
 */
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { plainWords } from '../../kernel/plain-words.js';
import { mixOffer } from './paint-mix-order.js';
import { WALL_SHADES } from './colour-names.js';

const NOTE = 'product.wall_enamel_note';
/** An oil enamel by its name. */
const ENAMEL = /\b(?:esmalte|enamel)\b/i;
/** Rooms and walls of a home (folded words). */
const WALLS = /\b(?:sala|salita|cuarto|cuartos|habitacion|habitaciones|dormitorio|recamara|aposento|comedor|cocina|bano|pared|paredes|casa|apartamento|apto|oficina|living|bedroom|living room|kitchen|bathroom|wall|walls|room|rooms|house)\b/;
/** Metal and wood, what the enamel is for: then the enamel is right. */
const METAL_OR_WOOD = /\b(?:metal|hierro|verjas?|rejas?|portones?|porton|puertas?|ventanas?|madera|muebles?|gabinetes?|closets?|tubos?|barandas?|gates?|doors?|windows?|wood|furniture|fence|railings?|steel|iron)\b/;
/** The colour words a customer says (folded); the catalog reads the rest. */
const COLOUR = /\b(?:verde|azul|rojo|roja|amarillo|amarilla|negro|negra|gris|marron|cafe|morado|morada|lila|naranja|anaranjado|rosado|rosada|rosa|beige|crema|celeste|turquesa|menta|claro|clara|oscuro|oscura|pastel|green|blue|red|yellow|black|grey|gray|brown|purple|orange|pink|cream|mint|light|dark)\b/g;

/** Rooms said with a colour ("la cocina amarilla", "la sala azul cielo", "el cuarto lila"): the room painted. */
const ROOM = /\b(?:sala|salita|cuarto|habitacion|dormitorio|recamara|aposento|comedor|cocina|bano|fachada|marquesina|galeria|terraza|living|bedroom|kitchen|bathroom)\b/;
/** Colours proper (a shade alone, "claro", is no colour). */
const HUE = /\b(?:verde|azul|rojo|roja|amarillo|amarilla|marron|cafe|morado|morada|lila|naranja|anaranjado|anaranjada|rosado|rosada|rosa|beige|crema|celeste|turquesa|menta|gris|green|blue|red|yellow|brown|purple|lilac|orange|pink|cream|mint|grey|gray|turquoise)\b/;
/** Words that already say paint, or goods, so the usual answer stands. */
const PAINT_SAID = /\b(?:pintura|pintar|pinte|pintarla|pintarlo|paint|painting|ceramica|porcelanato|azulejos?|cortinas?|muebles?|tiles?|lampara|bombillos?)\b/;

/**
 * A room said with a colour and no paint word ("mi esposa quiere la cocina amarilla", "quiero la
 * sala azul cielo"): the room painted in that colour, answered as "pintura <colour>" (the usual
 * colour answer, mixed when not ready) — never "No vendemos *sala azul cielo*" nor the kitchen's
 * plumbing lines.
 */
export function withRoomColour(tenant: TenantData, input: ProductActorInput, out: ProductActorOutput, ask: (input: ProductActorInput) => ProductActorOutput): ProductActorOutput {
  if (input.text === undefined || input.focus !== undefined || tenant.templates[input.lang]?.[NOTE] === undefined) return out;
  const roomLines = out.replies.some((r) => 'template' in r && r.template === 'product.room');
  if (out.outcome === 'answered' && !roomLines) return out;
  const text = plainWords(input.text);
  if (!ROOM.test(text) || !HUE.test(text) || PAINT_SAID.test(text)) return out;
  const colour = [...text.matchAll(COLOUR)].map((m) => m[0]).join(' ');
  const paint = input.lang === 'en' ? `paint ${colour}` : `pintura ${colour}`;
  const painted = ask({ ...input, text: paint, understanding: { ...input.understanding, products: [{ query: paint }] } });
  if (painted.outcome !== 'answered' || painted.replies.length === 0) return out;
  // "la sala verde": the green ready is the oil enamel — the walls' paint mixed instead.
  return withWallColour(tenant, { ...input, text: `${input.text} ${paint}` }, painted, ask);
}

export function withWallColour(tenant: TenantData, input: ProductActorInput, out: ProductActorOutput, ask: (input: ProductActorInput) => ProductActorOutput): ProductActorOutput {
  if (out.outcome !== 'answered' || input.text === undefined || input.focus !== undefined || tenant.templates[input.lang]?.[NOTE] === undefined) return out;
  const shown = out.focus ? tenant.catalog.find((p) => p.sku === out.focus!.sku) : undefined;
  if (!shown || !ENAMEL.test(shown.name) || (out.focus?.options?.length ?? 0) > 1) return out;
  const text = plainWords(input.text);
  if (!(WALLS.test(text) || text.split(' ').some((w) => WALL_SHADES.has(w))) || METAL_OR_WOOD.test(text) || /\b(?:esmalte|aceite|enamel|oil)\b/.test(text)) return out;
  const colour = [...text.matchAll(COLOUR)].map((m) => m[0]).join(' ');
  if (colour === '') return out;
  const paint = input.lang === 'en' ? `acrylic paint ${colour}` : `pintura acrilica ${colour}`;
  const count = input.understanding.products[0]?.quantity;
  const walls = ask({ ...input, text: paint, understanding: { ...input.understanding, products: [{ query: paint, ...(count !== undefined ? { quantity: count } : {}) }] } });
  if (walls.outcome !== 'answered' || walls.replies.length === 0 || (walls.focus && ENAMEL.test(walls.focus.name))) return out;
  const mixed = withMixOffer(tenant, walls, input.lang);
  return { ...mixed, replies: [{ template: NOTE, params: { name: shown.name } }, ...mixed.replies] };
}

/**
 * The colour answer with "¿Te preparamos el verde?" taken by a yes (`ProductFocus.mix` and its
 * button), when the store mixes paint and the answer did not offer it (the search's first product
 * for "pintura acrílica verde" is no paint to mix on).
 */
function withMixOffer(tenant: TenantData, walls: ProductActorOutput, lang: ProductActorInput['lang']): ProductActorOutput {
  const first = walls.replies[0];
  const wanted = first && 'template' in first && first.template.startsWith('product.no_colour_mix') ? first.params?.wanted : undefined;
  if (typeof wanted !== 'string' || !tenant.store.facts?.paintMixing || !walls.focus || walls.focus.mix !== undefined || !first || !('template' in first)) return walls;
  const offer = mixOffer(wanted, lang);
  return {
    ...walls,
    replies: [{ ...first, options: [{ label: offer.label, text: offer.text, template: true }, ...(first.options ?? [])] }, ...walls.replies.slice(1)],
    focus: { ...walls.focus, mix: wanted },
  };
}
