/**
 * A form's question answered with something else ("es urgente, empezamos la semana que viene" to
 * "¿Con qué área es tu consulta?"): the clerk says what was written down before asking again, so
 * the customer sees the answer was taken and why the question comes back.
 */
import type { LeadDraft, LeadField } from '../domain/lead.js';
import type { Lang } from '../domain/nlu.js';

const LABELS: Record<Lang, Record<LeadField, string>> = {
  es: { name: 'nombre', email: 'correo', phone_or_username: 'teléfono', company_name: 'empresa', interest_area: 'área', problem_statement: 'lo que necesitas', urgency_level: 'urgencia' },
  en: { name: 'name', email: 'email', phone_or_username: 'phone', company_name: 'company', interest_area: 'area', problem_statement: 'what you need', urgency_level: 'urgency' },
};

/**
 * The fields this message wrote other than the one asked, said as "urgencia *Alto*" (the need by
 * its label only: it may be long), joined as a list; null when it wrote none.
 *
 * @example
 * fieldsNotedBesides({ urgency_level: { value: 'Alto', sourceMessageId: 'm2' } }, 'interest_area', 'm2', 'es'); // 'urgencia *Alto*'
 */
export function fieldsNotedBesides(draft: LeadDraft, asking: LeadField, messageId: string | undefined, lang: Lang): string | null {
  if (messageId === undefined) return null;
  const noted = (Object.keys(LABELS[lang]) as LeadField[])
    .filter((f) => f !== asking && draft[f]?.sourceMessageId === messageId && typeof draft[f]?.value === 'string')
    .map((f) => (f === 'problem_statement' ? LABELS[lang][f] : `${LABELS[lang][f]} *${draft[f]!.value as string}*`));
  if (noted.length === 0) return null;
  const and = lang === 'es' ? ' y ' : ' and ';
  return noted.length === 1 ? noted[0]! : `${noted.slice(0, -1).join(', ')}${and}${noted[noted.length - 1]!}`;
}
