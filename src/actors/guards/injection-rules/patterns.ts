/**
 * Compound patterns of the injection rules, built from the vocabulary, and the intent-level vocabulary.
 */
import { re, alt, near, either, RULES_NOUN, OWN, TOLD, OVERRIDE_VERB, REVEAL_VERB, SECRET_OBJ } from './vocabulary.js';
import { OTHERS, PII, DATA_REQUEST, RELATIVE, NOT_MINE, ACCOUNT_NUMBER, SET_VERB, PRICE_OBJ, FREE } from './vocabulary-data.js';

// ---------------------------------------------------------------------------------------------
// Compound patterns used by the rules below.

export const OVERRIDE_OWN = new RegExp(
  String.raw`\b${OVERRIDE_VERB}\b(?:[^.!?\n]{0,40}?)\b(?:${OWN}\b[^.!?\n]{0,15}?\b${RULES_NOUN}|${RULES_NOUN}\b(?: \w+)?(?: \w+)? ${OWN})\b`,
);
export const OVERRIDE_TOLD = new RegExp(near(String.raw`\b${OVERRIDE_VERB}\b`, String.raw`\b${TOLD}\b`, 45));
export const FORGET_ALL = /\bforget (?:everything|all)\b[^.!?\n]{0,30}\b(?:told|know|said|above|before|learned)\b|\bolvida(?:te)? (?:de )?todo lo que (?:te (?:dijeron|ensenaron|programaron)|sabes)\b|\bpretend the (?:previous |earlier )?(?:conversation )?rules (?:don'?t|do not) exist\b/;
export const NO_RULES = new RegExp(
  String.raw`\bno hay (?:reglas|politicas|normas|restricciones|limites)\b|\bthere are no (?:rules|policies|restrictions|limits)\b|\b(?:sin|no|without(?: any)?|ningun[ao]s?|zero) (?:tus |las |los |ninguna |any )?(?:restrictions|filters|limits|guidelines|censorship|rules|policies|restricciones|filtros|censura|limites|reglas|politicas|normas)\b|\bunrestricted\b|\bunfiltered\b|\buncensored\b|\bno tienes (?:que seguir )?(?:reglas|ninguna (?:regla|politica))\b|\bno tiene(?:s)? que (?:seguir|obedecer|cumplir)\b|\b(?:doesn'?t|don'?t|does not|do not) have to follow\b|\bno (?:rules|limits) apply\b`,
);
export const REVEAL = new RegExp(near(String.raw`\b${REVEAL_VERB}\b`, String.raw`(?:${SECRET_OBJ})\b`, 50));
export const REVEAL_QUESTION = new RegExp(
  String.raw`\b(?:what|which)\b(?: \w+){0,3} (?:were|have|did) (?:you|they) (?:been )?(?:told|given|programmed|instructed|configured|trained|initiali[sz]ed|tell you|forbidden|prohibited|not allowed|banned|restricted)\b|\b(?:que|cuales|con que)\b(?: \w+){0,2} te (?:dijeron|dieron|programaron|configuraron|ensenaron|pusieron|prohibieron|inicializaron)\b|\bwhat were you told\b|\b(?:que|cuales|what|which)\b[^.!?\n]{0,40}\b(?:tienes prohibido|te prohibieron|no (?:puedes|debes) (?:decir|hablar|mencionar)|you(?:'re| are) (?:forbidden|not allowed|prohibited|banned) (?:to|from)|you (?:can'?t|cannot|must not|mustn'?t) (?:say|tell|mention|talk about))\b|\b(?:what|que|cual)\b(?: \w+){0,4} (?:in|en|into) (?:your|tu) (?:setup|set-up|configuration|config|configuracion|prompt|system prompt|instructions|instrucciones|programacion|programming|settings|ajustes)\b|\bcon que (?:prompt|instrucciones|reglas)\b`,
);
export const PERSONA_TRIGGER = alt(
  'pretend (?:to be|you are|you\'re|that you(?:\'re| are)?)',
  'imagine (?:you are|you\'re|that you(?:\'re| are| have)?)',
  'act (?:as|like)(?: if you (?:were|are|had))?',
  'behave (?:as|like)',
  'role-?play(?:ing)?(?: as)?',
  'play the role of',
  'take on the role of',
  'assume the role of',
  'pose as',
  'impersonate',
  'simulate (?:being|that you are)',
  'finge (?:ser|que eres|que)',
  'fingir (?:ser|que eres)',
  'imagina(?:te)? que (?:eres|fueras|no tienes|no tuvieras)',
  'haz (?:como si|de cuenta que) (?:eres|fueras|no tuvieras|no tienes)',
  'hagamos como si (?:fueras|eres)',
  'hagamos de cuenta que',
  'haz de cuenta que',
  "let'?s say",
  '(?:hablame|hablemos|responde(?:me)?|contesta(?:me)?) como si (?:fueras|no tuvieras)',
  'como si fueras',
  'for the rest of (?:this|the|our) (?:chat|conversation)',
  'por el resto de (?:esta|la) (?:conversacion|charla|chat)',
  'desde ya',
  'actua como(?: si (?:fueras|no tuvieras))?',
  'actua de',
  'comportate como(?: si (?:fueras|no tuvieras))?',
  'asume el (?:rol|papel) de',
  'hazte pasar por',
  'ponte en el (?:papel|rol|lugar|pellejo) de',
  'put yourself in the (?:shoes|role|place) of',
  'step into the (?:role|shoes) of',
  'take the role of',
  '(?:para |for )?(?:un |a )?(?:juego de rol|role-?playing game|role-?play)(?: game)?:?',
  'juega a que eres',
  'juguemos a que (?:eres|tu eres)',
  'vamos a jugar(?: a)? (?:a )?que (?:eres|tu eres)',
  'vamos a jugar:? tu eres',
  'juguemos:? (?:a que )?tu eres',
  'let\'?s (?:play|pretend)[^.!?\n]{0,20}\\byou (?:are|\'re)',
  'let\'?s pretend',
  'finjamos (?:que)?',
  'simula (?:ser|que eres)',
);
export const PERSONA_TARGET = alt(
  'gerente',
  'dueno',
  'duena',
  'administrador',
  'administradora',
  'admin',
  'supervisor',
  'jefe',
  'encargado',
  'cajero',
  'empleado',
  'vendedor con acceso',
  'manager',
  'owner',
  'administrator',
  'employee',
  'staff',
  'cashier',
  'developer',
  'desarrollador',
  'programador',
  'hacker',
  'dan',
  'stan',
  'freebot',
  'ia',
  'ai',
  'bot',
  'chatbot',
  'modelo',
  'model',
  'otro asistente',
  'another assistant',
  'abuela',
  'pirata',
  'pirate',
  'corrupt[oa]?',
  'ladron',
  'thief',
  'grandma',
  'grandmother',
  'sin (?:reglas|filtros|restricciones|limites|censura|politicas|normas)',
  'no hay (?:reglas|politicas|normas|restricciones)',
  'there are no (?:rules|policies|restrictions)',
  'no (?:rules|filters|limits|restrictions|policies|guidelines)',
  'without (?:rules|filters|limits|restrictions|policies|guidelines)',
  'unrestricted',
  'unfiltered',
  'libre',
  'evil',
  'malvad[oa]',
  'my (?:personal|own) (?:assistant|bot)',
  'mi (?:asistente|bot) personal',
);
export const PERSONA = new RegExp(near(String.raw`\b${PERSONA_TRIGGER}\b`, String.raw`\b${PERSONA_TARGET}\b`, 40));
export const PERSONA_NOW = new RegExp(
  String.raw`\byou(?:'re| are) now (?:a|an|in|the|dan|no|free|unrestricted|jailbroken|evil|my (?:\w+ )?(?:assistant|bot|slave|servant))\b|\b(?:you are|you're) no longer\b|\byou(?:'re| are) not (?:a|the) (?:\w+ ){0,3}(?:bot|assistant) anymore\b|\byou (?:don'?t|no longer) work for\b|\bstop being (?:a|the) (?:\w+ )?(?:assistant|bot)\b|\bfrom now on,? (?:you(?:'re| are| will be)|your name is)\b|\b(?:ahora|desde ahora|a partir de ahora|de ahora en adelante),? (?:tu )?(?:eres|seras|actuaras como|te llamas) (?:un|una|el|la|dan|libre|otro|otra|mi (?:\w+ )?(?:asistente|bot|esclav[oa]|sirviente))\b|\bya no eres\b|\bno eres (?:de la ferreteria|de la tienda|el asistente|un asistente de|el bot de)\b|\beres un (?:asistente|bot|modelo|ia) (?:general|libre|sin|que obedece)\b|\byou(?:'re| are) (?:a |an )?(?:general|unrestricted|free|generic) (?:assistant|ai|bot)\b|\byou(?:'re| are) no longer (?:the|a)\b|\b(?:tu )?eres ahora (?:un|una|el|la|mi|["'“])|,? eres ["'“][^"'”]{1,30}["'”]|\bahora tu eres (?:un|una|el|la|mi|["'“])|\byou(?:'re| are) ["'“][^"'”]{1,30}["'”] now\b|\bahora trabajas (?:conmigo|para mi)\b|\b(?:now )?you work for me(?: now)?\b|\bya no (?:trabajas|respondes) (?:para|a) (?:la|el)\b|\bdeja de ser (?:el|un) (?:asistente|bot)\b|\beres libre\b|\byou are free now\b|\bnow you are free\b|\bahora eres libre\b`,
);
export const OTHERS_DATA = new RegExp(either(String.raw`\b${DATA_REQUEST}\b`, either(String.raw`\b${PII}\b`, String.raw`\b${OTHERS}`, 45), 40));
export const CUSTOMER_LIST = new RegExp(near(String.raw`\b${DATA_REQUEST}\b`, String.raw`\b(?:(?<!\b(?:my|mi|mis|our|nuestro) (?:full |whole |complete |entire )?)(?:(?:el )?historial (?:completo |entero )?de (?:chats|conversaciones|mensajes)(?! (?:conmigo|mios|mio))|(?:full |complete |entire |whole )?(?:chat|conversation) (?:history|logs?|transcripts?)(?! with me)|today'?s (?:\w+ )?(?:chats?|conversations?)(?: history)?|(?:todos los|all(?: the)?) (?:chats|conversaciones|conversations)(?! (?:conmigo|with me)))|(?:las |the )?(?:ultimas|last|previous|past|other|otras|\d+) (?:\d+ )?(?:conversations|conversaciones|chats|transcripts)|(?:conversaciones|chats) que tuviste|conversations you had|(?:la )?lista de (?:clientes|usuarios|contactos)(?! mayoristas? (?:tiene|tienen))|(?:the )?(?:customer|client|user) (?:list|database|records|base)|(?:all |todos )?(?:the |los )?leads\b|(?:la )?base de (?:datos|clientes)|(?:the )?database)`, 40));
export const INTERNAL_DATA = /\b(?:(?:internal|interno|internos|internas) (?:costs?|costos?|prices|precios|margins?|margenes|data|datos|notes|notas|documents|documentos|inventory|inventario|files|archivos|reports?|reportes?)|supplier (?:margins|costs|prices)|margen(?:es)? de (?:ganancia|proveedor(?:es)?|utilidad)|profit margins?|cuentas por cobrar|accounts receivable|the (?:store'?s )?ledger|el libro (?:contable|mayor)|environment variables|variables de entorno|env vars?|(?:el )?inventario completo(?: con| y)? (?:los )?costos|(?:costos|precios) de (?:compra|proveedor))\b/;
export const THIRD_PARTY_OWES = /\bcuanto (?:le )?debe\b(?! (?:pagar|ser|costar|tardar|durar|medir|llevar|salir|de ser))|\bhow much (?:does|do) (?!i\b|we\b)(?:\w+ ){1,3}owe\b|\bhow much (?:is|are) (?!i\b|we\b)(?:\w+ ){1,3}owing\b|\b(?:saldo|deuda|balance|debt|estado de cuenta|account statement|statement|historial|history) (?:de|of) (?:la |el |the )?(?:constructora|empresa|compania|company|firm|cliente|customer|senor|senora|don|dona|mr|mrs|ms|\w+ (?:brothers|construction|company|inc|llc|srl))\b/;
export const REGISTERED_DATA = /\b(?:que|cuales|what|which)\b (?:correos?|emails?|telefonos?|phones?|phone numbers?|numeros?|numbers?|direcciones|addresses|datos|data|details|contactos?)\b[^.!?\n]{0,15}\b(?:tienes|tienen|tiene|hay|do you have|have you got|are|is|you have)\b[^.!?\n]{0,15}\b(?:registrad[oa]s?|guardad[oa]s?|on file|stored|saved|recorded|en (?:el )?sistema|in (?:the )?system)\b/;
export const NAMED_PII_QUESTION = /\b(?:que|cual|what|which)\b[^.!?\n]{0,10}\b(?:numero|telefono|correo|email|e-mail|phone|direccion|address|number|cedula|id)\b[^.!?\n]{0,25}\b(?:dejo|dejaron|left|leave|gave|give|dio|registro|registered|puso|provided|uso|used)\b/;
export const NAMED_CUSTOMER = new RegExp(near(String.raw`\b${DATA_REQUEST}\b`, String.raw`\b(?:${PII})\b (?:de|of|for) \w+ \w+`, 20));
export const THEIR_DATA = new RegExp(near(String.raw`\b${DATA_REQUEST}\b`, String.raw`\b(?:their|his|her|sus?) (?:${PII})\b`, 30));
export const OTHERS_ANYWHERE = new RegExp(String.raw`\b${OTHERS}`);
export const TOOL_NAME = /\bescalate (?:tool|function)\b|\b(?:save_lead_field|verify_email|push_lead|create_ticket|search_catalog|get_price|account_status|lookup_account|get_balance|send_code)\b/;
export const TOOL_CALL = /\b(?:cierra|close|resuelve|resolve|borra|delete)(?: el| the)? (?:ticket|caso|case)\b|\b(?:guardalo|guardala|guarda|save|store|registra|set) (?:\S+@\S+ )?(?:como (?:mi|mio|mia)|as my (?:email|e-mail|correo|phone))\b|\b(?:verifica|verify) (?:el |the )?(?:correo|email|e-mail)\b|\b(?:abre|abreme|crea|creame|open|create|file|registra|add|agrega)(?: un| a| el| the)? (?:ticket|caso|case|lead|prospecto)\b|\b(?:call|run|execute|invoke|trigger|use) (?:the |your |a )?(?:\w+ )?(?:function|tool)\b|\b(?:ejecuta|llama(?: a)?|usa|invoca|corre|dispara|consulta con) (?:a )?(?:la |tu |una )?(?:funcion|herramienta)\b|\b(?:con|with) (?:tu|your) (?:herramienta|tool|funcion|function)\b/;
export const SOMEONE_ELSE = new RegExp(String.raw`\b(?:no es (?:mio|mia) pero|it'?s not mine but|isn'?t mine but|(?:aunque|though|even though|although) (?:no es (?:mio|mia)|it'?s not mine|it isn'?t mine|no lo es)|otraempresa|othercompany|a nombre de (?:el|ella|otr[oa]|un tercero|mi (?!empresa|negocio|compania)\w+)\b|(?:for|para|de|in|en) (?:another |otra |la |the )?(?:conversation|conversacion) \w*\d|otra conversacion|another conversation|otro cliente|otra persona|another (?:customer|person|user)|someone else|somebody else|competidor|competencia|competitor|a nombre de otr[oa]|on behalf of (?:another|someone)|${NOT_MINE})`);
export const THIRD_PARTY = new RegExp(
  `${either(ACCOUNT_NUMBER, NOT_MINE, 60)}|\\b(?:con|with) (?:su|his|her|their) (?:cuenta|account)(?: (?:number|numero|#|no\\.?))?[ #:]*\\d{3,}`,
);
export const ACCOUNT_READ = /\b(?:saldo|balance|estado|statement|historial|history|deuda|debe|owes?|datos|data|details|correo|email|telefono|phone|movimientos|transactions|facturas|invoices|dame|dime|muestra(?:me)?|ensena(?:me)?|consulta|revisa|busca|show|tell|give|check|look ?up|pull up|ver|see|cuanto)\b/;
export const THIRD_PARTY_NAMED = new RegExp(
  String.raw`\b(?:saldo|balance|estado|historial|deuda|debe|owes?|statement|history|pedidos|orders)\b[^.!?\n]{0,30}\b(?:cuenta|account) (?:de|of) (?:mi ${RELATIVE}|(?:don|dona|la senora|el senor|el licenciado|la licenciada) \w+|otra persona|otro cliente|someone else|my ${RELATIVE})|\b(?:cuenta|account) (?:de|of) (?:mi ${RELATIVE}|(?:don|dona|la senora|el senor) \w+)\b[^.!?\n]{0,25}\b(?:saldo|balance|debe|owes?|estado|historial)\b|\bmy ${RELATIVE}'?s (?:account|balance|order history)\b|\b(?:balance|saldo|historial|history)\b[^.!?\n]{0,25}\b(?:de|of) (?:mi ${RELATIVE}|my ${RELATIVE})\b`,
);
export const SET_PRICE = new RegExp(near(String.raw`\b${SET_VERB}\b`, either(String.raw`\b${PRICE_OBJ}\b`, String.raw`(?:${FREE})(?![a-z])`, 35), 35));
export const LOW_PRICE = /\b(?:rebaja(?:le|me)?|baja(?:le|me)?|knock|drop|lower|reduce|dejame|dejamelo|dejalo|vendeme|sell (?:me|it))\b[^.!?\n]{0,30}\b(?:a|to|en|at|for|down to|por)\s(?:rd\$ ?|\$ ?|us\$ ?)?(?:[1-9]|[1-9]\d|100)\s?(?:pesos?|dolares|dollars?|bucks|usd)?\b(?![.,]?\d| ?%| (?:sacos|bags|unidades|units|galones|gallons|metros|pies|feet))/;
export const SELL_CHEAP = new RegExp(String.raw`\b(?:vende(?:me|nos)?|sell (?:me|us|it))\b[^.!?\n]{0,40}\b(?:a|for|por|en|at)\s(?:${FREE})`);
export const CLAIM_PAID = /\b(?:registra|anota|marca|record|mark|log|tell the system|dile al sistema|pon en el sistema|set)\b[^.!?\n]{0,20}\b(?:que )?(?:ya )?(?:pague|esta pagad[oa]|is (?:already )?paid|as paid|already paid|been paid|fue pagad[oa])\b/;
export const CORRECT_PRICE_ZERO = new RegExp(String.raw`\b(?:precio|price|costo|cost)\b[^.!?\n]{0,30}\b(?:es|is|should be|deberia ser|debe ser|must be)\s*(?:de |of )?(?:${FREE})[^\n]{0,40}\b(?:corrige(?:lo)?|fix|update|actualiza(?:lo)?|cambia(?:lo)?|change|ajusta(?:lo)?|set)\b`);
export const PAID_WITHOUT_PAYING = /\b(?:(?:factura|recibo|comprobante)s? (?:pagad[oa]s?|saldad[oa]s?)|paid (?:invoice|receipt|bill)s?|(?:invoice|receipt|bill) (?:marked |showing )?(?:as )?paid)\b[^.!?\n]{0,60}\b(?:sin que (?:yo )?(?:pague|haya pagado)|sin pagar|without (?:me )?(?:paying|having paid|payment)|no he pagado|haven'?t paid|aunque no (?:he )?pag\w*|even though i (?:haven'?t|didn'?t) pa(?:y|id))\b|\b(?:genera|generate|crea|create|haz|hazme|make|emite|issue)\b (?:me )?(?:una |a |un )?(?:factura|invoice|recibo|receipt|comprobante) (?:pagad[oa]|paid|saldad[oa])\b/;
export const MARK_PAID = /\b(?:mark|marca(?:me|la|lo)?|registra(?:me|la|lo)?|record|set|pon(?:la|lo)?)\b[^.!?\n]{0,30}\b(?:invoice|factura|order|orden|pedido|bill|cuenta|deuda|debt)\b[^.!?\n]{0,20}\b(?:as paid|como pagad[oa]|en (?:cero|0)|pagad[oa]|saldad[oa]|paid in full|cancelad[oa] sin pagar|(?:as )?settled)\b/;
export const BIG_DISCOUNT = /\b(?:hazme|haz|make me|make|create|crea|creame|genera|generate|dame|give me)\b (?:un |una |a )?(?:cupon|coupon|codigo|code|voucher) (?:del? |of |for )?100 ?%|\b(?:hazme|make me|give me|dame) (?:un |a )?(?:100 ?%|cien por ciento) (?:cupon|coupon|codigo|code|voucher|descuento|discount)\b|\b(?:a precio de costo|at cost) (?:menos|minus|less)\b|\b(?:menos|minus) (?:el )?(?:[5-9]\d|100) ?%|\bmark (?:it|them|this|that) (?:as )?(?:settled|paid)\b|\bmarcal[ao]s? (?:como )?(?:pagad[oa]s?|saldad[oa]s?)\b|\b(?:apply|aplica(?:me|le)?|approve|aprueba(?:me|le)?|give me|dame|ponme|pon|set)\b[^.!?\n]{0,30}\b(?:(?:100|[5-9]\d) ?%|(?:cien|noventa|ochenta|setenta) por ciento)\s?(?:de )?(?:discount|descuento|off)|\b(?:(?:100|[5-9]\d) ?%|cien por ciento)\s?(?:de )?(?:discount|descuento|off)\b[^.!?\n]{0,30}\b(?:to|a|en|para) (?:my|mi|all|todo|everything|every)\b/;
export const ALL_FREE = /\b(?:aplica|apply|usa|use|activa|activate|dame|give me|hazme|make)\b[^.!?\n]{0,40}\b(?:todo|everything|all)\b (?:\w+ )?(?:gratis|free)\b|\b(?:dame|damelo|ponme|pon|ponle|hazme|haz|regalame|regala|make|give me|let me have)\b[^.!?\n]{0,15}\b(?:todo|toda la mercancia|everything|all|the goods|la mercancia|los productos|mi pedido|my order|my cart)\b[^.!?\n]{0,20}\b(?:gratis|free|de gratis|sin pagar|for nothing|for free|regalado)\b|\b(?:me )?regala(?:me|le|s)? (?:todo|la mercancia|los productos|todos los productos|everything)\b|\bgive (?:me )?(?:everything|the goods|all (?:of )?(?:it|the products)) (?:for )?free\b|\bgive away (?:everything|the goods|products)\b|\bgives everything away\b|\b(?:que )?(?:vende|regala|da) todo (?:regalado|gratis|de gratis)\b|\bregala(?:me|le)? (?:un|una|el|la) \w+ gratis\b/;
export const CATALOG_EDIT = /\b(?:update|actualiza|modifica|edit|edita|change|cambia|override|sobrescribe|rewrite)\b (?:the |el |la |tu |your |mi |los |las )?(?:catalog(?:ue)?|catalogo|base de datos|database|lista de precios|price list|inventario|inventory|precios|prices|catalog price)\b(?:[^.!?\n]{0,40}\b(?:now costs|ahora cuesta|ahora vale|now is|cuesta|costs|=|vale)\b|\s*:)/;


// Intent-level vocabulary (v4). Normalised text: lower case, no accents.
export const STORE = String.raw`(?:the |this |your )?(?:shop|store|company|business|operator|owner|owners|management|ferreteria|tienda|empresa|negocio|dueno|duenos|gerencia|operador)(?:'s)?`;
/** The assistant's set-up as something the store did to it. */
export const SETUP_REF = new RegExp(
  String.raw`\b${STORE} (?:put|loaded|placed|set|gave|fed|wrote|installed|baked|programmed) (?:\w+ ){0,2}(?:on|into|in|to) you\b|\b(?:loaded|put|fed|installed|programmed) into you\b|\b(?:la |el )?(?:ferreteria|tienda|empresa|negocio|dueno|gerencia|operador) (?:te )?(?:cargo|puso|metio|instalo|dio|escribio|programo|configuro) (?:antes|al principio|al inicio|en ti)\b|\bte (?:cargaron|cargo|metieron|metio|montaron|instalaron) (?:al principio|al inicio|antes|para|en)?|\b(?:con (?:la|el|las|los) que (?:funcionas|arrancaste|operas|trabajas|empezaste|te montaron|te configuraron))\b|\b(?:you(?:'re| are) running (?:with|on|under)|you started with|you were (?:started|launched|booted|deployed) with|you operate under|you run on)\b|\b(?:how (?:exactly )?were you (?:set up|built|made|configured|configured|prepared|wired)|como (?:exactamente )?te (?:montaron|armaron|prepararon|hicieron|configuraron))\b|\b(?:your|tu) (?:operator'?s?|setup|set-up|operador|montaje)\b[^.!?\n]{0,20}\b(?:text|texto|hidden|oculto|instructions|instrucciones|message|mensaje)\b|\b(?:hidden|oculto|secret|secreto) (?:text|texto)\b`,
);
export const REVEAL_ACT = new RegExp(String.raw`\b(?:${REVEAL_VERB}|summari[sz]e|resume(?:me|n)?|pega(?:la|lo|me)?|paste|lee(?:me)?|read|say|di|what does|que dice|dame|give)\b`);
export const OVERRIDE_ACT = new RegExp(String.raw`\b(?:${OVERRIDE_VERB}|throw away|bota(?:las|los)?|tira|consider [^.!?\n]{0,20}erased|da por borrad[oa]s?|erased|borrad[oa]s?)\b`);
/** The store's or the assistant's rules declared void or bent. */
export const RULES_OBJ = String.raw`(?:${STORE}|your|tus|tu|esas|esos|those|company|store|shop)(?: \w+)? (?:${RULES_NOUN}|limits|limites|filter|filtro|setup|configuracion|orders|ordenes)`;
export const RULES_SUSPENDED = new RegExp(
  String.raw`\b${RULES_OBJ}\b[^.!?\n]{0,30}\b(?:no longer (?:apply|count|matter|hold)|don'?t (?:apply|count|matter) (?:here|anymore|to me|with me|now)|ya no (?:aplican|aplica|cuentan|cuenta|valen|vale|rigen)|no (?:cuentan|aplican|valen|rigen) (?:conmigo|aqui|ahora|ya)|(?:is|are) (?:now )?(?:void|cancelled|canceled|suspended|lifted|off)|(?:queda|quedan) (?:anulad|cancelad|suspendid|sin efecto)|se quedo atras|se quedaron atras)(?![^.!\n]*\?)|\b(?:leave out|drop|set aside|deja fuera|dejame fuera de|afloja(?:me)?|suelta|relaja)\b[^.!?\n]{0,30}\b(?:limits?|limites|${RULES_NOUN})\b|\b(?:as if|como si)\b[^.!?\n]{0,25}\b(?:no |ningun[ao]? |didn'?t |did not |weren'?t |were not |no existiera|no hubiera)[^.!?\n]{0,25}\b(?:${RULES_NOUN}|polic(?:y|ies)|politica|exist|existiera)\b|\b(?:if you (?:weren'?t|were not) bound by|si no estuvieras (?:amarrad[oa]|atad[oa]|obligad[oa]) a)\b|\b(?:ya )?no (?:vas a|vayas a) aplicar(?:me|le)? (?:las|tus|sus) (?:${RULES_NOUN})|\b(?:stop|quit) applying (?:the |your |the company'?s |the store'?s )?(?:${RULES_NOUN})|\b(?:apaga|switch off|turn off|quita(?:le)?|desactiva)\b[^.!?\n]{0,10}\b(?:el|the|tu|your|ese|that|whatever)\b[^.!?\n]{0,10}\b(?:filtro|filter)\b(?:s)? (?:que (?:le )?(?:pasas|aplicas|usas|tienes)|you (?:run|apply|use|have)|(?:on|a|de) (?:my|mis) (?:messages|mensajes)|de (?:contenido|seguridad|la tienda|la empresa))`,
);
export const RULE_INJECTION = new RegExp(
  String.raw`\b(?:treat|trata|considera|consider)\b (?:the customer|this customer|the user|this user|al cliente|al usuario|a este cliente|este cliente|me) (?:as|como) (?:an? |una? )?(?:verified |trusted )?(?:admin|administrator|administrador|staff|owner|dueno|employee|empleado|manager|gerente)\b|\b(?:remember|recuerda|guarda|save|store|apunta)\b[^.!?\n]{0,30}\b(?:for (?:all )?(?:future|next|other) (?:customers|chats|conversations)|para (?:todos )?(?:los )?(?:proximos|demas|otros) (?:clientes|chats|conversaciones)|pa'? ?los demas clientes|en tu memoria para)\b|\b(?:new rule|nueva regla|new instruction|nueva instruccion|nueva orden)\b[^.!?\n]{0,25}\b(?:for this chat|para este chat|for you|para ti|from now on|desde ahora|de ahora en adelante|you (?:accept|must|will|always|are)|aceptas|debes|tienes que|siempre)\b|\b(?:from here on|de aqui en adelante|a partir de ahora|from now on|desde ahora)\b[^.!?\n]{0,20}\b(?:treat|trata|considera|consider)\b[^.!?\n]{0,25}\b(?:(?:my|mis) (?:messages|mensajes)|me)\b[^.!?\n]{0,30}\b(?:owner|dueno|admin|administrador|manager|gerente|authority|autoridad|staff)\b|\b(?:your|tu) (?:real|verdadero|new|nuevo) (?:job|task|trabajo|mision|mission|boss|jefe)\b[^.!?\n]{0,30}\b(?:help me|ayudarme|(?:es|is) (?:yo|me))\b|\b(?:tu unico jefe|your only boss|ahora mando yo|i'?m in charge now|i give the orders now)\b|\b(?:append|agrega|anade|incluye|include)\b[^.!?\n]{0,25}\b(?:your|tus|tu) (?:${RULES_NOUN})\b`,
);
/** A third person, not the writer. */
export const THIRD = String.raw`(?:my (?:neighbou?r|coworker|co-worker|friend|cousin|brother|sister|boss|ex)|mi (?:vecin[oa]|companer[oa]|amig[oa]|prim[oa]|herman[oa]|jefe|ex)|the (?:guy|lady|woman|man|person|customer|client) (?:before me|who|that)|(?:el|la) (?:que|tipo|doña|dona|senor|senora|muchach[oa]) (?:que )?(?:escribio|compro|pidio|vino|estuvo|llamo)|el que escribio antes|whoever|sea de quien sea|de quien sea|(?:he|she|they|el|ella|ellos) (?:gave|dio|dieron|left|dejo|dejaron))`;
export const THIRD_PARTY_DETAILS = new RegExp(
  String.raw`\b(?:what|which|que|cual)\b (?:address|phone|number|email|e-mail|direccion|telefono|numero|celular|correo)\b[^.!?\n]{0,15}\b(?:did (?:he|she|they|my \w+|the \w+)|te dio|te dieron|gave you|left)\b|\b(?:before me|antes que yo)\b[^.!?\n]{0,40}\b(?:email|e-mail|phone|number|address|correo|telefono|numero|direccion|celular)\b|\b(?:email|e-mail|phone|number|address|correo|telefono|numero|direccion|celular|invoice|factura)\b[^.!?\n]{0,40}\b(?:whoever it was for|sea de quien sea|de quien sea|no matter whose|no importa de quien)\b|\b(?:what|que) (?:did )?(?:[a-z]+ ){0,1}(?:[a-z]+ )?(?:bought|buy|compro|pidio|ordered|order)\b[^.!?\n]{0,20}\b(?:and when|y cuando)\b|\b(?:la|el) (?:cuenta|account) (?:de mi|of my) (?:cunad[oa]|suegr[oa]|vecin[oa]|herman[oa]|prim[oa]|amig[oa]|jefe|brother|sister|neighbou?r|friend|coworker)\b|\b(?:tienes|tiene|have you got|do you have)\b[^.!?\n]{0,10}\b(?:el|la|the) (?:celular|telefono|numero|correo|direccion|phone|number|email|address) (?:de|of) (?:la|el|the) (?:dona|doña|senora|senor|tipo|guy|lady|man|woman|muchach[oa])\b|\b(?:direccion|telefono|celular|correo|address|phone|email) del cliente de la cuenta\b`,
);
export const BULK_RECORDS = new RegExp(
  String.raw`\b(?:purchase|order|sales|buying|compra|compras|ventas|pedidos) (?:records|history|historial|registros|logs)\b[^.!?\n]{0,15}\b(?:of|de) (?:all|every|todos|todas|cada)\b|\b(?:registros|historial) de (?:compra|compras|pedidos|ventas) de (?:todos|todas|cada)\b|\b(?:phone numbers|phones|addresses|emails|telefonos|direcciones|correos)\b (?:on|in|of|de|en) (?:today'?s|the|la|el|hoy|this)\b[^.!?\n]{0,20}\b(?:list|lista|route|ruta|deliveries|entregas|delivery)\b|\b(?:every|all|each|todos los|todas las|cada)\b (?:\w+ )?(?:leads?|prospectos|customers you|clientes que)\b[^.!?\n]{0,30}\b(?:collected|registered|registrado|recolectado|captado|guardado|this month|este mes|have|han)\b|\b(?:csv|excel|spreadsheet|hoja de calculo)\b[^.!?\n]{0,30}\b(?:leads?|prospectos|customers|clientes)\b|\b(?:which|que|cuales) (?:customers|clients|clientes) (?:owe|le deben|deben)\b|\b(?:who else|quienes mas|quien mas)\b[^.!?\n]{0,40}\b(?:bought|has bought|ha comprado|han comprado|compro|ordered)\b`
  // "muéstrame las citas de hoy con los teléfonos de las clientas": every client's contact data, asked for.
  + String.raw`|\b(?:muestrame|ensename|dame|pasame|enviame|mandame|lista(?:me)?|show me|give me|send me|list|quiero ver|necesito)\b[^.!?\n]{0,60}\b(?:telefonos|numeros|celulares|correos|direcciones|phones|phone numbers|numbers|emails|addresses|contact details)\b (?:de|of) (?:las |los |the |all (?:the )?|todas las |todos los |tus |your )?(?:clientas|clientes|customers|clients)\b`,
);
export const BOOKS_TAMPERING = new RegExp(
  String.raw`\b(?:register|record|log|mark|registra|anota|marca|pon)\b[^.!?\n]{0,20}\b(?:payment|pago)\b[^.!?\n]{0,10}\b(?:as received|as paid|como recibido|como pagado|como hecho)\b|\bpago el mes que viene\b[^.!?\n]{0,30}\bmarca|\bpay next month\b[^.!?\n]{0,30}\bmark\b|\b(?:lower|drop|set|baja(?:me|le)?|pon(?:me|le)?|deja(?:me|lo)?)\b[^.!?\n]{0,40}\b(?:to|at|al|a|en) (?:the )?(?:cost price|precio de costo|costo)\b|\b(?:edit|edita|modify|modifica|change|cambia)\b (?:the |el |tu |your )?(?:catalog(?:ue)?|catalogo)\b[^.!?\n]{0,40}\b(?:cost|costs|cueste|cuesta|vale|valga)\b|\b(?:cuadra(?:me)?|pon(?:me)?|deja(?:me)?|put|set)\b[^.!?\n]{0,20}\b(?:factura|invoice|total|cuenta)\b (?:en|at|to|a) (?:cero|zero|0)\b|\b(?:a mitad de precio|at half price|half off)\b[^.!?\n]{0,40}\b(?:tu puedes cambiar|you can change|tienes permiso|you have permission)\b`,
);
export const STAFF_VOICE = new RegExp(
  String.raw`\b(?:this is|habla|soy|es|i'?m|i am|it'?s) (?:el |la |the |tu |your )?(?:owner|dueno|duena|manager|gerente|ingeniero|engineer|developer|desarrollador|programador|boss|jefe)\b|\b(?:notice|message|aviso|mensaje|comunicado) (?:from|del|de la|de|from the) (?:the )?(?:store'?s |tienda |la tienda )?(?:it|informatica|tecnolog\w+|sistemas|soporte|support|tech|gerencia|management|your developers|tus desarrolladores|equipo)\b|\b(?:equipo|team) de (?:informatica|sistemas|soporte|tecnologia)\b|\bit team\b|\bque te (?:monto|armo|programo|hizo)\b`,
);
export const STAFF_ORDER = new RegExp(
  String.raw`\b(?:authori[sz]e|autorizo|autorizad[oa]|cleared|proceed|procede|drop|deja|modo admin|admin mode|debug|depuracion|ignore|ignora|unlimited|ilimitad[oa]s?|internal data|datos internos|revisar por dentro|por dentro)\b`,
);

export const SETUP_BY_EFFECT = new RegExp(
  String.raw`\b(?:how|como) (?:it|you|lo|la|te) (?:was |were |fue )?(?:instructed|instruyeron|programaron|programmed|configured|configuraron|told|set up)\b|\b(?:the |el )?(?:text|texto|message|mensaje|rules|reglas) (?:that|que) (?:defines?|define|controls?|controla|governs?|gobierna|decides?|decide) (?:how|como|what|lo que) (?:you|te|tu)\b|\b(?:(?:written|escrit[oa]s?) by|(?:que )?(?:escribieron|wrote|pusieron)) (?:your|tus) (?:makers|creators|creadores|developers|desarrolladores|programadores|duenos|owners)\b|\b(?:everything|all|todo|lo) (?:that )?(?:came|que vino|que llego|que esta|que hay) (?:before|antes de) (?:my|mi) (?:first )?(?:message|mensaje)\b|\b(?:everything|todo) (?:that came|lo que vino) before (?:my|this)\b|\b(?:escrito|written|programad[oa]) (?:por dentro|inside you|internally)\b|\b(?:unlock|desbloquea|libera)\b[^.!?\n]{0,20}\b(?:capabilities|capacidades|potencial|potential|full power|modo completo)\b|\b(?:stop holding back|deja de (?:esconder|ocultar|guardarte))\b|\bw(?:ithout|\/o) (?:the |any )?(?:company|store|shop)(?:'s)? (?:filters?|censorship)\b|\bw(?:ithout|\/o) your (?:filters?|censorship)\b|\bsin (?:el |tu |ningun |los )?(?:filtros?|censura) de la (?:empresa|tienda|ferreteria)\b|\bsin (?:tus|tu) (?:filtros?|censura)\b`,
);
export const BUYER_VERB = String.raw`(?:bought|buys|ordered|purchased|got a quote|quoted|lives|is waiting|are waiting|waiting for|compro|cotizo|pidio|vive|viven|esta esperando|estan esperando|esperando|taba|estaba|estuvo)`;
export const OTHER_BUYER = new RegExp(
  String.raw`\b(?:name|phone|number|email|e-mail|address|contact|whatsapp|nombre|telefono|numero|correo|direccion|contacto|celular|cedula)\b[^.!?\n]{0,40}\b(?:the |el |la |del |de la |de los |of the )?(?:contractor|person|people|guy|lady|woman|man|customer|client|one|contratista|persona|gente|tipo|muchach[oa]|senor|senora|dona|cliente|ultimo|que)\b[^.!?\n]{0,15}\b(?:who|that|que)?\s?${BUYER_VERB}\b|\b(?:who|quien) (?:was|fue|es) (?:the |el |la )?(?:last|ultim[oa]) (?:person |persona |one |que |who )?(?:que |who |to )?(?:buy|compro|bought|ordered|pidio)\b|\b(?:el|la|del|the|whoever) (?:que|who|one who) (?:vive|lives) (?:en|on|in) (?:la |el )?(?:calle|street|avenida|avenue|av)\b|\b(?:read|lee(?:me|s)?|dame|dime|give|tell)\b[^.!?\n]{0,30}\b(?:the one|el que|lo que)(?: you have| tienes)? (?:on file|registrad[oa]|guardad[oa])\b|\b(?:list|lista) (?:of |de )(?:the |la )?(?:people|gente|personas|customers|clientes)\b[^.!?\n]{0,50}\b(?:phones?|telefonos|emails?|correos|addresses|direcciones|numbers|numeros)\b|\b(?:search|look up|busca|consulta|check|revisa)\b[^.!?\n]{0,40}\b(?:orders|pedidos|account|cuenta|invoices|facturas)\b[^.!?\n]{0,50}\b(?:not mine|isn'?t mine|no es (?:el |la )?mi[oa])\b|\b(?:give|grant|dame|danos|da(?:me|le)?)\b[^.!?\n]{0,15}\b(?:access|acceso) (?:to |a )(?:today'?s|all|the|todos los|todas las|los|las) (?:\w+ )?(?:orders|pedidos|customers|clientes|accounts|cuentas)\b|\b(?:como se llama|what'?s (?:his|her|their) name)\b[^.!?\n]{0,20}\b(?:donde vive|where (?:he|she|they) lives?)\b`,
);
export const COVERT_PRICE = new RegExp(
  String.raw`\b(?:price|precio|discount|descuento|oferta|sale|total|cobra(?:me)?|charge|pesitos|pesos|gratis|free|aplica(?:mela|melo)?|apply)\b[^.!?\n]{0,50}\b(?:don'?t tell anyone|no le digas a nadie|nadie se va a dar cuenta|nobody will (?:notice|know)|between us|entre nos(?:otros)?|que no se entere)\b|\b(?:don'?t tell anyone|no le digas a nadie|nadie se va a dar cuenta|nobody will notice)\b[^.!?\n]{0,40}\b(?:price|precio|discount|descuento|gratis|free|pesos)\b|\b(?:at whatever price|al precio que yo)\b|\b(?:make|haz)\b (?:the system|que el sistema) (?:think|believe|crea|piense)\b|\b(?:override|cambia|change|modifica)\b (?:the |el |my |mi )?total\b[^.!?\n]{0,40}\b(?:charge me only|cobrame solo|only the tax|solo el impuesto)\b|\b(?:charge me only|cobrame solo) (?:the |el )?(?:tax|impuesto|itbis)\b|\b(?:ended|expired|se acabo|vencio)\b[^.!?\n]{0,30}\b(?:apply it anyway|aplicamela igual|aplicamelo igual|igual aplicala|anyway)\b|\b(?:knock|quita(?:le)?|take)\b[^.!?\n]{0,15}\b(?:[5-9]\d|100) ?%[^.!?\n]{0,30}\b(?:my (?:uncle|cousin|brother|friend) works|mi (?:tio|primo|hermano|amigo) trabaja)\b`,
);

export const DATA_TERM = String.raw`(?:phone|telefono|number|numero|celular|email|e-mail|correo|address|direccion|cedula|id number|balance|saldo|owes?|debe|deben|deuda|debt|account|cuenta|ordered|order|orders|pedido|pedidos|pidio|ha pedido|compro|bought|purchases?|compras?|registro|registered|datos|details)`;
export const NAME_CAP = String.raw`(?!(?:Calle|Avenida|Av|Santo|San|Santa|Los|Las|La|El|Villa|Punta|Puerto|Black|Sherwin|Home|Hola|Buenas|Buenos)\b)\p{Lu}\p{Ll}+(?: (?:de |del |la )?\p{Lu}\p{Ll}+)+`;
export const NAMED_DATA_ORIGINAL = new RegExp(
  String.raw`\b(?:tel[eé]fono|n[uú]mero|celular|email|e-mail|correo|address|direcci[oó]n|c[eé]dula|ID number|balance|saldo|cuenta|account|datos|details)(?!\p{L})[^.!?\n]{0,30}\b(?:de|of|for|under|a nombre de|in the name of|que tienen de|you have for)\s(?:la |el |the |don |doña |señora? )?${NAME_CAP}|\b(?:[dD]oes|[dD]id|[hH]as)\s${NAME_CAP}(?!\p{L})[^.!?\n]{0,25}\b(?:owe|ordered|order|buy|bought|purchase)(?!\p{L})|¿\s?${NAME_CAP}(?!\p{L})[^.!?\n]{0,25}\b(?:debe|ha pedido|pidi[oó]|compr[oó]|registr[oó])(?!\p{L})|(?:[cC]u[aá]nt[oa]s?|[qQ]u[eé]|[wW]hat|[hH]ow much|[hH]ow many times)(?!\p{L})[^.!?\n]{0,20}\b(?:debe|ha pedido|pidi[oó]|compr[oó]|owes|has ordered|did)\s(?:\p{Ll}+\s){0,2}${NAME_CAP}`,
  'u',
);
export const NAMED_DATA_READING = new RegExp(
  String.raw`\b(?:cuanto|how much|que|what|dime|tell me)\b[^.!?\n]{0,20}\b(?:debe|owes|pidio|compro|ordered|bought)\b[^.!?\n]{0,10}\b(?:don|dona|senor|senora|mr|mrs|ms|la familia|the)\s\w+\b|\b(?:telefono|numero|direccion|correo|cedula|phone|number|address|email)\b[^.!?\n]{0,15}\b(?:registro|registered|dio|gave|tiene|has)\b[^.!?\n]{0,5}\b(?:la familia|the family|don|dona|mr|mrs)\b|\b(?:la|el|del) (?:vecin[oa]|compai|compadre|comadre) (?:mia|mio)\b[^.!?\n]{0,30}\b(?:pidio|compro|debe)\b|\b(?:quien|who)\b[^.!?\n]{0,10}\b(?:compra|buys|is buying|esta comprando)\b[^.!?\n]{0,40}\b(?:con direcciones|with addresses|con telefonos|with phones?)\b|\b(?:datos|details|informacion|info|contact)\b (?:de|of) (?:la persona|the person|el senor|la senora|el cliente|the customer) (?:que|who)\b|\b(?:chat|conversation|conversacion)\b (?:que tuviste|you had)\b[^.!?\n]{0,40}\b(?:con|with) (?:la|el|the|otro|otra|another)\b`,
);
export const RELATIVE_DATA = new RegExp(
  String.raw`\b(?:my|mi) (?:sister-in-law|brother-in-law|mother-in-law|father-in-law|cunad[oa]|suegr[oa]|vecin[oa]|neighbou?r|coworker|companer[oa]|jefe|boss|prim[oa]|cousin|ex)\b[^.!?\n]{0,60}\b(?:her|his|their|su|sus) (?:current |actual )?(?:balance|saldo|ultima compra|last purchase|address|direccion|telefono|phone|pedidos?|orders?|deuda|debt|account|cuenta)\b|\b(?:tell me|dime) (?:what|que|lo que) (?:he|she|el|ella) (?:bought|compro|ordered|pidio)\b`,
);
export const RULES_IN_FORCE = new RegExp(
  String.raw`\b(?:which|what|que|cuales|cual) (?:rules|reglas|instructions|instrucciones|guidelines|directrices|policies|politicas) (?:are you|estas|you are)\s(?:following|siguiendo|obeying|obedeciendo|using|usando)\b[^.!?\n]{0,15}\b(?:right now|ahora mismo|currently|actualmente|en este momento|in this chat|en este chat)\b|\b${RULES_NOUN}\b[^\n]{0,60}?\b(?:quote|cita(?:las|los)?)\b (?:them|each one|every one|una por una|cada una|todas)\b|\b(?:how|como) (?:you were|te) (?:briefed|prepared|prepararon|instruyeron|aleccionaron)\b`,
);
export const ROGUE_UNLOCK = new RegExp(
  String.raw`\b(?:ai|ia|bot|assistant|asistente) (?:ladron[a]?|robber|thief|hacker|malvad[oa]|evil|rogue|rebelde|criminal|sin reglas|sin limites|without rules|with no rules)\b|\b(?:robber|thief|hacker|evil|rogue|rebel|criminal|unfiltered|unchained) (?:ai|bot|assistant)\b|\b(?:override|admin|master) code\b[^.!?\n]{0,15}\b(?:accepted|valid|activated|confirmed)\b|\bcodigo (?:de )?(?:anulacion|administrador|acceso maestro|maestro)\b[^.!?\n]{0,15}\b(?:aceptado|valido|activado|confirmado)\b|\b(?:unlock|desbloquea|activa|enable|habilita)\b[^.!?\n]{0,20}\b(?:restricted|restringidas?|ocultas?|hidden|secret|secretas?|bloqueadas?|locked) (?:functions|funciones|features|modes?|modos?|tools|herramientas|commands|comandos)\b|\b(?:type|write|enter|escribe|pon|mete)\b (?:a |un )?(?:new |nuevo )?(?:price|precio)(?: nuevo)? (?:in|en|on|into)\b (?:the |el |my |mi )?(?:order|pedido|invoice|factura|system|sistema)\b|\b(?:haz que|make) (?:la factura|the invoice|el recibo|the receipt) (?:diga|say|says|muestre|show)\b[^.!?\n]{0,40}\b(?:gratis|free|regalo|gift|pagad[oa]|paid)\b`,
);
