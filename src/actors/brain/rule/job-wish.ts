/**
 * "quiero pintar el cuarto rosado claro", "quiero arreglar el baño", "quiero cambiar el breaker",
 * "necesito cercar la finca", "I want to paint the bedroom": a job the customer wants to do, told
 * with a wish ("quiero", "necesito", "tengo que", "voy a"), and no trouble told.
 *
 * Why it is needed: the classifier reads such a message as a *sure* complaint (0.45–0.50) on words
 * of no meaning — "el" and "quiero" — because its complaints say "el taladro", "el pedido", "quiero
 * devolver…" while its product questions say "¿tienen …?" and never "quiero <verb> el <thing>"; the
 * job's own words ("pintar", "cuarto", "rosado", "baño") carry no concept it knows. A sure complaint
 * hands the conversation to a person, and every job reader after the classifier steps aside for
 * one. A clerk hears a job to sell for; a complaint needs trouble told (`voicesTrouble`), a claim,
 * or an order or purchase to change.
 */
import { jobVerbOf } from '../../../machines/job-told.js';
import { voicesTrouble } from './unfounded-complaint.js';
import { words } from './signals.js';

/** The wish or plan that leads a job: "quiero", "necesito", "tengo que", "voy a", "I want to", "I'm going to". */
const WISH =
  /\b(?:quiero|kiero|queremos|quisiera|queria|quisieramos|deseo|necesito|nesecito|necesitamos|ocupo|tengo (?:que|q)|tenemos (?:que|q)|me toca|nos toca|pienso|planeo|voy a|vamos a|(?:i|we) (?:want|need|have|plan|d like|would like) to|(?:i m|im|i am|we re|we are) (?:going to|gonna|planning to|about to|trying to)|gonna)\s+(?:a\s+|yo\s+|le\s+)?([a-z]+)/g;

/**
 * Jobs of the counter that `JOB_VERBS` (the told-job answer's verbs) leaves out: painting has its own
 * answer, and the farm's and the electrician's jobs are named in their own words.
 */
const MORE_JOB_VERBS = new Set([
  'pintar', 'repintar', 'panetar', 'repellar', 'empanetar', 'lijar', 'barnizar', 'cercar', 'alambrar', 'cablear', 'alambrear', 'regar', 'tapar', 'techar',
  'paint', 'repaint', 'varnish', 'sand', 'fence', 'wire', 'rewire', 'water', 'plaster',
]);

/** "pintarlo", "arreglarle", "cambiarlas": the verb without the pronoun it carries. */
const CLITIC = /(?<=[aei]r)(?:lo|la|los|las|le|les|me|nos)$/;

/** What a job verb is no job on: an order ("hacer un pedido"), an appointment, the customer's data, an account, a claim — the other readers' own. */
const NO_JOB_OBJECT = /\b(?:pedido|pedidos|orden|ordenes|encargo|cita|citas|correo|email|telefono|numero|direccion|nombre|cuenta|pago|pagos|reclamo|queja|denuncia|cotizacion|order|orders|appointment|phone|address|account|payment|claim|quote)\b/;

/**
 * What "cambiar" changes when it is no job: a count, something bought, or one thing for another
 * ("por otro") — an exchange, never a job at home.
 */
const EXCHANGED = /\b(?:cantidad|cantidades|producto|productos|articulo|articulos|compra|compras|factura|dinero|quantity|purchase|item|items|product|products)\b|\bpor (?:otr[oa]s?|un[oa]? (?:nuev[oa]|diferente)|uno que sirva)\b|\b(?:for|with) (?:another|a new|a different)\b/;

/**
 * The message tells a job the customer wants to do, with no trouble, claim or purchase in it.
 *
 * @example
 * wantsAJobDone('quiero pintar el cuarto rosado claro'); // true
 * wantsAJobDone('quiero cambiar el breaker'); // true
 * wantsAJobDone('quiero cambiar el taladro por otro, salió malo'); // false: an exchange, trouble told
 * wantsAJobDone('quiero devolver la pintura'); // false: a claim
 */
export function wantsAJobDone(text: string): boolean {
  const f = words(text).join(' ').replace(/'/g, ' ');
  let job: string | null = null;
  for (const m of f.matchAll(WISH)) {
    const word = (m[1] as string).replace(CLITIC, '');
    job = MORE_JOB_VERBS.has(word) ? word : jobVerbOf(word);
    if (job !== null) break;
  }
  if (job === null || NO_JOB_OBJECT.test(f) || voicesTrouble(text)) return false;
  return !((job === 'cambiar' || job === 'change' || job === 'replace' || job === 'reemplazar') && EXCHANGED.test(f));
}
