/**
 * The service rule "outside business hours": a handoff opened while the tenant's team is away
 * (`store.json` `teamHours`, tenant time zone, closed dates) tells the customer, in their
 * language, when the team answers and when a person will reply. The console's inbox and SLA
 * scan use the same timetable (`serviceStart`, `teamWindow` in `src/domain/team-hours.ts`).
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import { describeOpening, describeTeamHours, teamWindow } from '../../domain/team-hours.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';

export const AFTER_HOURS_TEMPLATE = 'handoff.after_hours';

/** Used when a tenant has `teamHours` but no `handoff.after_hours` template of its own. */
const FALLBACK: Record<Lang, string> = {
  es: 'Ahora mismo nuestro equipo no está disponible: atendemos {hours}. Te responderá una persona {when}.',
  en: 'Our team is not available right now: we answer {hours}. A person will reply {when}.',
};

/** Handoff replies after which the customer waits for a person (an agent's own takeover already has one). */
export function waitsForPerson(template: string): boolean {
  return template.startsWith('handoff.ticket.') && template !== 'handoff.ticket.agent_takeover';
}

/**
 * The notice to add after a handoff reply rendered at `at` (epoch ms), or null: the reply opens
 * no wait for a person, the tenant has no `teamHours`, or the team is there now.
 *
 * @example
 * afterHoursNotice('handoff.ticket.customer_request', tenant.data, 'es', Date.parse('2026-12-05T23:30:00Z'));
 * // → { template: 'handoff.after_hours', params: { hours: 'de lunes a sábado 8:00–18:00; …', when: 'mañana a partir de las 8:00' } }
 */
export function afterHoursNotice(template: string, data: Pick<TenantData, 'store' | 'settings' | 'templates'>, lang: Lang, at: number): ReplyDirective | null {
  const hours = data.store.teamHours;
  if (!hours || !waitsForPerson(template)) return null;
  const window = teamWindow(hours, data.settings.timeZone, at);
  if (window.open) return null;
  const params = { hours: describeTeamHours(hours, lang), when: describeOpening(window.opensAt, at, data.settings.timeZone, lang) };
  if (data.templates[lang]?.[AFTER_HOURS_TEMPLATE] !== undefined || data.templates[lang === 'es' ? 'en' : 'es']?.[AFTER_HOURS_TEMPLATE] !== undefined) {
    return { template: AFTER_HOURS_TEMPLATE, params };
  }
  return { text: FALLBACK[lang].replace('{hours}', params.hours).replace('{when}', params.when) };
}
