/**
 * Readers of a product message that are about the job or the trouble behind it rather than the
 * product on the counter: what a job takes ("¿qué necesito para pintar?"), the area to paint
 * ("¿cuántos galones para 100 metros?"), and trouble with a purchase ("vino dañado"). Pure text
 * rules over the folded message; `product-focus.ts` re-exports them.
 */
import { foldMessage as fold } from './count-words.js';

/** "¿qué necesito?", "¿qué me hace falta?", "¿qué me falta?" (no complaint), "what do I need?": what a job takes, not one product. */
const WHAT_IT_TAKES =
  /\b(?:(?:que|cuales)\s+materiale?s?\s+(?:(?:me\s+)?(?:lleva|llevaria|necesito|necesita|ocupo|hacen\s+falta|van|uso|se\s+necesitan?|se\s+usan?|tengo\s+que\s+comprar|compro))|what\s+materials?\s+(?:do\s+i|would\s+i|will\s+i|should\s+i|does\s+it|do\s+you)\s+(?:need|buy|get|take|use|recommend)|que\s+(?:(?:mas\s+)?necesito|ocupo|(?:mas\s+)?(?:me\s+)?(?:hace|hacen)\s+falta|(?:mas\s+)?me\s+falta(?:\s+comprar)?|debo\s+comprar|tengo\s+que\s+comprar|me\s+recomiendas?|necesitaria|lleva)|what\s+(?:else\s+)?(?:do\s+i|would\s+i|will\s+i|should\s+i)\s+(?:need|buy|get)|what\s+does\s+it\s+take|what\s+am\s+i\s+missing)\b/;

/** A paint job told with its place and nothing else ("voy a pintar la casa", "quiero pintar mi apartamento por dentro"): no colour, count nor size yet. */
const PAINT_JOB_ONLY =
  /^(?:(?:ok|okay|si|bueno|pues|entonces|mira|oye|hola|buenas)\s+)*(?:(?:yo|nosotros)\s+)?(?:voy\s+a|vamos\s+a|quiero|queremos|quisiera|necesito|tengo\s+que|pienso)\s+pintar\s+(?:(?:la|el|las|los|mi|mis|nuestra|nuestro|toda\s+la|todo\s+el)\s+)+(?:casa|casita|apartamento|apto|habitacion(?:es)?|cuartos?|sala|oficina|local|negocio|marquesina|galeria|paredes|pared|fachada|verja|hogar|aposentos?)(?:\s+(?:por\s+dentro|por\s+fuera|completa|completo|entera|entero|toda|todo|y|este\s+mes|pronto|ahora))*$/;

const PAINT_JOB_ONLY_EN =
  /^(?:(?:ok|okay|so|well|hi|hello)\s+)*(?:im going to|i am going to|were going to|we are going to|i want to|we want to|i need to|i have to|im gonna|gonna)\s+paint\s+(?:(?:the|my|our|all the|the whole)\s+)+(?:house|home|apartment|flat|rooms?|bedrooms?|living room|office|walls?|shop|store|facade|fence)(?:\s+(?:inside|outside|and|soon|this month))*$/;

/**
 * "voy a pintar la casa" with no colour, count nor size: what a clerk asks next (which colours, how
 * many square metres), answered as what the job takes, never one guessed white paint to reserve.
 */
export function tellsPaintJobOnly(text: string): boolean {
  const f = fold(text).replace(/['’]/g, '').replace(/[¿?¡!.,]/g, ' ').replace(/\s+/g, ' ').trim();
  // English before folding: the folding respells "I'm".
  const en = text.toLowerCase().replace(/['’]/g, '').replace(/[?!.,]/g, ' ').replace(/\s+/g, ' ').trim();
  return PAINT_JOB_ONLY.test(f) || PAINT_JOB_ONLY_EN.test(en);
}

/**
 * Asks what a job takes ("quiero pintar mi casa, ¿qué necesito?", "what do I need to paint a
 * room?") rather than for a product: answered with the catalog's products for the job.
 */
export function asksWhatAJobTakes(text: string): boolean {
  return WHAT_IT_TAKES.test(fold(text));
}

const AREA =
  /(\d+(?:[.,]\d+)?)\s*(?:(m2|m²|mts?2?|metros?(?:\s+cuadrados)?|mt2|square\s+(?:meters?|metres?)|sq\.?\s*m|sqm)|(pies?\s+cuadrados|square\s+(?:feet|foot)|sq\.?\s*ft|ft2))(?![a-z])/;
const HOW_MUCH_PAINT = /\b(?:cuant[oa]s?\s+(?:galon(?:es)?|cubetas?|pintura|sellador|litros?)|how\s+(?:many|much)\s+(?:gallons?|buckets?|paint|sealer|liters?)|para\s+cubrir|to\s+cover)\b/;

/**
 * The area to paint in a question of how much paint it takes ("¿cuántos galones necesito para 100
 * metros?", "how many gallons for 1000 square feet?"), in square metres; null when it is not one.
 *
 * @example
 * areaToCover('¿cuántos galones necesito para 100 metros?'); // 100
 */
export function areaToCover(text: string): number | null {
  const t = fold(text);
  if (!HOW_MUCH_PAINT.test(t)) return null;
  const m = AREA.exec(t);
  if (!m?.[1]) return null;
  const value = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  return m[3] ? Math.round(value * 0.0929 * 10) / 10 : value;
}

/**
 * Trouble with a purchase, told in a few words ("se me rompió", "vino dañado", "no sirve", "came
 * broken", "I want a refund"): what keeps a short message about the product in focus a complaint
 * when the classifier says so. Its absence lets "y el normal?" be the follow-up it reads as.
 *
 * @example
 * reportsTrouble('el más barato se me rompió'); // true
 * reportsTrouble('y el normal?'); // false
 */
export function reportsTrouble(text: string): boolean {
  return TROUBLE.test(fold(text));
}

const TROUBLE =
  /\b(?:no (?:me )?(?:sirve|sirven|sirvio|funciona|funcionan|funciono|prende|enciende|llego|llegaron)|ya no|se (?:me |nos )?(?:rompio|rompieron|dano|danaron|quebro|partio|mojo|oxido)|rot[oa]s?|danad[oa]s?|defectuos[oa]s?|mal[oa]s?|pesim[oa]s?|horrible|queja\w*|reclam\w*|devol\w*|reembols\w*|estafa\w*|equivocad[oa]s?|incomplet[oa]s?|vencid[oa]s?|oxidad[oa]s?|me (?:vendieron|despacharon|cobraron|dieron|mandaron|entregaron)|broke|broken|damaged|defective|faulty|refund|complain\w*|wrong|missing|(?:doesn t|does not|didn t|won t) work|stopped working|not working|rusty|cracked)\b/;

/** "¿se rebaja con thinner o agua?", "¿con qué se diluye?", "what do I thin it with?": what thins the paint in focus. */
const THINNING =
  /\b(?:diluy\w*|diluir\w*|se\s+rebaja|rebaj(?:a|ar|arla|arlo|o)\s+con|adelgaz\w*|thinner\s+o\s+(?:con\s+)?agua|agua\s+o\s+(?:con\s+)?thinner|water\s+or\s+thinner|thinner\s+or\s+water|thin\s+(?:it|this|that|the\s+paint)|what\s+(?:do\s+i|should\s+i|can\s+i)\s+thin|dilute\w*)\b/;

/**
 * Asks what thins the paint on the counter ("¿se rebaja con thinner o agua?"): a question about it,
 * never the discount "rebaja" is elsewhere.
 *
 * @example
 * asksThinning('se rebaja con thinner o agua?'); // true
 * asksThinning('¿tienen rebaja?'); // false
 */
export function asksThinning(text: string): boolean {
  return THINNING.test(fold(text));
}
