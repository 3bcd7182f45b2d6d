import type { IntentName } from './intents.js';

/** Languages a customer can be answered in. Spanish first. */
export type Lang = 'es' | 'en';

export const ENTITY_TYPES = [
  'person_name',
  'email',
  'phone',
  'company',
  'account_id',
  'product',
  'quantity',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A span of the original text. `start`/`end` are UTF-16 offsets into the text as received. */
export interface Entity {
  type: EntityType;
  /** Normalised value: email lower-cased, phone in E.164 (`+18095551234`), account id digits only. */
  value: string;
  start: number;
  end: number;
}

export interface IntentScore {
  name: IntentName;
  confidence: number;
}

/** The `/nlu/parse` answer shape (Rasa-like, so users of bot runtimes feel at home). */
export interface NluResult {
  intent: IntentScore;
  /** All intents, best first; confidences sum to ~1. */
  ranking: IntentScore[];
  entities: Entity[];
  lang: Lang;
}
