/**
 * The lead form's interest-area question and the need told with it: "ventas, vamos a remodelar
 * un hotel de 30 habitaciones" (the area, then the need), "we need 500 bags of cement and rebar for
 * a 3 story building" and "techos de zinc para 12 casas" (what they want to buy: a sale, and the
 * need itself — a clerk writes it down and does not ask "¿qué necesitas?" next).
 */
import type { InterestArea } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import { leadWords as plainWords } from './lead-text.js';

/** Interest areas named outright ("el área de ventas", "es para soporte", "billing"). */
export const AREA_NAMED: [InterestArea, RegExp][] = [
  ['Ventas', /\b(?:ventas|area de ventas|departamento de ventas|sales|sales team|sales department)\b/],
  ['Soporte', /\b(?:soporte|soporte tecnico|servicio tecnico|support|technical support|tech support)\b/],
  ['Facturación', /\b(?:facturacion|area de facturacion|departamento de facturacion|billing|billing department)\b/],
];

/** Goods a store sells, named as a kind: an area answered with them is a purchase. */
export const GOODS_WORDS = /\b(?:materiales?|construccion|ferreteria|herramientas?|suministros?|insumos?|mercancia|productos?|equipos?|pinturas?|plomeria|electricidad|materials?|construction|hardware|tools?|supplies|supply|equipment|products?|paint|plumbing|electrical)\b/;


export function carriesContactData(entities: readonly Entity[]): boolean {
  return entities.some((e) => e.type === 'person_name' || e.type === 'email' || e.type === 'phone' || e.type === 'company');
}

/**
 * The need told after the area in one answer ("sales, we're renovating a 30 room hotel, fairly
 * urgent" → "we're renovating a 30 room hotel, fairly urgent"): what follows a first clause that
 * names the area, when it is a description (five words or more) and not a question.
 */
function needAfterArea(text: string): string | null {
  const m = /^\s*([^,;:.]+)[,;:.]\s*(.+)$/su.exec(text);
  if (!m) return null;
  const head = plainWords(m[1]!);
  const rest = m[2]!.trim().replace(/\s+/g, ' ');
  if (!AREA_NAMED.some(([, re]) => re.test(head)) || head.split(' ').length > 5) return null;
  if (/\?\s*$/.test(rest) || plainWords(rest).split(' ').length < 5) return null;
  return rest.length <= 400 ? rest : `${rest.slice(0, 399).trimEnd()}…`;
}

/**
 * Fills `fields` (the area and the need) from an answer to the area question: the need after a
 * named area, or goods told for a job or a count (the area then Ventas, whatever was inferred from
 * them). `folded`: the message's plain words; `detour`: a question or a price asked (answered first).
 */
export function readNeedAtArea(text: string, folded: string, fields: { interest_area?: string | null; problem_statement?: string | null }, entities: readonly Entity[], detour: boolean): void {
  if (carriesContactData(entities)) return;
  // "ventas, vamos a remodelar un hotel de 30 habitaciones en Bayahíbe": the area and, after it, the need.
  if (typeof fields.interest_area === 'string' && fields.problem_statement === undefined) {
    const need = needAfterArea(text);
    if (need !== null) fields.problem_statement = need;
  }
  // "techos de zinc para 12 casas": goods for a job or a count, the area only inferred from them (none named).
  const inferred = fields.interest_area === 'Ventas' && fields.problem_statement === undefined && !AREA_NAMED.some(([, re]) => re.test(folded));
  if ((fields.interest_area !== undefined && !inferred) || detour) return;
  const length = folded.split(' ').length;
  const described = (length >= 5 || (length >= 4 && /\b(?:para|pa|for)\b|\d/.test(folded))) && (entities.some((e) => e.type === 'product') || GOODS_WORDS.test(folded));
  if (described) {
    fields.interest_area = 'Ventas';
    fields.problem_statement = text.trim().replace(/\s+/g, ' ').slice(0, 400);
  }
}
