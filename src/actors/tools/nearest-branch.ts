/**
 * "¿Cuál sucursal me queda más cerca de Villa Verde?", "vivo en Piedra Linda, ¿cuál me queda más
 * cerca?", "which branch is closest to Casa de Campo?": a clerk names the one branch nearest to the
 * place said (by the branches' and places' positions in `store.json`), with its address and phone,
 * instead of the list of all of them. Needs a place the store knows with a position, and branches
 * with positions (`branches[].at`); otherwise null and the branches' list answers as before.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Branch, GeoPoint, TenantData } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import { fold } from '../brain/rule/text.js';
import type { DeliveryPlace } from './delivery-times.js';

/** Nearness asked: "más cerca", "cerquita", "me queda mejor", "closest", "near". One test, before anything else is read. */
const NEAR_ASKED =
  /\b(?:(?:mas|ma|mah) (?:cerca|cercana|cercano|cerquita|proxima|proximo)|cerquita|(?:la|el) (?:de )?(?:mas )?(?:cerca|cercana)|cerca de (?:mi|donde)|(?:sucursal|sucursales|tienda|tiendas|local|branch|branches|store|stores|shop) (?:mas )?(?:cerca|cercana|near|close)|(?:me|nos) (?:queda|quedan|conviene) (?:mejor|mas (?:facil|comodo|comoda))|nearest|closest|closer|nearby|near (?:me|to|my)|close to)\b/;

/** Beyond this distance from its nearest branch a place is a town of its own: no branch there is said first. */
const FAR_KM = 8;

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Whether the text asks which branch is nearest (a cheap gate for the place lookup). */
export function asksNearestBranch(text: string): boolean {
  return NEAR_ASKED.test(fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' '));
}

/**
 * The answer naming the branch nearest to the place the text names; null when nearness is not
 * asked, the place is unknown or has no position, a branch lacks a position, or the tenant lacks the
 * template. `place`: the place read from the text (the delivery reader's), looked up only when asked.
 */
export function nearestBranchReply(tenant: TenantData, text: string, lang: Lang, next: string, place: (text: string) => DeliveryPlace): ReplyDirective | null {
  const branches = tenant.store.branches;
  if (branches.length < 2 || !asksNearestBranch(text) || tenant.templates[lang]?.['info.location.nearest'] === undefined) return null;
  if (!branches.every((b): b is Branch & { at: GeoPoint } => b.at !== undefined)) return null;
  const asked = place(text);
  // "¿cuál sucursal me queda más cerca?" with no place: where the customer is, asked (the answer completes the question, `nearestAsked`).
  if (asked.kind === 'none' && tenant.templates[lang]?.['info.location.nearest.ask'] !== undefined) return { template: 'info.location.nearest.ask' };
  const at = asked.kind === 'place' ? asked.place.at : asked.kind === 'zone' ? asked.zone.at : undefined;
  if (at === undefined || asked.kind === 'unknown' || asked.kind === 'none') return null;
  const name = asked.kind === 'place' ? asked.place.name : asked.zone.zone;
  let best = branches[0] as Branch & { at: GeoPoint };
  for (const b of branches) if (distanceKm(b.at as GeoPoint, at) < distanceKm(best.at, at)) best = b as Branch & { at: GeoPoint };
  // A town beyond the city ("¿tienen sucursal cerca de Higüey?"): none there, and the one to come to.
  const far = distanceKm(best.at, at) > FAR_KM && tenant.templates[lang]?.['info.location.nearest.far'] !== undefined;
  return { template: far ? 'info.location.nearest.far' : 'info.location.nearest', params: { place: name, name: best.name, address: best.address, phone: best.phone, next, maps: best.mapsUrl ? `\n${best.mapsUrl}` : '' } };
}

/**
 * After "¿por qué sector estás?": the customer's short answer ("en Villa Verde", "Piedra Linda")
 * completes the nearness question, which is then answered for that place (never read as a delivery).
 */
export function nearestAsked(lang: Lang): ChoiceOption {
  const text = lang === 'es' ? '¿Cuál sucursal me queda más cerca?' : 'Which branch is closest to me?';
  return { intent: 'store_hours_location', label: 'info.offer.location', text, completes: lang === 'es' ? '¿Cuál sucursal me queda más cerca de {answer}?' : 'Which branch is closest to {answer}?' };
}
