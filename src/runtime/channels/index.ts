export { createChannelRegistry, type ChannelRegistry, type ChannelSendResult, type TenantChannel } from './channel-registry.js';
export { createOutboundDestinations, type OutboundDestinations } from './destinations.js';
export { createCrmDelivery, type CrmDelivery } from './crm-port.js';
export { createHandoffNotices, findTicket, type HandoffNotices, type RelayedMessage } from './handoff-notices.js';
export { createIdentityCodeSender, type IdentityCode } from './identity-codes.js';
export { registerChannelHandlers, type RecipientLookup } from './outbox-handlers.js';
export { createWebhookRoutes } from './webhook-routes.js';
export { createAgentCommandRoute } from './agent-commands.js';
export { AGENT_TEXTS, type AgentTexts } from './agent-texts.js';
