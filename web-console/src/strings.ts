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
  logoutFailed: 'No se pudo cerrar la sesión; sigue abierta. Inténtalo de nuevo. ({message})',
  language: 'Idioma',
  wrongLogin: 'Usuario o contraseña incorrectos.',
  rateLimited: 'Demasiados intentos. Espera {minutes} min y vuelve a intentarlo.',
  sessionExpired: 'Tu sesión terminó. Inicia sesión otra vez.',
  networkError: 'No se pudo contactar al servidor.',
  sendUnconfirmed: 'No se pudo confirmar el envío: sin conexión con el servidor. El texto sigue en el cuadro; pulsa Enviar de nuevo (si ya había llegado, no se envía dos veces).',
  inbox: 'Bandeja',
  dashboard: 'Panel',
  views: 'Vistas',
  dashboardFailed: 'No se pudo cargar el panel. Recarga la página.',
  tabWaiting: 'En espera',
  tabMine: 'Míos',
  tabOpen: 'Todas abiertas',
  tabOpenShort: 'Todas',
  search: 'Buscar (nombre, teléfono, ticket, mensaje)',
  empty: 'Nada por aquí.',
  searchHint: 'Buscar: nombre, teléfono, ticket…',
  activeAgo: 'activa hace {time}',
  answeredAgo: 'respondida hace {time}',
  emptyOpen: 'No hay conversaciones abiertas.',
  badge_bot: 'Bot',
  badge_held: 'En curso',
  lang_es: 'Español',
  lang_en: 'Inglés',
  channel_web: 'Chat web',
  channel_rest: 'API',
  channel_whatsapp: 'WhatsApp',
  channel_twilio_whatsapp: 'WhatsApp (Twilio)',
  channel_telegram: 'Telegram',
  notesOnly: 'Resuelta: solo notas internas. Si el cliente vuelve a pedir una persona, aparece en «En espera».',
  notesOnlyHeld: 'La atiende {name}: tus líneas van como nota interna para {name}.',
  heldByOther: '{name} está atendiendo esta conversación. Puedes dejarle una nota interna.',
  heldByOtherAdmin: '{name} está atendiendo esta conversación. Puedes dejarle una nota o transferirla (también a ti).',
  priority_new: 'Nuevo',
  priority_waiting: 'Esperando',
  priority_urgent: 'Urgente',
  waiting: 'espera {time}',
  heldBy: 'Con {name}',
  waitsForOpening: 'Fuera de horario: espera la apertura ({time})',
  unassigned: 'Sin asignar',
  noName: 'Cliente sin nombre',
  profileName: 'nombre de perfil',
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
  lead_phone_or_username: 'Tel\u00e9fono o usuario',
  lead_company_name: 'Empresa',
  lead_interest_area: 'Inter\u00e9s',
  lead_problem_statement: 'Necesidad',
  lead_urgency_level: 'Urgencia',
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
  takeFromBot: 'La conversación está con el bot y el cliente no pidió a nadie. ¿Tomarla de todos modos?',
  takeConfirm: 'Sí, tomarla',
  cancel: 'Cancelar',
  resolveUnanswered: 'Nadie ha atendido a este cliente: espera a una persona. \u00bfResolverla sin responderle? El bot vuelve a atender y le pide una calificaci\u00f3n.',
  resolveConfirm: 'S\u00ed, resolver',
  alreadyTaken: '{name} ya tomó esta conversación.',
  transfer: 'Transferir',
  transferTo: 'Transferir a',
  transferred: 'Transferida a {name}.',
  resolve: 'Resolver',
  outcome: 'Resultado',
  outcomeHint: 'p. ej. resuelto, cotización enviada',
  resolved: 'Resuelta: el bot vuelve a atender.',
  alreadyResolved: '{name} ya la había resuelto; no cambió nada.',
  awaitingRating: 'Resuelta · el bot espera la calificación del cliente (1–5).',
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
  profileNameLabel: 'Nombre en el perfil del canal',
  opened: 'Abierto',
  ticketOpen: 'abierto',
  ticketClosed: 'resuelto',
  rating: 'Calificación',
  ratingPending: 'esperando al cliente',
  ratingNone: 'no calificó',
  resolvedBy: 'Resuelto por',
  resolvedActivity: 'Resuelta por {name}: {outcome}',
  activityTook: '{name} tomó la conversación',
  activityTransferred: '{name} la transfirió a {to}',
  activityAssigned: '{name} se la asignó a {to}',
  timesIn: 'Horas de la tienda: {zone}',
  state_bot: 'con el bot',
  state_waiting: 'esperando a una persona',
  state_human: 'con una persona',
  state_closed: 'cerrada',
  state_rating: 'resuelta, esperando calificación',
  reason_customer_request: 'lo pidió el cliente',
  reason_call_back: 'pidió que lo llamen',
  callTo: 'Llamar al',
  callToNone: 'no dejó número: pídeselo',
  reason_critical: 'crítico',
  reason_high_priority: 'prioridad alta',
  reason_not_understood: 'el bot no entendió',
  reason_brain_unavailable: 'el bot no estaba disponible',
  reason_complaint: 'queja',
  reason_quote: 'cotización',
  reason_lead_push_failed: 'no se pudo enviar el lead al CRM',
  reason_agent_takeover: 'un agente la tomó',
  emptyWaiting: 'Nadie espera a una persona ahora mismo. Las nuevas aparecen aquí solas.',
  emptyMine: 'No tienes conversaciones. Toma una de «En espera».',
  emptySearch: 'Nada coincide con «{q}».',
  alerts: 'Avisos',
  alertsSound: 'Sonido al llegar un cliente o un mensaje',
  alertsDesktop: 'Avisos de escritorio (con la consola en segundo plano)',
  alertsTest: 'Probar sonido',
  alertsDenied: 'El navegador bloqueó los avisos de escritorio: permítelos en la configuración del sitio (el candado de la barra de direcciones).',
  alertsUnsupported: 'Este navegador no muestra avisos de escritorio; el sonido y el título de la pestaña sí avisan.',
  alertWaitingTitle: 'Cliente esperando: {name}',
  alertAssignedTitle: 'Te pasaron una conversación: {name}',
  alertWroteTitle: '{name} escribió',
  assignedToYou: 'Te pasaron la conversación de {name}',
  customerWrote: 'Nuevo mensaje de {name}',
  newQuote: 'Nueva cotización por seguir: {name}',
  alertQuoteTitle: 'Nueva cotización: {name}',
  tabQuotes: 'Cotizaciones',
  quoteTicket: 'Cotización',
  emptyQuotes: 'No hay cotizaciones pendientes. Las que el bot pasa a ventas aparecen aquí hasta que alguien las cierra.',
  quoteAgo: 'cotización hace {time}',
  quoteOutcome: 'Resultado de la cotización',
  quoteOutcomeHint: 'Cómo fue: vendida (factura…), no compró, no contestó…',
  quoteClose: 'Cerrar cotización',
  quoteClosed: 'Cotización {number} cerrada.',
  quoteAlreadyClosed: '{name} ya había cerrado la cotización {number}.',
  quoteClaim: 'Me la quedo',
  quoteClaimTitle: 'La sigues tú; la conversación sigue con el bot.',
  quoteGiveTo: 'Cotización para',
  quoteGive: 'Asignar',
  quoteOwner: 'La sigue',
  quoteNoOwner: 'Nadie todavía',
  quoteOwnedBy: 'La sigue {name}',
  you: 'tú',
  quoteRelease: 'Soltar',
  quoteReleased: 'Soltaste la cotización {number}: ya no la sigue nadie.',
  activityQuoteReleased: '{name} soltó la cotización',
  activityQuoteTakenFrom: '{name} le quitó la cotización a {to}',
  resolveUnansweredRefused: 'Nadie ha atendido a este cliente todavía: pulsa Resolver otra vez para confirmarlo.',
  quoteUnowned: 'Nadie la sigue todavía',
  quoteMine: 'Mis cotizaciones',
  quoteTaken: '{name} ya sigue esta cotización.',
  quoteIsClosed: 'Esta cotización ya está cerrada.',
  quoteClaimed: 'La cotización {number} es tuya.',
  quoteGiven: 'La cotización {number} la sigue ahora {name}.',
  emptyQuotesMine: 'No sigues ninguna cotización abierta. Pulsa «Me la quedo» en una y saldrá aquí.',
  activityQuoteClaimed: '{name} se quedó con la cotización',
  activityQuoteGiven: '{name} le pasó la cotización a {to}',
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
  logoutFailed: 'Logging out failed; the session is still open. Try again. ({message})',
  language: 'Language',
  wrongLogin: 'Wrong username or password.',
  rateLimited: 'Too many attempts. Wait {minutes} min and try again.',
  sessionExpired: 'Your session ended. Log in again.',
  networkError: 'Could not reach the server.',
  sendUnconfirmed: 'Could not confirm it was sent: no connection to the server. The text is still in the box; press Send again (if it already arrived, it is not sent twice).',
  inbox: 'Inbox',
  dashboard: 'Dashboard',
  views: 'Views',
  dashboardFailed: 'The dashboard could not be loaded. Reload the page.',
  tabWaiting: 'Waiting',
  tabMine: 'Mine',
  tabOpen: 'All open',
  tabOpenShort: 'All',
  search: 'Search (name, phone, ticket, message)',
  empty: 'Nothing here.',
  searchHint: 'Search: name, phone, ticket…',
  activeAgo: 'active {time} ago',
  answeredAgo: 'answered {time} ago',
  emptyOpen: 'No open conversations.',
  badge_bot: 'Bot',
  badge_held: 'In progress',
  lang_es: 'Spanish',
  lang_en: 'English',
  channel_web: 'Web chat',
  channel_rest: 'API',
  channel_whatsapp: 'WhatsApp',
  channel_twilio_whatsapp: 'WhatsApp (Twilio)',
  channel_telegram: 'Telegram',
  notesOnly: 'Resolved: internal notes only. If the customer asks for a person again, it shows under “Waiting”.',
  notesOnlyHeld: '{name} is handling it: what you write goes to {name} as an internal note.',
  heldByOther: '{name} is handling this conversation. You can leave them an internal note.',
  heldByOtherAdmin: '{name} is handling this conversation. You can leave them a note or transfer it (to yourself too).',
  priority_new: 'New',
  priority_waiting: 'Waiting',
  priority_urgent: 'Urgent',
  waiting: 'waiting {time}',
  heldBy: 'With {name}',
  waitsForOpening: 'After hours: waits for opening time ({time})',
  unassigned: 'Unassigned',
  noName: 'Unnamed customer',
  profileName: 'profile name',
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
  lead_phone_or_username: 'Phone or username',
  lead_company_name: 'Company',
  lead_interest_area: 'Interest',
  lead_problem_statement: 'Need',
  lead_urgency_level: 'Urgency',
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
  takeFromBot: 'The bot has this conversation and the customer asked for no one. Take it anyway?',
  takeConfirm: 'Yes, take it',
  cancel: 'Cancel',
  resolveUnanswered: 'Nobody has answered this customer: they are waiting for a person. Resolve it without answering? The bot takes over again and asks them for a rating.',
  resolveConfirm: 'Yes, resolve',
  alreadyTaken: '{name} already took this conversation.',
  transfer: 'Transfer',
  transferTo: 'Transfer to',
  transferred: 'Transferred to {name}.',
  resolve: 'Resolve',
  outcome: 'Outcome',
  outcomeHint: 'e.g. solved, quote sent',
  resolved: 'Resolved: the bot is back.',
  alreadyResolved: '{name} had already resolved it; nothing changed.',
  awaitingRating: 'Resolved · the bot is waiting for the customer’s rating (1–5).',
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
  profileNameLabel: 'Name on the channel profile',
  opened: 'Opened',
  ticketOpen: 'open',
  ticketClosed: 'resolved',
  rating: 'Rating',
  ratingPending: 'waiting for the customer',
  ratingNone: 'not rated',
  resolvedBy: 'Resolved by',
  resolvedActivity: 'Resolved by {name}: {outcome}',
  activityTook: '{name} took the conversation',
  activityTransferred: '{name} transferred it to {to}',
  activityAssigned: '{name} assigned it to {to}',
  timesIn: 'Store time: {zone}',
  state_bot: 'with the bot',
  state_waiting: 'waiting for a person',
  state_human: 'with a person',
  state_closed: 'closed',
  state_rating: 'resolved, waiting for the rating',
  reason_customer_request: 'the customer asked',
  reason_call_back: 'asked for a call back',
  callTo: 'Call on',
  callToNone: 'no number left: ask for it',
  reason_critical: 'critical',
  reason_high_priority: 'high priority',
  reason_not_understood: 'the bot did not understand',
  reason_brain_unavailable: 'the bot was unavailable',
  reason_complaint: 'complaint',
  reason_quote: 'quote',
  reason_lead_push_failed: 'the lead could not reach the CRM',
  reason_agent_takeover: 'an agent took it over',
  emptyWaiting: 'Nobody is waiting for a person right now. New ones show up here by themselves.',
  emptyMine: 'You hold no conversations. Take one from “Waiting”.',
  emptySearch: 'Nothing matches “{q}”.',
  alerts: 'Alerts',
  alertsSound: 'Sound when a customer or a message arrives',
  alertsDesktop: 'Desktop notifications (while the console is in the background)',
  alertsTest: 'Test sound',
  alertsDenied: 'The browser blocked desktop notifications: allow them in the site settings (the padlock in the address bar).',
  alertsUnsupported: 'This browser shows no desktop notifications; the sound and the tab title still alert you.',
  alertWaitingTitle: 'Customer waiting: {name}',
  alertAssignedTitle: 'A conversation was handed to you: {name}',
  alertWroteTitle: '{name} wrote',
  assignedToYou: '{name}’s conversation was handed to you',
  customerWrote: 'New message from {name}',
  newQuote: 'New quote to follow up: {name}',
  alertQuoteTitle: 'New quote: {name}',
  tabQuotes: 'Quotes',
  quoteTicket: 'Quote',
  emptyQuotes: 'No quotes to follow up. Those the bot passes to sales show here until someone closes them.',
  quoteAgo: 'quote {time} ago',
  quoteOutcome: 'Quote outcome',
  quoteOutcomeHint: 'How it went: sold (invoice…), did not buy, no answer…',
  quoteClose: 'Close quote',
  quoteClosed: 'Quote {number} closed.',
  quoteAlreadyClosed: '{name} had already closed quote {number}.',
  quoteClaim: 'Claim',
  quoteClaimTitle: 'You follow it up; the bot keeps the conversation.',
  quoteGiveTo: 'Quote for',
  quoteGive: 'Assign',
  quoteOwner: 'Followed up by',
  quoteNoOwner: 'Nobody yet',
  quoteOwnedBy: 'Followed up by {name}',
  you: 'you',
  quoteRelease: 'Let go',
  quoteReleased: 'Quote {number} let go: nobody follows it up now.',
  activityQuoteReleased: '{name} let the quote go',
  activityQuoteTakenFrom: '{name} took the quote from {to}',
  resolveUnansweredRefused: 'Nobody has answered this customer yet: press Resolve again to confirm.',
  quoteUnowned: 'Nobody follows it up yet',
  quoteMine: 'My quotes',
  quoteTaken: '{name} already follows this quote up.',
  quoteIsClosed: 'This quote is closed already.',
  quoteClaimed: 'Quote {number} is yours.',
  quoteGiven: '{name} now follows quote {number} up.',
  emptyQuotesMine: 'You follow no open quote up. Press Claim on one and it shows here.',
  activityQuoteClaimed: '{name} claimed the quote',
  activityQuoteGiven: '{name} gave the quote to {to}',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { es: ES, en: EN };

/** A console string in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The machine's state in the agent's words ("con el bot", "esperando a una persona"...); the raw
 * state stays in the page's `data-state` attributes for tests and support.
 */
export function stateLabel(lang: Lang, state: string | null, { held = false, awaitingRating = false } = {}): string {
  if (!state) return t(lang, 'none');
  // The machine is in `handoff.withHuman` from the handoff on; whether a person answers yet is the assignment.
  if (state.startsWith('handoff')) return t(lang, held ? 'state_human' : 'state_waiting');
  if (state.startsWith('closed')) return t(lang, 'state_closed');
  return t(lang, awaitingRating ? 'state_rating' : 'state_bot');
}

/** A message as one plain line for the inbox: the *bold* and _italic_ markers the customer never sees as such go, line breaks become spaces. */
export function plainPreview(text: string): string {
  return text
    .replace(/\*(\S(?:[^*\n]*\S)?)\*/g, '$1')
    .replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A channel's name as people say it ("Chat web", "WhatsApp"); an unknown one as it came. */
export function channelLabel(lang: Lang, channel: string): string {
  const key = `channel_${channel.replace(/-/g, '_')}`;
  return key in ES ? t(lang, key as StringKey) : channel;
}

/** A customer's language code in words ("Español"); another code as it came. */
export function langLabel(lang: Lang, code: string | null): string | null {
  return code === 'es' || code === 'en' ? t(lang, `lang_${code}`) : code;
}

/**
 * The inbox badge: the priority colour's word while a handoff waits ("Nuevo", "Esperando",
 * "Urgente"), "En curso" once someone holds it (urgent stays urgent), "Bot" outside a handoff.
 */
export function badgeLabel(lang: Lang, item: { state: string; priority: 'new' | 'waiting' | 'urgent'; assignee: unknown }): string {
  if (!item.state.startsWith('handoff') && item.assignee === null) return t(lang, 'badge_bot');
  if (item.assignee !== null && item.priority !== 'urgent') return t(lang, 'badge_held');
  return t(lang, `priority_${item.priority}`);
}

/** A handoff reason (`customer_request`...) in the agent's words; an unknown one as it came. */
export function reasonLabel(lang: Lang, reason: string): string {
  const key = `reason_${reason}`;
  return key in ES ? t(lang, key as StringKey) : reason;
}

/**
 * A ticket's reason with the call back asked: "pidió que lo llamen" for a plain request, and both for
 * another reason ("queja · pidió que lo llamen": the complaint that asked to be called).
 */
export function ticketReasonLabel(lang: Lang, reason: string | null, callBack: boolean | undefined): string | null {
  if (!callBack) return reason ? reasonLabel(lang, reason) : null;
  return reason && reason !== 'customer_request' ? `${reasonLabel(lang, reason)} · ${reasonLabel(lang, 'call_back')}` : reasonLabel(lang, 'call_back');
}

/** A lead field's label in the agent's language ("company_name" -> "Empresa"); an unknown field as the CRM names it. */
export function leadFieldLabel(lang: Lang, field: string): string {
  if (field === 'name' || field === 'email') return t(lang, field);
  const key = `lead_${field}`;
  return key in TABLES[lang] ? t(lang, key as StringKey) : field;
}

/** "45 s", "3 min", "2 h 05 min", "3 d 4 h": short enough for an inbox line. */
/**
 * The case in one line for the strip over the thread: the ticket summary's lines up to its message
 * count ("Motivo: …", "Cliente: …", "Temas: …", a danger, whom to call), without the quote's item
 * lines, at most `max` characters. The whole summary stays in the side column.
 */
export function caseBrief(summary: string | null, max = 260): string | null {
  if (!summary) return null;
  const kept: string[] = [];
  for (const raw of summary.split('\n')) {
    const line = raw.trim();
    // Escaped: esbuild keeps a regex literal's characters as written, and the bundle stays ASCII.
    if (/^(Mensajes en la conversaci\u00f3n|Messages in the conversation|\u00daltimos mensajes|The customer's last messages)/i.test(line)) break;
    // A list's header ("Cotización:") and its items stay in the side column.
    if (!line || line.startsWith('- ') || line.endsWith(':')) continue;
    kept.push(line.replace(/[.:]$/, ''));
  }
  const brief = kept.join(' · ');
  if (!brief) return null;
  return brief.length > max ? `${brief.slice(0, max - 1).trimEnd()}…` : brief;
}

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
