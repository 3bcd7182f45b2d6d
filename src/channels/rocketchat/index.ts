export { createLoggingHandoffNotifier, type HandoffNotifier, type HandoffNotification, type HandoffPriority, type HandoffTranscriptLine } from './handoff-notifier.js';
export { createRocketChatNotifier, buildHandoffMessage, buildRelayMessage, buildTakenMessage, PRIORITY_COLORS, type RocketChatMessage, type RocketChatNotifierOptions } from './notifier.js';
export {
  parseOutgoingWebhook,
  HANDOFF_COMMANDS,
  type AgentCommand,
  type AgentMessage,
  type HandoffCommand,
  type IgnoredMessage,
  type OutgoingWebhookEvent,
  type ParseOutgoingWebhookOptions,
  type TicketSource,
} from './outgoing-webhook.js';
export { customerTextForAgents, describeMediaForAgents } from './format.js';
