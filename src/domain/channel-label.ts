import type { Lang } from './nlu.js';

/**
 * A channel's name as a customer says it, in their language: "WhatsApp", "Telegram", "el chat de
 * la web" / "the web chat". Never the adapter's id (`twilio-whatsapp`, `rest`): a channel without a
 * customer-facing name is "otro canal" / "another channel". Read inside a sentence ("seguimos la
 * conversación que tenías por {channel}", "continue on {channel}"), so the web one carries its article.
 *
 * @example
 * customerChannelLabel('twilio-whatsapp', 'es') // 'WhatsApp'
 * customerChannelLabel('web', 'en') // 'the web chat'
 */
export function customerChannelLabel(channel: string, lang: Lang): string {
  const label = LABELS[channel.trim().toLowerCase()];
  return label ? label[lang] : OTHER[lang];
}

const WHATSAPP = { es: 'WhatsApp', en: 'WhatsApp' };
const WEB = { es: 'el chat de la web', en: 'the web chat' };
const LABELS: Record<string, Record<Lang, string>> = {
  whatsapp: WHATSAPP,
  'twilio-whatsapp': WHATSAPP,
  'whatsapp-cloud': WHATSAPP,
  telegram: { es: 'Telegram', en: 'Telegram' },
  sms: { es: 'SMS', en: 'SMS' },
  web: WEB,
  widget: WEB,
};
const OTHER: Record<Lang, string> = { es: 'otro canal', en: 'another channel' };
