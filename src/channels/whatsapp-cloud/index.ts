export { createWhatsAppCloudChannel, signWhatsAppBody, verifyWhatsAppSignature, type WhatsAppCloudChannelOptions } from './channel.js';
export { createWhatsAppSender, WHATSAPP_ERRORS, type WhatsAppSenderOptions } from './sender.js';
export { parseWhatsAppWebhook } from './webhook.js';
