/**
 * Cases a human must take now (someone hurt, a fire, a threat, fraud), and how grave they are.
 * The words of an emergency are also the words of a hardware store and of a town's landmarks: a
 * "bomba de agua" is a water pump, "la bomba Shell" a gas station, and "¿quedan cerca del
 * hospital?" asks where the store is. Those are read apart before the emergency words are looked
 * for, so a customer asking for a pump or for directions is never sent to a person "with priority".
 */
import { fold } from './text.js';

/** Cases a human must take now, and how grave they are (10 = someone may be hurt). */
const CRITICAL: [number, RegExp][] = [
  [10, /\b(?:herid[oa]s?|lesionad[oa]|me corte|se corto|sangr\w*|hospital|emergencia|accidente|se cayo encima|me cayo encima|injur\w*|hurt|bleeding|accident|ambulance|ambulancia)\b/],
  // "my son got a shock from the outlet", "le pegó la corriente", "it shocked me": never "I was shocked at the price".
  [10, /\b(?:electrocut\w*|corrientazo|chispazo|pegad[oa]s? (?:a|de|en) (?:la )?corriente|(?:me|le|lo|la|nos|les|te) (?:dio|pego|paso|agarro|cogio) (?:un |una |la )?(?:corriente|corrientazo|chispazo|descarga)|descarga electrica|electric(?:al)? shock|(?:got|get|gets|getting) (?:a |an )?(?:bad |big )?(?:electric(?:al)? )?shock(?:ed)?|(?:was|were|got|been) shocked (?:by|from) (?:the|an?|my|this|that|our) (?:outlet|socket|plug|wire|wiring|cable|switch|breaker|light|lamp|appliance|tool|drill|heater|fan)|shocked (?:me|him|her|us|them|my)|gave (?:me|him|her|us|them) (?:a|an) (?:bad |big )?(?:electric(?:al)? )?shock)\b/],
  [10, /\b(?:incendio|fuego|se quemo|se esta quemando|(?<!\b(?:te|me|se|le|les|nos|lo|la|tu|si|como) )llamas|humo|fire|burning|smoke|chispas|echando chispas|chispeando|sparks|sparking|exploto|exploded|explosion)\b/],
  [10, /\b(?:fuga de gas|olor a gas|escape de gas|huele a gas|gas leak|smell gas|smells like gas)\b/],
  // "bomba" is a threat only as one ("les voy a poner una bomba", "hay una bomba en la tienda"), never the pump or the
  // gas station it names far more often ("tienen bomba d agua?", "cuánto vale la bomba?", "poner una bomba de agua").
  [10, /\b(?:te voy a matar|los voy a matar|voy a matar|matarlos|amenaz\w*|voy a ir a romper|les voy a romper|(?:poner\w*|pongo|pondre|pondran|ponga\w*|tirar\w*|tiro|explot\w*|plantar|plante|coloc\w*|puse|pusieron|meter\w*|meto|dejar\w*|deje|dejaron) (?:(?:les|le|una|un|la) )*bomba(?! (?:de|d|del|para|pa|sumergible|periferica|centrifuga|electrica|presurizadora|jet|shell|texaco|esso|total|sunix|isla|puma|gulf|next|\d)\b)|hay una bomba (?:en|aqui|ahi|alla)|bomba (?:casera|molotov)|kill you|threat\w*|bomb|i will hurt)\b/],
  [9, /\b(?:fraude|estafa\w*|fraud\w*|scam\w*|clonaron|clonada)\b/],
  [9, /\b(?:abogad[oa]|demanda|demandar\w*|demando|denunciar|denuncia|fiscalia|policia|pro ?consumidor|lawyer|attorney|lawsuit|sue|suing|legal action|police)\b/],
  [9, /\b(?:robo|robaron|robado|me robo|theft|stolen|stole|robbed)\b/],
];

/**
 * A place named to say where something is ("cerca del hospital", "frente a la policía", "por donde
 * la bomba", "near the police station"): a landmark, not an emergency. Being at the hospital ("estoy
 * en el hospital", "lo llevaron al hospital") is not a landmark and stays critical.
 */
const LANDMARK =
  /\b(?:cerca|cerquita|frente|enfrente|al lado|detras|atras|proximo|junto|pegad[oa]s?|despues|antes|pasando|esquina|lejos|desde|por donde|near|next to|across from|behind|close to|opposite|past) (?:(?:esta|estan|queda|quedan|tan|ta|is|are) )?(?:(?:de|a|del|al|to|from) )?(?:(?:el|la|los|las|the) )?(?:hospital|clinica|policia|destacamento|cuartel|fiscalia|bomberos|bomba|police station|police|fire station)\b/g;

/** How grave the case a message tells is (0 when none): ≥ 9 goes to a person at once. */
export function detectCritical(text: string): { critical: boolean; severity: number } {
  const folded = fold(text)
    .replace(/[^a-z0-9@.\s]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // Cheap first: most messages hold no landmark word at all.
  const f = /\b(?:hospital|clinica|policia|destacamento|cuartel|fiscalia|bomberos|bomba|police|fire station)\b/.test(folded) ? folded.replace(LANDMARK, ' ') : folded;
  let severity = 0;
  for (const [level, re] of CRITICAL) if (re.test(f) && level > severity) severity = level;
  return { critical: severity > 0, severity };
}
