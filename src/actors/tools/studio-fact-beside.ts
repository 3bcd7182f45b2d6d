import { intentLabelOf } from '../../domain/nlu.js';
import type { StoreFact, TenantData } from '../../domain/tenant.js';
import type { Understanding } from '../../domain/understanding.js';
import type { WorkflowSet } from '../../domain/workflow-spec.js';
import { studioFactAsked } from '../brain/rule/studio-asks.js';

/**
 * A place question asked beside a booking ("quiero un corte mañana a las 10, ¿tienen parqueo?"): the
 * booking keeps the message (a sure request wins, `studio-asks.ts`), and the reading carries the
 * studio's answer to the question — its fact, or honestly that it is not written and a person can
 * confirm it — said as the booking starts, so neither is dropped. The studio's counterpart of the
 * store's `factQuestionsBesideRequest` / `factFirst`.
 */
export function readingWithStudioFactBeside<T extends Understanding>(data: Pick<TenantData, 'store' | 'templates'>, workflows: WorkflowSet | null | undefined, reading: T, text: string): T {
  const lang = reading.lang;
  const template = data.templates[lang]?.['studio.fact.beside'];
  if (!workflows || template === undefined || !workflows.workflows.some((w) => w.triggers.includes(intentLabelOf(reading.nlu.intent)))) return reading;
  const key = studioFactAsked(text);
  // A deposit asked is the question itself (never read as a booking), and a "what to bring" is asked of a service, not the place.
  // "do you speak English?" beside a booking is answered by the opening yes (`language-answer.ts`), never "not written".
  if (key === null || key === 'deposit' || key === 'prep' || key === 'languages') return reading;
  const fact = (data.store.facts as Partial<Record<string, StoreFact>> | undefined)?.[key];
  const topic = data.templates[lang]?.[`studio.fact.topic.${key}`] ?? '';
  return { ...reading, factBeside: fact ? fact[lang] : template.replace('{topic}', topic) };
}
