export { BUILT_IN_INTENT_SET, CORE_BEHAVIOURS, INFO_BEHAVIOUR, INFO_SOURCES, INTENT_KINDS, INTENTS, isIntentName } from './intents.js';
export type { InfoAnswer, InfoSource, IntentKind, IntentLabel, IntentName, TenantIntent } from './intents.js';
export { createIntentSet } from './intent-set.js';
export type { IntentSet } from './intent-set.js';
export { ENTITY_TYPES, intentLabelOf } from './nlu.js';
export { MEDIA_KINDS, copyMediaReference, isMediaKind, mediaAckKind, readMediaReferences } from './media.js';
export type { MediaKind, MediaReference } from './media.js';
export type { Entity, EntityType, IntentScore, Lang, NluResult } from './nlu.js';
export {
  ASKED_LEAD_FIELDS,
  INTEREST_AREAS,
  LEAD_FIELDS,
  REQUIRED_LEAD_FIELDS,
  URGENCY_LEVELS,
} from './lead.js';
export type { InterestArea, LeadDraft, LeadField, LeadFieldValue, LeadPayload, UrgencyLevel } from './lead.js';
export type {
  AccountStanding,
  Branch,
  DeliveryZone,
  GeoPoint,
  Place,
  CustomerAccount,
  Offer,
  Product,
  ReplyTemplates,
  StoreInfo,
  TenantData,
  TenantSettings,
  TrainingUtterances,
  Vacancy,
} from './tenant.js';
export type { ChoiceExpectation, ChoiceOption, Expectation, Understanding, UnderstandInput } from './understanding.js';
export type { InboundMessage } from './inbound-message.js';
export type { HandoffReason, TicketKind } from './ticket.js';
export { DR_AREA_CODES, digitsOf, isDominicanPhone, phoneFromText, samePhone, toE164 } from './phone.js';
export { asAmount, formatMoney } from './money.js';
export { customerChannelLabel } from './channel-label.js';
