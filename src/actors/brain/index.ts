export type { Brain } from './brain.js';
export { createRuleBrain, OUT_OF_SCOPE_THRESHOLD } from './rule/rule-brain.js';
export type { RuleBrainOptions } from './rule/rule-brain.js';
export { crossValidate, toExamples } from './rule/cross-validate.js';
export type { CrossValidationReport } from './rule/cross-validate.js';
export { normalizeText, tokenize } from './rule/text.js';
