/**
 * The vocabulary and word reader the person-name and company extractors share: which words are
 * names, particles, company words, places, and how a run of words is read from the folded text
 * with its span in the original.
 */
import { toOriginalSpan, type FoldedText } from './text.js';

/** Words that can follow "soy"/"I'm" but are not names. */
export const NOT_NAME = new Set(
  (
    'de del el la los las un una uno cliente clienta nuevo nueva dueno duena ingeniero ingeniera maestro contratista ' +
    'muy tan yo aqui el ella estudiante senor senora don dona licenciado arquitecto tecnico electricista plomero ' +
    'interesado interesada buscando llamando escribiendo que y o pero con para por sin en a al lo le se me mi tu su ' +
    'from looking interested a an the not here good fine calling trying writing just also very so in at on with and ' +
    'or but sorry ok okay going glad happy new customer client contractor owner engineer no si yes this that it is ' +
    'quiero necesito tengo busco trabajo empresa compania gracias hola bien mal quien cual como donde ' +
    'hablando escribe habla want need have work company thanks hello i me my your you ' +
    'constructora ferreteria inversiones grupo distribuidora importadora comercial industrias inmobiliaria ' +
    // Tax ids and papers: "a nombre de la empresa con RNC" names no one.
    'rnc ncf itbis cedula ' +
    // "puedes llamarme también al …", "call me back tomorrow": when or how to call, never a name.
    'tambien ademas manana luego despues hoy ahora temprano tarde back tomorrow later today now anytime too please'
  ).split(' '),
);
/** Common first names (folded), so "soy carla" or "hola soy luis" are read without capitals. */
export const FIRST_NAMES = new Set(
  (
    'ana maria jose juan luis carlos pedro miguel rosa carmen laura carla lucia sofia isabel elena paula marta julia andrea ' +
    'daniela gabriela valeria camila patricia yolanda altagracia mercedes josefina francisca juana yocasta yuleisy wendy ' +
    'yesenia yanet yokasta massiel scarlet nicole esther ruth raquel sonia teresa margarita dolores gloria milagros ' +
    'jorge manuel antonio francisco rafael ramon javier alejandro fernando ricardo roberto eduardo andres pablo diego ' +
    'sergio raul jesus angel david alberto hector julio cesar oscar victor felix domingo marino bienvenido nelson ' +
    'esteban samuel joel ariel wilson freddy franklin junior leonel hipolito radhames ramona cristian ' +
    'kevin john mary mike michael peter robert james sarah emily tom thomas chris daniel laura jennifer jessica ' +
    'william richard joseph charles paul mark steven brian linda susan karen nancy lisa betty helen jake matt ryan josh ' +
    'nick sam alex ben tony kate anna emma olivia amy ' +
    'sandra angela angelica karina carolina adriana alejandra beatriz claudia cristina diana fabiola fatima ' +
    'gisela gladys graciela ines irene jacqueline janet johanna karla leticia lourdes luz maribel marisol ' +
    'miriam mirian natalia noemi norma pamela rocio rosario sara silvia susana veronica vanessa ximena ' +
    'yanira yolanda yaneris yudelka yuberkis anyelina arelis belkis dilenia katherine ' +
    'ruben tomas marcos mario martin hugo ivan ignacio emilio ernesto enrique gerardo gilberto gustavo ' +
    'jaime joaquin leonardo lorenzo mauricio nestor octavio orlando pascual rolando salvador santiago ' +
    'teodoro vicente wander wilfredo dariel kelvin yeison jonathan jhon johnny frank henry elvis ' +
    'edwin edison darwin yunior anderson wellington starlin ' +
    'george edward frank gary larry jeff scott eric andrew adam ' +
    'patrick sean kyle aaron greg donald ken dan bill bob jim joe ' +
    'rebecca rachel megan ashley amanda stephanie nicole melissa michelle kim angela ' +
    'sophia grace chloe julie heather carol donna sharon ruth'
  ).split(' '),
);
/** Common Dominican and Spanish surnames (folded), and the patronymic "-ez" ending. */
export const SURNAMES = new Set(
  (
    'perez rodriguez gomez martinez garcia santos reyes diaz jimenez hernandez fernandez lopez gonzalez ramirez sanchez ' +
    'torres cruz rosario mejia batista castillo vasquez guzman almonte pena nunez polanco tavarez familia urena liriano ' +
    'santana medina mendez paulino cabrera frias rosa rivera morales ortiz castro vargas feliz matos encarnacion abreu ' +
    'acosta herrera german marte mateo moreno soto suero silva vega valdez ventura peralta de leon pimentel brito'
  ).split(' '),
);
export const isSurname = (w: string): boolean => SURNAMES.has(w) || (w.length >= 5 && /ez$/.test(w));
export const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'van', 'von', 'y', '&']);

export function titleCaseWord(w: string): string {
  // Written with its own capitals ("O'Brien", "McKenzie", "BuildCo"): kept as typed.
  if (/\p{Lu}/u.test(w.slice(1)) && /\p{Ll}/u.test(w)) return w;
  return w
    .split(/(?<=[-'’])/u)
    .map((p) => (p.length === 0 ? p : (p[0] as string).toLocaleUpperCase('es') + p.slice(1).toLocaleLowerCase('es')))
    .join('');
}

/** "juan DE LA cruz" → "Juan de la Cruz". */
export function capitalizeName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : titleCaseWord(w)))
    .join(' ');
}

export interface WordSpan {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

export function wordsFrom(text: string, f: FoldedText, from: number): WordSpan[] {
  const out: WordSpan[] = [];
  const re = /[^\s,.;:!?¿¡()"]+/g;
  re.lastIndex = from;
  for (let m = re.exec(f.folded); m; m = re.exec(f.folded)) {
    const gap = f.folded.slice(from, m.index);
    if (/[,.;:!?()]/.test(gap)) break;
    const span = toOriginalSpan(f, m.index, m.index + m[0].length);
    out.push({ ...span, raw: text.slice(span.start, span.end), folded: m[0] });
    from = m.index + m[0].length;
    if (out.length >= 8) break;
  }
  return out;
}

export const COMPANY_SUFFIX = /^(?:srl|s\.r\.l\.?|sa|s\.a\.?|eirl|e\.i\.r\.l\.?|inc\.?|llc|corp\.?|corporation|ltd\.?|sas|s\.a\.s\.?)$/i;
export const COMPANY_HEAD =
  /^(?:constructora|construcciones|ferreteria|inversiones|grupo|distribuidora|distribuciones|importadora|importaciones|exportadora|comercializadora|comercial|industrias|inmobiliaria|materiales|eventos|producciones|servicios|multiservicios|soluciones|suministros|transportes|agencia|colmado|supermercado|minimarket|taller|talleres|farmacia|almacenes|muebleria|clinica|colegio|escuela|liceo|universidad|iglesia|parroquia|ayuntamiento|alcaldia|ministerio|gobernacion|hospital|condominio|hotel|restaurante|panaderia|reposteria|cafeteria|pizzeria|laboratorio|consultora|consultores|cooperativa|fundacion|asociacion|desarrollos|edificaciones|proyectos|residencial|plaza|tienda|boutique|salon|estudio|academia|agropecuaria|aluminios|vidrios|pinturas|maderas|repuestos|electrodomesticos|tecnologias|ingenieria|arquitectos|impresos)$/;
/** Words that end a company name in English and Spanish: "Blue Reef Construction", "Peña Hermanos". */
export const COMPANY_TAIL =
  /^(?:construction|constructions|builders|building|developments|development|developers|properties|realty|resorts|resort|hotels|group|holdings|solutions|services|enterprises|industries|supply|supplies|hardware|roofing|electric|electrical|plumbing|contractors|homes|farms|engineering|logistics|partners|associates|company|studio|studios|systems|technologies|motors|foods|imports|exports|hermanos|hnos|asociados|dominicana)$/;

/** Days and months follow "from"/"de" too ("from Monday to Friday"). */
export const NOT_COMPANY = new Set(
  'monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado domingo january february march april may june july august september october november december enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre today tomorrow hoy manana'.split(
    ' ',
  ),
);
/** Places that follow "de"/"from"/"trabajo en" but are not companies. */
export const PLACES = new Set(
  'la romana|santo domingo|higuey|santiago|san pedro|san pedro de macoris|punta cana|bavaro|bayahibe|la altagracia|casa de campo|villa hermosa|cumayasa|el seibo|hato mayor|boca chica|puerto plata|la vega|new york|nueva york|miami|usa|eeuu|rd|republica dominicana|dominican republic'.split(
    '|',
  ),
);

export const GREETING_WORD = /^(?:hola|hello|hi|hey|buenas|buenos|saludos|gracias|thanks|dear|estimados?|good)$/;

/** "Casa de Campo Marina", "Bayahibe Dive Resort": a place followed by more capitalised words names a company. */
export function placeNamesCompany(words: readonly WordSpan[]): boolean {
  let n = 0;
  for (let k = 1; k <= 4 && k <= words.length; k++) if (PLACES.has(words.slice(0, k).map((w) => w.folded).join(' '))) n = k;
  const next = words[n];
  return n > 0 && /^\p{Lu}/u.test(words[0]!.raw) && next !== undefined && /^\p{Lu}/u.test(next.raw) && !NOT_COMPANY.has(next.folded);
}

export function startsWithPlace(words: readonly WordSpan[]): boolean {
  for (let n = 1; n <= 4 && n <= words.length; n++) {
    if (PLACES.has(words.slice(0, n).map((w) => w.folded).join(' '))) return true;
  }
  return false;
}

export function wordsAll(text: string, f: FoldedText): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of f.folded.matchAll(/[^\s,;:!?¿¡()"]+/g)) {
    let word = m[0];
    // Keep "S.R.L." and "Inc." whole but drop a sentence-final dot from ordinary words.
    if (word.endsWith('.') && !/^(?:s\.r\.l|s\.a|e\.i\.r\.l|inc|corp|ltd)\.$/.test(word)) word = word.slice(0, -1);
    if (word.length === 0) continue;
    const span = toOriginalSpan(f, m.index ?? 0, (m.index ?? 0) + word.length);
    out.push({ ...span, raw: text.slice(span.start, span.end), folded: word });
  }
  return out;
}
