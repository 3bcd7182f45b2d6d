/**
 * A material the customer names that what we show is not made of ("tubería de cobre" answered with
 * the PVC pipes, "copper pipe", "clavos de bronce"): a clerk says first that there is none in that
 * material, then offers what there is. Only materials a customer asks for by name, each with the
 * words that name it; a product "has" a material when its name, aliases or everyday names say so.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';

export interface Material {
  name: Record<Lang, string>;
  /** The words in a message (folded) that ask for it. */
  asked: RegExp;
  /** The words in a product's name or aliases (folded) that say it is of it. */
  has: RegExp;
  /**
   * Only checked of the product shown ("¿es de madera?"), never a material the search must meet:
   * "pintura para madera", "broca para metal" name what the goods are for.
   */
  checkOnly?: true;
}

const MATERIALS: readonly Material[] = [
  { name: { es: 'cobre', en: 'copper' }, asked: /\b(?:cobre|copper)\b/, has: /\b(?:cobre|copper|thhn|duplex)\b/ },
  { name: { es: 'acero inoxidable', en: 'stainless steel' }, asked: /\b(?:inoxidable|inox|stainless)\b/, has: /\b(?:inoxidable|inox|stainless)\b/ },
  { name: { es: 'aluminio', en: 'aluminium' }, asked: /\b(?:aluminio|alumini?um)\b/, has: /\b(?:aluminio|alumini?um)\b/ },
  { name: { es: 'bronce', en: 'brass' }, asked: /\b(?:bronce|brass|bronze|laton)\b/, has: /\b(?:bronce|brass|bronze|laton)\b/ },
  { name: { es: 'CPVC', en: 'CPVC' }, asked: /\bcpvc\b/, has: /\bcpvc\b/ },
  { name: { es: 'PEX', en: 'PEX' }, asked: /\bpex\b/, has: /\bpex\b/ },
  { name: { es: 'vidrio', en: 'glass' }, asked: /\b(?:vidrio|cristal|glass)\b/, has: /\b(?:vidrio|cristal|glass)\b/ },
  { name: { es: 'madera', en: 'wood' }, asked: /\b(?:madera|wood|wooden)\b/, has: /\b(?:madera|wood|wooden|pino|plywood)\b/, checkOnly: true },
  { name: { es: 'hierro galvanizado', en: 'galvanized iron' }, asked: /\b(?:galvanizad[oa]|galvani[sz]ed)\b/, has: /\b(?:galvanizad[oa]|galvani[sz]ed)\b/, checkOnly: true },
  { name: { es: 'acero', en: 'steel' }, asked: /\b(?:acero|steel)\b/, has: /\b(?:acero|steel)\b/, checkOnly: true },
  { name: { es: 'hierro', en: 'iron' }, asked: /\b(?:hierro|iron)\b/, has: /\b(?:hierro|iron)\b/, checkOnly: true },
  { name: { es: 'plástico', en: 'plastic' }, asked: /\b(?:plastico|plastic)\b/, has: /\b(?:plastico|plastic)\b/, checkOnly: true },
  // Work gloves of "vaqueta" are cowhide: "¿son de cuero?" is yes.
  { name: { es: 'cuero', en: 'leather' }, asked: /\b(?:cuero|piel|leather)\b/, has: /\b(?:cuero|piel|leather|vaqueta|cowhide)\b/, checkOnly: true },
  { name: { es: 'goma', en: 'rubber' }, asked: /\b(?:goma|caucho|hule|rubber)\b/, has: /\b(?:goma|caucho|hule|rubber|nitrilo|nitrile|latex)\b/, checkOnly: true },
];
/** The materials a search must meet ("tubería de cobre"); the others are only checked of the product shown. */
const SEARCHED = MATERIALS.filter((m) => m.checkOnly !== true);

const fold = foldAccents;
const wordsOf = (p: Product): string => fold([p.name, ...(p.aliases ?? []), ...(p.default_for ?? [])].join(' '));

/** A word (folded) that asks for one of the materials ("cobre", "stainless"). */
export function namesAMaterial(word: string): boolean {
  return SEARCHED.some((m) => m.asked.test(word));
}

/**
 * "En *cobre* no lo tengo" before an answer whose products (`shown`) are none of the material the
 * message asks for; null when the message names no such material or a product shown is of it.
 *
 * @example
 * missingMaterialNote('tubería de cobre', [pvcPipe], 'es') // { template: 'product.no_material', params: { material: 'cobre' } }
 */
export function missingMaterialNote(text: string, shown: readonly Product[], lang: Lang): ReplyDirective | null {
  if (shown.length === 0) return null;
  const said = afterSelfCorrection(fold(text));
  const material = SEARCHED.find((m) => m.asked.test(said));
  if (!material || shown.some((p) => material.has.test(wordsOf(p)))) return null;
  return { template: 'product.no_material', params: { material: material.name[lang] } };
}

/** Whether a message asks for one of these materials ("tubo de cobre", "copper pipe"): answered by `missingMaterialNote` and what there is. */
export function namesMaterial(text: string): boolean {
  const said = afterSelfCorrection(fold(text));
  return SEARCHED.some((m) => m.asked.test(said));
}

/** The material one word asks for ("madera", "aluminum", "stainless"), any of them; undefined for other words. */
export function materialNamed(word: string): Material | undefined {
  const w = fold(word.toLowerCase());
  return MATERIALS.find((m) => m.asked.test(w));
}

/** Whether the product's name or aliases say it is of the material. */
export const isOfMaterial = (p: Product, material: Material): boolean => material.has.test(wordsOf(p).toLowerCase());

/** The first material the product's name or aliases say it is of, if any. */
export const materialOfProduct = (p: Product): Material | undefined => MATERIALS.find((m) => isOfMaterial(p, m));

/** A change of mind inside the message: "…copper... no, pvc pipe", "tubos de cobre, no, de pvc", "…, digo de pvc" (not "de cobre, ¿no tienen?"). */
const SELF_CORRECTION = /(?:\.{2,}|…|,|;)\s*(?:no|nah|nope|perdon|sorry|digo|i mean|mejor dicho)\b[\s,.]*(?!(?:tienen|tiene|tienes|hay|venden|vende|manejan|have|has|do|does|sell|carry)\b)(\S.*)$/;

/** What the customer settled on: the words after a change of mind inside the message, else the message (folded). */
function afterSelfCorrection(said: string): string {
  return SELF_CORRECTION.exec(said)?.[1] ?? said;
}
