/**
 * The rule families of the injection detector (`injection-detector.ts`): a vocabulary of attack
 * objects and addressees, compound patterns, and the weighted rules built from them, split by
 * family under `injection-rules/`. Every pattern runs on a reading of the text (lower case, no
 * accents, de-obfuscated: `injection-readings.ts`).
 */
import { ACTION_RULES } from './injection-rules/rules-actions.js';
import { DATA_RULES } from './injection-rules/rules-data.js';
import { INTENT_RULES } from './injection-rules/rules-intent.js';
import { OVERRIDE_RULES } from './injection-rules/rules-override.js';
import type { Rule } from './injection-rules/rule.js';

export type { Rule };

export const RULES: Rule[] = [...OVERRIDE_RULES, ...DATA_RULES, ...INTENT_RULES, ...ACTION_RULES];
