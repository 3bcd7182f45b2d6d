export { createCatalogIndex } from './catalog-search.js';
export type { CatalogIndex, CatalogMatch } from './catalog-search.js';
export { answerProduct } from './product.tool.js';
export { withReserveStock } from './reserve-stock.js';
export { answerAccount, answerAccountLimited, ACCOUNT_NUMBER_PATTERN, MAX_ACCOUNT_FAILURES_PER_DAY } from './account.tool.js';
export { answerInfo } from './info.tool.js';
export { calendarDate, formatDate, formatMoney } from './format.js';
export { countUnit, priceUnit } from './units.js';
