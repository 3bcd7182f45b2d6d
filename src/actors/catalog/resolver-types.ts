import type { Product } from '../../domain/tenant.js';
import type { AttributeKind, Attributes, Measure, ParsedQuery } from './attributes.js';

export interface CatalogMatch {
  product: Product;
  /** 0..1: how much of the query the product covers, and how closely. */
  score: number;
  /** Attributes the customer gave that this product does not have (a colour, a size, a grade). */
  unmet: AttributeKind[];
  /** The product is the tenant's everyday choice for these words (`default_for`). */
  defaulted: boolean;
}

/** A parsed query's attributes, read only (`ParsedView`). */
export type AttributesView = Readonly<Omit<Attributes, 'measures' | 'dims' | 'colours'>> & {
  readonly measures: readonly Readonly<Measure>[];
  readonly dims: readonly string[];
  readonly colours: readonly string[];
};

/**
 * What `ProductResolver.parse` hands out: a `ParsedQuery` to read, never to change. The cached
 * resolver (`withResultCache`) gives every caller of one query the same frozen object (issue 16,
 * session 37: it copied it for each of the ~20 parses of an unseen turn).
 */
export interface ParsedView {
  readonly quantity?: number;
  readonly attributes: AttributesView;
  readonly content: readonly string[];
  readonly phrases: Readonly<ParsedQuery['phrases']>;
}

/**
 * The one product resolver: the catalog tool, the LLM brain's `search_catalog` and the rule brain's
 * product extraction all read customers' words through it.
 */
export interface ProductResolver {
  /** Best matches first; empty when nothing in the catalog resembles the query. */
  search(query: string, options?: { limit?: number }): CatalogMatch[];
  /** Quantity, attributes and content words of a phrase, as `search` reads them (read only: the cached resolver shares it, frozen). */
  parse(query: string): ParsedView;
  /** The catalog word (folded, as written in the catalog) a customer's word stands for, tolerating plurals and typos; null if none. */
  correct(word: string): string | null;
  /** Folded catalog words (names, aliases, categories). */
  readonly lexicon: ReadonlySet<string>;
}
