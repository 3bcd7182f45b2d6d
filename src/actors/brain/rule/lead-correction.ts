import type { LeadField } from '../../../domain/lead.js';
import { foldWithMap } from './text.js';
import { bareOf } from './lead-text.js';

/**
 * Words that name a lead field in a correction ("cambia la urgencia a alta", "the company name is
 * wrong, it's BuildCo"). Company before name: "nombre de la empresa" names the company.
 */
const FIELD_CUES: [LeadField, RegExp][] = [
  ['company_name', /\b(?:nombre de (?:la|mi) (?:empresa|compania)|company name|name of (?:the|my) company|empresa|compania|negocio|company|business)\b/g],
  ['email', /\b(?:correo electronico|correo|e-?mail|mail)\b/g],
  ['phone_or_username', /\b(?:numero de telefono|numero de celular|telefono|celular|whatsapp|phone number|phone|cell)\b/g],
  ['interest_area', /\b(?:area de interes|area|departamento|interest area|area of interest)\b/g],
  ['problem_statement', /\b(?:necesidad|descripcion|problema|proyecto|need|problem|description|project)\b/g],
  ['urgency_level', /\b(?:urgencia|prioridad|urgency|priority)\b/g],
  ['name', /\b(?:nombre completo|nombre|full name|name)\b/g],
];
/** What may stand between the field word and the new value: "está mal, es", "is wrong, it's", "a". */
const CORRECTION_GLUE =
  /^(?:\s|[,.:;!=>-]|\b(?:esta mal|estan mal|esta equivocad[oa]|es incorrect[oa]|no es ese|no es esa|no es asi|es otr[oa]|es diferente|cambio|cambió|cambiala|cambialo|seria|sería|deberia ser|debe ser|el correcto es|la correcta es|correct[oa] es|en realidad es|realmente es|es|son|a|al|por|en|de|mio|mia|se llama|se llaman|is wrong|is incorrect|is not right|isn'?t right|wrong|incorrect|should be|it should be|actually|is actually|change it to|is called|called|named|it is|to|is|it'?s|its|the right one is)\b)+/;

/**
 * A correction naming one field and its new value: "el correo es otro: ana@x.com",
 * "no, la empresa es Constructora Báez", "cambia la urgencia a alta", "the company name is wrong,
 * it's BuildCo". Null when no single field is named or no value follows it.
 */
export function readCorrection(text: string): { field: LeadField; value: string } | null {
  const f = foldWithMap(text);
  const hits: { field: LeadField; start: number; end: number }[] = [];
  for (const [field, re] of FIELD_CUES) {
    for (const m of f.folded.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ field, start, end });
    }
  }
  const fieldsNamed = new Set(hits.map((h) => h.field));
  if (fieldsNamed.size !== 1) return null;
  const hit = hits.sort((a, b) => a.start - b.start)[0]!;
  const rest = f.folded.slice(hit.end);
  const glue = rest.match(CORRECTION_GLUE)?.[0] ?? '';
  // Without a connector ("es", "a", ":", "is", "to") the words after the field are not a value.
  if (!/(?:\bes\b|\bseria\b|\bsería\b|\ba\b|\bal\b|\bpor\b|\bllama\b|\bcalled\b|\bnamed\b|:|=|\bis\b|\bto\b|\bit'?s\b|\bits\b|\bbe\b|-)/.test(glue)) return null;
  const from = hit.end + glue.length;
  const startOriginal = f.map[from] ?? text.length;
  const value = bareOf(text.slice(startOriginal));
  if (value.length === 0) return null;
  return { field: hit.field, value };
}
