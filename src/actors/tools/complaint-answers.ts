/**
 * What a clerk says before passing a complaint to a person, when the complaint also asks what the
 * store's data answers: "el breaker que compré ya no sirve, ¿eso tiene garantía?" (the warranty that
 * covers it), "mi taladro se dañó y tiene 3 meses, ¿qué hago?" (the warranty and how to use it),
 * "fui a la de Padre Abreu el sábado a las 3 y estaba cerrado" (that branch's hours that day). The
 * case is opened all the same; this is only said first, as text, from the store's own words.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import { renderReply } from '../render-reply.js';
import { askedDay, dayHoursReply } from './opening-days.js';
import { tellsWrongDelivery } from '../brain/rule/purchase-trouble.js';

/** A return or an exchange asked ("la quiero devolver", "cambiármela", "I want to return it"). */
const ASKS_RETURN = /\b(?:devolver\w*|devuelv\w*|devolucion|regresar\w*|cambiar\w*|cambiarla|cambio|reponer\w*|reembols\w*|return\w*|refund\w*|exchange\w*|replace\w*|swap)\b/;

const plain = (text: string): string =>
  foldAccents(text.toLowerCase())
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The warranty named, or what to do with a purchase gone wrong asked: "¿tiene garantía?", "¿qué hago?", "what do I do?". */
const ASKS_WARRANTY = /\b(?:garantias?|warrant(?:y|ies)|guarantee|(?:q|que|ke) (?:hago|hacemos|puedo hacer|podemos hacer|me recomiendan)|como (?:hago|hacemos|lo resuelvo)|what (?:do|can|should) (?:i|we) do|what are my options)\b/;
/** A purchase gone bad: broken, stopped working, faulty. */
const BROKE = /\b(?:se (?:le |me )?(?:partio|rompio|daño|dano|quemo|jodio|fundio|despego|safo|zafo)|(?:ya )?no (?:sirve|funciona|prende|enciende|arranca|trabaja)|dejo de (?:funcionar|servir|trabajar)|(?:salio|vino|llego|esta) (?:defectuos[oa]|danad[oa]|rot[oa]|malo|mala)|(?:broke|broken|stopped working|doesn t work|won t (?:start|turn on)|defective|faulty)\b)/;
/** The store found closed: "estaba cerrado", "no habían abierto", "it was closed". */
const FOUND_CLOSED = /\b(?:(?:estaba|estaban|estuvo|encontre|encontramos|la|lo) (?:\w+ )?cerrad[oa]s?|no (?:habia|habian|estaba|estaban) abiert[oa]s?|no (?:habian )?abrieron|no abrio|(?:was|were|it s|they were) closed|wasn t open|weren t open)\b/;
/** A power tool named by its kind, and the warranty line about power tools. */
const POWER_TOOL = /\b(?:taladros?|esmeriladoras?|pulidoras?|sierras? (?:electricas?|circular(?:es)?)|caladoras?|drills?|grinders?|power tools?)\b/;
const POWER_LINE = /\b(?:herramientas electricas|power tools)\b/;
/** Paint that peels or blisters, and advice asked about it ("¿qué uso pa que no pase?", "what should I use?"). */
const PEELING = /\b(?:pelando|pelo|pelaron|pela|despegando|despego|despega|descascar\w*|ampoll\w*|soplando|soplo|peel\w*|flak\w*|blister\w*)\b/;
const PAINT = /\b(?:pintura|pinte|pintada|pintado|pintamos|paint\w*)\b/;
const ASKS_ADVICE = /\b(?:(?:q|que) (?:uso|use|usar|pongo|le pongo|hago|hacemos|puedo hacer|me recomiendan?|recomiendas)|como (?:evito|lo evito|hago|lo arreglo|lo resuelvo)|pa(?:ra)? que no (?:pase|vuelva|se pele|se despegue)|what (?:should|do|can) (?:i|we) (?:use|do)|how (?:do|can|should) (?:i|we) (?:stop|prevent|fix|avoid))\b/;

/** Words too short or too common to tell which warranty line is meant. */
const STEM = 5;

/**
 * The warranty's lines that name what the complaint is about (a brand, a kind of product: "DeWalt",
 * "breakers"), with the policy's closing words (what it does not cover, how to use it); the whole
 * policy when no line is named.
 */
export function warrantyFor(policy: string, text: string): string {
  const lines = policy.split('\n');
  const bullets = lines.filter((l) => l.trimStart().startsWith('•'));
  const f = plain(text);
  const said = new Set(f.split(' ').filter((w) => w.length >= STEM).map((w) => w.slice(0, STEM)));
  const stems = bullets.map((b) => new Set(plain(b).split(' ').filter((w) => w.length >= STEM).map((w) => w.slice(0, STEM))));
  // A word in more than one line ("garantía") tells none of them apart.
  const telling = (stem: string): boolean => stems.filter((set) => set.has(stem)).length === 1;
  // "el taladro Truper": a drill is a power tool whatever its brand, so the power tools' line is named too.
  const power = POWER_TOOL.test(f);
  const named = bullets.filter((b, i) => [...stems[i]!].some((stem) => said.has(stem) && telling(stem)) || (power && POWER_LINE.test(plain(b))));
  if (named.length === 0 || named.length === bullets.length) return policy;
  return lines.filter((l) => !l.trimStart().startsWith('•') || named.includes(l)).join('\n');
}

/**
 * The store's answer to what a complaint asks besides the trouble, as text to say before the case's
 * number; null when it asks nothing the data answers (or the tenant lacks the templates).
 */
export function complaintPreface(tenant: TenantData, text: string, lang: Lang, now: number): string | null {
  const f = plain(text);
  // "me llegó la pintura con otro color, la quiero devolver": our mistake, so the exchange or return is on us.
  if (ASKS_RETURN.test(f) && tellsWrongDelivery(text) && tenant.templates[lang]?.['info.complaint.our_mistake'] !== undefined) return renderReply({ template: 'info.complaint.our_mistake' }, tenant.templates, lang);
  // "la pintura que compré se está pelando, ¿qué uso pa que no pase otra vez?": why paint peels and how it is avoided, then the case.
  if (PEELING.test(f) && PAINT.test(f) && ASKS_ADVICE.test(f) && tenant.templates[lang]?.['info.complaint.paint_peeling'] !== undefined) return renderReply({ template: 'info.complaint.paint_peeling' }, tenant.templates, lang);
  const policy = tenant.store.policies?.warranty?.[lang];
  if (policy && ASKS_WARRANTY.test(f) && tenant.templates[lang]?.['info.complaint.warranty'] !== undefined) {
    return renderReply({ template: 'info.complaint.warranty', params: { policy: warrantyFor(policy, text) } }, tenant.templates, lang);
  }
  // "el martillo Truper se le partió el mango": a product the warranty names gone bad; its line is told though no warranty was asked.
  const lines = policy && BROKE.test(f) && tenant.templates[lang]?.['info.complaint.warranty'] !== undefined ? warrantyFor(policy, text) : policy;
  if (lines !== undefined && lines !== policy) return renderReply({ template: 'info.complaint.warranty', params: { policy: lines } }, tenant.templates, lang);
  if (FOUND_CLOSED.test(f)) {
    const day = askedDay(text, now, tenant.settings.timeZone);
    const say = (template: string, params?: Record<string, string>): string => renderReply(params ? { template, params } : { template }, tenant.templates, lang);
    const reply = day ? dayHoursReply(tenant, text, day, lang, now, say, { timeless: true }) : null;
    if (reply) return renderReply({ ...reply, withoutQuestion: true }, tenant.templates, lang);
  }
  return null;
}
