import { foldAccents } from '../kernel/fold.js';

/**
 * "¿qué necesito?", "¿qué requisitos piden?", "¿qué papeles hay que llevar?", "what do I need?",
 * "what documents?": what it takes, asked in a short message (the credit application's detour: the
 * store's own policy says what opening an account needs).
 */
const ASKS_REQUIREMENTS =
  /\b(?:que (?:necesito|necesitaria|ocupo|se necesita|hay que (?:llevar|presentar|tener)|tengo que (?:llevar|presentar|tener|mandar|enviar)|debo (?:llevar|presentar|tener)|piden|me piden|requisitos?|documentos?|papeles)|requisitos?|cuales son los requisitos|documentos|papeles|what (?:do i need|does it take|documents?|papers|paperwork)|requirements?|documents? (?:do|should|must) i)\b/;

/** A short message asking what is needed (at most 12 words). */
export function asksRequirements(text: string): boolean {
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return f !== '' && f.split(' ').length <= 12 && ASKS_REQUIREMENTS.test(f);
}
