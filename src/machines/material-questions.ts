/**
 * "¿Cuántos blocks para una pared de 3 por 2?", "how many bags of cement for a 3x4 m slab?",
 * "cuántos metros de cable necesito para mi casa?": a question of how much material a job takes,
 * with the measurements it gives. Pure text rules, read by the rule brain (a product question) and
 * by the product tool (which works the quantity out from the catalog's rules of thumb).
 */

import { createLru, remembered } from '../kernel/lru.js';

/** What the material is for, as the customer names it. */
export type Surface = 'wall' | 'floor' | 'slab' | 'roof' | 'room' | 'house' | 'column' | 'plaster';

export interface MaterialQuestion {
  /** The two lengths said ("3 x 4", "10 m de largo por 2.5 de alto"), in metres. */
  sides?: readonly [number, number];
  /** An area said as such ("100 m²", "500 pies cuadrados"), in m². */
  area?: number;
  /** A volume said as such ("un metro cúbico de concreto"), in m³. */
  volume?: number;
  /** A thickness said ("de 10 cm", "4 pulgadas de espesor", the third of "3x4x0.10"), in metres. */
  thickness?: number;
  /** One length only ("una pared de 10 metros"): the other is still to ask. */
  length?: number;
  surface?: Surface;
  /** Coats said ("a una mano", "3 coats"). */
  coats?: number;
  /** Rooms counted, not measured ("una casa de 2 habitaciones", "a 3 bedroom house"). */
  rooms?: number;
  /** The living room named with the rooms ("son 2 habitaciones y la sala", "2 bedrooms and the living room"): its walls too. */
  living?: true;
  /** Doors to paint counted ("son 2 puertas"), with the sides painted: the area is theirs (`doors-area.ts`). */
  doors?: { doors: number; sides: 1 | 2 };
}

import { doorsIn, DOOR_SIDE_M2 } from './doors-area.js';
import { COLOUR_SAID } from './colour-said.js';

// A message as these rules read it: lower case, no accents, decimals kept ("2.5", "2,5" → "2.5").
import { foldMaterialText as fold } from './material-fold.js';

const HOW_MANY = /\b(?:cuant[oa]s?|how\s+(?:many|much)|que\s+cantidad)\b/;
/** "¿de cuántos HP tienen?", "¿de cuántas pulgadas es?", "how many amps is it?": a size asked, never how much of it a job takes. */
const SIZE_ASKED = /\bde\s+cuant[oa]s\s+(?:hp|caballos?|pulgadas?|watts?|vatios?|w|amperios?|amps?|amperes?|voltios?|volts?|v|pies|galones|litros|libras|onzas)\b|\bhow\s+many\s+(?:hp|horsepower|amps?|watts?|volts?)\s+(?:is|are)\b/;
/**
 * How far a product goes: "¿cuánto rinde un galón?", "¿para cuántos metros alcanza una cubeta?",
 * "¿cuántos metros pinta un galón?", "how much does a gallon cover?", "¿cuántas manos?" (the yield says the coats). The same question as how much
 * a job takes, asked from the product's side: answered with its yield, the area asked to work it out.
 */
const YIELDS =
  /\b(?:cuant[oa]s?|que\s+tantas)\s+manos\b|\bhow\s+many\s+coats\b|\b(?:cuant[oa]s?|que\s+tanto)\s+(?:me\s+|le\s+)?(?:rinde|rinden|rendiria|cubre|cubren|alcanza|alcanzan)\b|\bpara\s+cuant[oa]s?\s+(?:metros?|m2|mts?|pies?)(?:\s+cuadrados?)?\s+(?:\w+\s+)?(?:alcanza|alcanzan|rinde|rinden|sirve|sirven|da|dan)\b|\bcuant[oa]s?\s+(?:metros?|m2|mts?|pies?)(?:\s+cuadrados?)?\s+(?:pinta|pintan|rinde|rinden|cubre|cubren)\b|\bhow\s+(?:much|many\s+(?:square\s+)?(?:meters?|metres?|feet|m2))\s+(?:does|do|will|can|would)\s+(?:a|one|the|it|they|each)\b(?:\s+\w+){0,3}\s+cover\b/;
/** A verb of needing or taking: "necesito", "lleva", "hace falta", "van", "do I need", "does it take". */
const NEED =
  /\b(?:ne[cs]e[cs]it[oaeé]\w*|ocup[oa]n?|llevan?|llevaria|van|hacen?\s+falta|me\s+hace\s+falta|se\s+(?:gasta|usa|ocupa)n?|gasto|compro|tengo\s+que\s+comprar|need(?:ed)?|take|takes|required|buy|should\s+i\s+get)\b/;
const FOR = /\b(?:para|pa|for)\b/;
/**
 * "how many gallons?", "¿y cuántos galones?", "cuantas cubetas?" alone, right after a paint: how much
 * paint the job takes, asked short (a clerk asks the area to work it out). "¿cuántos galones tienen?"
 * asks the stock and is no such question.
 */
const BARE_PAINT_COUNT = /^(?:(?:y|e|and|ok|okay|so|bueno|entonces|pero|but)\s+)*(?:cuant[oa]s?|how\s+many)\s+(?:galon(?:es)?|gallons?|gals?|cubetas?|buckets?)(?:\s+(?:de\s+pintura|of\s+paint|of\s+it|of\s+that|de\s+esa|de\s+esta))?(?:\s+(?:entonces|then|more\s+or\s+less|mas\s+o\s+menos|aprox|approximately|roughly))?$/;
// "how much with the discount?": what it comes to with an offer is a price, whatever is bought.
const PRICE_ASKED = /\b(?:cuant[oa]s?\s+(?:me\s+|nos\s+|le\s+)?(?:sale|salen|saldria|cuesta|cuestan|costaria|vale|valen|ta|tan|esta|estan|es|son|seria|serian|cobran?)|how\s+much\s+(?:is|are|does|do|would|will|for)\b(?!\s+(?:i|we)\s+need)|\b(?:con|with)\s+(?:(?:el|la|the|that|this|ese|esa|su|its)\s+)?(?:descuento|oferta|rebaja|discount|offer|deal)\b)/;
/** "necesito 4 galones de pintura, ¿cuánto sería?", "a 2x4, 10 ft, how much?": the price of what was said. */
// "necesito tubos para 20 metros, ¿cuántos?": a count asked at the end is how many, not a price.
const PRICE_AT_END = /(?:cuant[oa]|how\s+much)(?:\s+(?:es|seria|serian|sale|salen|cuesta|cuestan|me\s+sale|would\s+it\s+be|is\s+it|is\s+that|are\s+they))?$/;
// ...and "¿me la llevan a Caleta?", "¿cuánto el metro?": the goods brought, a unit's price ("lleva" there is no amount needed).
const PRICE_OR_SERVICE = /\b(?:dura|duran|tarda|tardan|demora|demoran|lasts?|debo|debe|owe|cobran?|cuestan?|valen?|precio|cost|costs|charge|delivery|envios?|llevar(?:lo|la|los|las|me)?|traer(?:lo|la|los|las|me)?|cuenta|credito|account|credit|(?:me|nos) (?:lo|la|los|las) (?:pueden |puede |podrian )?(?:llevan?|traen?|mandan?|envian?)|cuant[oa]s? (?:el|la) (?:metro|pie|galon|libra|saco|funda|cubeta|plancha|lamina|unidad|rollo|ciento|caja|paquete|par)s?)\b/;
/** Packs counted ("3 cubetas", "10 sacos", "3 five-gallon buckets"): how much is already said. */
const COUNTED_PACKS = /\b\d+\s+(?:(?:five|5)[\s-]*gallon\s+)?(?:cubetas?|sacos?|fundas?|galones|buckets?|bags?|gallons|laminas?|planchas?|sheets?|rollos?|rolls?|quintales?)\b/;
const SURFACES: readonly [RegExp, Surface][] = [
  // "pañetar una pared", "el pañete de la casa", "repellar", "plaster a wall": the coat of mortar on the wall is the job, not the wall's blocks.
  [/\b(?:(?:em)?panet(?:ar|ear|iar|e|es|o|amos|ando|ado|ada)(?:l[oa]s?)?|repell(?:ar|o|ando|ado)|\bto\s+plaster|plaster(?:ing|ed)?\s+(?:\S+\s+){0,3}(?:walls?|houses?|rooms?|ceilings?)|plastering)\b/, 'plaster'],
  [/\b(?:losas?|plateas?|zapatas?|vaciado|slabs?|footings?)\b/, 'slab'],
  [/\b(?:columnas?|vigas?|columns?|beams?)\b/, 'column'],
  [/\b(?:paredes|pared|muros?|tapias?|verjas?|walls?|fences?)\b/, 'wall'],
  [/\b(?:pisos?|suelos?|patios?|marquesinas?|aceras?|floors?|flooring|driveways?|sidewalks?)\b/, 'floor'],
  [/\b(?:techos?|techar\w*|techamos|techando|azoteas?|roofs?|roofing|ceilings?)\b/, 'roof'],
  [/\b(?:cuartos?|habitacion(?:es)?|aposentos?|salas?|cocinas?|banos?|rooms?|bedrooms?|kitchens?|bathrooms?)\b/, 'room'],
  // "Casa de Campo" is a place (La Romana's resort, a delivery zone), not a house to build or paint.
  [/\b(?:casas?(?!\s+de\s+campo\b)|apartamentos?|aptos?|houses?|homes?|apartments?)\b/, 'house'],
];

const NUM = '(\\d+(?:\\.\\d+)?)';
const LEN_UNIT = '(?:m|mts?|metros?|meters?|metres?|ft|pies?|feet|foot)';
const SIDE_WORD = '(?:de\\s+(?:largo|ancho|alto|altura|fondo)|long|wide|high|tall|length|width|height)';
/** "3x4", "3 x 4 m", "3 por 2", "10 metros de largo por 2.5 de alto", "5 m long and 3 m high", "12 by 10 feet". */
const SIDES = new RegExp(
  `${NUM}\\s*(${LEN_UNIT})?\\s*${SIDE_WORD}?\\s*(?:x|\\*|por|by|(?<=${SIDE_WORD}\\s*)(?:y|and))\\s*${NUM}\\s*(${LEN_UNIT})?(?:\\s*${SIDE_WORD})?(?:\\s*(?:x|\\*|por|by)\\s*${NUM}\\s*(cm|centimetros?|m|mts?|metros?|pulgadas?|in|inch(?:es)?|")?)?(?![\\d/])`,
);
/** Goods sold by what they cover: paint, sealer, roof coating, primer. */
const PAINT_GOODS = /\b(?:pinturas?|paints?|sellador|sealer|impermeabilizante|roof\s+coating|primer)\b/;
/** An area said right after "para"/"for" ("para 40 m2", "for about 50 square meters"). */
/** Goods sold by the square metre, for a floor ("cerámica", "porcelanato", "tiles"): "pa 40 metros" of them is 40 m². */
const TILE_GOODS = /\b(?:ceramicas?|porcelanatos?|baldosas?|losetas?|tiles?|flooring)\b/;
const METRES_FOR = /\b(?:para|pa|for)\s+(?:(?:unos?|about|like|around|aproximadamente|como)\s+)?\d+(?:\.\d+)?\s*(?:metros?|mts?|m|meters?|metres?)(?![a-z0-9])(?!\s*(?:de\s+(?:largo|alto|ancho)|lineales|long|high|wide|tall))/;
const AREA_FOR = /\b(?:para|pa|for)\s+(?:(?:unos?|about|like|around|aproximadamente|como)\s+)?\d+(?:\.\d+)?\s*(?:m2|mts?2|mt2|metros?\s+cuadrados?|square\s+(?:meters?|metres?|feet|foot)|sq\.?\s*(?:m|ft)|sqm|pies?\s+cuadrados?|ft2)(?![a-z])/;
const AREA = /(\d+(?:\.\d+)?)\s*(?:(m2|mts?2|mt2|metros?\s+cuadrados?|square\s+(?:meters?|metres?)|sq\.?\s*m|sqm)|(pies?\s+cuadrados?|square\s+(?:feet|foot)|sq\.?\s*ft|ft2))(?![a-z])/;
const VOLUME = /(\d+(?:\.\d+)?|un|una|one|a|medio)\s*(?:(m3|mts?3|metros?\s+cubicos?|cubic\s+(?:meters?|metres?))|(yardas?\s+cubicas?|cubic\s+yards?))(?![a-z])/;
const THICK = /(\d+(?:\.\d+)?)\s*(cm|centimetros?|pulgadas?|inch(?:es)?|in|")\s*(?:de\s+)?(?:espesor|grueso|gruesa|grosor|thick|thickness)\b|(?:espesor|grueso|grosor|thickness)\s+(?:de\s+|of\s+)?(\d+(?:\.\d+)?)\s*(cm|centimetros?|pulgadas?|inch(?:es)?|in|")/;
const LENGTH = /(\d+(?:\.\d+)?)\s*(m|mts?|metros?|meters?|metres?|ft|pies?|feet)(?![a-z0-9])/;
/** A roof's side told ("10 metros de largo", "canal de 8 metros"): a length, not the roof's area. */
const ROOF_RUN = /\b(?:de\s+(?:largo|ancho|fondo|frente)|lineales|long|wide|canal\w*|gutters?|caballetes?|cumbrera\w*|ridge)\b/;
/** A floor or a slab named, measured by its area ("un piso de 40 metros" is 40 m²); a sidewalk or a driveway runs long. */
const AREA_FLOOR = /\b(?:pisos?|suelos?|floors?|losas?|plateas?|slabs?)\b(?!.*\b(?:aceras?|sidewalks?|driveways?)\b)/;
/** A wall given by its length ("una pared de 10 metros", "a wall 10 m long"). */
const WALL_LENGTH = /\b(?:paredes|pared|muros?|tapias?|verjas?|walls?)\s+(?:de\s+|of\s+)?\d/;
const COATS = /\b(\d|una|dos|tres|one|two|three)\s+(?:manos?|capas?|coats?)\b/;
const WORD_NUMBER: Readonly<Record<string, number>> = { un: 1, una: 1, one: 1, a: 1, medio: 0.5, dos: 2, two: 2, tres: 3, three: 3 };

const isFeet = (unit: string | undefined): boolean => unit !== undefined && /^(?:ft|pies?|feet|foot)$/.test(unit);
const FOOT = 0.3048;
const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

/** A thickness to metres: "10 cm" → 0.1, "4 pulgadas" → 0.1, "0.10 (m)" → 0.1, a bare "10" (cm) → 0.1. */
function thicknessOf(value: number, unit: string | undefined): number {
  if (unit === undefined || /^(?:m|mts?|metros?)$/.test(unit)) return value < 1 ? value : value / 100;
  if (/^(?:cm|centimetros?)$/.test(unit)) return value / 100;
  return value * 0.0254;
}

const read = createLru<MaterialQuestion | null>(256);

/**
 * The measurements of a question of how much material a job takes; null when the message is not
 * one. It asks how many or how much, and either needs ("necesito", "lleva", "do I need") or says
 * what for ("para una pared de 3 por 2") with a measurement or a surface.
 *
 * @example
 * readMaterialQuestion('cuantos blocks para una pared de 3 por 2?'); // { sides: [3, 2], surface: 'wall' }
 * readMaterialQuestion('cuánto cuesta el cemento?'); // null
 */
/** "¿cuánto rinde?", "¿cuántas manos?", "how many coats?": how far the product in focus goes, a follow-up about it. */
export function asksYield(text: string): boolean {
  return YIELDS.test(fold(text));
}

export function readMaterialQuestion(text: string): MaterialQuestion | null {
  return remembered(read, text, readQuestion);
}

const PAINTS = /\b(?:pint|paint)/;

function readQuestion(text: string): MaterialQuestion | null {
  const t = fold(text);
  // The fold leaves none of those marks but a '.' before a digit, and single spaces: only a '.' changes it.
  if (BARE_PAINT_COUNT.test(t.includes('.') ? t.replace(/[¿?¡!.,]+/g, ' ').replace(/\s+/g, ' ').trim() : t)) return {};
  const yields = YIELDS.test(t);
  const asked = yields || (HOW_MANY.test(t) && !SIZE_ASKED.test(t));
  // "pintura para 40 m2", "paint for 40 square meters": paint asked for an area said in square metres is how much it takes
  // (tiles for an area are answered kind by kind elsewhere). "voy a pintar 2 puertas": doors to paint counted are the area
  // asked about. The measurements are read only then (issue 16: cheap regexes first).
  const paints = PAINTS.test(t);
  const paintForArea = AREA_FOR.test(t) && PAINT_GOODS.test(t);
  // "cerámica de piso pa 40 metros", "porcelanato para 25 metros": the tile for that many square metres (no wall said).
  const tileForArea = METRES_FOR.test(t) && TILE_GOODS.test(t) && !/\b(?:pared|paredes|wall|walls|muro)\b/.test(t);
  // "necesito cemento y arena pa un piso de 40 m²": what a measured surface takes, though no "cuánto" is said.
  // ("material pa una losa de 6x5" names no goods: the job's kit answers it.)
  const needFor = !asked && NEED.test(t) && FOR.test(t) && /\d/.test(t) && !COUNTED_PACKS.test(t) && !/\b(?:materiale?s?|materials?|todo|everything)\b/.test(t);
  const q0 = asked || !(paintForArea || paints || tileForArea || needFor) ? null : measurementsOf(t);
  const doorsPainted = q0?.doors !== undefined && paints;
  const sizedNeed = needFor && q0 !== null && (q0.area !== undefined || q0.sides !== undefined) && q0.surface !== undefined;
  if (!asked && !doorsPainted && !sizedNeed && !(q0?.area !== undefined && paintForArea) && !(q0?.length !== undefined && tileForArea)) return null;
  const q = q0 ?? measurementsOf(t);
  if (yields || (tileForArea && q.length !== undefined && q.sides === undefined)) return q;
  // "¿cuánto me sale 20 láminas de 12 pies?", "how much is it?": a price asked, not an amount needed.
  const measured = isMeasured(q);
  // "I need cement, how much is a bag?": a price asked beside a need that names no job to measure.
  // "techo de 80 m², ¿cuánto me sale el zinc?": the price of what a surface measured takes, so the amount first.
  const sizedJob = (q.area !== undefined || q.sides !== undefined) && q.surface !== undefined && !COUNTED_PACKS.test(t);
  if (!sizedJob && ((PRICE_ASKED.test(t) && (!NEED.test(t) || (!measured && q.surface === undefined))) || PRICE_AT_END.test(t))) return null;
  // "¿cuánto me cobran para llevarlo a mi casa?" asks a price or a service, not an amount of material.
  if (!measured && PRICE_OR_SERVICE.test(t)) return null;
  // "necesito 3 cubetas de pintura, ¿cuánto con el descuento?": the amount is said (packs counted) or a discount asked, so a price.
  if (!measured && q.surface === undefined && q.rooms === undefined && (COUNTED_PACKS.test(t) || /\b(?:descuentos?|discount|rebaja)\b/.test(t))) return null;
  if (!NEED.test(t) && !doorsPainted && !(FOR.test(t) && (measured || q.surface !== undefined)) && !(measured && q.surface !== undefined)) return null;
  return q;
}

type Mutable = { -readonly [K in keyof MaterialQuestion]: MaterialQuestion[K] };

/** The measurements and surface a folded message gives, whatever it asks. */
function measurementsOf(t: string): Mutable {
  const q: Mutable = {};
  const surface = SURFACES.find(([re]) => re.test(t));
  if (surface) q.surface = surface[1];
  const sides = SIDES.exec(t);
  if (sides) {
    const feet = isFeet(sides[2]) || isFeet(sides[4]);
    const a = Number(sides[1]) * (feet ? FOOT : 1);
    const b = Number(sides[3]) * (feet ? FOOT : 1);
    if (a > 0 && b > 0) q.sides = [round(a), round(b)];
    if (sides[5] !== undefined) q.thickness = round(thicknessOf(Number(sides[5]), sides[6]), 3);
  }
  const area = AREA.exec(t);
  if (area?.[1] && !q.sides) q.area = area[3] ? round(Number(area[1]) * FOOT * FOOT, 1) : Number(area[1]);
  const volume = VOLUME.exec(t);
  if (volume?.[1]) {
    const n = WORD_NUMBER[volume[1]] ?? Number(volume[1]);
    q.volume = volume[3] ? round(n * 0.7646) : n;
  }
  const thick = THICK.exec(t);
  if (thick && q.thickness === undefined) {
    const value = Number(thick[1] ?? thick[3]);
    q.thickness = round(thicknessOf(value, thick[2] ?? thick[4]), 3);
  }
  if (!q.sides && q.area === undefined && q.volume === undefined) {
    // "una pared de 10 metros", "tubos para 20 metros": one length; a count of metres of a product
    // ("cuántos metros de cable") is no length.
    const rest = t.replace(/\b(?:cuant[oa]s?|how\s+many)\s+(?:metros?|pies?|meters?|feet)\b/g, ' ');
    const length = LENGTH.exec(rest);
    const run = length?.[1] !== undefined && (q.surface !== undefined || new RegExp(`\\b(?:para|pa|for)\\s+(?:unos\\s+|about\\s+)?${length[1]}\\s*${length[2]}`).test(rest) || isDistance(rest, length[1], length[2] as string));
    if (length?.[1] && run) q.length = round(Number(length[1]) * (isFeet(length[2]) ? FOOT : 1));
    // "un techo de 80 metros": a roof is measured by its area, so its metres are square metres (a clerk reads it so).
    // ...and so is a floor's or a slab's ("voy a hacer un piso de 40 metros"), not a sidewalk's or a driveway's.
    // ...and so is a plaster job's ("empañetar la casa, son como 80 metros"), unless a wall is given by its length ("una pared de 10 metros").
    const plastered = q.surface === 'plaster' && !WALL_LENGTH.test(t);
    if (q.length !== undefined && (q.surface === 'roof' || plastered || AREA_FLOOR.test(t)) && length?.[1] && !isFeet(length[2]) && !ROOF_RUN.test(t)) [q.area, q.length] = [q.length, undefined];
  }
  const coats = COATS.exec(t);
  if (coats?.[1]) q.coats = WORD_NUMBER[coats[1]] ?? Number(coats[1]);
  const rooms = ROOMS.exec(t);
  if (rooms?.[1]) q.rooms = ROOM_COUNT[rooms[1]] ?? Number(rooms[1]);
  if (rooms?.[1] && LIVING_ROOM.test(t)) q.living = true;
  // "¿cuántos galones para 2 puertas?": the doors' area (about 2 m² a side).
  const doors = q.sides || q.area !== undefined || q.volume !== undefined ? null : doorsIn(t);
  if (doors) Object.assign(q, { doors, area: doors.doors * doors.sides * DOOR_SIDE_M2, length: undefined });
  return q;
}

/**
 * "si está a 10 metros del breaker", "queda a unos 15 m", "it's 30 feet from the panel", "20 metros de
 * distancia": how far a run goes (a cable's, a hose's, a pipe's), so a length to cover. "tubo de a 6
 * metros" is a piece's size, never a distance.
 */
function isDistance(t: string, value: string, unit: string): boolean {
  const n = `${value.replace('.', '\\.')}\\s*${unit}`;
  return new RegExp(`(?<!\\bde\\s)\\b(?:a|at)\\s+(?:unos?\\s+|como\\s+|about\\s+|like\\s+|around\\s+)?${n}(?![a-z0-9])|\\b${n}\\s+(?:de\\s+distancia|de\\s+recorrido|de\\s+tirada|lineales|away|from)\\b`).test(t);
}

/** "2 habitaciones", "tres cuartos", "3 bedroom house": a count of rooms (1 to 9), never a length. */
const ROOMS = /\b([1-9]|dos|tres|cuatro|cinco|seis|two|three|four|five|six)\s*-?\s*(?:habitacion(?:es)?|cuartos|aposentos|recamaras|dormitorios|bedrooms?|rooms)\b/;
/** The living room, named beside the rooms counted. */
const LIVING_ROOM = /\b(?:la sala|sala de estar|salita|living(?: room)?|lounge|family room)\b/;
const ROOM_COUNT: Readonly<Record<string, number>> = { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * The sizes a message gives of the job's surface, whatever it asks ("piso de 4x5", "tengo un
 * cuarto de 3 x 4", "a 40 m² wall"): kept for a question of how much that comes later. Null when
 * it gives none, or names no surface.
 */
export function readSaidSizes(text: string): MaterialQuestion | null {
  if (!/\d/.test(text)) return null;
  const { sides, area, volume, thickness, surface } = measurementsOf(fold(text));
  // The surface named makes them sizes of a job: a "2x1" offer or a "2x4" board is none.
  if ((!sides && area === undefined && volume === undefined) || surface === undefined) return null;
  return { ...(sides ? { sides } : {}), ...(area !== undefined ? { area } : {}), ...(volume !== undefined ? { volume } : {}), ...(thickness !== undefined ? { thickness } : {}), ...(surface ? { surface } : {}) };
}

/**
 * The measurements a message gives of a job, whatever it asks and whether or not it names the
 * surface ("voy a techar un cuarto de 4x5, ¿qué necesito?"): null when it gives none.
 */
export function readJobMeasures(text: string): MaterialQuestion | null {
  if (!/\d/.test(text)) return null;
  const q = measurementsOf(fold(text));
  return isMeasured(q) ? q : null;
}

/** The surface a message names ("levantar un muro" → wall, "la losa" → slab), if any. */
export function surfaceNamed(text: string): Surface | undefined {
  const t = fold(text);
  return SURFACES.find(([re]) => re.test(t))?.[1];
}

/** The measurement asked for after a question of how much material: an area, a volume, or the height of a length given. */
export type MeasureAsked = 'area' | 'volume' | 'height';

/** Words a bare measurement may come with: fillers, connectors, units, sides ("son unos 40 metros cuadrados", "it's 4 by 3"). */
const MEASURE_WORDS = new Set(
  (
    'son es seria serian sera como unos unas uno aprox aproximadamente mas o menos alrededor de del el la las los un una mi mis tengo tiene tienen mide miden mido ' +
    'x por y en total cada m mt mts metro metros cuadrados cuadrado cubicos cubico m2 mt2 mts2 m3 mts3 cm centimetros centimetro pies pie pulgadas pulgada ' +
    'largo ancho alto altura fondo espesor grueso grosor de a una dos tres mano manos capa capas ' +
    // "necesito pintar 120 metros", "voy a enchapar unos 30": the job said with the measurement asked for.
    'necesito ocupo quiero voy vamos pintar cubrir enchapar hacer pa para need want to paint cover tile do i im going ' +
    'about around approx its it is the my a of and by meters meter metres metre square sq sqm cubic feet foot ft inches inch in long wide high tall length width height thick thickness coat coats one two three ' +
    // "mi casa tiene como 120 metros de pared por fuera": where the surface is.
    'afuera fuera adentro dentro exterior interior outside inside has have total ' +
    // "3 x 2 y 2 de hondo": a cistern's depth (`box-job.ts`).
    'hondo honda profundo profunda profundidad deep depth ' +
    // "it's 2 bedrooms and the living room": the kind of room, not another question.
    'living dining family master'
  ).split(' '),
);

/**
 * A message that only gives a measurement ("40 metros cuadrados", "una pared de 4 por 3", "4x3",
 * "4 metros por 3", "40 m2", "it's 12 by 10 feet"), read as the one just asked for: an area asked
 * takes a bare number or metres as m² (of wall to paint, of floor to tile); a height asked takes a
 * bare length. Null when the message says more than a measurement (another question, a product).
 *
 * @example
 * readMeasureReply('una pared de 4 por 3', 'area'); // { sides: [4, 3], surface: 'wall' }
 * readMeasureReply('40', 'area'); // { area: 40 }
 * readMeasureReply('cuánto cuesta el cemento?', 'area'); // null
 */
export function readMeasureReply(text: string, asked: MeasureAsked): MaterialQuestion | null {
  if (text.length > 80 || !/\d/.test(text)) return null;
  const t = fold(text.replace(/['’]/g, ''));
  const words = t.split(' ');
  const other = words.filter((w) => !MEASURE_WORDS.has(w) && !/^\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)*(?:m|mts?|m2|m3|cm|ft)?$/.test(w) && !SURFACES.some(([re]) => re.test(w)));
  if (other.length > 0) return null;
  const q = measurementsOf(t.replace(/(\d)x(?=\d)/g, '$1 x '));
  if (isMeasured(q)) {
    // "40 metros" for the walls to paint or the floor to tile: square metres.
    // So are "120 metros de pared" when square metres were asked (a wall's run says "de largo").
    if (asked === 'area' && q.length !== undefined && !q.sides && (q.surface === undefined || (q.surface !== 'column' && !ROOF_RUN.test(t)))) return { ...q, area: q.length, length: undefined };
    return q;
  }
  // "una casa de 2 habitaciones": rooms counted, for the walls of typical rooms.
  if (q.rooms !== undefined) return asked === 'area' ? q : null;
  // "40", "unos 3 de alto": one number alone is the measurement asked for.
  const numbers = t.match(/\d+(?:\.\d+)?/g) ?? [];
  const n = Number(numbers[0]);
  if (numbers.length !== 1 || !(n > 0)) return null;
  return asked === 'volume' ? { ...q, volume: n } : asked === 'height' ? { ...q, length: n } : { ...q, area: n };
}

/**
 * A measurement answered with the colour asked with it ("¿cuántos metros cuadrados y de qué
 * color?" → "unos 80 metros, blanco hueso"): the measurement (the product tool reads the colour).
 */
export function readMeasureWithColour(text: string, asked: MeasureAsked): MaterialQuestion | null {
  const bare = fold(text.replace(/['’]/g, '')).replace(COLOUR_SAID, ' ');
  return bare === fold(text.replace(/['’]/g, '')) ? null : readMeasureReply(bare, asked);
}

/** True when the question gives a measurement (sides, an area, a volume or one length). */
export function isMeasured(q: MaterialQuestion): boolean {
  return q.sides !== undefined || q.area !== undefined || q.volume !== undefined || q.length !== undefined;
}

/**
 * True when a product phrase is only the surface the material is for ("pared", "el piso", "a
 * wall"): the catalog's "Cerámica de Pared" or "Sellador de Paredes" is not what was asked.
 */
export function isOnlySurface(phrase: string): boolean {
  const words = fold(phrase).split(' ').filter((w) => !/^(?:una?|el|la|los|las|mi|de|del|the|a|my|of)$/.test(w));
  return words.length > 0 && words.every((w) => SURFACES.some(([re]) => re.test(w)));
}

/** Words that may come with a job's sizes said alone ("tengo un piso de 4x5", "voy a hacer una habitación de 3 x 4"). */
const SIZE_TALK = new Set(
  ('tengo tiene voy vamos hacer hacerle arreglar remodelar construir levantar quiero quisiera hola buenas buenos dias tardes noches ok oye saludos ' +
    'material materiales necesito ocupo es son esta mide aproximado aprox pa para nuevo nueva nuevos viejo vieja este esta ese esa manito pana amigo ' +
    'have got im going build building want hi hello new this that is ' +
    // "voy a hacer un piso de 40 metros, ¿qué necesito?", "I'm laying a floor of 40 m², what do I need?": what it takes, still to ask what goes there.
    'que what whats lay laying poner we were re').split(' '),
);

/**
 * The sizes of a job said with nothing else ("piso de 4x5", "tengo una habitación de 3 x 4",
 * "a 12 by 10 ft room"): what goes there is still to ask. Null when the message asks or names more
 * (a product, a question of how much) or the sizes are no job's ("casa" counts rooms, not sides).
 *
 * @example
 * readJobSizesOnly('piso de 4x5'); // { sides: [4, 5], surface: 'floor' }
 * readJobSizesOnly('cerámica para un piso de 4x5'); // null
 */
export function readJobSizesOnly(text: string): MaterialQuestion | null {
  // Read for every message by the rule brain: only one that gives two sides or an area is folded.
  return text.length > 80 || !TWO_SIDES_OR_AREA.test(text) ? null : remembered(sizesOnly, text, sizesOnlyIn);
}

// ...or a floor's metres ("un piso de 40 metros": its area, `AREA_FLOOR`).
const TWO_SIDES_OR_AREA = /\d\s*(?:x|\*|por|by)\s*\d|\d\s*(?:m2|m²|mts2|metros?\s+cuadrados|square|sq)|\b(?:pisos?|suelos?|floors?)\b.*\d\s*(?:m|mts?|metros?|meters?|metres?)\b/i;
const sizesOnly = createLru<MaterialQuestion | null>(256);

function sizesOnlyIn(text: string): MaterialQuestion | null {
  const said = readSaidSizes(text);
  if (!said || said.surface === 'house' || (!said.sides && said.area === undefined)) return null;
  const words = fold(text.replace(/['’]/g, '')).replace(/(\d)x(?=\d)/g, '$1 x ').split(' ');
  const other = words.filter((w) => !MEASURE_WORDS.has(w) && !SIZE_TALK.has(w) && !/^\d+(?:\.\d+)?(?:m|mts?|m2|cm|ft)?$/.test(w) && !SURFACES.some(([re]) => re.test(w)));
  return other.length === 0 ? said : null;
}
