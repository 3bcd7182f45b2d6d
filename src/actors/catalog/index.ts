export { createProductResolver } from './product-resolver.js';
export { resolverFor } from './shared-resolver.js';
export type { CatalogMatch, ProductResolver } from './product-resolver.js';
export { convertMeasure, countText, isShadeWord, measureText, parseProductText } from './attributes.js';
export type { AttributeKind, Attributes, Measure, MeasureUnit, ParsedQuery } from './attributes.js';
export { FILLER, fold, NUMBER_WORDS, soundKey, stem } from './text.js';
