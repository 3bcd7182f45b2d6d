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
};

export function uiStrings(lang: UiLang): UiStrings {
  return lang === 'en' ? EN : ES;
}
