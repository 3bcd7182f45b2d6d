/**
 * Questions about the store itself rather than its products — its amenities ("¿tienen
 * estacionamiento?", "do you have parking?") and the services beside selling ("¿hacen cortes de
 * madera?", "¿dan factura con comprobante fiscal?", "¿venden al por mayor?"). Read by the rule brain
 * (a store question, never "no vendemos estacionamiento" nor the lead form on a question) and by
 * the info tool (which fact to answer from `store.json` `facts`): one reading of the words for both.
 * The words are the engine's; whether the store has parking is the store's data.
 */
import type { StoreFactKey } from '../../../domain/tenant.js';
import { fold } from './text.js';
import { createLru, remembered } from '../../../kernel/lru.js';

function words(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a question about the place may end: the message's end, or a branch or a place ("en la principal", "ahí"). */
const END = String.raw`(?:$|\s+(?:en|ahi|alla|aqui|alli|para|pa|de|in|at|there|here|for)\b)`;
/** The words of asking whether the store has or does something. */
const HAVE = String.raw`(?:tienen|tiene|tienes|tendran|hay|habra|cuentan con|ofrecen|do you (?:guys )?have|do y all have|you (?:guys )?have|have you got|is there|are there|got)`;

/**
 * A request, not a question: "quiero comprar al por mayor", "necesitamos una cotización formal",
 * and a business telling who it is ("soy de una ferretería, ¿venden al por mayor para revender?")
 * are the lead form's (an advisor's), not a question whether the store does it.
 */
const REQUEST =
  /\b(?:soy de|somos|we own|we are|we re|i own|i run|we run|tengo una|tenemos una|para revender|to resell|reventa|resale|(?:mi|nuestra|my|our) (?:empresa|compania|negocio|ferreteria|constructora|company|business|store)|quiero|quisiera|queremos|quisieramos|necesito|necesitamos|busco|buscamos|ocupo|ocupamos|me interesa|nos interesa|i want|we want|i need|we need|i d like|we d like|i would like|we would like|looking to|interested in|mandenme|envienme|hagame|hazme|me hace|me hacen una)\b/;

/**
 * Someone to do a job, not a person of the store: "necesito alguien que me instale una puerta",
 * "busco una persona que me pinte la casa", "I need someone to fix my sink". The store sells the
 * material and knows tradespeople (the installation fact); a request to talk to someone of the store
 * ("quiero hablar con una persona", "alguien que me atienda") is not this.
 */
const TRADE_JOB =
  /\b(?:(?:necesito|necesitamos|busco|buscamos|ando buscando|estoy buscando|quiero|queremos|quisiera|ocupo|ocupamos|me hace falta|conocen|conoce|conoces|recomiendan|recomienda|me recomiendan|tienen|tiene|hay)\s+(?:a\s+)?(?:(?:alguien|una persona|un senor|un muchacho|un hombre|gente|personal|quien)\s+(?:que|para|q)|quien)\s+(?:me\s+|nos\s+|le\s+|les\s+|lo\s+|la\s+)?(?:instal|mont|coloqu|coloc|pint|arregl|repar|pong|cambi|constru|peg|enchap|destap|sold|remodel|techa|tech|empanet)\w*|(?:need|needs|looking for|want|know|recommend|have)\s+(?:someone|somebody|a guy|a person|anyone|anybody|people)\s+(?:to|who can|that can|who could)\s+(?:install|fix|repair|paint|build|mount|put up|lay|tile|unclog|weld|do)\b)/;

/** A tradesperson saying what they are and asking for work ("¿tienen trabajo? soy electricista", "I'm a plumber, any jobs?"). */
const SEEKS_WORK =
  /^(?=.*\b(?:soy|somos|i m|i am|we re|we are)\s+(?:un |una |an? )?(?:tecnicos?|instaladores?|plomeros?|electricistas?|maestros? de obra|albanil\w*|pintor\w*|carpinter\w*|soldador\w*|plumbers?|electricians?|technicians?|installers?|contractors?|painters?|carpenters?|welders?)\b)(?=.*\b(?:trabajo|trabajar|empleo|chamba|vacantes?|plazas?|cogiendo gente|contratando|work|job|jobs|hiring|openings?)\b)/;

/** Someone asked for to do a job (see `TRADE_JOB`): the installation fact, even over a sure request for a person. */
export function asksForTradesperson(text: string): boolean {
  const f = words(text);
  return f !== '' && !TROUBLE.test(f) && TRADE_JOB.test(f);
}

/**
 * The price of a job asked: installing, the labour, what a tradesperson charges ("¿cuánto cobra el
 * plomero?", "¿cuánto sale la instalación del inodoro?", "how much does an electrician charge?").
 * The store does not install: the price is agreed with the tradesperson. A product named after a
 * trade ("cinta de plomero", "kit de instalación") is goods, not a job.
 */
const TRADE_PRICE =
  /\b(?:cuanto|cuantos|a como|que precio|how much|what)\b(?: \w+){0,4}? (?:cobra\w*|cuesta\w*|cuestan|sale|salen|saldria|vale|valen|costaria|charges?|charging|cost|costs|is|for|does|do|would)\b(?: \w+){0,3}? (?<!\b(?:de|del|para|pa|kit|juego|of|for) )(?:la instalacion|una instalacion|instalacion|instalarlo|instalarla|instalarlos|instalarlas|instalar|montaje|montarlo|montarla|mano de obra|installation|installing|install it|install them|to install|labou?r|plomeros?|electricistas?|tecnicos?|instaladores?|maestros? de obra|maestros?|albaniles|albanil|pintor(?:es)?|carpinteros?|plumbers?|electricians?|technicians?|installers?|contractors?|painters?|carpenters?)\b(?!(?: s)? (?:tape|glue|putty|wrench|kit|cinta|pegamento|llave|masilla))|\b(?:precio|costo|price|cost) (?:de|del|of) (?:la |el |the )?(?:instalacion|mano de obra|installation|labou?r)\b/;

/** A tradesperson's price found too high: "el plomero que me recomendaron cobra muy caro", "the electrician charged me way too much". */
const TRADE_TOO_DEAR =
  /(?<!\b(?:de|del|para|pa|kit|juego|of|for) )\b(?:plomero|electricista|tecnico|instalador|maestro(?: de obra)?|albanil|pintor|carpintero|soldador|plumber|electrician|technician|installer|contractor|builder|painter|carpenter|welder)s?\b(?!(?: s)? (?:tape|glue|putty|wrench|kit|cinta|pegamento|llave|masilla))(?: \w+){0,6}? (?:(?:(?:me|nos|le) )?(?:cobra|cobran|cobro|cobraron|esta cobrando|estan cobrando|quiere cobrar|quieren cobrar|pide|piden|pidio|charges?|charged|is charging|wants?|asks?|asked)(?: \w+){0,3}? (?:muy car[oa]|car[oa]|carisim[oa]|demasiado|mucho|un dineral|un ojo de la cara|un chorro|too much|a lot|so much|an arm and a leg|way too much)|(?:es|son|sale|salen|is|are) (?:muy |bien |super |too |really |so |way too )?(?:car[oa]s?|carisim[oa]s?|expensive))\b/;

/** Buying in volume: "necesito comprobante fiscal, somos empresa y compraremos mucho" is a lead with a fiscal need. */
const VOLUME = /\b(?:compraremos|vamos a comprar|compramos|mucho|muchos|volumen|grandes cantidades|al por mayor|por mayor|cada mes|mensual\w*|we ll buy|we will buy|we buy|a lot|large quantities|bulk|wholesale|monthly|every month)\b/;

/** Trouble told, not a question: "no me dieron factura con NCF" is a case for a person. */
const TROUBLE = /\b(?:no me (?:dieron|dio|han dado|entregaron|mandaron|enviaron|llego|quisieron|quieren)|todavia no|aun no|nunca me|never (?:got|received)|didn t (?:get|give)|haven t (?:got|received)|refused)\b/;

/** An order placed, not a question whether one can: "quiero pedir por aquí 5 sacos de cemento". */
const ORDER_PLACED = /\b(?:quiero|quisiera|queremos|voy a|vamos a|necesito|i want to|i d like to|i ll|i will|let me)\s+(?:\w+\s+)?(?:pedir|ordenar|comprar|hacer (?:un |el |mi )?pedido|order|buy|place)\b/;

/**
 * The words that ask for each fact (folded, no punctuation). Each is written to leave products
 * alone: "adoquines para parqueo", "accesorios de baño", "bombillo wifi", "disco de corte", "llave
 * de chorro", "venden sillas de ruedas" stay product questions.
 */
const FACT_WORDS: readonly (readonly [StoreFactKey, RegExp, RegExp?])[] = [
  ['parking', new RegExp(String.raw`(?<!para (?:el |un |mi |la )?)\b(?:estacionamientos?|parqueos?|parking|parqueadero|car park|parking lot)\b(?! (?:de|para) (?:bloques?|adoquin\w*))|\b(?:donde|where) (?:\w+ ){0,3}(?:parquear|parqueo|estacionar\w*|aparcar|park)\b|\b(?:puedo|se puede|podemos|hay donde|can i|can we) (?:\w+ ){0,2}?(?:parquear|estacionar\w*|aparcar|park)\b`)],
  ['restroom', new RegExp(String.raw`^(?:and|also|what about|how about)?\s*(?:(?:an?|the|any)\s+)?(?:public |customer )?(?:restrooms?|washrooms?)(?: too| as well)?\s*$|\b(?:${HAVE}|donde (?:esta|queda|estan)|puedo usar|se puede usar|me prestan|where is|where s|can i use)\s+(?:(?:un|el|los|unos|a|the)\s+)?(?:(?:banos?|sanitarios?|servicio sanitario|inodoro para clientes|bathrooms?|restrooms?|washrooms?)(?:\s+(?:para|de|for) (?:los |el )?(?:clientes|publico|uso publico|customers|the public))?(?:\s+(?:(?:i|we) (?:can|could) use|que (?:pueda|podamos|se pueda) usar|para usar))?|toilets? (?:(?:for|para) (?:los |el )?(?:clientes|publico|customers|the public)|(?:i|we) (?:can|could) use))${END}`)],
  ['accessibility', /\b(?:acceso|entrada|rampas?|entrar|pasar|accesibles?|adaptad[oa]s?|access|ramps?|get in)\b(?: \w+){0,4} (?:silla de ruedas|sillas de ruedas|discapacitad\w*|movilidad reducida|wheelchairs?|disabled|handicap\w*)\b|\b(?:wheelchair|disabled|handicap\w*) (?:access\w*|ramps?|friendly|entrance)\b|\b(?:tienen|hay|tiene) rampas?\b|\b(?:silla de ruedas|sillas de ruedas|wheelchairs?)\b(?: \w+){0,6} (?:entrar|pasar|acceder|moverse|get in|get around|enter|access)\b|\bis (?:the store|your store|it|the shop|the branch) (?:wheelchair )?accessible\b/],
  ['wifi', new RegExp(String.raw`\b(?:${HAVE}|(?:cual es |me (?:pasan|das|dan) )?(?:la )?(?:clave|contrasena|password) (?:del|de el|de la|of the|for the))\s+(?:(?:el|la|un|free|internet|a)\s+)?(?:wi ?fi|internet)(?:\s+(?:gratis|para clientes|free|for customers))?${END}|\b(?:wi ?fi) (?:password|gratis|para clientes|free|for customers)\b`)],
  ['atm', /\b(?:cajeros? automaticos?|atms?|cash machines?|cash points?|cajero (?:de|del) banco)\b/],
  ['keyCopies', /\b(?:copias? de|copiar|copien|duplicados? de|duplicar|sacar(?:me)? (?:una )?copia de|copy|copy of|copies of|duplicate|duplicate of|cut|make|hacen|sacan) (?:(?:una|la|las|mis|un|unas|a|my|the|some|house|car|door|front|back|spare|extra|casa)\s+){0,3}(?:llaves?|keys?)\b(?! (?:de|para|con) (?:paso|chorro|lavamanos|fregadero|agua|manguera|ducha|tubo|tuerca|boca|corona|allen|stilson|pared|jardin|bola|compuerta|mezcladora|cierre|lavadora))/],
  ['cutting', /(?<!\bque )\b(?:(?:hacen|dan|tienen|ofrecen|hay|brindan)\s+(?:el |un )?(?:servicio de )?cortes?|servicio de cortes?|(?:cuanto |que )?(?:cobran|cuesta|sale|vale|cobras|cobra) (?:\w+ )?(?:por |el |los )?(?:el |los )?(?:cortes?|cortar\w*)|(?:me |nos |le )?(?:cortan|corten)|(?:me |nos )(?:corta|cortas)|(?:pueden|puede|podrian|podria|pueden ustedes)\s+(?:\w+\s+)?cortar\w*|cortar(?:me|nos)\w*|(?:do|can|could|will) (?:you|y all|you guys) (?:also )?cut|cutting service|cut (?:\w+ ){0,3}to (?:size|length|measure)|^(?:(?:and|ok|can|could) )?(?:you )?cut (?:it |them |one |that )?(?:in (?:half|two|2)|for me)|(?:a|en) la mitad\b.*\bcort|\bcortar?(?:l[oa]s?)? (?:a|en) la mitad)\b(?!.*\b(?:llaves?|keys?)\b)/],
  ['paintMixing', /\b(?:(?:ustedes )?(?:mezclan|preparan|entintan|tintan|igualan|combinan)|(?:pueden|puede|podrian|me pueden|se puede)\s+(?:\w+\s+)?(?:mezclar|preparar|entintar|igualar|sacar)(?:me)?|do you (?:mix|tint|match)|can you (?:mix|tint|match))\s+(?:\w+\s+){0,2}?(?:pinturas?|colou?r(?:es|s)?|tonos?|paints?)\b|\b(?:hacen|hace|haces|ustedes hacen|tienen servicio de|hay servicio de|ofrecen|do you do|do you offer)\s+(?:la |las |el |los )?(?:mezclas?|igualacion(?:es)?|igualado|entintados?|tintados?|preparacion)\s+(?:de\s+)?(?:la |las |los )?(?:pinturas?|colou?r(?:es|s)?|tonos?)\b|\b(?:color matching|colour matching|paint mixing|paint tinting|maquina de (?:colores|mezclar pintura)|igualacion de colou?r(?:es)?)\b|\b(?:pinturas?|paints?)\b.*\b(?:me |nos )?(?:la|las|lo|los) (?:(?:pueden|puede|podrian|podria|van a) )?(?:mezclar|mezclan|preparar|preparan|entintar|entintan|igualar|igualan)\b|\b(?:pinturas?|paints?)\b.*\b(?:can|could) you (?:mix|tint|match) (?:it|them)\b|\b(?:mism[oa]|igualit[oa]) (?:colou?r|tono) (?:que|de|del|a|al)\b.*\b(?:tengo|tenia|pared(?:es)?|casa|cuarto|habitacion|puertas?|muestra)\b|\bsame colou?r (?:as|i have|that i have|on)\b|\bmatch (?:my|the|an existing|this) (?:existing )?(?:paint|colou?r|wall)\b/],
  ['toolRental', /\b(?:alquilan|alquilen|alquilar\w*|alquiler(?:es)? de|rentan|renten|rentar\w*|renta de|(?:do|can|could) (?:you|y all|you guys|i|we) (?:\w+ ){0,2}?rent|rent (?:out )?(?:tools?|equipment|machines?|scaffold\w*|an? \w+|the \w+)|(?:tool|tools|equipment|scaffold\w*|machinery) (?:rentals?|hire)|for (?:rent|hire)|hire out)\b/],
  ['installation', /^(?:(?:y|e|and|what about|how about) )?(?:(?:la|el|the) )?(?:instalacion|installation|montaje)(?: (?:del?|de la|of the|of) \w+)?$|\b(?:(?:ustedes |uds )?(?:instalan|instalen)|(?:pueden|puede|podrian|podria|me lo pueden|me la pueden|me los pueden|vienen a|hacen|ofrecen|tienen|dan|brindan|hay|incluye|incluyen)\s+(?:\w+\s+){0,2}?(?:instalar\w*|instalacion\w*|montaje)|servicio de (?:instalacion|montaje)|(?:do|can|will|could) (?:you|u|y all|you guys) (?:also )?install|(?:someone|somebody|anyone|anybody)(?: (?:who|that))?(?: (?:can|could|will|would|to))? (?:come (?:and |to )?)?install|installation services?|do you (?:do|offer) installation\w*|(?:tienen|hay|recomiendan|recomendar\w*|conocen|conocer)\s+(?:\w+\s+){0,2}?(?<!\b(?:de|para) )(?:tecnicos?|instaladores?|plomeros?|electricistas?|maestros? de obra|albanil\w*)|(?:do you have|can you recommend|do you know) (?:an? |any )?(?:installers?|plumbers?|electricians?|technicians?|contractors?)(?! (?:pric|discount|rate|account|tape|glue|putty|wrench))|(?:necesito|necesitamos|busco|buscamos|ocupo|ando buscando|estoy buscando|me hace falta|quiero|quisiera)\s+(?:un |una |a )?(?:tecnico|instalador|plomero|electricista|maestro de obra|maestro constructor|albanil|pintor de casas)|(?:necesito|necesitamos|busco|buscamos|ocupo|ando buscando|estoy buscando|me hace falta|quiero|quisiera)\s+un (?:pintor|carpintero|soldador)|(?:i|we) (?:need|am looking for|re looking for|want) (?:an? |someone to )?(?:installer|plumber|electrician|technician|contractor|builder|painter|carpenter|welder))\b/],
  // "¿cuánto cobra un plomero?", "¿cuánto cuesta la instalación?", "how much does an electrician charge?": the tradesperson's price, not the store's;
  // "el plomero que me recomendaron cobra muy caro": that price is theirs to agree too (never the plumber's tape).
  ['installationPrice', new RegExp(`${TRADE_PRICE.source}|${TRADE_TOO_DEAR.source}`)],
  ['wholesale', /\b(?:venden|vende|vendes|hacen|tienen|tiene|dan|manejan|ofrecen|hay|trabajan|despachan|comprar|comprarles|comprarle|compro|buy|do you|do y all|is there|are there|how does|how do|como (?:funciona|es|son|trabajan)|cual(?:es)? (?:es|son)|cuanto)\b(?: \w+){0,4} (?:al por mayor|por mayor|mayoreo|mayoristas?|precios? (?:de|al|por) (?:por )?mayor|(?:precios?|descuentos?) (?:por|de) (?:volumen|cantidad)|wholesale|bulk (?:prices?|pricing|discounts?|rates?)|volume (?:prices?|pricing|discounts?)|(?:precios?|descuentos?) (?:especial(?:es)? )?(?:para|pa|de) (?:los )?(?:contratistas?|maestros? de obra|ingenieros?)|contractor (?:prices?|pricing|discounts?|rates?|accounts?)|(?:prices?|pricing|discounts?|rates?) for (?:contractors?|builders?|businesses)|(?:discounts?|prices?|pricing|deals?) (?:for|on) (?:volume|bulk|large orders?|big orders?|quantity|quantities|buying in bulk))\b/, REQUEST],
  ['fiscalInvoice', /\b(?:comprobantes? (?:fiscal\w*|de credito fiscal|gubernamental\w*|de valor fiscal)|credito fiscal|valor fiscal|ncf|e ncf|ecf|factura fiscal|facturas fiscales|facturas? (?:\w+ ){0,2}?(?:(?:con|de) (?:mi |la |nuestra |una |su |el )?(?:rnc|ncf|comprobante|empresa|compania)|a nombre de)|(?:dan|emiten|hacen|sacan|entregan|me dan|me pueden dar|nos dan|dan ustedes)\s+(?:\w+\s+)?facturas?|facturan|tax (?:receipts?|invoices?)|fiscal (?:receipts?|invoices?)|invoices? with (?:my |our |the |a )?(?:rnc|tax id|company name)|(?:can i|could i|can we|do you) (?:get|give|issue|provide) (?:me |us )?(?:an? |proper )?(?:invoices?|receipts?))\b/, VOLUME],
  ['businessQuotes', /\b(?:hacen|dan|preparan|elaboran|mandan|envian|sacan|manejan|do you (?:do|make|give|prepare|send)|can you (?:do|make|give|prepare|send))\s+(?:\w+\s+){0,2}?(?:cotizaciones|presupuestos|quotes|quotations|estimates|(?:cotizacion|presupuesto|quote|quotation) (?:formal(?:es)?|por escrito|in writing|written|para (?:empresas?|companias|constructoras?|negocios)|a empresas|corporativ\w*|for (?:companies|businesses|contractors)))\b/, REQUEST],
  ['pickup', /\b(?:(?:puedo|se puede|podemos|podria|pueden|can i|could i|can we)\s+(?:\w+\s+){0,4}?(?:recoger\w*|recojo|pasar a (?:buscar|recoger)\w*|ir a (?:buscar|recoger)\w*|retirar\w*|pick (?:\w+ )?up|collect (?:it|them|my order)|come (?:and )?get (?:it|them))|(?:recogida|retiro|recoger|pick ?up) en (?:la )?(?:tienda|sucursal|ferreteria)|(?:in store|store) pick ?up|pick ?up in (?:the )?store|how (?:long|soon) (?:till|until|before|for) (?:it s|its|it is|they re|theyre|my order is|the order is|it ll be|it will be) ready|(?:cuanto|que tanto) (?:tiempo )?(?:tarda|tardan|demora|demoran) (?:en )?(?:estar|tenerlo|tenerla|tenerlos) list[oa]s?|en cuanto tiempo (?:esta|estaria|estan) list[oa]s?)\b/],
  ['online', new RegExp(String.raw`\b(?:${HAVE}|cual es (?:su|el|la)|cuales son (?:sus|las)|como (?:los|las|lo|la) (?:encuentro|busco|sigo)|estan en|what s your|what is your|are you on|are you guys on|where can i find you on)\s+(?:(?:su|sus|una|un|la|el|a|an|your|the)\s+)?(?:pagina web|pagina de internet|sitio web|website|web site|web page|tienda (?:en linea|online|virtual)|online (?:store|shop)|instagram|facebook|tik ?tok|redes sociales|redes|social media)\b|\b(?:(?:comprar|compro|pedir|pido|venden|vende|buy|order|shop|sell) (?:\w+ )?(?:en linea|online|por internet))\b`)],
  // "¿puedo pagar contra entrega?", "¿le pago al chofer cuando llegue?", "cash on delivery?"
  ['cashOnDelivery', /\b(?:contra ?entregas?|contraentregas?|pago (?:al|cuando) (?:recibir|llegue|lleguen|me llegue|entreguen|reciba)|(?:pagar|pago|pagarle|pagarles|pagas|paga|pagamos)(?: \w+){0,3} (?:al (?:recibir|chofer|delivery|repartidor|motorista|mensajero)|cuando (?:me |nos )?(?:llegue|lleguen|lo traigan|la traigan|los traigan|me lo traigan|me lo entreguen|lo entreguen|reciba|recibamos))|cash on delivery|c o d|pay(?: with| by| in)?(?: \w+){0,2} (?:on|upon|at) delivery|pay (?:\w+ ){0,2}when (?:it|they|the order) (?:arrives?|gets? here|comes?|is delivered|are delivered)|pay(?: with| by| in)?(?: \w+){0,2} when (?:you|u|you guys|they|the driver|your driver) (?:deliver|delivers|bring|brings|drop|drops)(?: (?:it|them|the order|my order))?|pay the (?:driver|delivery (?:guy|man|person))|payment on delivery|(?:take|takes|accept|accepts|taking|use|using)(?: \w+){0,2} (?:on|upon|at) delivery|(?:card|cards|cash) (?:on|upon|at) delivery|(?:tarjeta|efectivo) (?:en|a la|al) (?:la )?(?:entrega|recibir)|(?:chofer|delivery|repartidor|motorista|mensajero|driver|delivery guy)(?: \w+){0,2} (?:acepta|aceptan|cobra|cobran|recibe|reciben|lleva|llevan|accepts?|takes?|carries|has)(?: \w+){0,2} (?:tarjeta|tarjetas|efectivo|datafono|card|cards|card machine|cash))\b/],
  // "¿entregan los domingos?", "¿hasta qué hora puedo pedir para que llegue hoy?", "do you deliver on Sundays?"
  ['deliveryDays', /\b(?:(?:entregan|entregas?|reparten|llevan|despachan|delivery|envian|envios?|hacen (?:delivery|entregas?|envios?)|trabajan el delivery|hay delivery)(?: \w+){0,2} (?:los|el|en|un|los dias|en los|en el|este) (?:domingos?|sabados?|fin(?:es)? de semana|feriados?|dias feriados)|hasta (?:que|q) hora (?:\w+ ){0,3}?(?:pedir|pido|pedimos|ordenar|ordeno|reciben pedidos|toman pedidos|hacer (?:el|un|mi) pedido)|(?:pedir|pido|pedimos|ordenar|ordeno)(?: \w+){0,3} (?:para que|pa que) (?:me |nos )?(?:llegue|lleguen|lo traigan|me lo traigan|me lo lleven|lo lleven|salga) (?:hoy|el mismo dia|mismo dia)|hora (?:limite|de corte|tope) (?:\w+ ){0,2}?(?:pedidos?|pedir|delivery|entregas?)|(?:deliver|delivery|deliveries)(?: \w+){0,2} (?:on )?(?:sundays?|saturdays?|weekends?|holidays?)|cut ?off (?:time|hour)|(?:order|place (?:an|my|the) order) by what time|what time (?:do|should|must|can) (?:i|we) (?:\w+ ){0,2}order|latest (?:time )?(?:i|we) can order|(?:pido|ordeno|compro|pedimos|ordenamos|compramos|hago (?:el |mi |un )?pedido|hacemos (?:el |un )?pedido)(?: \w+){0,7} (?:me |nos |lo |la |los )*(?:llega|llegan|llegaria|llegarian|traen|traerian|llevan|llevarian|entregan|entregarian|sale|saldria|despachan)(?: \w+){0,3} (?:hoy|hoy mismo|el mismo dia|mismo dia)|(?:if|when) (?:i|we) (?:order|buy|place (?:an|the|my|our) order)(?: \w+){0,6} (?:will|would|can|does|do|could) (?:it|they|the order|that|my order|our order|the stuff|them) (?:arrive|get here|get there|come|be delivered|be here|get delivered|go out|ship)(?: \w+){0,2} (?:today|the same day|same day))\b/],
  // "¿cuánto es el mínimo pa delivery?", "¿hay que comprar un mínimo?", "is there a minimum order for delivery?"
  ['deliveryMinimum', /\b(?:minim[oa]s?|minimum)\b(?=.*\b(?:delivery|deliver\w*|envios?|enviar\w*|entregas?|entregar\w*|llevar\w*|despach\w*)\b)|\b(?:pedidos?|compras?|orders?|purchases?|montos?|amounts?) (?:minim[oa]s?|minimum)\b|\b(?:minimum|minimo) (?:de )?(?:pedido|compra|order|purchase|amount|monto)\b|\b(?:a partir de|desde) (?:que|q|cuanto)(?: \w+){0,4} (?:gratis|free)\b|\bhow much (?:do|should|must) (?:i|we) (?:have to |need to )?(?:buy|spend|order) (?:for|to get) (?:free )?delivery\b/],
  // "mándame foto del inodoro", "¿tienes fotos?", "can you send me a picture?"
  ['photos', /\b(?:mandame|mandeme|mandenme|enviame|envieme|envienme|pasame|pasenme|me (?:\w+ )?(?:manda|mandas|mande|manden|mandan|envia|envias|envie|envien|envian|pasa|pasas|pase|pasen|pueden mandar|puedes mandar|podrias mandar|pueden enviar|puedes enviar|pueden pasar|puedes pasar)|tienes?|tienen|hay|puedo ver|se puede ver|quiero ver|send me|send us|can you send|could you send|show me|do you have|have you got|got any|can i see)(?: \w+){0,3} (?:fotos?|fotografias?|imagen(?:es)?|pics?|pictures?|photos?|images?)\b|^(?:y |and )?(?:una |la |unas |las |a |the )?(?:fotos?|pictures?|photos?|pics?)(?: (?:del|de la|de los|de las|de|of the|of)\b|$)/],
  // "¿venden por WhatsApp?", "¿puedo pedir por aquí?", "can I order through WhatsApp?"
  ['orderByChat', /\b(?:(?:se puede|puedo|podemos|podria|podriamos|pueden|puede|can i|can we|could i|could we|do you|do y all)\s+(?:\w+\s+){0,2}?(?:pedir|comprar|ordenar|hacer (?:un |el |mi )?pedido|order|buy|place (?:an |my )?order)|venden|vende|vendes|toman pedidos|reciben pedidos|do you (?:sell|take orders))(?: (?:it|them|things|stuff|lo|la|los|las|algo|cosas))? (?:por|via|through|on|by|over|in|en) (?:(?:el|este|the|this)\s+)?(?:whats ?app|wasap|wassap|guasap|wsp|aqui|aca|este chat|el chat|chat|here|mensaje|mensajes)\b/, ORDER_PLACED],
  ['catalog', new RegExp(String.raw`\b(?:${HAVE}|me (?:pasan|mandan|envian|manda|pasa|pasas|mandas|envias)|me (?:pueden|puedes|podrias|podrian) (?:pasar|mandar|enviar)|can you send(?: me)?|could you send(?: me)?)\s+(?:(?:un|el|la|su|sus|tu|a|your|the)\s+)?(?:(?:full|complete|whole|entire|updated|current|latest)\s+)?(?:catalogos?|catalogs?|catalogues?|lista de precios|price list)(?:\s+(?:de precios|de productos|digital|en pdf|completo|completa|entero|entera|actualizado|actualizada|pdf|of products|con (?:los )?precios|with (?:the )?prices|(?:de|of) \w+)){0,2}(?:\s+(?:por|al|via|by|on|to|over)\s+(?:whats ?app|wasap|wsp|correo|email|e mail|mail|aqui))?\s*$`)],
  ['taxIncluded', /\b(?:incluye|incluyen|incluido|incluida|incluidos|con|lleva|llevan|tiene|tienen|sin|mas|plus|include|includes|including|with|without)\s+(?:el\s+|la\s+|the\s+)?(?:itbis|iva|impuestos?|tax|taxes|vat)\b|\b(?:itbis|tax|taxes|vat)\s+(?:incluido|incluida|included|incl)\b|\b(?:is|are)\s+(?:the\s+)?(?:itbis|tax|taxes|vat)\s+included\b|\b(?:se cobra|cobran|cobra|le ponen|le agregan|agregan|suman|add)\s+(?:el\s+|the\s+)?(?:itbis|iva|tax|vat)\b|\b(?:cuanto|de cuanto|que|what|how much)\s+(?:es|is|s)\s+(?:el\s+|the\s+)?(?:itbis|iva|tax|vat)\b/],
  // A supplier's pitch, not a customer's question: "vendo cemento barato, ¿les interesa?", "somos distribuidores de pintura", "we supply tiles, interested?".
  ['supplierOffer', /\b(?:(?:yo |nosotros )?(?:vendo|ofrezco|distribuyo|distribuimos|importamos|fabricamos)\b(?! (?:mi|mis) (?:casa|carro|vehiculo))|soy (?:proveedor|distribuidor|representante de ventas|importador|fabricante)|somos (?:proveedores|distribuidores|una distribuidora|fabricantes|importadores|una fabrica)|(?:les|le) (?:interesa|interesaria) (?:comprar|comprarme|comprarnos|adquirir)|(?:ser|convertirme en|convertirnos en) (?:su |sus )?proveedor\w*|(?:quiero|quisiera|queremos|quisieramos|me gustaria|nos gustaria) (?:venderles|ofrecerles|presentarles)|ustedes compran (?:\w+ ){0,2}(?:usad\w*|chatarra|mercancia|material(?:es)?|productos)|(?:i|we) (?:supply|distribute|manufacture|import)\b|(?:i m|i am|we re|we are) (?:a |an )?(?:supplier|distributor|manufacturer|vendor|sales rep)|(?:would you be|are you) interested in (?:buying|our products|our prices)|(?:become|be) (?:your|a) (?:supplier|vendor)|do you buy (?:\w+ ){0,2}(?:used|scrap|stock|products|materials))\b/, /\b(?:necesito|necesitamos|busco|buscamos|ocupo|cotizacion|cotizar|i need|we need|looking for)\b/],
  // The store's own RNC ("¿cuál es el RNC de ustedes?", "your tax id?"), never the customer's company's ("factura con el RNC de la empresa").
  ['storeTaxId', /\b(?:(?:su|el|tu) rnc (?:de (?:ustedes|uds|la ferreteria|la tienda|la compania de ustedes)|suyo)|rnc de (?:ustedes|uds|la ferreteria|la tienda)|(?:cual es|me (?:das|dan|pasas|pasan|regalas)|dame|pasame) (?:el |su )rnc$|(?:your|the store s|the company s|your company s|your business) (?:rnc|tax id|tax number|tax identification number)|(?:rnc|tax id|tax number) (?:of|for) (?:the|your) (?:store|company|business|shop))\b/],
  // A surcharge for paying by card ("¿me cobran algo extra si pago con tarjeta?", "is there a card fee?"), not whether cards are taken.
  ['cardSurcharge', /^(?=.*\b(?:tarjetas?|cards?|visa|mastercard|datafono)\b)(?=.*\b(?:(?:cobran|cobra|cargan|carga|recargan|ponen|sale|salen|cuesta) (?:\w+ ){0,2}?(?:extra|mas caro|adicional|recargo|comision|porciento|por ciento)|recargos?|comision(?:es)?|surcharges?|(?:card|processing|transaction|extra) fees?|(?:charge|cost) (?:\w+ ){0,2}?(?:extra|more))\b)/],
];

/** A language named: English or Spanish, as customers write them (folded). */
const LANGUAGE = String.raw`(?:english|ingles|spanish|espanol|castellano)`;
/** Who may speak it: the bot, the store's people, anyone there. */
const SOMEONE = String.raw`(?:you|y all|you guys|u|anyone|anybody|someone|somebody|any of you|your staff|the staff|alguien|alguno|algun empleado|alguna persona|ustedes|uds|tu|usted)`;

/**
 * Asking which language the store attends in: "do you speak English?", "¿hablan inglés?", "is there
 * someone who speaks English?", "can we talk in English?", "English please", "I don't speak
 * Spanish", "no hablo inglés". Answered by the store (a fact), in the customer's language — never a
 * request for a person by the word "speak".
 */
const LANGUAGE_WORDS = new RegExp(
  [
    String.raw`\b(?:do|does|can|could|will)\s+${SOMEONE}(?:\s+(?:there|here|also|guys))?\s+(?:speak|talk|understand|write|read|chat)(?:\s+in)?\s+${LANGUAGE}\b`,
    String.raw`\b(?:is there|are there|is|are|any)\s+(?:\w+\s+){0,2}?(?:who|that)?\s*(?:speaks?|talks?|understands?)\s+${LANGUAGE}\b`,
    String.raw`\b(?:english|spanish) speak(?:er|ers|ing)\b`,
    String.raw`\b(?:anyone|anybody|someone|somebody)\s+(?:(?:there|here|around)\s+)?(?:speaks?|talks?)\s+${LANGUAGE}\b`,
    String.raw`\b(?:can|could|may|shall)\s+(?:we|i)\s+(?:\w+\s+){0,3}?in\s+${LANGUAGE}\b`,
    // "do you have English?" (a question of its own: the message ends, or the next question starts).
    String.raw`\b(?:do|does)\s+${SOMEONE}\s+(?:have|got|offer)\s+(?:service\s+in\s+|support\s+in\s+)?(?:english|spanish)(?:\s+(?:service|support|speakers?|speaking(?:\s+staff)?))?(?=$|\s+(?:do|does|can|could|how|what|where|is|are|i|and|please|pls|or|we|my|also)\b)`,
    String.raw`^(?:(?:hi|hello|hey|hola|ok|sorry|perdon|disculpa)\s+)*(?:in\s+|en\s+)?${LANGUAGE}(?:\s+(?:please|pls|plis|por favor|porfa|only|solamente|solo))*$`,
    String.raw`\bi\s+(?:don t|do not|dont|can t|cannot|cant)\s+(?:speak|understand|read|write)\s+(?:\w+\s+)?${LANGUAGE}\b`,
    String.raw`\bmy\s+${LANGUAGE}\s+(?:is|isn t|is not)\b`,
    String.raw`\bno\s+(?:hablo|entiendo|se|domino|leo)\s+(?:bien\s+|mucho\s+|el\s+)?${LANGUAGE}\b`,
    String.raw`\b(?:hablan|habla|hablas|hablaran|entienden|entiende|entiendes|atienden|atiende|atiendes|escriben|escribe|escribes|se habla|hay quien hable|hay alguien que hable|alguien que hable|alguien habla)\s+(?:en\s+)?(?:el\s+)?${LANGUAGE}\b`,
    String.raw`\b(?:podemos|puedo|podriamos|se puede|me puedes|me pueden|me podrias)\s+(?:\w+\s+){0,2}?en\s+${LANGUAGE}\b`,
  ].join('|'),
);

/** A person asked for outright ("I want to talk to someone who speaks English"): the request for a person, not this question. */
const PERSON_REQUEST = /\b(?:talk|speak|chat|hablar|comunicar\w*|pas\w*|transfer\w*|put)\s+(?:me\s+)?(?:to|with|con|through to)\s+(?:a|an|una|un|some|the|el|la)?\s*(?:person|human|agent|representative|rep|someone|somebody|manager|persona|humano|agente|alguien|encargad[oa]|gerente|representante)\b/;

/** Whether a message asks which language the store attends in (see `LANGUAGE_WORDS`). */
export function asksLanguage(text: string): boolean {
  const f = words(text);
  return LANGUAGE_WORDS.test(f) && !PERSON_REQUEST.test(f);
}

/** The language a message asks to be answered in, by the words for it: which language it names. */
const LANGUAGE_OF: Readonly<Record<string, 'es' | 'en'>> = { english: 'en', ingles: 'en', spanish: 'es', espanol: 'es', castellano: 'es' };
const OTHER = { es: 'en', en: 'es' } as const;
/** Asking to be answered in a language: "English please", "en español", "can we talk in Spanish?", "¿me puedes escribir en inglés?". */
const ASKS_FOR_LANGUAGE = new RegExp(
  [
    String.raw`^(?:(?:hi|hello|hey|hola|buenas|ok|okay|sorry|perdon|disculpa|yes|si)\s+)*(?:in\s+|en\s+)?${LANGUAGE}(?:\s+(?:please|pls|plis|por favor|porfa|only|solamente|solo))*$`,
    String.raw`\b(?:can|could|may|shall)\s+(?:we|i|you)\s+(?:\w+\s+){0,3}?in\s+${LANGUAGE}\b`,
    String.raw`\b(?:podemos|puedo|podriamos|se puede|me puedes|me pueden|me podrias|puedes|pueden)\s+(?:\w+\s+){0,2}?en\s+${LANGUAGE}\b`,
    String.raw`\b(?:i\s+(?:only\s+)?speak(?:\s+only)?|(?:solo|solamente)\s+hablo|prefiero(?:\s+hablar)?(?:\s+en)?|i\s+prefer(?:\s+to\s+(?:speak|talk|write))?(?:\s+in)?)\s+${LANGUAGE}\b`,
  ].join('|'),
);
/** Saying which language the customer does not speak: "I don't speak Spanish", "no hablo inglés" — the other one. */
const LACKS_LANGUAGE = new RegExp(
  [
    String.raw`\bi\s+(?:don t|do not|dont|can t|cannot|cant)\s+(?:speak|understand|read|write)\s+(?:much\s+|good\s+|well\s+)?${LANGUAGE}\b`,
    String.raw`\bno\s+(?:hablo|entiendo|se|domino|leo)\s+(?:bien\s+|mucho\s+|el\s+)?${LANGUAGE}\b`,
  ].join('|'),
);

/**
 * The language a customer asks to be answered in ("English please", "en español por favor", "I
 * don't speak Spanish" → English), or null: the message's own words then say its language. Asking
 * whether the store speaks one ("do you speak English?") asks for nothing.
 */
export function requestedLanguage(text: string): 'es' | 'en' | null {
  const f = fold(text);
  // Cheap first: most messages name no language.
  if (!/engl|ingl|spani|espan|castell/.test(f)) return null;
  const w = words(text);
  const asked = ASKS_FOR_LANGUAGE.exec(w);
  if (asked) return languageNamed(asked[0]);
  const lacks = LACKS_LANGUAGE.exec(w);
  const named = lacks ? languageNamed(lacks[0]) : null;
  return named === null ? null : OTHER[named];
}

function languageNamed(said: string): 'es' | 'en' | null {
  const name = /(?:english|ingles|spanish|espanol|castellano)(?!.*(?:english|ingles|spanish|espanol|castellano))/.exec(said)?.[0];
  return name === undefined ? null : (LANGUAGE_OF[name] ?? null);
}

/** The store facts a message asks about, in `STORE_FACT_KEYS` order of the table ("¿hay parqueo y baño?": both). */
export function storeFactsAsked(text: string): StoreFactKey[] {
  // The brain, the routing and the store tool ask it of the same message: a copy of the answer kept.
  return [...remembered(FACTS_ASKED, text, factsAsked)];
}
const FACTS_ASKED = createLru<readonly StoreFactKey[]>(256);

/**
 * A word every match of a fact's words holds (the photo, the tax, the chat…): tested first, so the
 * long patterns, whose leading alternations of common verbs ("tienen", "hay", "me pueden") are
 * tried at every position of every message, run only on a message that could match them. Each is
 * proven to hold wherever its pattern matches in `test/unit/perf/text-prechecks.test.ts`; a fact
 * with a cheap pattern of its own has none.
 */
const FACT_NEEDS: Partial<Record<StoreFactKey, RegExp>> = {
  parking: /parq|park|estacion|aparcar/,
  restroom: /restroom|washroom|bano|sanitario|inodoro|bathroom|toilet/,
  wifi: /wi ?fi|internet/,
  atm: /cajero|atm|cash/,
  keyCopies: /llave|key/,
  paintMixing: /pintur|paint|colo|tono|wall/,
  toolRental: /alquil|rent|hire/,
  installation: /instal|montaje|tecnico|plomero|electricista|maestro|albanil|plumber|electrician|technician|contractor|builder|pintor|carpintero|soldador|painter|carpenter|welder/,
  installationPrice: /instal|monta|mano de obra|tecnico|plomero|electricista|maestro|albanil|pintor|carpinter|plumber|electrician|technician|contractor|painter|carpenter|labo/,
  wholesale: /mayor|volum|cantidad|wholesale|bulk|contratista|maestro|ingeniero|contractor|builder|business|order|quantit/,
  businessQuotes: /cotizacion|presupuesto|quot|estimate/,
  orderByChat: /whats|wasap|wassap|guasap|wsp|aqui|aca|chat|here|mensaje/,
  photos: /foto|imagen|pic|photo|image/,
  catalog: /catalog|lista de precios|price list/,
  taxIncluded: /itbis|iva|impuesto|tax|vat/,
  cardSurcharge: /tarjeta|card|visa|datafono/,
  supplierOffer: /vend|ofre|distribu|import|fabric|proveed|interes|compran|supplier|vendor|supply|manufactur|do you buy|sales rep/,
};

/** Whether the folded words `f` ask for the fact `key` by its pattern `re`, its `FACT_NEEDS` word first. */
const factSaid = (key: StoreFactKey, re: RegExp, f: string): boolean => (FACT_NEEDS[key]?.test(f) ?? true) && re.test(f);

/** The facts `f` matches with and without the `FACT_NEEDS` pre-checks (the test's proof). */
export function factPatternsMatched(text: string): { gated: StoreFactKey[]; full: StoreFactKey[] } {
  const f = words(text);
  return { gated: FACT_WORDS.filter(([key, re]) => factSaid(key, re, f)).map(([key]) => key), full: FACT_WORDS.filter(([, re]) => re.test(f)).map(([key]) => key) };
}

function factsAsked(text: string): StoreFactKey[] {
  const f = words(text);
  if (f === '' || TROUBLE.test(f)) return [];
  const asked = FACT_WORDS.filter(([key, re, unless]) => factSaid(key, re, f) && !unless?.test(f)).map(([key]) => key);
  if (!asked.includes('installation') && TRADE_JOB.test(f)) asked.push('installation');
  // "¿tienen trabajo? soy electricista": a tradesperson looking for work, not one asked for.
  if (asked.includes('installation') && SEEKS_WORK.test(f)) asked.splice(asked.indexOf('installation'), 1);
  // "necesito un plomero, ¿cuánto cobra?": its price says the rest (no installations, a trusted one offered).
  if (asked.includes('installationPrice') && asked.includes('installation')) asked.splice(asked.indexOf('installation'), 1);
  if (asksLanguage(text)) asked.push('languages');
  // "do you cut keys?" is the key copies, not cutting to size.
  return asked.includes('keyCopies') ? asked.filter((k) => k !== 'cutting') : asked;
}

/**
 * The store facts a message asks about even beside a request ("¿venden al por mayor? necesito 3000
 * blocks"): `storeFactsAsked` leaves such a message to the request; a lead form started by it says
 * the store's answer first (`readingWithFactFirst`).
 */
export function factQuestionsBesideRequest(text: string): StoreFactKey[] {
  const f = words(text);
  if (f === '' || TROUBLE.test(f)) return [];
  return FACT_WORDS.filter(([key, re]) => factSaid(key, re, f)).map(([key]) => key);
}

/** The store topics a fact answers by itself: "¿puedo pagar contra entrega?" wants neither the delivery list nor the payment methods. */
const FACT_COVERS: Partial<Record<StoreFactKey, readonly string[]>> = { cardSurcharge: ['payment'], cashOnDelivery: ['delivery', 'payment'], deliveryDays: ['delivery', 'hours'], orderByChat: ['contact'], photos: ['contact', 'delivery'], catalog: ['contact', 'delivery'] };

/** Whether one of the facts asked (`facts`) answers the store topic by itself (see `FACT_COVERS`). */
export function factCovers(facts: readonly StoreFactKey[], topic: string): boolean {
  return facts.some((key) => FACT_COVERS[key]?.includes(topic) === true);
}

/** Whether a message asks about the store's amenities or services (see `storeFactsAsked`). */
export function asksStoreFact(text: string): boolean {
  return storeFactsAsked(text).length > 0;
}

/** Facts whose answer is the price asked: a key copy's, the advisor's volume price. */
const PRICED_BY_THE_STORE: ReadonlySet<StoreFactKey> = new Set(['keyCopies', 'wholesale', 'businessQuotes']);

/** Asking a price: "¿cuánto cuesta el plywood de 1/2 y me lo cortan?" asks the plywood's price first. */
const PRICE = /\b(?:cuanto|precios?|cuesta|cuestan|vale|valen|a como|how much|prices?|cost|costs)\b/;
/** The price of a service asked, not of the goods it is done on: "¿cuánto cobran por cortar un tubo?", "how much to cut a board?". */
const SERVICE_PRICE = /\b(?:cuanto|que|how much)\s+(?:me\s+|nos\s+|le\s+)?(?:cobran|cobra|cobras|cuesta|cuestan|sale|vale|do you charge|does it cost|is it)\s+(?:\w+\s+){0,2}?(?:por\s+|para\s+|for\s+|to\s+)?(?:el\s+|los\s+|un\s+|una\s+|the\s+|a\s+)?(?:cortes?|cortar\w*|corten|mezcla\w*|mezclar|entintar|igualar|cut|cuts|cutting|mix|mixing|tint\w*)\b/;

/**
 * A product asked for beside the store question, in a message that names one (`products`: where the
 * catalog's names are in `text`): a price asked ("¿cuánto cuesta el plywood y me lo cortan?"), or a
 * sentence of its own that asks no store question ("¿tienen tubo de 3/4? ¿me lo pueden cortar?").
 * The product's answer goes first then; a service asked alone ("¿hacen cortes de madera?") is the
 * store's. A key copy's price is the store's own ("¿cuánto cuesta una copia de llave?"), and a
 * wholesale price or a company's quote is the advisor's.
 */
export function asksProductBesides(text: string, products: readonly { start: number; end: number }[]): boolean {
  if (products.length === 0) return false;
  const facts = storeFactsAsked(text);
  const w = words(text);
  if (PRICE.test(w) && !facts.some((k) => PRICED_BY_THE_STORE.has(k)) && !SERVICE_PRICE.test(w) && !facts.includes('installationPrice')) return true;
  const sentences = [...text.matchAll(/[^?.!;¿¡]+/g)];
  return sentences.some((m) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    return storeFactsAsked(m[0]).length === 0 && products.some((p) => p.start >= start && p.end <= end);
  });
}
