/**
 * Several items said right after one product was answered, some without a size: "3 tubos, 2 codos de
 * 4 y una tee de 4" after the 4" drain pipe. A clerk reads "3 tubos" as three of the pipe on the
 * counter, not the everyday 1/2" one, and "2 codos" with no size as elbows of the counter's size, as
 * he would fill an order of 4" drainage. Items with a size of their own, or of another kind, stay as said.
 */
import type { ProductFocus } from '../../machines/conversation.contract.js';
import type { TenantData } from '../../domain/tenant.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import type { Wanted } from './product-request.js';

/** An inch size as the catalog names it ("Tubo PVC 4\" SDR-41", "Codo PVC 1/2\" x 90°"). */
const INCH_SIZE = /(?:^|\s)(\d+(?:\s+\d+\/\d+|\/\d+)?)"/;
const kindOf = (name: string): string => fold(name).split(/\s+/)[0] ?? '';

/**
 * The items with the counter's product or size where they name neither size nor anything else that
 * sets them apart: the one on the counter for an item of its kind, the counter's inch size for
 * another item of its shelf (category) made in that size.
 *
 * @example
 * likeOnCounter(tenant, index, drainPipe4, [{ query: 'tubo', quantity: 3 }, { query: 'codo 4', quantity: 2 }]);
 * // [{ query: 'Tubo PVC 4" SDR-41 Drenaje (6 m)', quantity: 3 }, { query: 'codo 4', quantity: 2 }]
 */
export function likeOnCounter(tenant: TenantData, index: CatalogIndex, focus: ProductFocus | undefined, wanted: Wanted[]): Wanted[] {
  const shown = focus ? tenant.catalog.find((p) => p.sku === focus.sku) : undefined;
  if (!shown || wanted.length < 2) return wanted;
  const size = INCH_SIZE.exec(shown.name)?.[1];
  return wanted.map((w) => {
    const parsed = index.parse(w.query);
    if (parsed.attributes.measures.length > 0 || parsed.attributes.dims.length > 0 || Object.keys(parsed.phrases).some((k) => k !== 'pack')) return w;
    const best = index.search(w.query, { limit: 1 })[0];
    if (!best || best.product.category !== shown.category) return w;
    // "3 tubos" after the 4" drain pipe: the pipe on the counter.
    if (kindOf(best.product.name) === kindOf(shown.name)) return { ...w, query: shown.name };
    if (size === undefined) return w;
    const withSize = `${w.query} ${size}"`;
    const hit = index.search(withSize, { limit: 1 })[0];
    return hit && hit.unmet.length === 0 && hit.product.category === shown.category ? { ...w, query: withSize } : w;
  });
}
