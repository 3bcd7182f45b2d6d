import { GENERIC_PRODUCT_WORDS } from './lexicon.js';

/**
 * The words of a short product message that say its language. "porcelain", "wood screws", "duct
 * tape", "hammer?" carry no function word ("do", "the", "de", "tienen") for `detectLang` to count,
 * yet a clerk hears English at once: these are English names of goods that Dominican Spanish does
 * not borrow. Loanwords a customer writes in Spanish as often ("block", "plywood", "breaker",
 * "drywall", "sheetrock", "gypsum", "tape", "pvc", "thinner", "primer", "spray", "cable", "fan",
 * "switch", "cutter", "timer", "panel", "led", "kit", "set", "mix", "full") are left out, and so is
 * any word that is also Spanish ("red", "meter", "extension", "pan", "base", "gas", "metal").
 */
const ENGLISH_GOODS = new Set(
  (
    // Building materials.
    'cement concrete mortar grout sand gravel stone rebar steel iron brick tile tiles porcelain ceramic marble granite ' +
    'plaster lumber wood board plank beam stud lintel roof roofing shingle gutter insulation tarp mesh fence gate ' +
    'post posts mud stucco topsoil spacer ready joint compound dirt fill supply ' +
    // Trade and brand names only English speakers use ("quikrete", "romex", "kilz").
    'quikrete sakrete romex kilz greenboard remesh cmu thinset ' +
    'sheet sheets glass window door floor flooring wall ceiling stairs ' +
    // Fasteners and hardware.
    'screw nail bolt nut washer hinge anchor hook bracket latch deadbolt lock padlock key chain rope wire ' +
    'handle knob doorknob shelf shelves rack mailbox tie ties zip ' +
    // Tools.
    'hammer sledgehammer saw hacksaw handsaw jigsaw drill bit screwdriver wrench pliers level trowel shovel rake hoe ' +
    'pickaxe wheelbarrow ladder bucket brush roller tray sandpaper sander grinder chisel crowbar stapler knife knives ' +
    'scissors measure tool tools toolbox ' +
    // Safety.
    'gloves glove goggles helmet boots earmuffs respirator vest dust ' +
    // Plumbing.
    'pipe pipes duct plumbing faucet tap valve drain sink shower showerhead toilet tank heater pump filter hose fitting ' +
    'fittings coupling elbow sewer trap flapper wax plunger ' +
    // Electrical.
    'outlet socket plug bulb bulbs lightbulb light lights lamp fixture cord battery batteries flashlight floodlight ' +
    'fuse wiring electrical electric junction ' +
    // Paint and chemicals.
    'paint paints varnish stain turpentine sealant sealer caulk caulking silicone glue adhesive putty spackle whitewash enamel ' +
    'waterproofing solvent cleaner bleach chalk ' +
    // Household and garden.
    'trash garbage bag bags broom mop dustpan sponge detergent garden lawn mower sprinkler fertilizer soil seeds pruner shears ' +
    'weed killer supplies ' +
    // Goods of other trades asked of a hardware store all the same ("toilet paper?", "diapers?").
    'paper diaper diapers soap shampoo groceries food beer cigarettes sunscreen charger chargers fridge refrigerator stove mattress furniture clothes shoes ' +
    // Measures and sizes customers say with them.
    'inch inches feet foot gallon gallons pound pounds meters yard yards ' +
    // Colours said with a product ("white cement").
    'white black gray grey blue green yellow brown'
  ).split(' '),
);

/**
 * English names of a beauty studio's services and its bookings ("wedding package?", "balayage",
 * "brows and lashes"): read like the goods above, for the language only — never a product's head.
 * Words Dominican Spanish writes the same ("manicure", "pedicure", "facial", "spa", "gel",
 * "keratina") are left out.
 */
const ENGLISH_SERVICES = new Set(
  (
    'wedding weddings bride bridal package packages bundle haircut haircuts blowout blowdry blow dry trim ' +
    'highlights balayage dye hair nails nail mani pedi manipedi waxing eyebrow eyebrows brows lashes eyelash eyelashes ' +
    'makeup massage massages treatment cleansing appointment appointments booking walkin walkins'
  ).split(' '),
);

/** A word's singular forms to look up: "screws" → "screw", "brushes" → "brush". */
const forms = (w: string): string[] => (w.endsWith('es') ? [w, w.slice(0, -1), w.slice(0, -2)] : w.endsWith('s') ? [w, w.slice(0, -1)] : [w]);

/** Whether a folded word is the English name of a good (or a size or colour said with one). */
export function isEnglishGoodsWord(word: string): boolean {
  return forms(word).some((f) => ENGLISH_GOODS.has(f));
}

/** Words of the store's trade both languages say ("block", "pvc pipe", "tubo pvc"): no sign of Spanish. */
const SHARED = new Set(['block', 'blocks', 'zinc', 'plywood', 'pvc', 'cable', 'breaker', 'thinner', 'fan', 'led']);

/** Spanish names of goods ("martillo", "tornillos"): the hardware words known without a catalog, minus the English and shared ones. */
const SPANISH_GOODS = new Set([...GENERIC_PRODUCT_WORDS].filter((w) => !isEnglishGoodsWord(w) && !SHARED.has(w)));

const isSpanishGoodsWord = (word: string): boolean => SPANISH_GOODS.has(word) || SPANISH_GOODS.has(word.replace(/e?s$/, '')) || SPANISH_GOODS.has(word.replace(/s$/, ''));

/**
 * "tape" is Dominican Spanish too ("tape eléctrico", "un tape"), but a word before it naming its kind
 * ("teflon tape", "duct tape") is English word order; Spanish says the kind after it.
 */
const BEFORE_SPANISH_TAPE = new Set(['el', 'un', 'una', 'de', 'del', 'la', 'mi', 'ese', 'este', 'eso', 'y', 'o', 'dame', 'tienen', 'hay']);

/**
 * Whether a message's folded words name goods or a studio's services in English and none in Spanish
 * ("wood screws", "1/2 inch pvc pipe", "wedding package"; not "martillo hammer", not "block 6").
 */
export function namesGoodsInEnglish(words: readonly string[]): boolean {
  let english = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (isSpanishGoodsWord(w)) return false;
    if (!english && (isEnglishGoodsWord(w) || ENGLISH_SERVICES.has(w) || (w === 'tape' && i > 0 && !BEFORE_SPANISH_TAPE.has(words[i - 1] as string)))) english = true;
  }
  return english;
}

/**
 * Goods sold by weight or volume ("cement sand gravel" is a list of three): after another word of
 * the trade they are one more item, never the head of a compound.
 */
export const MASS = new Set([
  'cement', 'concrete', 'sand', 'gravel', 'paint', 'glue', 'wood', 'lumber', 'rebar', 'wire', 'cable', 'mortar', 'grout',
  'plaster', 'stone', 'water', 'thinner', 'sealant', 'caulk', 'putty', 'steel', 'iron', 'mesh', 'tile', 'porcelain',
]);
