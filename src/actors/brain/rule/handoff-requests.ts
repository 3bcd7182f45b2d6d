/**
 * Requests for a person that the classifier reads too weakly to act on: a call back ("¿me pueden
 * llamar?", "llámenme al 809…", "can you call me back?") and urgency said alone ("es urgente",
 * "it's urgent!!"). Read by the rule brain; what they lead to is the machine's (a call back is a
 * request for a person; urgency alone asks whether to pass the customer to one).
 */
export { asksIfBot } from './bot-question.js';
import { fold } from './text.js';

function words(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Asking to be called (back) by someone of the store, es and en (folded, no punctuation). */
const CALL_ME =
  /\b(?:(?:me|nos) (?:pueden|puede|podrian|podria|puedes|podrias|van a|vas a) (?:llamar|telefonear|marcar|devolver la llamada)|llam(?:en|e|a)(?:me|nos)|(?:quiero|queria|necesito|me gustaria|prefiero|pueden hacer) que (?:(?:alguien|un|una|el|la|su|\w+) ){0,3}(?:me|nos) (?:llamen|llame|llames|telefoneen|marquen)|(?:quiero|necesito|me gustaria) (?:una llamada|que alguien (?:me|nos) llame)|(?:pueden|puede|podrian) (?:llamar(?:me|nos)|darme una llamada|hacerme una llamada)|(?:can|could|would) (?:you|someone|somebody|anyone|one of you) (?:please )?(?:call|phone|ring|give me a call|call me back)|(?:please )?call me(?: back)?(?: please)?$|^(?:(?:hi|hello|hey|hola) )?(?:please|pls|plz) call me\b|\bcall me (?:back|asap|as soon as|please)\b|i(?: d| would) (?:like|prefer|rather) (?:a call|a phone call|someone to call me|you to call me|to be called)|(?:request|want|need) a (?:call ?back|phone call|call)|(?:need|want|would like) (?:someone|somebody|you|an agent|a person|a rep|a salesperson|one of you) to (?:call|phone|ring) (?:me|us)|call ?back)\b/;

/** A call back asked for a purpose an advisor answers (a quote, a project): the lead, not a person now. */
const FOR_A_QUOTE = /\b(?:cotiz\w*|cotizacion\w*|presupuesto\w*|proyecto\w*|obra|quote\w*|estimate\w*|project\w*|pedido grande|al por mayor|wholesale)\b/;

/**
 * "¿me pueden llamar?", "llámenme al 809-555-2233 por favor", "can someone call me back?": the
 * customer wants a person to call them. Not when the call is for a quote or a project ("¿me pueden
 * llamar para cotizar un proyecto?" is a lead).
 */
export function asksForCallBack(text: string): boolean {
  const f = words(text);
  return CALL_ME.test(f) && !FOR_A_QUOTE.test(f);
}

/** A person of the sales side: "un asesor de ventas", "el equipo comercial", "a sales rep", "someone from sales". */
const SALES_PERSON =
  /\b(?:(?:asesor|asesora|asesores|ejecutivo|ejecutiva|ejecutivos|representante|representantes|vendedor|vendedora|vendedores|agente|agentes|persona|alguien|encargado|encargada|gerente|equipo|departamento|area|gente) (?:de|del (?:area|departamento|equipo) de) ventas?|(?:asesor|asesora|asesores|ejecutivo|ejecutiva|representante|equipo|departamento|area) comercial|(?:sales|salesperson) (?:rep|reps|representative|representatives|advisor|advisors|adviser|agent|agents|person|people|team|department|executive|manager|consultant)|(?:someone|somebody|anyone|a person|an agent|a rep|people) (?:from|in|of) (?:the )?sales)\b/;
/** An advisor asked to prepare a quote ("que un asesor me haga la cotización formal"): the sales side too. */
const ADVISOR = /\b(?:asesor|asesora|asesores|ejecutivo|ejecutiva|representante|vendedor|vendedora|advisor|adviser|rep|representative|salesperson|salesman)\b/;
// "que un asesor me cotize los blocks" (the verb, as "me cotice" spelt) asks the person for goods: `asksPersonForGoods`.
const QUOTED = /\b(?:cotiz(?!e\b|en\b|es\b)\w*|presupuesto\w*|proforma|quote|quotes|quotation|estimate)\b/;
/** Anyone asked for a big purchase ("hablar con alguien para un pedido grande de cerámica para un hotel"). */
const ANYONE = /\b(?:alguien|una persona|someone|somebody|a person)\b/;
const BIG_BUY = /\b(?:pedido grande|compra grande|pedidos grandes|al por mayor|por volumen|wholesale|large order|big order|bulk order|in bulk|cotiz\w*|presupuesto|quote|quotation|proyecto|project)\b/;
/** Asking for that person: to talk to, be contacted or called by, or whether there is one. */
const TALK_OR_CONTACT =
  /\b(?:haga|hagan|prepare|preparen|mande|manden|envie|envien|habl\w*|comunic\w*|contact\w*|llam\w*|escrib\w*|atiend\w*|atend\w*|pas\w+ con|quiero|quisiera|necesito|ocupo|busco|tienen|hay|talk|speak|contact|call|reach|get in touch|put me|connect|transfer|need|want|would like|d like|have|is there|are there)\b/;

/**
 * Put through to that person now: "quiero pasar con alguien de ventas", "¿me comunica con un
 * vendedor?", "transfiéreme al departamento de ventas", "put me through to sales". A transfer asked
 * is a person now (the handoff: the team sees the thread at once), as "pásame un vendedor" and "¿hay
 * algún vendedor disponible?" are — never a form of six questions before anyone answers.
 */
const PUT_THROUGH =
  /\b(?:pas(?:ar(?:me|nos)?|a(?:me|nos)?|e(?:me|nos)?|en(?:me|nos)?|ame|eme)\s+(?:\w+\s+)?con|comunic(?:ar|a|ame|arme|ame|ate|ame|eme|ue|uen|uenme|uese|arnos)\w*\s+(?:\w+\s+)?con|transfi\w+|transfer\w*|conect\w*\s+con|enlaz\w*\s+con|put (?:me|us) through|connect (?:me|us)|transfer (?:me|us)|patch (?:me|us) through)\b/;

/** A job as a salesperson ("busco trabajo de vendedor de ventas", "are you hiring sales reps?") is no lead. */
const A_JOB = /\b(?:trabajo|trabajar|empleo|vacantes?|puesto|plaza|curriculum|cv|job|jobs|hiring|hire|work as|position|apply|aplicar)\b/;

/** Trouble told with it ("compré un taladro y no sirve") is a complaint for a person, not a sale. */
const TROUBLE = /\b(?:mal|error|errores|equivocad[oa]s?|cobraron|cobrado|wrong|mistake|overcharged|problema|problemas|queja|quejarme|reclamo|reclamar|devolver|devolucion|reembolso|no sirve|no funciona|no prende|danad[oa]s?|rot[oa]s?|incomplet[oa]|mal estado|complaint|complain|refund|return|broken|damaged|problem|issue|defective|doesn t work|not working)\b/;

/**
 * "quiero hablar con un asesor de ventas", "¿tienen asesores de ventas?", "can I talk to a sales
 * rep?": the sales side asked for by name — an advisor's sales lead (who they are and what they
 * need, so the advisor contacts them ready), not any person now nor a product called "asesor".
 */
export function asksForSalesPerson(text: string): boolean {
  const f = words(text);
  const forASale = SALES_PERSON.test(f) || (ADVISOR.test(f) && QUOTED.test(f)) || (ANYONE.test(f) && BIG_BUY.test(f));
  return forASale && TALK_OR_CONTACT.test(f) && !PUT_THROUGH.test(f) && !A_JOB.test(f) && !TROUBLE.test(f);
}

/** The sales side named, a person or the department: "un vendedor", "alguien de ventas", "ventas", "sales". */
const SALES_SIDE = /\b(?:ventas?|vendedor\w*|comercial|sales\w*)\b/;

/**
 * "pásame con el departamento de ventas", "¿me comunica con un vendedor?", "put me through to
 * sales": a transfer to the sales side asked — a person now (`PUT_THROUGH`), not the lead form.
 */
export function asksPutThroughToSales(text: string): boolean {
  const f = words(text);
  return (SALES_SIDE.test(f) || ADVISOR.test(f)) && PUT_THROUGH.test(f) && !A_JOB.test(f) && !TROUBLE.test(f);
}

/** Urgency and nothing else: "es urgente", "urgente!!!", "it's urgent, please", "esto urge". */
const URGENCY_ONLY =
  /^(?:(?:hola|oye|oiga|mira|disculpa|disculpe|hey|hi|hello|please|por favor|porfa|plis|pls|ayuda|help|necesito ayuda|i need help|es|esto|eso|esto es|eso es|it s|its|it is|this is|muy|very|super|bien|demasiado|really|realmente|bastante|pero|but|y|and|que|lo mio es|mi caso es|my case is|es una|is an|an|una)\s+)*(?:urgente|urgent|urge|una urgencia|urgencia|an emergency|emergency|asap|lo antes posible|cuanto antes|as soon as possible)(?:\s+(?:por favor|porfa|please|pls|plis|ayuda|help|ya|now|right now|ahora|ahora mismo|de verdad|really|mismo))*$/;

/** The message says only that something is urgent: not what, nor from whom. */
export function saysOnlyUrgent(text: string): boolean {
  const f = words(text);
  return f.length > 0 && URGENCY_ONLY.test(f);
}

/**
 * "¿me pueden llamar al 809…? es por un pedido grande de varilla", "call me about a quote for my
 * project": a call asked for a quote or a project — a sales lead for an advisor, whatever product
 * it names.
 */
export function asksCallForQuote(text: string): boolean {
  const f = words(text);
  return CALL_ME.test(f) && FOR_A_QUOTE.test(f);
}


/** A copy of a past invoice or receipt: the words that ask for one (es and en, folded). */
const INVOICE_COPY =
  /\b(?:(?:copia|duplicado|reimpresion|foto) (?:de|del) (?:la |el |mi |una |un |esa |ese )?(?:factura|recibo|comprobante|conduce)|(?:necesito|quiero|ocupo|busco|ando buscando|perdi|se me perdio|me (?:pueden|puede|podrian|podria) (?:mandar|enviar|dar|pasar|sacar|reenviar)|mandame|mandenme|enviame|envienme|pasame|pasenme|reenviame)\s+(?:(?:la|el|mi|mis|una|un|las|los|esa|ese)\s+)?(?:factura|facturas|recibo|recibos|comprobante)\s+(?:de (?:la |mi |una |esa )?(?:compra|pedido|orden)|(?:por|al|a mi) (?:correo|email|e mail|mail|whats ?app)|del (?:mes|ano|dia|pedido|lunes|martes|miercoles|jueves|viernes|sabado|domingo)|de (?:ayer|anteayer|la semana|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre))|(?:copy of|resend|re send|send me|lost) (?:my|the|an?|that) (?:invoice|receipt)s?|(?:e ?mail|mail|send|text|forward|whats ?app) (?:me|us) (?:a copy of )?(?:my|the|an?|that|our) (?:invoice|receipt)s?|(?:invoice|receipt)s? (?:for|of) (?:what|the stuff|the things|the materials|my purchase|the purchase|my order|the order) (?:i|we) (?:bought|ordered|got|paid for|purchased)|(?:factura|recibo|comprobante)s? de (?:lo que|las cosas que|los materiales que|la compra que|el pedido que) (?:compre|compramos|pedi|pedimos|me lleve|llevamos|pague)|(?:factura|recibo|comprobante)s?(?: \w+){0,8} me (?:la|lo|las|los) (?:pueden|puede|podrian|podria|puedes|podrias) (?:mandar|enviar|pasar|reenviar))\b/;
/** A tax receipt (NCF) asked with it is the store's fiscal-invoice fact, not a copy of a past one. */
const FISCAL = /\b(?:fiscal|ncf|rnc|credito fiscal|tax)\b/;

/**
 * "necesito mi factura del mes pasado", "me pueden mandar copia de la factura?", "can you send me
 * a copy of my invoice?": only a person can look a past sale up, so a request for one (the bot
 * cannot find a sale by itself) — never a job, a complaint or "¿qué necesitas?".
 */
export function asksInvoiceCopy(text: string): boolean {
  const f = words(text);
  return (INVOICE_COPY.test(f) && !FISCAL.test(f)) || (FISCAL.test(f) && PAST_PURCHASE.test(f));
}

/**
 * A purchase already made ("de una compra que hice ayer", "ya pagué y se me olvidó pedirlo", "I bought
 * some cement yesterday"): its NCF is issued on that sale, which a person looks up (the store's fact,
 * "danos el RNC al pagar", is for a purchase still to come).
 */
const PAST_PURCHASE =
  /\b(?:compras? (?:que )?(?:hice|hicimos|realice|realizamos|hizo|tuve)|(?:ya|ayer|antier|anteayer) (?:compre|compramos|pague|pagamos)|(?:compre|compramos|pague|pagamos) (?:ayer|antier|anteayer|hoy|la semana pasada|el otro dia|el mes pasado|hace)|se me (?:olvido|paso) (?:pedir\w*|solicitar\w*)|(?:olvide|no) (?:pedir\w*|lo pedi|la pedi|lo solicite)|(?:i|we) (?:bought|purchased|paid for|already paid|made a purchase|ordered)|(?:a|my|the|our) (?:purchase|order) (?:i|we) (?:made|placed|did)|forgot to ask)\b/;

export { asksPersonForGoods } from './person-for-goods.js';
