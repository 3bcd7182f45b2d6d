import type { TenantData } from '../../domain/tenant.js';
import { fold } from '../../machines/workflow/slot-extractors.js';
import type { StudioService } from './studio-reads.js';

/**
 * A kind of service asked for by its category ("do you do nails?", "¿cuánto cuestan los
 * faciales?", "¿cuánto cuesta el masaje?"): a receptionist names what the studio has of that kind,
 * with prices, not the whole menu, and not only the one service whose alias is the category's word
 * (the relaxing massage for "masaje" while there are two). A service named by what sets it apart
 * ("el masaje relajante", "un manicure") is still that one. Pure.
 */

/** Lower case with the accents dropped but "ñ" kept: "uñas" (nails) is not "unas" (some). */
const plain = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(/(?!\u0303)[\u0300-\u036f]/g, '').normalize('NFC');
const words = (text: string): string[] => plain(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** A word and its possible singulars: "faciales" → "facial", "masajes" → "masaje", "nails" → "nail", "uñas" → "uña". */
const forms = (w: string): string[] => [w, ...(w.endsWith('s') && w.length > 3 ? [w.slice(0, -1)] : []), ...(w.endsWith('es') && w.length > 5 ? [w.slice(0, -2)] : [])];

/** The tenant data these readings use. */
type KindData = Pick<TenantData, 'templates'> & Partial<Pick<TenantData, 'workflows'>>;

/**
 * The words that name a category in either language: its names in the tenant's templates, and the
 * words its booking workflow's service slot groups under it ("cara", "cutis", "face", "skin").
 */
function categoryWords(data: KindData, id: string): Set<string> {
  // The backend's id only where the tenant names the category nowhere: "unas" is the id of "uñas", and Spanish for "some".
  const named = [data.templates.es?.[`studio.category.${id}`] ?? '', data.templates.en?.[`studio.category.${id}`] ?? ''].filter(Boolean);
  const grouped = (data.workflows?.workflows ?? []).flatMap((w) => w.slots.flatMap((s) => (s.kind === 'service' ? (s.options?.groups?.words?.[id] ?? []) : [])));
  const names = [...(named.length > 0 ? named : [id]), ...grouped.filter((g) => !g.includes(' '))];
  return new Set(names.flatMap(words).filter((w) => w.length >= 4).flatMap(forms));
}

/** The one category the message names, or null (none, or several: "uñas y cejas" stays the menu). */
export function categoryAsked(data: KindData, text: string, services: readonly StudioService[]): string | null {
  const said = new Set(words(text).flatMap(forms));
  const asked = [...new Set(services.map((s) => s.category ?? ''))].filter((c) => c !== '' && [...categoryWords(data, c)].some((w) => said.has(w)));
  return asked.length === 1 ? asked[0]! : null;
}

/** Whether the message names this service by something of its own beyond its category's word ("relajante", "manicure"). */
export function namedApart(data: KindData, text: string, service: StudioService): boolean {
  const category = categoryWords(data, service.category ?? '');
  const folded = new Set([...category].map(fold));
  const said = new Set(words(text).map(fold));
  const own = [service.name.es, service.name.en, ...(service.aliases ?? [])].flatMap(words).map(fold);
  return own.some((w) => w.length >= 4 && !/^\d/.test(w) && !forms(w).some((f) => folded.has(f)) && said.has(w));
}

/** The services of a category, in the backend's order. */
export function servicesOf(category: string, services: readonly StudioService[]): StudioService[] {
  return services.filter((s) => s.category === category);
}
