import type { Entity } from '../domain/nlu.js';
import { foldAccents } from '../kernel/fold.js';
import { jobVerbOf } from './job-told.js';
import type { LeadState } from './lead-draft.js';
import { needWithoutIntroduction } from './need-words.js';

/**
 * A short job said when the request opens ("buenas, soy el pastor de la Iglesia Bautista Central,
 * necesitamos techar el templo", "we need to roof the chapel"): too short to be the need written
 * down, so the form asks for it, and the answer ("es un techo de 200 metros, zinc calibre 26") is
 * written after the job — a clerk's note reads "Techar el templo: es un techo de 200 metros…", never
 * the size without what it is for.
 */
export interface JobSaid {
  /** The job as written, from its verb: "techar el templo". */
  text: string;
  turn: number;
}

/** How many turns after it was said the job still heads the need answered. */
const JOB_TURNS = 8;

/** The plan's lead in front of the job verb (folded). */
const PLAN_LEAD =
  /^(?:y\s+)?(?:(?:necesit\w+|queremos|quiero|quisiera\w*|vamos\s+a|voy\s+a|tenemos\s+que|tengo\s+que|pensamos|planeamos|estamos\s+por|we\s+(?:need|want|have|plan)\s+to|i\s+(?:need|want|have|plan)\s+to|we\s*re\s+(?:going|planning)\s+to|we\s+are\s+(?:going|planning)\s+to)(?:\s+(?:una\s+|un\s+|a\s+)?(?:cotizacion|cotizar|presupuesto|quote|quotation|estimate)\s+(?:para|pa|de|for|to))?|(?:(?:we|i)\s*(?:need|want|d\s+like|d|would\s+like)\s+)?(?:una\s+|un\s+|a\s+)?(?:cotizacion|presupuesto|quote|quotation|estimate)\s+(?:para|pa|for|to))\s+(\S+)\s+(\S.*)$/;

/** Works a clerk writes down as the project beside the everyday jobs (`jobVerbOf`): remodelling, painting, extending. */
const PROJECT_VERBS = new Set(['remodelar', 'renovar', 'ampliar', 'pintar', 'terminar', 'reconstruir', 'remodel', 'renovate', 'paint', 'repaint', 'extend', 'refurbish']);

/** At most this many words after the verb: a longer job is a need the brain writes down itself. */
const MAX_OBJECT_WORDS = 6;

/**
 * The short job the message says as its last clause, as written ("techar el templo"), or null.
 *
 * @example
 * shortJobSaid('buenas, soy el pastor de la Iglesia Bautista Central, necesitamos techar el templo', entities); // 'techar el templo'
 */
export function shortJobSaid(text: string, entities: readonly Entity[]): string | null {
  if (text.includes('?') || entities.some((e) => e.type === 'product' || e.type === 'quantity')) return null;
  const clauses = needWithoutIntroduction(text, entities)
    .split(/[.,;!\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const last = clauses[clauses.length - 1];
  if (last === undefined) return null;
  const folded = foldAccents(last.toLowerCase()).replace(/['’]/g, '');
  const m = PLAN_LEAD.exec(folded);
  if (!m || (jobVerbOf(m[1] as string) === null && !PROJECT_VERBS.has(m[1] as string))) return null;
  const object = (m[2] as string).split(/\s+/);
  if (object.length > MAX_OBJECT_WORDS) return null;
  // As written (accents kept): the verb and its object are the clause's last words.
  const words = last.replace(/[¡!"()]/g, ' ').trim().split(/\s+/);
  return words.slice(words.length - object.length - 1).join(' ');
}

/**
 * The lead with the job said at the opening in front of the need answered in this message, when the
 * answer does not say it already. Any other lead is returned as it is.
 */
export function withJobInNeed(before: LeadState, after: LeadState, job: JobSaid | null | undefined, messageId: string, turn: number): LeadState {
  const need = after.draft.problem_statement;
  if (!job || turn - job.turn > JOB_TURNS || turn === job.turn || before.draft.problem_statement !== undefined || !need?.value || need.sourceMessageId !== messageId) return after;
  const plain = (s: string) => foldAccents(s.toLowerCase()).replace(/[^a-z0-9\s]+/g, ' ');
  const objectWords = plain(job.text)
    .split(/\s+/)
    .slice(1)
    .filter((w) => w.length > 3);
  const said = plain(need.value);
  if (objectWords.length > 0 && objectWords.every((w) => said.includes(w))) return after;
  const head = job.text.charAt(0).toUpperCase() + job.text.slice(1);
  return { ...after, draft: { ...after.draft, problem_statement: { ...need, value: `${head}: ${need.value}` } } };
}
