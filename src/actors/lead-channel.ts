/**
 * The channel a lead came in on, as the CRM payload names it (`channel`, optional): the host knows
 * where the customer wrote from (`whatsapp`, `twilio-whatsapp`, `whatsapp-cloud`, the web widget…),
 * the salesperson only needs the kind — to answer on WhatsApp or by the web chat's e-mail.
 */
export type LeadChannel = 'whatsapp' | 'web' | 'telegram' | 'sms' | 'api';

const KINDS: Record<string, LeadChannel> = {
  whatsapp: 'whatsapp',
  'twilio-whatsapp': 'whatsapp',
  'whatsapp-cloud': 'whatsapp',
  web: 'web',
  widget: 'web',
  telegram: 'telegram',
  sms: 'sms',
  rest: 'api',
};

/** The payload's kind of a host channel name; undefined when not known (the key is then left out). */
export function leadChannelOf(channel: string | null | undefined): LeadChannel | undefined {
  return channel ? KINDS[channel.trim().toLowerCase()] : undefined;
}
