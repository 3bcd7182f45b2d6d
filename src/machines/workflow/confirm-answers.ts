import type { Lang } from '../../domain/nlu.js';
import { fold } from './slot-extractors.js';
import type { WorkflowSpec } from './workflow-spec.js';

/**
 * The summary's buttons and how a reply to them is read. Most summaries ask "¿Confirmo?" under
 * [Sí, confirmo / Cancelar]; a cancellation asks "¿Confirmas que cancelo la cita…?", where a
 * button "Cancelar" that keeps the booking reads backwards: its workflow names its own buttons
 * (`answers`: "Sí, cancélala / No, la mantengo"), the words that also say yes there ("cancélala"),
 * and a no keeps things as they were. Pure.
 */

export interface ConfirmOption {
  label: string;
  text: string;
}

export function confirmOptions(spec: Pick<WorkflowSpec, 'answers'>, lang: Lang): ConfirmOption[] {
  const yes = spec.answers?.yes[lang] ?? (lang === 'es' ? 'Sí, confirmo' : 'Yes, confirm');
  const no = spec.answers?.no[lang] ?? (lang === 'es' ? 'Cancelar' : 'Cancel');
  return [
    { label: yes, text: yes },
    { label: no, text: no },
  ];
}

const norm = (s: string) => fold(s).replace(/[.!?,;:¡¿]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A yes, in either language, alone or with a courtesy ("sí, por favor", "dale", "yes please"). */
const YES = /^(?:si|sip|claro|claro que si|dale|ok|okay|correcto|confirmo|de acuerdo|exacto|por favor|yes|yep|yeah|sure|confirm|go ahead|please)(?:\s+(?:si|por favor|please|gracias|thanks|dale|confirmo))*$/;
/** A no, or a wish to leave things as they are ("mejor no", "déjala", "no, la mantengo", "keep it"). */
const KEEP =
  /^(?:no|nop|nope|nah|mejor no|ya no|pensandolo bien no|olvidalo|olvidate|no importa|dejala|dejalo|dejala asi|dejalo asi|deja eso|mantenla|mantenerla|la mantengo|la dejo|mejor la dejo|no la cancele?s?|never ?mind|forget it|keep it|i'?ll keep it|don'?t|do not|don'?t cancel(?: it)?|leave it)(?:\s+\S+){0,4}$/;

/**
 * How a reply at a summary with its own `answers` is read: `yes`, `no` (keep things as they
 * were), or `null` (not an answer to it: the runner reads it as usual). Without `answers`: `null`.
 */
export function confirmAnswer(spec: Pick<WorkflowSpec, 'answers'>, text: string, affirmation: 'yes' | 'no' | null): 'yes' | 'no' | null {
  const answers = spec.answers;
  if (!answers) return null;
  const f = norm(text);
  if (!f) return null;
  // "sí, cancélala por favor": a yes first and a courtesy after the words themselves.
  const bare = f.replace(/\s+(?:por favor|please|gracias|thanks|thank you)$/, '').replace(/^(?:si|yes|ok|dale)\s+(?=\S)/, '');
  const said = (words: readonly string[]) => words.some((w) => norm(w) === f || norm(w) === bare);
  if (said([answers.yes.es, answers.yes.en, ...answers.yesWords]) || YES.test(f)) return 'yes';
  if (said([answers.no.es, answers.no.en]) || KEEP.test(f)) return 'no';
  return affirmation;
}
