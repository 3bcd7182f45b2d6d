import type { Lang } from '../../domain/nlu.js';
import type { InfoActorOutput } from '../../machines/conversation.contract.js';
import type { StudioPackage, StudioService } from './studio-reads.js';
import { offerOf } from './store-policies.js';

/**
 * "¿Se puede hacer todo el mismo día?" about a package, answered from the package itself: its
 * services once each fit one visit (their minutes summed, one after the other), and a service the
 * package has more than once (the bride's makeup trial, the four manicures, the monthly facial) is
 * another visit — yes or no, and how long, with a person offered to set the dates (a booking here is
 * one service at its own price). Null when a service's duration is not known.
 */
export function packageDay(pkg: StudioPackage, services: readonly StudioService[], lang: Lang): InfoActorOutput | null {
  const parts = (pkg.items ?? []).map((i) => ({ s: services.find((x) => x.id === i.serviceId), n: i.sessions }));
  if (parts.length === 0 || parts.some((p) => p.s?.durationMin === undefined)) return null;
  const visits = Math.max(...parts.map((p) => p.n));
  const first = parts.map((p) => p.s!);
  const params = { name: pkg.name[lang], items: joined(first.map((s) => s.name[lang]), lang), duration: spokenMinutes(first.reduce((m, s) => m + s.durationMin!, 0), lang), visits };
  const { offer } = offerOf('human_agent', lang);
  if (visits === 1) return { replies: [{ template: 'studio.package.same_day', params }], package: pkg.id, offer };
  // Each later visit: the services the package has that many times ("Maquillaje social" for the wedding day).
  const later = parts.filter((p) => p.n > 1).map((p) => p.s!);
  const same = later.length === first.length;
  const rest = same ? '' : joined(later.map((s) => s.name[lang]), lang);
  return { replies: [{ template: same ? 'studio.package.visits_alike' : 'studio.package.visits', params: { ...params, rest } }], package: pkg.id, offer };
}

/** "Gelish, Pedicure spa y Maquillaje social". */
function joined(names: readonly string[], lang: Lang): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${names[names.length - 1]}`;
}

/** 225 → "3 h 45 min", 60 → "1 h", 45 → "45 min". */
export function spokenMinutes(minutes: number, _lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
