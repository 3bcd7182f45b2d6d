import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput } from '../../machines/conversation.contract.js';
import { fold } from '../../machines/workflow/slot-extractors.js';

/**
 * How long a service's result lasts, asked beside or instead of how long the visit takes: "¿cuánto
 * tiempo me dura en el pelo?", "¿cada cuánto hay que retocarlo?", "how many weeks will it last in my
 * hair?". The services list has each visit's minutes, never how long the result holds: the visit's
 * length is said as before and the rest honestly not written, with a person who can confirm it —
 * never the session's minutes passed off as the answer.
 */
const LASTING =
  /\b(?:cuant[oa]s? (?:tiempo |dias |semanas |meses )?(?:me |te |le |les |nos )(?:dura|duran|aguanta|aguantan|resiste|resisten|queda|quedan)|(?:dura|duran|aguanta|aguantan) (?:\w+ ){0,2}(?:en el pelo|en el cabello|en las unas|puest[oa]s?)|cuant[oa]s? (?:\w+ ){0,3}(?:en el pelo|en el cabello|en las unas)|cada cuanto (?:tiempo )?(?:hay que|tengo que|debo|se debe|toca) (?:repetir|retocar|volver|hacer)\w*|how many (?:days|weeks|months) (?:does|will|do|would|can) (?:\w+ ){1,4}(?:last|stay|hold)|how long (?:does|will|do|would|can) (?:\w+ ){1,4}(?:last|stay|hold) (?:in my hair|on my hair|on my nails|after)|how often (?:do|should) i (?:redo|repeat|touch up|come back)|(?:last|stay|hold) in my hair|(?:last|stay) on my nails)\b/;

/** Whether a message asks how long a service's result lasts (not how long the visit takes). */
export function asksHowLongItLasts(text: string): boolean {
  return LASTING.test(fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' '));
}

/** The service's answer with "how long it lasts is not written" after it, when that was asked and the tenant has the words. */
export function withLastingUnknown(data: Pick<TenantData, 'templates'>, answer: InfoActorOutput, name: string, text: string, lang: Lang): InfoActorOutput {
  if (!asksHowLongItLasts(text) || data.templates[lang]?.['studio.service.lasting_unknown'] === undefined) return answer;
  return { ...answer, replies: [...answer.replies, { template: 'studio.service.lasting_unknown', params: { name } }] };
}
