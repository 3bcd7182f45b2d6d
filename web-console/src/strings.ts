import type { Lang } from './wire.js';

/** The console's own words, Spanish first (the default market). */
const ES = {
  appTitle: 'Consola de agentes',
  loginTitle: 'Iniciar sesión',
  tenant: 'Empresa (tenant)',
  username: 'Usuario',
  password: 'Contraseña',
  logIn: 'Entrar',
  loggingIn: 'Entrando…',
  logOut: 'Cerrar sesión',
  language: 'Idioma',
  wrongLogin: 'Usuario o contraseña incorrectos.',
  rateLimited: 'Demasiados intentos. Espera {minutes} min y vuelve a intentarlo.',
  sessionExpired: 'Tu sesión terminó. Inicia sesión otra vez.',
  networkError: 'No se pudo contactar al servidor.',
  inbox: 'Bandeja',
  tabWaiting: 'En espera',
  tabMine: 'Míos',
  tabOpen: 'Todas abiertas',
  search: 'Buscar (nombre, teléfono, ticket, mensaje)',
  empty: 'Nada por aquí.',
  priority_new: 'Nuevo',
  priority_waiting: 'Esperando',
  priority_urgent: 'Urgente',
  waiting: 'espera {time}',
  heldBy: 'Con {name}',
  unassigned: 'Sin asignar',
  noName: 'Cliente sin nombre',
  online: 'En línea',
  connecting: 'Conectando…',
  offline: 'Sin conexión, reintentando…',
  pickConversation: 'Elige una conversación de la bandeja.',
  transcript: 'Conversación',
  customer: 'Cliente',
  bot: 'Bot',
  agent: 'Agente',
  note: 'Nota interna',
  profile: 'Perfil del cliente',
  name: 'Nombre',
  phone: 'Teléfono',
  email: 'Correo',
  channel: 'Canal',
  state: 'Estado',
  assignee: 'Asignado a',
  leadDraft: 'Datos del lead',
  ticket: 'Ticket',
  reason: 'Motivo',
  summary: 'Resumen',
  status: 'Estado del ticket',
  media: 'Archivos',
  none: '—',
  take: 'Tomar',
  taken: 'La tomaste.',
  alreadyTaken: '{name} ya tomó esta conversación.',
  transfer: 'Transferir',
  transferTo: 'Transferir a',
  transferred: 'Transferida a {name}.',
  resolve: 'Resolver',
  outcome: 'Resultado',
  outcomeHint: 'p. ej. resuelto, cotización enviada',
  resolved: 'Resuelta: el bot vuelve a atender.',
  reply: 'Respuesta',
  replyHint: 'Enter envía, Mayús+Enter nueva línea',
  send: 'Enviar',
  addNote: 'Guardar nota',
  internalNote: 'Nota interna (el cliente no la ve)',
  canned: 'Respuesta rápida',
  cannedPick: 'Elige una…',
  windowClosed:
    'La ventana de 24 horas de WhatsApp está cerrada: el cliente escribió hace más de 24 horas y WhatsApp no deja enviarle mensajes libres. Espera a que vuelva a escribir.',
  notAssignee: 'Toma la conversación antes de responder.',
  forbidden: 'No tienes permiso para esto.',
  failed: 'No se pudo: {message}',
  newWaiting: 'Nueva conversación en espera: {name}',
  closeConversation: 'Cerrar conversación',
  actions: 'Acciones',
} as const;

export type StringKey = keyof typeof ES;

const EN: Record<StringKey, string> = {
  appTitle: 'Agent console',
  loginTitle: 'Log in',
  tenant: 'Company (tenant)',
  username: 'Username',
  password: 'Password',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  logOut: 'Log out',
  language: 'Language',
  wrongLogin: 'Wrong username or password.',
  rateLimited: 'Too many attempts. Wait {minutes} min and try again.',
  sessionExpired: 'Your session ended. Log in again.',
  networkError: 'Could not reach the server.',
  inbox: 'Inbox',
  tabWaiting: 'Waiting',
  tabMine: 'Mine',
  tabOpen: 'All open',
  search: 'Search (name, phone, ticket, message)',
  empty: 'Nothing here.',
  priority_new: 'New',
  priority_waiting: 'Waiting',
  priority_urgent: 'Urgent',
  waiting: 'waiting {time}',
  heldBy: 'With {name}',
  unassigned: 'Unassigned',
  noName: 'Unnamed customer',
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline, retrying…',
  pickConversation: 'Pick a conversation from the inbox.',
  transcript: 'Conversation',
  customer: 'Customer',
  bot: 'Bot',
  agent: 'Agent',
  note: 'Internal note',
  profile: 'Customer profile',
  name: 'Name',
  phone: 'Phone',
  email: 'E-mail',
  channel: 'Channel',
  state: 'State',
  assignee: 'Assigned to',
  leadDraft: 'Lead details',
  ticket: 'Ticket',
  reason: 'Reason',
  summary: 'Summary',
  status: 'Ticket status',
  media: 'Files',
  none: '—',
  take: 'Take',
  taken: 'You took it.',
  alreadyTaken: '{name} already took this conversation.',
  transfer: 'Transfer',
  transferTo: 'Transfer to',
  transferred: 'Transferred to {name}.',
  resolve: 'Resolve',
  outcome: 'Outcome',
  outcomeHint: 'e.g. solved, quote sent',
  resolved: 'Resolved: the bot is back.',
  reply: 'Reply',
  replyHint: 'Enter sends, Shift+Enter adds a line',
  send: 'Send',
  addNote: 'Save note',
  internalNote: 'Internal note (the customer does not see it)',
  canned: 'Canned reply',
  cannedPick: 'Pick one…',
  windowClosed:
    "WhatsApp's 24-hour window is closed: the customer last wrote more than 24 hours ago and WhatsApp does not allow free-form messages now. Wait for them to write again.",
  notAssignee: 'Take the conversation before replying.',
  forbidden: 'You are not allowed to do this.',
  failed: 'That failed: {message}',
  newWaiting: 'New conversation waiting: {name}',
  closeConversation: 'Close conversation',
  actions: 'Actions',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { es: ES, en: EN };

/** A console string in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "45 s", "3 min", "2 h 05 min", "3 d 4 h": short enough for an inbox line. */
export function formatWaiting(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** `es` or `en` from a BCP 47 tag; null for anything else. */
export function normalizeLang(tag: string | null | undefined): Lang | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' || primary === 'en' ? primary : null;
}
