import type { InterestArea, UrgencyLevel } from '../../../domain/lead.js';
import { words } from './signals.js';

/**
 * The lead form's two levels read from a message: the interest area (Ventas, Soporte, Facturación,
 * Otro) and the urgency (Alto, Medio, Bajo). `bare`: the message answers the form's own question,
 * so a level said alone ("media", "ventas") counts.
 */
const AREA_PATTERNS: [InterestArea, RegExp][] = [
  ['Facturación', /\b(?:factura\w*|facturacion|pago|pagos|pagar|cobro\w*|cobra\w*|credito|cuenta|balance|saldo|deuda|invoice\w*|billing|payment\w*|charge\w*|credit|refund|reembolso)\b/],
  ['Soporte', /\b(?:falla\w*|problema\w*|averia\w*|dano|danad\w*|defect\w*|instala\w*|garantia|reparac\w*|no funciona|roto|support|soporte|tecnico|technical|install\w*|broken|repair|warranty|not working|issue\w*)\b/],
  ['Ventas', /\b(?:compra\w*|compr[oe]|cotiza\w*|cotizacion|precio\w*|presupuesto|ventas|venta|mayor|volumen|suplidor|proveedor|proyecto|obra|buy\w*|purchase\w*|quote\w*|price\w*|pricing|sales|wholesale|bulk|supplier|project|order)\b/],
];
const AREA_BARE: [InterestArea, RegExp][] = [
  ['Ventas', /^(?:ventas?|sales?|comprar|compras)$/],
  ['Soporte', /^(?:soporte|support|tecnico|servicio tecnico|technical support)$/],
  ['Facturación', /^(?:facturacion|factura|billing|cobros|pagos)$/],
  ['Otro', /^(?:otro|otra|otros|other|ninguno|ninguna|none|nada)$/],
];

export function detectInterestArea(text: string, options: { bare?: boolean } = {}): InterestArea | undefined {
  const f = words(text).join(' ');
  if (options.bare) {
    for (const [area, re] of AREA_BARE) if (re.test(f)) return area;
  }
  for (const [area, re] of AREA_PATTERNS) if (re.test(f)) return area;
  return undefined;
}

const URGENCY_PATTERNS: [UrgencyLevel, RegExp][] = [
  // "prioridad alta", "urgencia media", "high priority": the level named outright wins.
  ['Alto', /\b(?:(?:prioridad|urgencia|priority|urgency)(?: es)? (?:muy )?(?:alta|alto|high)|(?:alta|high) (?:prioridad|urgencia|priority|urgency))\b/],
  ['Medio', /\b(?:(?:prioridad|urgencia|priority|urgency)(?: es)? (?:media|medio|medium|normal)|(?:media|medium|normal) (?:prioridad|urgencia|priority|urgency))\b/],
  ['Bajo', /\b(?:(?:prioridad|urgencia|priority|urgency)(?: es)? (?:baja|bajo|low)|(?:baja|low) (?:prioridad|urgencia|priority|urgency))\b/],
  // "no tan urgente", "not that urgent": urgency tempered, not denied ("no es urgente" is low, below) — never the "urgente" it contains.
  ['Medio', /\b(?:no (?:es |esta |esta tan |es tan )?(?:tan|muy|tanto|super) urgente|no urge (?:tanto|mucho)|not (?:that|so|too|very|super|all that) urgent)\b/],
  ['Bajo', /\b(?:(?:para )?nada urgente|sin prisa|no hay prisa|no urge|no es urgente|cuando sea|cuando puedan|con calma|no rush|no hurry|whenever|not urgent|when you can|low priority)\b/],
  // "la urgencia", "cambia la urgencia": the field named (to change it), not a level; "con urgencia", "es una urgencia" say one.
  ['Alto', /\b(?:tan pronto como (?:sea posible|se pueda|puedan|pueda)|lo mas pronto posible|lo mas pronto|urgente|(?<!\b(?:la|su|tu|mi|el nivel de) )urgencia|urge|hoy mismo|hoy|ya mismo|ahora mismo|para ya|para ayer|pa ayer|(?:ayer|yesterday) (?:era|fue|was) (?:tarde|late|too late)|(?:lo |la |los |las )?necesitaba(?:mos)? (?:para |pa )?ayer|lo necesito ya|cuanto antes|lo antes posible|inmediato|inmediatamente|emergencia|asap|urgent|urgently|right now|immediately|today|emergency|as soon as possible)\b/],
  // "esta semana si se puede", "this week if possible", "dentro de esta semana": within a week is
  // high, as a span of days is (`time-spans.ts`); "la semana que viene" stays medium.
  ['Alto', /\b(?:(?:dentro de |durante |en )?esta (?:misma )?semana|(?:dentro de|en el transcurso de) la semana|(?:within|during|sometime) (?:this|the) week|this week)\b/],
  ['Medio', /\b(?:pronto|proxima semana|semana que viene|en estos dias|en unos dias|este mes|en este mes|soon|next week|in a few days|this month|within the month)\b/],
  ['Bajo', /\b(?:el mes que viene|el proximo mes|proximo mes|en un mes|en dos meses|next month|in a month|in two months)\b/],
];
const URGENCY_BARE: [UrgencyLevel, RegExp][] = [
  ['Alto', /^(?:alta|alto|high|muy urgente|mucha)$/],
  ['Medio', /^(?:media|medio|medium|normal|regular|moderada|moderate)$/],
  ['Bajo', /^(?:baja|bajo|low|poca|ninguna)$/],
];
/** An answer to "¿Qué tan urgente es?" that starts with the level: "alta, empezamos el lunes". */
const URGENCY_BARE_LEADING: [UrgencyLevel, RegExp][] = [
  ['Alto', /^(?:muy )?(?:alta|alto|high)\b/],
  ['Medio', /^(?:media|medio|medium)\b/],
  ['Bajo', /^(?:baja|bajo|low)\b/],
];

/**
 * "no, es urgente" at the summary: a "no" answered, then the level — not "no es urgente" (low),
 * which is what the words read together say. The "no" set apart by a comma or a stop is left out.
 */
function urgencyWords(text: string): string {
  return words(text.replace(/^\s*(?:no|nop|nope|nah)\s*[,.;:!]+\s*(?=\S)/i, '')).join(' ');
}

export function detectUrgency(text: string, options: { bare?: boolean } = {}): UrgencyLevel | undefined {
  const f = urgencyWords(text);
  if (options.bare) {
    for (const [level, re] of URGENCY_BARE) if (re.test(f)) return level;
    for (const [level, re] of URGENCY_BARE_LEADING) if (re.test(f)) return level;
  }
  // Most messages name no time nor urgency: one pattern of the words every level below needs first.
  if (!URGENCY_SAID.test(f)) return undefined;
  for (const [level, re] of URGENCY_PATTERNS) if (re.test(f)) return level;
  // A closing "ya" ("lo quiero ya") means now; elsewhere it means "already".
  if (/\bya$/.test(f) && !/\b(?:me voy|listo|eso es todo) ya$/.test(f)) return 'Alto';
  return undefined;
}

/** A word each of `URGENCY_PATTERNS` (and the closing "ya") needs: proven in `test/unit/perf/text-prechecks.test.ts`. */
const URGENCY_SAID = /priorid|priority|urg|prisa|cuando|calma|rush|hurry|whenever|when you can|pronto|hoy|\bya\b|ahora|ayer|yesterday|necesitaba|antes|inmediat|immediat|emergenc|asap|right now|today|soon|semana|week|dias|days|mes|month/;

/** `detectUrgency` without its pre-check (the test's reference). */
export function readsUrgency(text: string): UrgencyLevel | undefined {
  const f = urgencyWords(text);
  for (const [level, re] of URGENCY_PATTERNS) if (re.test(f)) return level;
  if (/\bya$/.test(f) && !/\b(?:me voy|listo|eso es todo) ya$/.test(f)) return 'Alto';
  return undefined;
}
