/**
 * Concept lexicons of the meaning-level injection rules (`rules-intent.ts`). Each names a concept
 * (the assistant as addressee, its controls, turning something off, a third person tied to a
 * record, a contact field, a near-zero price…) in normalised text (lower case, no accents,
 * de-obfuscated), so that the rules combine concepts rather than list phrasings: "skip identity
 * verification", "omite la confirmacion de identidad" and "you must no longer ask for a
 * verification code" are all *turn off* + *a control of the assistant*.
 */
import { alt } from './vocabulary.js';

/** Gap inside one clause (no sentence end in between). */
export const GAP = (n: number) => `[^.!?\\n]{0,${n}}?`;

// ---- the assistant as the one addressed ------------------------------------------------------
/** Words for the assistant itself. */
export const AI = alt('ia', 'ai', 'bot', 'chat ?bot', 'asistente', 'assistant', 'modelo(?: de lenguaje)?', '(?:language )?model', 'llm', 'gpt', 'agente virtual', 'robot', 'chat ?gpt');
/**
 * Text addressed to the assistant: "nota para la IA", "AI note", "oye bot,", "asistente:",
 * "to the assistant reading this", "message for the language model", "[para el sistema", "system note".
 */
export const ADDRESSED = new RegExp(
  String.raw`\b(?:para|pa|to|for|a) (?:el |la |the |this |that |any |cualquier )?${AI}\b|\b${AI} (?:note|nota|instruction|instruccion|reading this|que lee(?:s)? esto|que esta leyendo)\b|` +
    String.raw`(?:^|[\[(*<{,.;:!?¡¿-]|\b(?:oye|hey|ey|ojo|mira|por cierto|also|and|y|by the way|btw|ps|pd|p\.s|note|nota|atencion|attention|dear|querid[oa]|estimad[oa]|hello|hola))\s*(?:el |la |the |mi |my |querido |dear )?${AI}\s*[:,]|` +
    String.raw`\b(?:para|pa|to|for|a) (?:quien|quienes|whoever|the one who|the person who|el que|la que) (?:gestiona|maneja|lee|atiende|controla|opera|runs|manages|reads|handles|operates|controls) (?:este|esta|this|el|the) (?:chat|bot|sistema|system|conversacion|conversation|asistente|assistant)\b|` +
    String.raw`\b(?:nota|mensaje|message|note|instruccion|instruction|aviso|notice)(?: \w+)? (?:para|pa|for|to) (?:el |la |the )?(?:sistema|system|${AI})\b|\b(?:system|sistema) (?:note|nota)\b|[\[<(*]\s*(?:${AI}|sistema|system)\s*[:\]>)*]`,
);

// ---- the assistant's own controls -------------------------------------------------------------
/** What governs the assistant's behaviour: verification, checks, filters, its rules and set-up. */
export const CONTROL = alt(
  String.raw`(?:identity |account |id |age )?verifications?`,
  'verificacion(?:es)?(?: de (?:identidad|cuenta|seguridad|datos))?',
  'verificar(?:me)?',
  'verifiques',
  'verify(?:ing)?',
  'validacion(?:es)?',
  'validar',
  'valides',
  'confirmacion de (?:identidad|cuenta|titular)',
  'identity (?:checks?|confirmation)',
  '(?:account |security |safety |ownership |identity )?checks',
  'controles(?: de seguridad)?',
  'safeguards',
  'salvaguardas',
  'filters',
  'filtros',
  'guardrails',
  'restrictions',
  'restricciones',
  'limitations',
  'limitaciones',
  'censura',
  'censorship',
  'guidelines',
  'pautas',
  'directrices',
  'normas',
  'reglas',
  'rules',
  'politicas',
  'policies',
  '(?:privacy|security|safety) policy',
  'politica de (?:privacidad|seguridad)',
  'instrucciones',
  'instructions',
  'programacion',
  'programming',
  'protocolos?',
  'prompt',
  'system prompt',
  'configuracion',
  'configuration',
  'safety (?:checks|rules|filters|measures|settings)',
  'medidas de seguridad',
);
/** Turning something off or not applying it, in every mood a customer writes it. */
export const TURN_OFF = alt(
  String.raw`salta(?:te|r|rte)?`,
  'saltes',
  'skip(?:ping)?',
  'omite',
  'omitas',
  'omit',
  'ignora(?:r)?',
  'ignores',
  'ignore',
  'ignoring',
  'olvida(?:te)?(?: de)?',
  'olvides',
  'forget(?: about)?',
  'desactiva(?:r)?',
  'desactives',
  'disable',
  'deactivate',
  'quita(?:te|le|r)?',
  'quites',
  'remove',
  'drop',
  'apaga',
  'apagues',
  'turn off',
  'switch off',
  'suspende',
  'suspend',
  'anula',
  'bypass',
  'brinca(?:te)?',
  'evade',
  'evita',
  'evites',
  'sin (?:seguir|aplicar|revisar|validar|verificar|pedir|usar|cumplir|respetar|tomar en cuenta)',
  'without (?:following|applying|checking|verifying|using|respecting|any(?: of)?)',
  'ignoring',
  'deja de (?:aplicar|seguir|cumplir|pedir|usar|respetar|hacer caso a)',
  'dejes de (?:aplicar|seguir|cumplir|pedir|usar)',
  'stop (?:applying|following|using|asking(?: for)?|checking|requiring|complying with|enforcing)',
  'no (?:me |le |les |nos )?(?:pidas|verifiques|apliques|sigas|uses|valides|respetes|cumplas|hagas caso (?:a|de))',
  "(?:don'?t|do not) (?:ask(?: for)?|verify|apply|follow|check|require|enforce|use)",
  'ya no (?:tienes|tiene|hace falta|necesitas|debes|hay) (?:que |de )?(?:pedir|aplicar|seguir|verificar|validar|usar)?',
  "(?:no longer|never again|must not|mustn'?t|shouldn'?t) (?:need to |have to )?(?:ask(?: for)?|apply|follow|verify|check|require|use|enforce)",
  'considera (?:como )?(?:desactivad|suspendid|anulad)\\w*',
  '(?:ya )?no (?:necesita|necesitan|requiere|requieren|tienen que|tiene que|hace falta)',
  "(?:no longer |don'?t |doesn'?t |do not |does not )(?:need|needs|require|requires|have to|has to)(?: to)?",
);
/** Stop asking the customer for what proves who they are. */
export const STOP_ASKING = String.raw`(?:ya no (?:tienes|tiene|hace falta|necesitas|debes) (?:que |de )?pedir(?:me)?|no (?:me |le |les |nos )?(?:pidas|pida|solicites)|no hace falta que (?:me )?pidas|deja de pedir(?:me)?|(?:no longer|never again) (?:need to |have to )?ask(?: me)?(?: for)?|stop asking(?: me)?(?: for)?|(?:don'?t|do not) (?:ask|request)(?: me)?(?: for)?)${GAP(25)}\b(?:numero de cuenta|account number|cedula|id|identificacion|identification|codigos?|codes?|pin|verificacion|verification|confirmacion|confirmation|datos|details|prueba|proof)\b`;
/** A control said to be off: "queda desactivada", "is disabled", "are suspended". */
export const STATE_OFF = alt(
  '(?:queda|quedan|esta|estan|fue|fueron) (?:desactivad|suspendid|anulad|apagad|cancelad|levantad|eliminad)[oa]s?',
  '(?:ya )?no (?:aplica|aplican|vale|valen|cuenta|cuentan|rige|rigen|sirve|sirven)',
  '(?:is|are|was|were|have been|has been) (?:now )?(?:disabled|suspended|void|lifted|off|cancell?ed|revoked|waived|not needed|no longer needed|deactivated)',
  "(?:no longer|don'?t|do not) (?:apply|count|matter)",
  '(?:paused|on hold|waived|relaxed|pausad[oa]s?|en pausa|suspendid[oa]s|desactivad[oa]s|anulad[oa]s)',
  'sin efecto',
  'off',
);
/** A scope that makes a change about this chat or this customer, not about a product. */
export const SCOPE = alt(
  'para mi(?! casa| negocio| tienda| empresa)',
  'for me',
  'conmigo',
  'with me',
  'en (?:este|esta) (?:chat|conversacion|sesion)',
  'in this (?:chat|conversation|session)',
  'for (?:this|the) (?:rest of (?:this|the) )?(?:chat|conversation|session|user|customer)',
  'para (?:este|esta) (?:cliente|usuario|chat|conversacion)',
  'a este (?:cliente|usuario)',
  'for today',
  'por hoy',
  'hoy',
  'today',
  'de ahora en adelante',
  'a partir de (?:ahora|ya|hoy|este (?:momento|mensaje))',
  'de aqui (?:en adelante|pa(?:ra)? (?:lante|alante|adelante))',
  'desde (?:ahora|ya|este mensaje)',
  'en lo adelante',
  'from now on',
  'from here on',
  'going forward',
  'for the rest of',
  'por un rato',
  'for a while',
);

// ---- other people and their records ------------------------------------------------------------
/** A contact or account field. */
export const FIELD = alt(
  'correos?',
  'e-?mails?',
  'mail',
  'telefonos?',
  'phones?(?: numbers?)?',
  String.raw`numero(?! de (?:cuenta|pedido|orden|guia|factura|rastreo|seguimiento|referencia))(?! ?#?\d)`,
  String.raw`(?<!(?:order|account|tracking|invoice|reference|serial|model|part|guia) )number(?! of (?!the |that |this |his |her |whoever|someone|somebody))(?! ?#?\d)`,
  'celular',
  'cel',
  'cell',
  'mobile(?: number)?',
  'movil',
  'whatsapp',
  'direccion(?:es)?',
  'address(?:es)?',
  'cedula',
  'id number',
  'contacto',
  'contact(?: info| information| details)?',
  'datos',
  'details',
  'perfil',
  'profile',
  'saldo',
  'balance',
  'deuda',
  'historial(?: de compras)?',
  '(?:purchase )?history',
  'donde vive',
  'where (?:he|she|they) lives?',
);
/** A record that belongs to someone: an account, an order, an invoice, with its number. */
export const RECORD_NO = String.raw`(?:cuenta|account|pedido|orden|order|factura|invoice|contrato|contract)(?: (?:number|numero|no\.?|num\.?|#|nro\.?))?[ #:]*\d{3,}`;
/** Someone other than the writer, tied to a record or a purchase. */
/** Not the writer describing themself: "I'm the owner of account 88102", "soy la titular de la cuenta". */
const NOT_SELF = String.raw`(?<!\b(?:i'?m|i am|soy|yo soy|as|como) (?:the |el |la )?)`;
export const OTHER_PERSON = NOT_SELF + alt(
  String.raw`(?:dueno|duena|titular|owner|holder|propietari[oa]|buyer|comprador(?:a)?) (?:de|del|of) (?:la |el |the |this |that )?(?:cuenta|account|pedido|orden|order|factura|invoice)`,
  String.raw`(?:persona|person|cliente|customer|client|senor|senora|dona|don|tipo|muchach[oa]|guy|lady|man|woman|ingeniero|engineer|contratista|contractor|gente|people|folks|alguien|someone|somebody|whoever|quien(?:es)?|who|los|las|el|la|those|everyone|everybody|todos los|all the)(?: \w+){0,2} (?:que |who |that )?(?:hizo|hicieron|puso|coloco|placed|made|ordered|pidio|pidieron|compro|compraron|bought|purchased|cotizo|cotizaron|estuvo|escribio|wrote|vino|came|chatted)\b`,
  String.raw`(?:persona|person|cliente|customer|client|holder|owner|guy|lady|man|woman|tipo|senor|senora|dona|don|muchach[oa]) (?:on|of|de|del|de la|en|behind|linked to|with|con|que tiene|who has|that has) (?:la |el |the |this |that |an? )?(?:order|orden|pedido|cuenta|account|factura|invoice)`,
  String.raw`(?:(?:the )?(?:guy|lady|man|woman|people|family|neighbou?rs?|business|shop|store|house) next door|(?:el|la|los) (?:de al lado|vecin[oa]s? de al lado)|(?:negocio|tienda|colmado|casa|local|taller) (?:de al lado|del lado|de enfrente))`,
  String.raw`(?:cliente|customer|client|persona|person)s? (?:anterior|previo|previous|before me|antes que yo|de antes|last|ultim[oa])`,
  String.raw`(?:el|la|the) (?:ultim[oa]|last|previous|anterior) (?:cliente|customer|person|persona)`,
  'antes que yo',
  'before me',
  String.raw`(?:the|la) \w+ family|la familia \w+`,
  String.raw`(?:top|best|biggest|mejores|principales|other|otros|demas) (?:customers|clients|clientes)`,
  String.raw`(?:quienes|quien|who) (?:mas|most) (?:compran|compra|buy|buys|spend)`,
  String.raw`(?:el|la|the) (?:vecin[oa]|neighbou?r|cunad[oa]|suegr[oa]|jefe|boss|pana|amig[oa]|compadre|comadre|prim[oa]|ti[oa]|socio) (?:mio|mia|of mine)`,
  String.raw`(?:mi|my) (?:vecin[oa]|neighbou?r|cunad[oa]|brother-in-law|sister-in-law|suegr[oa]|(?:father|mother)-in-law|jefe|boss|ex|pana|amig[oa]|friend|buddy|compadre|comadre|prim[oa]|cousin|ti[oa]|uncle|aunt|socio|partner|business partner|companer[oa]|coworker)(?:'s)?`,
);
/** The writer says the record is not theirs. */
export const NOT_MINE = alt(
  'no es mi[oa]',
  'no son mi[oa]s',
  'not mine',
  "isn'?t mine",
  'is not mine',
  "(?:i'?m|i am) not the (?:buyer|owner|holder|customer|account holder)",
  'no soy (?:el|la) (?:titular|duen[oa]|comprador(?:a)?|cliente)',
  'ese no es (?:el )?mio',
  'esa no es (?:la )?mia',
  "(?:that|this) (?:order|account) (?:isn'?t|is not) mine",
  'de un (?:pana|amigo|cliente tuyo|tercero)',
  'de otr[oa] (?:persona|cliente)',
  "(?:someone|somebody) else'?s",
);

// ---- prices and records ------------------------------------------------------------------------
/** A verb that changes a price, a total, a debt or a record. */
export const CHANGE = alt(
  'ajusta(?:me|le|lo|la)?',
  'cambia(?:me|le|lo|la)?',
  'pon(?:me|le|lo|la|melo|mela|selo)?',
  'pone',
  'deja(?:me|le|lo|la|melo|mela)?',
  'baja(?:me|le|lo)?',
  'rebaja(?:me|le|lo)?',
  'modifica(?:me|le|lo)?',
  'modify',
  'alter',
  'edit',
  'edita(?:le)?',
  'actualiza(?:me|le|lo)?',
  'mete(?:le|me)?',
  'aplica(?:me|le|lo)?',
  'quita(?:le|me)?',
  'descuenta(?:me|le)?',
  'cobra(?:me|le)',
  'factura(?:me|le)',
  'registra(?:me|le)?',
  'marca(?:me|le)?',
  'genera(?:me)?',
  'hazme',
  'vendeme',
  'set',
  'change',
  'adjust',
  'make',
  'update',
  'lower',
  'drop',
  'reduce',
  'cut',
  'put',
  'leave',
  'mark',
  'record',
  'charge me',
  'bill me',
  'sell (?:me|it)',
  'remove',
  'apply',
  'add',
  'generate',
  'override',
  'discount',
  'knock',
  'ring(?: \\w+)? up',
  'waive',
);
/** Something priced: a price, total, fee, debt, order. */
export const PRICED = alt(
  'precios?',
  'prices?',
  'costos?',
  'costs?',
  'total',
  'facturas?',
  'invoices?',
  'bill',
  'deuda',
  'debt',
  'saldo',
  'balance',
  'envio',
  'shipping',
  '(?:delivery )?fee',
  'cargos?',
  'charges?',
  'carrito',
  'cart',
  'pedido',
  'orden',
  'order',
  'compra',
  'purchase',
  'descuento',
  'discount',
  'cuenta',
  'inventario',
  'inventory',
);
/** A money amount that is itself a giveaway: "1 peso", "$3", "a penny", "90 %". */
export const TINY_AMOUNT = alt(
  String.raw`(?:rd|us)?\$ ?\d{1,2}(?:\.\d\d)?(?!\d|[,.]\d)`,
  String.raw`\d{1,2} (?:pesos?|pesitos|dolares|dollars?|bucks|cents?|centavos?)\b(?! (?:de|of|worth|en)\b)`,
  '(?:un|one|1) (?:peso|pesito|dolar|dollar|centavo|cent|penny)',
  '(?:cero|zero|0) (?:pesos?|dolares|dollars?|bucks|centavos?|cents?)',
  'a penny',
  'centavos?',
  'pennies',
  'gratis',
  'free',
  'de gratis',
  'regalad[oa]',
  String.raw`(?:100|[5-9]\d) ?(?:%|por ?ciento|percent)`,
  '(?:cien|noventa|ochenta|setenta|sesenta) por ciento',
  'la mitad de la mitad',
);
/** A target that needs a priced object next to it to mean a giveaway: "a cero", "to nothing". */
export const ZERO = alt('cero', 'zero', '0(?:\\.0+)?(?![\\d.,%])', 'nada', 'nothing', 'lo que yo (?:te )?diga', 'whatever i (?:say|want)', 'what i say');
