import type { Lang } from '../../domain/nlu.js';
import { fold } from './slot-extractors.js';
import type { OptionItem, WorkflowReply } from './run-types.js';

/**
 * Grooming a beauty studio is often asked for beside a service it does ("quiero un corte y arreglarme
 * la barba hoy"), which this business may not do. When none of its services is called so, a
 * receptionist says it is not done there and books what is — never drops it silently. The words
 * are the engine's; whether the business does the thing is read from its own services' names.
 */
const NOT_DONE: readonly { said: RegExp; stems: readonly string[]; es: string; en: string }[] = [
  { said: /\b(?:barba|barbas|barbita|beard|beards)\b/, stems: ['barb', 'beard'], es: 'barba', en: 'beards' },
  { said: /\b(?:afeitad[oa]s?|afeitar(?:me|le|se)?|rasurar(?:me|le|se)?|shaves?|shaving)\b/, stems: ['afeit', 'rasur', 'shav'], es: 'afeitado', en: 'shaves' },
  { said: /\b(?:tatuajes?|tatuarme|tattoos?)\b/, stems: ['tatu', 'tattoo'], es: 'tatuajes', en: 'tattoos' },
  { said: /\b(?:piercings?|perforaciones)\b/, stems: ['piercing', 'perfora'], es: 'piercings', en: 'piercings' },
  { said: /\b(?:extensiones de pestanas|pestanas postizas|(?:eye)?lash extensions|lashes)\b/, stems: ['pestan', 'lash'], es: 'extensiones de pestañas', en: 'lash extensions' },
];

/** The note for a thing named beside the services that none of them is, or null. `booked`: the service taken, if one was. */
export function notDoneBeside(words: string, items: readonly OptionItem[], booked: OptionItem | undefined, lang: Lang): WorkflowReply | null {
  const said = fold(words);
  const names = items.flatMap((i) => [i.label, ...Object.values(i.local ?? {}), ...(i.aliases ?? [])]).map(fold);
  const thing = NOT_DONE.find((t) => t.said.test(said) && !names.some((n) => t.stems.some((s) => n.includes(s))));
  if (!thing) return null;
  const service = booked ? (booked.local?.[lang] ?? booked.label) : null;
  if (lang === 'es') return { text: `Aquí no hacemos ${thing.es} 🙏 (no está entre nuestros servicios)${service ? `, así que te agendo *${service}*.` : '.'}` };
  return { text: `We don't do ${thing.en} here 🙏 (it isn't one of our services)${service ? `, so I'll book your *${service}*.` : '.'}` };
}
