export { inboundMedia } from './acknowledgement.js';
export {
  headerValue,
  toInboundMessage,
  type Channel,
  type ChannelHeaders,
  type ChannelInboundMessage,
  type ChannelName,
  type ChannelStatusUpdate,
  type InboundEvent,
  type InboundKind,
  type OutboundStatus,
  type ProviderErrorRecord,
  type SendRequest,
  type SendResult,
  type Sender,
  type TemplateMessage,
  type VerifyResult,
  type WebhookRequest,
} from './channel.js';
export { createMemoryDeduplicator, type Deduplicator } from './dedupe.js';
export { hasVisibleText, INVISIBLE_TEXT_PROBLEM, isStableIdentifier, normalizeInboundFields, normalizeInboundText, normalizeInboundTexts, UNSTABLE_IDENTIFIER_PROBLEM } from './normalize-text.js';
export { formatChannelText, type FormatOptions } from './format.js';
export { createPacer, type Pacer, type PacerOptions } from './pacer.js';
export { DEFAULT_CHANNEL_MAX_BODY_BYTES, readRawBody } from './raw-body.js';
export { realSleep, type RetryPolicy, type Sleep } from './retry.js';
export { createServiceWindow, SERVICE_WINDOW_MS, type ServiceWindow } from './service-window.js';
export { handleChannelWebhook, type NotAccepted, type WebhookHandlerOptions, type WebhookResponse } from './webhook-handler.js';
export { createTelegramChannel, createTelegramSender, type TelegramChannelOptions, type TelegramSenderOptions } from './telegram/index.js';
export { createTwilioChannel, createTwilioSender, type TwilioChannelOptions, type TwilioSenderOptions } from './twilio/index.js';
export { createWhatsAppCloudChannel, createWhatsAppSender, type WhatsAppCloudChannelOptions, type WhatsAppSenderOptions } from './whatsapp-cloud/index.js';
