import type { ReplyButton } from '../channel.js';

/** Interactive reply buttons (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages). */
export const WHATSAPP_MAX_BUTTONS = 3;
export const WHATSAPP_BUTTON_TITLE_MAX = 20;
export const WHATSAPP_BUTTON_BODY_MAX = 1024;
const WHATSAPP_BUTTON_ID_MAX = 256;
/** A button id Hilo minted: the tap comes back as the option's text (see `webhook.ts`). */
export const OPTION_BUTTON_PREFIX = 'hilo-opt:';

/**
 * Options as WhatsApp reply buttons when they fit (1–3, titles ≤ 20 characters, the option's text
 * fits the 256-character id); otherwise null and the numbered lines go out as text.
 */
export function whatsAppReplyButtons(body: string, options: readonly { label: string; text: string }[]): { text: string; buttons: ReplyButton[] } | null {
  if (options.length === 0 || options.length > WHATSAPP_MAX_BUTTONS || body.trim() === '') return null;
  const buttons: ReplyButton[] = [];
  for (const option of options) {
    const title = option.label.trim();
    const id = `${OPTION_BUTTON_PREFIX}${option.text.trim()}`;
    if (title === '' || Array.from(title).length > WHATSAPP_BUTTON_TITLE_MAX || id.length > WHATSAPP_BUTTON_ID_MAX) return null;
    buttons.push({ id, title });
  }
  // Titles must be unique within a message.
  if (new Set(buttons.map((b) => b.title.toLowerCase())).size !== buttons.length) return null;
  return { text: body, buttons };
}
