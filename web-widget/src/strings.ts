import type { UiLang } from './lang.js';

/** Every text the widget itself shows (bot and agent texts come from the server). */
export interface UiStrings {
  defaultTitle: string;
  openChat: string;
  closeChat: string;
  send: string;
  placeholder: string;
  inputLabel: string;
  messagesLabel: string;
  typing: string;
  online: string;
  connecting: string;
  offline: string;
  sending: string;
  sendFailed: string;
  retry: string;
  you: string;
  assistant: string;
  agent: string;
  /** Shown when the tenant configured no greeting of its own. */
  greeting: string;
  suggestionsLabel: string;
  optionsLabel: string;
  /** Error texts by cause (the server's own message is English-only). */
  errorRateLimited: string;
  errorTimeout: string;
  errorTooLong: string;
  errorGeneric: string;
}

const ES: UiStrings = {
  defaultTitle: 'Chatea con nosotros',
  openChat: 'Abrir chat',
  closeChat: 'Cerrar chat',
  send: 'Enviar mensaje',
  placeholder: 'Escribe tu mensaje…',
  inputLabel: 'Tu mensaje',
  messagesLabel: 'Mensajes',
  typing: 'escribiendo…',
  online: 'En línea',
  connecting: 'Conectando…',
  offline: 'Sin conexión, reintentando…',
  sending: 'Enviando…',
  sendFailed: 'No se pudo enviar',
  retry: 'Reintentar',
  you: 'Tú',
  assistant: 'Asistente',
  agent: 'Agente',
  greeting: '¡Hola! ¿En qué te podemos ayudar?',
  suggestionsLabel: 'Sugerencias',
  optionsLabel: 'Opciones',
  errorRateLimited: 'Demasiados mensajes seguidos; espera un momento',
  errorTimeout: 'La respuesta tardó demasiado; inténtalo de nuevo',
  errorTooLong: 'El mensaje es demasiado largo',
  errorGeneric: 'Algo salió mal; inténtalo de nuevo',
};

const EN: UiStrings = {
  defaultTitle: 'Chat with us',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  send: 'Send message',
  placeholder: 'Type your message…',
  inputLabel: 'Your message',
  messagesLabel: 'Messages',
  typing: 'typing…',
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline, retrying…',
  sending: 'Sending…',
  sendFailed: 'Could not send',
  retry: 'Retry',
  you: 'You',
  assistant: 'Assistant',
  agent: 'Agent',
  greeting: 'Hi! How can we help you?',
  suggestionsLabel: 'Suggestions',
  optionsLabel: 'Options',
  errorRateLimited: 'Too many messages in a row; please wait a moment',
  errorTimeout: 'The answer took too long; please try again',
  errorTooLong: 'The message is too long',
  errorGeneric: 'Something went wrong; please try again',
};

export function uiStrings(lang: UiLang): UiStrings {
  return lang === 'en' ? EN : ES;
}

/**
 * The widget's own text for a server error code, in the UI's language (the server's `message` is
 * English-only); null for codes without a text of their own (the server's message is shown).
 */
export function errorText(code: string | undefined, t: UiStrings): string | null {
  switch (code) {
    case undefined:
    case '':
      return null;
    case 'HILO_ERR_RATE_LIMITED':
      return t.errorRateLimited;
    case 'HILO_ERR_TURN_TIMEOUT':
      return t.errorTimeout;
    case 'HILO_ERR_WS_FRAME_TOO_LARGE':
      return t.errorTooLong;
    default:
      return code.startsWith('HILO_ERR_') ? t.errorGeneric : null;
  }
}
