import type { InboundKind } from './channel.js';

const ACKS: Record<'es' | 'en', Record<'location' | 'media' | 'contacts', string>> = {
  es: {
    location: '¡Gracias por compartir tu ubicación! La tengo en cuenta. ¿En qué más te puedo ayudar?',
    media: '¡Gracias por el archivo! Por ahora solo puedo leer mensajes de texto. ¿Me cuentas por escrito en qué te ayudo?',
    contacts: '¡Gracias por el contacto! Por ahora solo puedo leer mensajes de texto. ¿Me cuentas por escrito en qué te ayudo?',
  },
  en: {
    location: 'Thanks for sharing your location! I have noted it. How else can I help you?',
    media: "Thanks for the file! For now I can only read text messages. Could you tell me in writing how I can help?",
    contacts: "Thanks for the contact! For now I can only read text messages. Could you tell me in writing how I can help?",
  },
};

/**
 * The polite answer to a message the brain cannot read (location, media without caption, contacts);
 * `null` for kinds the brain handles. The runtime sends it instead of running a turn on empty text.
 */
export function politeAcknowledgement(kind: InboundKind, language: 'es' | 'en' = 'es'): string | null {
  if (kind === 'location' || kind === 'media' || kind === 'contacts') return ACKS[language][kind];
  return null;
}
