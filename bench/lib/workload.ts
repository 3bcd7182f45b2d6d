/**
 * The customer messages every variant receives, in rotation: product, price, store info and
 * small talk — the self-serve traffic that dominates a hardware store's chat. They never ask for a
 * human or start a lead, so every conversation stays in the same loop for the whole run and every
 * variant does comparable work per message.
 */
export const WORKLOAD_TEXTS: readonly string[] = [
  'Hola, buenas tardes',
  '¿Tienen cemento gris?',
  '¿Cuánto cuesta el saco de cemento Cibao?',
  '¿A qué hora abren el sábado?',
  '¿Tienen arena lavada?',
  'Muchas gracias',
];

/**
 * Self-serve questions a hardware store's customers ask (stock, prices, hours, branches, offers,
 * payment), each answered by Hilo without a person, a lead or a ticket — the same kind of traffic
 * as `WORKLOAD_TEXTS`, for the `hilo-ws-memory-unseen` variant.
 */
const UNSEEN_QUESTIONS: readonly string[] = [
  '¿tienen cemento gris?', '¿cuánto cuesta el saco de cemento?', '¿a cómo está el cemento Cibao?', '¿hay varilla de 3/8?',
  '¿cuánto vale la varilla de 1/2?', '¿tienen arena lavada?', '¿a cómo tienen la arena?', '¿precio del block de 6?',
  '¿tienen block de 8?', '¿cuánto cuesta el tubo PVC de 1/2?', '¿hay tubos de 3/4?', '¿tienen breaker de 20?',
  '¿cuánto vale un breaker de 30 amperios?', '¿tienen clavos de 2 pulgadas?', '¿a cómo la libra de clavos?', '¿tienen pintura blanca?',
  '¿cuánto cuesta el galón de pintura?', '¿tienen cubeta de pintura?', '¿hay alambre de amarre?', '¿tienen zinc?',
  '¿cuánto vale la plancha de zinc?', '¿tienen tornillos para techo?', '¿hay gravilla?', '¿cuánto cuesta el metro de arena?',
  '¿tienen tirafondos?', '¿hay cable eléctrico?', '¿tienen llaves de paso?', '¿cuánto vale la masilla?',
  '¿a qué hora abren?', '¿a qué hora cierran hoy?', '¿abren el sábado?', '¿abren los domingos?',
  '¿cuál es el horario?', '¿dónde están ubicados?', '¿dónde queda la tienda?', '¿tienen otra sucursal?',
  '¿qué ofertas tienen?', '¿hay alguna oferta esta semana?', '¿aceptan tarjeta?', '¿tienen yeso?',
];
const UNSEEN_OPENINGS: readonly string[] = ['', 'Hola, ', 'Buenas, ', 'Buenos días, ', 'Buenas tardes, ', 'Saludos, ', 'Disculpe, ', 'Oye, ', 'Hola buenas, ', 'Una pregunta, ', 'Buenas noches, ', 'Hola amigo, '];
const UNSEEN_ENDINGS: readonly string[] = ['', ' por favor', ', gracias', ' porfa', ' 🙏', ' ahora mismo', ', es para hoy', ' para una obra', ', saludos', ' gracias de antemano'];

/** As typed on a phone: no opening "¿", no accents, all lower case. */
const typedQuickly = (text: string): string =>
  text.replace(/¿/g, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * 14,190 distinct messages (questions × openings × endings, each also without its "¿" and typed
 * quickly; a few of those coincide), in a fixed shuffled order: a run sends each at most once, so every turn is a sentence
 * the rule brain has not read before (its reading cache keeps 2,000), as with real customers —
 * who still ask about the same products, so the catalog's own caches hit as they would.
 */
export function unseenTexts(): string[] {
  const distinct = new Set<string>();
  for (const q of UNSEEN_QUESTIONS) {
    for (const o of UNSEEN_OPENINGS) {
      for (const e of UNSEEN_ENDINGS) {
        const text = `${o}${q}${e}`;
        distinct.add(text).add(text.replace('¿', '')).add(typedQuickly(text));
      }
    }
  }
  const out = [...distinct];
  // Deterministic shuffle (a fixed LCG), so two runs send the same sequence.
  for (let i = out.length - 1, x = 20_261_205; i > 0; i--) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}
