export {
  conversationMachine,
  createInitialContext,
  provideWorkflows,
  HANDOFF_PRIORITY,
  MAX_MISUNDERSTOOD_STREAK,
  MIN_INTENT_CONFIDENCE,
} from './conversation.machine.js';
export type {
  ConversationContext,
  ConversationInput,
  ConversationMachine,
  HandoffRecord,
  TicketInfo,
} from './conversation.machine.js';
export { FLOW_TEMPLATE_KEYS, HANDOFF_TICKET_REASONS } from './flow-templates.js';
export { MEDIA_TEMPLATE_KEYS, mediaAcknowledgement } from './media-ack.js';
export { isValidEmail } from './lead-draft.js';
export type { LeadNotice, LeadState, LeadStatus } from './lead-draft.js';
export { exportMachineJson } from './machine-json.js';
export { migrateSnapshot } from './migrate-snapshot.js';
export { AWAITING_INPUT, CONVERSATION_ACTORS, MACHINE_VERSION } from './conversation.contract.js';
export type {
  AccountActorInput,
  AccountActorOutput,
  ConversationEmitted,
  ConversationEvent,
  HandoffReason,
  InfoActorInput,
  InfoActorOutput,
  LeadActorInput,
  LeadActorOutput,
  ProductActorInput,
  ProductActorOutput,
  ReplyDirective,
  TicketActorInput,
  TicketActorOutput,
  UnderstandActorInput,
  UnderstandActorOutput,
  UserMediaEvent,
} from './conversation.contract.js';
