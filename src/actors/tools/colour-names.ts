/** The catalog's colour words (Spanish, as `parse` names them) for an English reply. */
export const COLOUR_EN: Readonly<Record<string, string>> = {
  blanco: 'white', gris: 'gray', negro: 'black', rojo: 'red', verde: 'green', azul: 'blue', amarillo: 'yellow',
  beige: 'beige', naranja: 'orange', marron: 'brown', transparente: 'clear', hueso: 'ivory', perla: 'pearl',
  'blanco hueso': 'off-white', 'gris perla': 'pearl gray', morado: 'purple', rosado: 'pink',
};

/**
 * Shades said after a colour that name another colour to mix ("verde menta", "azul cielo", "azul
 * marino"): said back and kept in the mixed order (`product-colours.ts`).
 */
export const MIXED_SHADES: ReadonlySet<string> = new Set(['menta', 'cielo', 'pastel', 'bebe', 'marino', 'rey', 'oliva', 'limon', 'turquesa', 'salmon', 'melon', 'lavanda', 'durazno']);
/**
 * Of those (and their English), the ones only walls are painted in — never the enamel's plain
 * colour: "pintura verde menta" means the walls (`wall-colour.ts`).
 */
export const WALL_SHADES: ReadonlySet<string> = new Set(['menta', 'cielo', 'pastel', 'bebe', 'salmon', 'melon', 'lavanda', 'durazno', 'mint', 'sky', 'baby', 'peach', 'lavender']);
