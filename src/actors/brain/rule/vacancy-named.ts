/**
 * A job asked by the title of an opening the store has ("para lo de despachador, ¿qué tengo que
 * llevar?", "what do I bring for the dispatcher job?"): the classifier knows "vacante", "trabajo",
 * "empleo", not this store's titles, and a message made of a title and the errand reads as nothing
 * it knows. A clerk who has that opening hears the job. The titles are the tenant's
 * (`vacancies.json`): a Spanish title's head is its first word ("Despachador de almacén"), an
 * English one's its last ("Warehouse dispatcher").
 */
import type { IntentScore } from '../../../domain/nlu.js';
import type { Vacancy } from '../../../domain/tenant.js';
import { MIN_INTENT_CONFIDENCE } from '../../../machines/triage-decision.js';
import { asksForJob } from './signals.js';
import { fold } from './text.js';

/** The confidence of a job read from an opening's title. */
export const TITLE_JOB_CONFIDENCE = 0.6;

/** Words of seeking, applying for or asking about an opening (with a title named). */
const ABOUT_AN_OPENING =
  /\b(?:buscan|buscando|necesitan|ocupan|requisitos?|piden|aplicar|aplico|solicitar|puesto|plaza|vacantes?|tengo que llevar|hay que llevar|que llevo|llevar mi|entrevista|sueldo|salario|pagan|hiring|apply|applying|requirements?|bring|position|opening|salary|pay)\b/;

/** A title's head, folded, as a stem that takes gender and number ("cajer" for Cajero/a). */
function heads(vacancies: readonly Vacancy[]): string[] {
  const out = new Set<string>();
  for (const v of vacancies) {
    const es = fold(v.title.es ?? '').split(/\s+/)[0]?.replace(/\/a$/, '').replace(/[^a-z]/g, '') ?? '';
    const en = fold(v.title.en ?? '').split(/\s+/).at(-1)?.replace(/[^a-z]/g, '') ?? '';
    if (es.length >= 4) out.add(es.replace(/o$/, ''));
    if (en.length >= 4) out.add(en);
  }
  return [...out];
}

/** The title pattern of each tenant's openings, built once per vacancy list. */
const TITLES = new WeakMap<readonly Vacancy[], RegExp | null>();

function titlePattern(vacancies: readonly Vacancy[]): RegExp | null {
  let re = TITLES.get(vacancies);
  if (re === undefined) {
    const stems = heads(vacancies);
    re = stems.length === 0 ? null : new RegExp(String.raw`\b(?:${stems.join('|')})\w{0,3}\b`);
    TITLES.set(vacancies, re);
  }
  return re;
}

/**
 * Whether a message read as nothing sure (`out_of_scope`, under `MIN_INTENT_CONFIDENCE`, or a job
 * read unsure) names one of the store's openings by its title and asks about it: then it is the
 * job's (`TITLE_JOB_CONFIDENCE`).
 */
export function readsAsOpening(vacancies: readonly Vacancy[] | undefined, intent: IntentScore, text: string, namesAProduct: boolean): boolean {
  if (!vacancies || namesAProduct || intent.name === 'complaint' || intent.name === 'human_agent') return false;
  // A job already read surely stays as read; one read unsure ("q piden pa cajera") is made sure.
  if (intent.name === 'job_vacancies' ? intent.confidence >= TITLE_JOB_CONFIDENCE : intent.name !== 'out_of_scope' && intent.confidence >= MIN_INTENT_CONFIDENCE) return false;
  const title = titlePattern(vacancies);
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ');
  return title !== null && title.test(f) && (ABOUT_AN_OPENING.test(f) || asksForJob(text));
}
