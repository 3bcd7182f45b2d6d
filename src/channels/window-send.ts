import { HiloError, isHiloError } from '../kernel/errors.js';
import type { SendRequest, SendResult, TemplateMessage } from './channel.js';
import type { ServiceWindow } from './service-window.js';

type Delivery = Promise<{ value: string; attempts: number }>;

/**
 * The 24-hour rule shared by WhatsApp Cloud and Twilio WhatsApp: free text inside the window;
 * outside it (by our clock, or when the provider says so) the configured template, or
 * `HILO_ERR_CHANNEL_WINDOW_CLOSED` when there is none.
 */
export async function sendWithinServiceWindow(
  request: SendRequest,
  { window, fallbackTemplate, sendText, sendTemplate }: { window: ServiceWindow; fallbackTemplate: TemplateMessage | undefined; sendText: (text: string) => Delivery; sendTemplate: (t: TemplateMessage) => Delivery },
): Promise<SendResult> {
  if (request.template !== undefined) {
    const { value, attempts } = await sendTemplate(request.template);
    return { providerMessageId: value, usedTemplate: true, attempts };
  }
  const windowKey = request.conversationId ?? request.to;
  const viaTemplate = async (previousAttempts: number): Promise<SendResult> => {
    if (!fallbackTemplate) throw new HiloError('HILO_ERR_CHANNEL_WINDOW_CLOSED');
    const { value, attempts } = await sendTemplate(fallbackTemplate);
    return { providerMessageId: value, usedTemplate: true, attempts: attempts + previousAttempts };
  };
  if (!window.isOpen(windowKey)) return viaTemplate(0);
  try {
    const { value, attempts } = await sendText(request.text);
    return { providerMessageId: value, usedTemplate: false, attempts };
  } catch (err) {
    if (!isHiloError(err, 'HILO_ERR_CHANNEL_WINDOW_CLOSED')) throw err;
    // The provider knows better than our clock (e.g. the customer last wrote through another app).
    window.markClosed(windowKey);
    return viaTemplate(1);
  }
}
