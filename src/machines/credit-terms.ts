import { foldAccents } from '../kernel/fold.js';

/**
 * A question about how the store's credit is had — what it takes, how it works, whether it is
 * given to a business ("¿qué necesito para sacar crédito con ustedes?", "¿cuáles son los requisitos
 * para una cuenta de crédito?", "do you offer credit to companies?", "how can we get a credit
 * account?") — not a request to apply ("quiero abrir una cuenta de crédito"). A clerk tells the
 * terms and offers to start the application; the form does not start on a question, whatever
 * brain read it as a sales lead. Read by the machine's routing and by the info tool (the credit topic).
 */

/** The store's credit, or an account with it (the store's accounts are its credit accounts). */
const CREDIT_NAMED =
  /\b(?:credito|credit|fiar|fiado|financiamiento|financing|(?:abrir|abro|abrimos|abrirme|abrirnos|sacar|crear|aperturar|tener|open|opening|get|set up|have) (?:(?:una|un|an|a) )?(?:(?:nueva|new) )?(?:cuenta|account)|cuentas? (?:comercial\w*|empresarial\w*|corporativa|de credito|de contratista)|(?:business|contractor|trade|commercial|corporate|credit) accounts?)\b/;

/** What it takes, or how it goes, asked. */
const HOW_OR_WHAT =
  /\b(?:que (?:necesito|necesitaria|necesitamos|ocupo|ocupamos|se necesita|se requiere|hace falta|hay que|tengo que|tenemos que|debo|debemos|piden|me piden|nos piden|requisitos?|documentos?|papeles)|requisitos?|documentos|papeles|papeleo|como funciona|cual es el proceso|que proceso|(?:cuales|como) son (?:los|las) (?:requisitos|condiciones|terminos)|condiciones|what (?:do|would|should) (?:i|we) need|what does it take|what (?:is|s) (?:needed|required|the process)|what are the (?:requirements|terms|conditions)|requirements?|what documents|documents do|paperwork|how does (?:it|the credit|credit|the account|your credit) work|what do you ask for|(?:credit )?terms)\b/;

/** Credit given to a kind of customer, asked: "¿dan crédito a empresas?", "do you offer credit to contractors?". */
const FOR_A_KIND =
  /\b(?:dan|da|ofrecen|ofrece|tienen|manejan|hay|otorgan|venden a|offer|give|extend|have|is there)\s+(?:store )?(?:credito|credit)\s+(?:a|para|to|for)\s+(?:las |los |the )?(?:empresas?|negocios?|compania\w*|constructoras?|contratistas?|colmados?|ferreterias?|comercios?|hoteles|clientes|companies|company|businesses|business|contractors?|firms|stores|hotels|customers)\b/;

/** Asking to apply, not how: "quiero abrir una cuenta de crédito", "we'd like to apply for credit". */
const REQUEST =
  /(?<!\b(?:what|que) (?:do |does |would |should )?)\b(?:quiero|queremos|quisiera|quisieramos|me gustaria|nos gustaria|deseo|deseamos|me interesa|nos interesa|necesito|necesitamos|vengo a|i want|we want|i d like|we d like|i would like|we would like|interested in|i need|we need|please)\s+(?:(?:a|an|to|una|un|el|la|que me|que nos)\s+)?(?:abrir|solicitar|aplicar|sacar|tramitar|open|opening|apply|applying|get|cuenta|credito|account|credit)\b/;

/** An account's standing, not a new one: "mi crédito", "my account", suspended, a balance. */
const STANDING =
  /\b(?:(?:mi|mis|nuestro|nuestra|nuestros|my|our)\s+(?:\w+\s+)?(?:credito|cuenta|credit|account|linea)|suspend\w*|bloque\w*|saldo|balance|debo|debemos|deuda|owe|reactiv\w*|activ\w*|tarjetas? de credito|credito fiscal|credit cards?|tax credit)\b/;

/**
 * The cheap check in front of the reading (issue 16): every `CREDIT_NAMED` match holds one of these
 * stems, looked for in the accent-folded message every reader shares.
 */
const MAY_NAME_CREDIT = /credit|fia[rd]|financ|cuenta|account/i;

export function asksCreditTerms(text: string): boolean {
  // Asked by the routing and by the info tool about one message: the last text's answer is kept.
  if (text === creditTermsOf) return creditTerms;
  creditTerms = MAY_NAME_CREDIT.test(foldAccents(text)) && readsCreditTerms(text);
  creditTermsOf = text;
  return creditTerms;
}
let creditTermsOf: string | undefined;
let creditTerms = false;

/** The full reading, behind `MAY_NAME_CREDIT` (exported for the pre-check test). */
export function readsCreditTerms(text: string): boolean {
  const f = foldAccents(text.toLowerCase()).replace(/[^a-z0-9\s]+/g, ' ').replace(/\bq\b/g, 'que').replace(/\bpa\b/g, 'para').replace(/\s+/g, ' ').trim();
  // "¿cómo abro una cuenta de crédito?", "how do I apply?" say the wish to open one: the application (its terms told first).
  if (f.split(' ').length > 25 || !CREDIT_NAMED.test(f) || STANDING.test(f) || REQUEST.test(f)) return false;
  return HOW_OR_WHAT.test(f) || FOR_A_KIND.test(f);
}
