export { createTelegramChannel, TELEGRAM_SECRET_TOKEN, type TelegramChannelOptions } from './channel.js';
export { createTelegramSender, type TelegramSenderOptions } from './sender.js';
export { parseTelegramUpdate } from './webhook.js';
