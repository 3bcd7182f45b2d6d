/**
 * "dame 100 pies del 12", "del calibre 12", "del #12", "give me 100 feet of the 12 gauge" with wire
 * sold by the foot on the counter: a length of that wire's gauge, as "100 pies de cable 12" already
 * reads. The catalog's parser takes "100 pies" for a size of its own (a 100-ft roll there is none
 * of) before the gauge, so a clerk's reading is said back in those words: the feet are how much, the
 * number after "del" is which wire.
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import type { TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import { soldBy } from './product-said.js';
import { readGaugeCounts } from '../../machines/gauge-counts.js';

/** The count in feet (bare when the wire in focus is sold by the foot), then "del/de la/of the" and a gauge alone (the number, "calibre 12", "#12", "12 gauge"). */
const FEET_OF_GAUGE =
  /^((?:[a-z]+\s+){0,3}?)(\d+)\s*(?:(pies?|feet|foot|ft)\s+)?(?:del|de\s+la|de|of\s+the|of|in)\s+(?:(?:calibre|cal|gauge|numero|number|no)\.?\s*|#\s*)?(\d{1,2})(?:\s*(?:gauge|ga|awg))?\s*[?.!]*$/;

/** The product's family: its first word ("cable"), on its shelf. */
const headOf = (name: string): string => foldAccents(name).split(/[^a-z0-9]+/)[0] ?? '';

/** The family and kind: the first two words of a name ("cable thhn", "cable duplex"). */
const twoWords = (name: string): string => foldAccents(name).split(/[^a-z0-9]+/).slice(0, 2).join(' ');

/**
 * The input and text reworded as a length of the gauge asked ("100 pies de cable 12"), or null when
 * the message is no such count or no wire sold by the foot of that gauge is of the family in focus.
 */
export function feetOfGauge(tenant: TenantData, input: ProductActorInput, text: string | undefined): { input: ProductActorInput; text: string } | null {
  if (text === undefined || !input.focus || input.understanding.products.length > 0) return null;
  const m = FEET_OF_GAUGE.exec(foldAccents(text).trim());
  if (!m) return rollsOrPartsOfGauge(tenant, input, text);
  const [, lead = '', feet = '', unit = '', gauge = ''] = m;
  const onCounter = tenant.catalog.find((p) => p.sku === input.focus?.sku);
  // A bare count ("y 50 del 14") is in the unit of what is on the counter: feet only when that is sold by the foot.
  if (!onCounter || (unit === '' && soldBy(onCounter) !== 'pie')) return null;
  const head = headOf(onCounter.name);
  const byGauge = new RegExp(String.raw`#\s*${gauge}(?!\d)`);
  const wires = tenant.catalog.filter((p) => p.category === onCounter.category && headOf(p.name) === head && soldBy(p) === 'pie' && byGauge.test(p.name));
  // The kind on the counter first ("Cable Dúplex" after the duplex, never the THHN of that gauge).
  const kind = twoWords(onCounter.name);
  const wire = wires.find((p) => twoWords(p.name) === kind) ?? wires[0];
  if (!wire) return null;
  const query = `${twoWords(wire.name)} ${gauge}`;
  const said = `${lead}${feet} ${unit !== '' ? unit : input.lang === 'en' ? 'feet' : 'pies'} ${input.lang === 'en' ? 'of' : 'de'} ${query}`;
  return { input: { ...input, text: said, understanding: { ...input.understanding, products: [{ query }] } }, text: said };
}

/**
 * "dame un rollo de 12 y uno de 14", "2 rollos del 12", "100 pies del 12 y 50 del 14" with a wire on
 * the counter: each count of the wire of that gauge in the family on the counter, by the roll or the
 * foot as said (a part with no unit: as the one on the counter is sold), read as "1 rollo de cable
 * thhn 12 y 1 rollo de cable thhn 14" would be. Null when a gauge has no such wire.
 */
function rollsOrPartsOfGauge(tenant: TenantData, input: ProductActorInput, text: string): { input: ProductActorInput; text: string } | null {
  const parts = readGaugeCounts(text);
  const onCounter = tenant.catalog.find((p) => p.sku === input.focus?.sku);
  if (parts === null || !onCounter || !/^(?:pie|rollo)$/.test(soldBy(onCounter))) return null;
  const head = headOf(onCounter.name);
  const kind = twoWords(onCounter.name);
  const products: { query: string; quantity: number }[] = [];
  const said: string[] = [];
  for (const part of parts) {
    const unit = part.unit ?? (soldBy(onCounter) as 'pie' | 'rollo');
    const byGauge = new RegExp(String.raw`#\s*${part.gauge}(?!\d)`);
    const wires = tenant.catalog.filter((p) => p.category === onCounter.category && headOf(p.name) === head && soldBy(p) === unit && byGauge.test(p.name));
    const wire = wires.find((p) => twoWords(p.name) === kind) ?? wires[0];
    if (!wire) return null;
    const query = `${unit === 'rollo' ? 'rollo ' : ''}${twoWords(wire.name)} ${part.gauge}`;
    products.push({ query, quantity: part.quantity });
    said.push(unit === 'rollo' ? `${part.quantity} ${input.lang === 'en' ? 'roll of' : 'rollo de'} ${twoWords(wire.name)} ${part.gauge}` : `${part.quantity} ${input.lang === 'en' ? 'feet of' : 'pies de'} ${twoWords(wire.name)} ${part.gauge}`);
  }
  const joined = said.join(input.lang === 'en' ? ' and ' : ' y ');
  return { input: { ...input, text: joined, understanding: { ...input.understanding, products } }, text: joined };
}
