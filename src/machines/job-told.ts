/**
 * A job told as a plan, with no question: "voy a levantar una pared", "quiero enchapar el baño",
 * "voy a cambiar la llave del lavamanos", "I'm building a small wall", "I'm replacing my bathroom
 * faucet". A clerk hears "what will I need?" in it and names the job's main material with what goes
 * with it. Read here as the job (`AskedJob`); whether the catalog has anything for it is the
 * caller's to check (`tools/told-job.ts`), so "quiero hacer un pedido" stays what it is.
 */
import type { AskedJob } from './job-questions.js';
import { foldAccents } from '../kernel/fold.js';
import { infinitive, JOB_VERBS } from './job-verbs.js';

export { jobVerbOf } from './job-verbs.js';

/** The whole message: greetings, who, the plan's lead, one job verb, then the rest of the job. */
const TOLD =
  /^(?:(?:ok|okay|si|bueno|pues|entonces|mira|oye|hola|buenas|buenos\s+dias|buenas\s+tardes|klk|saludos|amigo|mi\s+loco|mi\s+hermano|mi\s+pana|manito|loco|hi|hello|hey|so|well)\s+)*(?:(?:yo|nosotros)\s+)?(?:voy\s+a|vamos?\s+a|quiero|kiero|queremos|quisiera|necesito|tengo\s+(?:que|q)|tenemos\s+(?:que|q)|pienso|planeo|estoy|estamos|toy|tamos|(?:i\s*m|i\s+am|we\s*re|we\s+are)(?:\s+(?:going\s+to|gonna|planning\s+to|about\s+to))?|gonna|i\s+(?:want|need|have|plan)\s+to|we\s+(?:want|need|have|plan)\s+to)\s+([a-z]+)\s+(.+)$/;

/** A question in the message ("… cuánto cuesta el zinc?", "… do you have"): asked, not told; the other readers answer it. */
const ASKS = /\b(?:cuanto|cuantos|cuantas|precio|tienen|tiene|hay|venden|que\s+necesito|how\s+(?:much|many)|do\s+you|what|price)\b/;

/**
 * The job told as a plan, or null: a question, or a verb that is no job's ("quiero comprar…").
 *
 * @example
 * toldJob('voy a techar la marquesina')?.full; // 'techar la marquesina'
 * toldJob('voy a techar la marquesina, cuánto cuesta el zinc?'); // null
 */
export function toldJob(text: string): AskedJob | null {
  if (text.includes('?')) return null;
  const t = foldAccents(text.toLowerCase()).replace(/['’]/g, '').replace(/[¡!.,;:"()]/g, ' ').replace(/\s+/g, ' ').trim();
  const m = TOLD.exec(t);
  if (!m || ASKS.test(t)) return null;
  const verb = infinitive(m[1] as string);
  if (!JOB_VERBS.has(verb)) return null;
  const rest = (m[2] as string).trim();
  // Said back as written (accents kept), the customer's "my" as "your": "To tile your bathroom floor…".
  const words = text.replace(/['’]/g, '').replace(/[¡!.,;:"()]/g, ' ').trim().split(/\s+/);
  const own = words.slice(words.length - rest.split(' ').length).map((w) => YOURS[w.toLowerCase()] ?? w).join(' ');
  const written = words[words.length - rest.split(' ').length - 1]?.toLowerCase();
  const verbSaid = written !== undefined && verb === m[1] && foldAccents(written) === verb ? written : verb; // "pañetar", not "panetar"
  // "quiero pegar cerámica en el baño" told as a plan is the tiling job (the tiles, their adhesive and
  // grout); "¿algo para pegar cerámica?" asked stays the adhesive (`askedJob`).
  const tiling = verb === 'pegar' && TILES.test(rest);
  return { said: `${verbSaid} ${own}`, full: `${tiling ? 'enchapar' : verb} ${rest}`, verb: tiling ? 'enchapar' : verb, at: m.index, told: true };
}

const TILES = /^(?:(?:la|las|el|los|una|unas|un|unos)\s+)?(?:ceramicas?|porcelanatos?|azulejos?|losetas?|pisos?)\b/;

/** The customer's own things said back as theirs. */
const YOURS: Readonly<Record<string, string>> = { my: 'your', our: 'your', mi: 'tu', mis: 'tus', nuestra: 'tu', nuestro: 'tu', nuestras: 'tus', nuestros: 'tus' };
