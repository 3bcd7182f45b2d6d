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
