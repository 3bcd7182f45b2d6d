/** The catalog's colour words (Spanish, as `parse` names them) for an English reply. */
export const COLOUR_EN: Readonly<Record<string, string>> = {
  blanco: 'white', gris: 'gray', negro: 'black', rojo: 'red', verde: 'green', azul: 'blue', amarillo: 'yellow',
  beige: 'beige', naranja: 'orange', marron: 'brown', transparente: 'clear', hueso: 'ivory', perla: 'pearl',
  'blanco hueso': 'off-white', 'gris perla': 'pearl gray', morado: 'purple', rosado: 'pink',
};
