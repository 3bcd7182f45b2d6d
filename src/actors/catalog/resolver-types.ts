import type { Product } from '../../domain/tenant.js';
import type { AttributeKind, ParsedQuery } from './attributes.js';

export interface CatalogMatch {
  product: Product;
  /** 0..1: how much of the query the product covers, and how closely. */
  score: number;
  /** Attributes the customer gave that this product does not have (a colour, a size, a grade). */
  unmet: AttributeKind[];
  /** The product is the tenant's everyday choice for these words (`default_for`). */
  defaulted: boolean;
}

/**
 * The one product resolver: the catalog tool, the LLM brain's `search_catalog` and the rule brain's
 * product extraction all read customers' words through it.
 */
export interface ProductResolver {
  /** Best matches first; empty when nothing in the catalog resembles the query. */
  search(query: string, options?: { limit?: number }): CatalogMatch[];
  /** Quantity, attributes and content words of a phrase, as `search` reads them. */
  parse(query: string): ParsedQuery;
  /** The catalog word (folded, as written in the catalog) a customer's word stands for, tolerating plurals and typos; null if none. */
  correct(word: string): string | null;
  /** Folded catalog words (names, aliases, categories). */
  readonly lexicon: ReadonlySet<string>;
}
