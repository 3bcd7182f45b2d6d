/**
 * Hardware-store words known without a catalog (singular, folded), in Spanish and English.
 * They complement the tenant catalog's vocabulary for product detection and give the
 * classifier a shared "product" feature.
 */
export const GENERIC_PRODUCT_WORDS: ReadonlySet<string> = new Set([
  'cemento', 'varilla', 'tubo', 'tuberia', 'pintura', 'clavo', 'bloque', 'block', 'zinc', 'plywood', 'taladro',
  'arena', 'grava', 'gravilla', 'alambre', 'malla', 'llave', 'inodoro', 'lavamano', 'lavamanos', 'ceramica', 'cable',
  'breaker', 'bombillo', 'tornillo', 'pegamento', 'impermeabilizante', 'escalera', 'martillo', 'carretilla',
  'mezcladora', 'tinaco', 'tanque', 'brocha', 'rodillo', 'masilla', 'puerta', 'cerradura', 'sierra', 'codo',
  'manguera', 'candado', 'abanico', 'generador', 'yeso', 'cubeta', 'galon', 'saco', 'plancha', 'madera', 'pvc',
  'cement', 'rebar', 'pipe', 'paint', 'nail', 'drill', 'sand', 'gravel', 'wire', 'toilet', 'tile', 'screw',
  'ladder', 'hammer', 'wheelbarrow', 'bucket', 'gallon', 'bag', 'sheet', 'door', 'lock', 'padlock', 'saw',
  'hose', 'generator', 'bulb', 'glue', 'fan', 'roofing', 'lumber', 'wood', 'thinner', 'sellador',
]);
