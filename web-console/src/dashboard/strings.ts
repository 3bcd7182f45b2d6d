import { formatCount, type Lang } from './format.js';

/** The dashboard's own words (its bundle is loaded apart from the console's). */
const ES = {
  title: 'Panel de analítica',
  range: 'Periodo',
  lastDays_one: 'Último día',
  lastDays_other: 'Últimos {n} días',
  from: 'Desde',
  to: 'Hasta',
  apply: 'Aplicar',
  loading: 'Cargando…',
  failed: 'No se pudieron cargar las cifras ({code}).',
  unavailable: 'La analítica necesita almacenamiento SQL (PGlite o PostgreSQL); en modo memoria no se registra nada.',
  rangeShown: '{from} – {to} ({tz})',
  summary: 'Resumen',
  conversations: 'Conversaciones',
  messages: 'Mensajes de clientes',
  handoffs: 'Traspasos a personas',
  escalation_rate: 'Tasa de escalamiento',
  automation_rate: 'Tasa de automatización',
  leads: 'Leads registrados',
  lead_conversion: 'Conversión de leads',
  csat_avg: 'Satisfacción (CSAT)',
  turn_ms_p50: 'Respuesta del bot (mediana)',
  turn_ms_p95: 'Respuesta del bot (p95)',
  llm_cost: 'Costo LLM',
  perDay: 'Conversaciones y traspasos por día',
  perDayChart: 'Gráfico de barras: conversaciones activas y traspasos de cada día entre {from} y {to}; los mismos datos están en la tabla debajo.',
  showTable: 'Ver los datos como tabla',
  day: 'Día',
  stateFunnel: 'Embudo por estado de la conversación',
  state: 'Estado',
  entries: 'Entradas',
  leadFunnel: 'Embudo de leads',
  stage: 'Etapa',
  stage_started: 'Iniciado',
  stage_confirmed: 'Confirmado por el cliente',
  stage_pushed: 'Registrado',
  stage_accepted: 'Aceptado por el CRM',
  stageField: 'Dato: {field}',
  intents: 'Intenciones',
  intent: 'Intención',
  count: 'Mensajes',
  meanConfidence: 'Confianza media',
  misunderstoodRate: 'No entendidos',
  handoffRate: 'Traspasos',
  terms: 'Palabras',
  askedFor: 'Lo que pidieron',
  reasons: 'Motivos',
  examples: 'Ejemplos',
  reason_handoff_failure: 'traspaso',
  reason_not_understood: 'no entendido',
  reason_not_found: 'no encontrado',
  reason_low_confidence: 'poca confianza',
  faq: 'Candidatas a preguntas frecuentes',
  question: 'Pregunta',
  answer: 'Respuesta que la atendió',
  times: 'Veces',
  none: 'Nada en este periodo.',
  training: 'Datos de entrenamiento',
  trainingLink: 'Descargar training.jsonl',
  trainingNote: 'Mensajes de clientes etiquetados (las correcciones de agentes ganan), con datos personales ocultos; hasta 1000 líneas por descarga. Revísalo antes de compartirlo.',
  phase_triage: 'Con el bot',
  phase_answering: 'El bot responde',
  phase_qualifying: 'Tomando datos (lead)',
  phase_lead: 'Tomando datos de una solicitud (lead)',
  phase_workflow: 'Trámite guiado',
  phase_handoff: 'Con una persona',
  phase_identifying: 'Verificando identidad',
  phase_closed: 'Cerrada',
  'st_triage.idle': 'Con el bot',
  'st_answering.awaitingProduct': 'El bot preguntó qué producto busca',
  'st_answering.awaitingAccountId': 'Verificando una cuenta',
  'st_workflow.waiting': 'Trámite guiado: esperando un dato',
  'st_workflow.form.collecting.waiting': 'Solicitud (lead): tomando datos',
  'st_workflow.form.confirming': 'Solicitud (lead): confirmando el resumen',
  'st_handoff.withHuman': 'Con una persona',
  'st_proving.awaitingPhone': 'Verificando un teléfono: esperando el número',
  'st_proving.awaitingCode': 'Verificando un teléfono: esperando el código',
  st_identifying: 'Verificando identidad en otro canal',
  st_closed: 'Cerrada',
  handoffsTitle: 'Traspasos a personas: por qué y cuánto tardó el equipo',
  handoffTickets: 'Casos pasados a una persona',
  handoffAnswered: 'Respondidos por el equipo',
  handoffWaiting: 'Esperando respuesta ahora',
  firstReplyP50: 'Primera respuesta del equipo (mediana)',
  firstReplyP95: 'Primera respuesta del equipo (p95)',
  handoffReason: 'Motivo',
  handoffCount: 'Traspasos',
  handoff_customer_request: 'El cliente pidió una persona',
  handoff_complaint: 'Queja',
  handoff_critical: 'Caso crítico',
  handoff_high_priority: 'Prioridad alta',
  handoff_not_understood: 'El bot no entendió',
  handoff_brain_unavailable: 'El bot falló',
  handoff_quote: 'Cotización formal',
  handoff_lead_push_failed: 'La solicitud no llegó al CRM',
  handoff_agent_takeover: 'Un agente lo tomó',
  handoff_unknown: 'Sin motivo registrado',
  channels: 'Conversaciones por canal',
  channelsIntro: 'Dónde escribieron los clientes; una conversación que pasó por dos canales cuenta en cada uno.',
  channel: 'Canal',
  products: 'Productos más consultados',
  product: 'Producto',
  timesAsked: 'Veces consultado',
  notCarried: 'Lo que piden y no vendemos (o no hay en existencia)',
  notCarriedIntro_one: '{n} mensaje pidió algo que el catálogo no tiene, agrupado por lo que pidió: para decidir qué traer.',
  notCarriedIntro_other: '{n} mensajes pidieron algo que el catálogo no tiene, agrupados por lo que pidieron: para decidir qué traer.',
  notUnderstood: 'Lo que el bot no entendió',
  notUnderstoodIntro_one: '{n} mensaje que el bot no entendió o no pudo atender (datos personales ocultos).',
  notUnderstoodIntro_other: '{n} mensajes que el bot no entendió o no pudo atender, agrupados por sus palabras (datos personales ocultos).',
  intent_greeting: 'Saludo',
  intent_goodbye: 'Despedida',
  intent_thanks: 'Agradecimiento',
  intent_product_inquiry: 'Pregunta por un producto',
  intent_price_quote: 'Precio o cotización',
  intent_offers: 'Ofertas',
  intent_account_status: 'Estado de cuenta',
  intent_store_hours_location: 'Horario y sucursales',
  intent_job_vacancies: 'Vacantes de empleo',
  intent_human_agent: 'Pidió una persona',
  intent_complaint: 'Queja',
  intent_sales_lead: 'Solicitud de compra (lead)',
  intent_out_of_scope: 'Fuera de lo que atendemos',
  intent_unknown: 'Sin identificar',
  intent_saludo: 'Saludo',
  intent_despedida: 'Despedida',
  intent_ayuda: 'Ayuda',
  intent_consultar_horarios: 'Horario',
  intent_consultar_paquetes: 'Paquetes y precios',
  intent_consulta_estado: 'Estado de una cita',
  intent_consultar_historial: 'Historial de citas',
  intent_agendar_cita: 'Agendar una cita',
  intent_cancelar_cita: 'Cancelar una cita',
  intent_pagar_servicio: 'Pagar un servicio',
  intent_actualizar_perfil: 'Actualizar el perfil',
  field_name: 'Nombre',
  field_email: 'Correo',
  field_phone_or_username: 'Teléfono',
  field_company_name: 'Empresa',
  field_interest_area: 'Área de interés',
  field_problem_statement: 'Qué necesita',
  field_urgency_level: 'Urgencia',
} as const;

export type DashKey = keyof typeof ES;

const EN: Record<DashKey, string> = {
  title: 'Analytics dashboard',
  range: 'Period',
  lastDays_one: 'Last day',
  lastDays_other: 'Last {n} days',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  loading: 'Loading…',
  failed: 'The figures could not be loaded ({code}).',
  unavailable: 'Analytics need SQL storage (PGlite or PostgreSQL); memory mode records nothing.',
  rangeShown: '{from} – {to} ({tz})',
  summary: 'Summary',
  conversations: 'Conversations',
  messages: 'Customer messages',
  handoffs: 'Handoffs to people',
  escalation_rate: 'Escalation rate',
  automation_rate: 'Automation rate',
  leads: 'Leads submitted',
  lead_conversion: 'Lead conversion',
  csat_avg: 'Satisfaction (CSAT)',
  turn_ms_p50: 'Bot reply time (median)',
  turn_ms_p95: 'Bot reply time (p95)',
  llm_cost: 'LLM cost',
  perDay: 'Conversations and handoffs per day',
  perDayChart: 'Bar chart: conversations active and handoffs on each day from {from} to {to}; the same data is in the table below.',
  showTable: 'Show the data as a table',
  day: 'Day',
  stateFunnel: 'Funnel by conversation state',
  state: 'State',
  entries: 'Entries',
  leadFunnel: 'Lead funnel',
  stage: 'Stage',
  stage_started: 'Started',
  stage_confirmed: 'Confirmed by the customer',
  stage_pushed: 'Submitted',
  stage_accepted: 'Accepted by the CRM',
  stageField: 'Field: {field}',
  intents: 'Intents',
  intent: 'Intent',
  count: 'Messages',
  meanConfidence: 'Mean confidence',
  misunderstoodRate: 'Misunderstood',
  handoffRate: 'Handoffs',
  terms: 'Words',
  askedFor: 'Asked for',
  reasons: 'Reasons',
  examples: 'Examples',
  reason_handoff_failure: 'handoff',
  reason_not_understood: 'not understood',
  reason_not_found: 'not found',
  reason_low_confidence: 'low confidence',
  faq: 'FAQ candidates',
  question: 'Question',
  answer: 'Answer that served it',
  times: 'Times',
  none: 'Nothing in this period.',
  training: 'Training data',
  trainingLink: 'Download training.jsonl',
  trainingNote: 'Labelled customer messages (agent corrections win), personal data hidden; up to 1000 lines per download. Review it before sharing.',
  phase_triage: 'With the bot',
  phase_answering: 'The bot answers',
  phase_qualifying: 'Taking details (lead)',
  phase_lead: 'Taking a request’s details (lead)',
  phase_workflow: 'Guided task',
  phase_handoff: 'With a person',
  phase_identifying: 'Checking identity',
  phase_closed: 'Closed',
  'st_triage.idle': 'With the bot',
  'st_answering.awaitingProduct': 'The bot asked which product',
  'st_answering.awaitingAccountId': 'Checking an account',
  'st_workflow.waiting': 'Guided task: waiting for a detail',
  'st_workflow.form.collecting.waiting': 'Request (lead): taking details',
  'st_workflow.form.confirming': 'Request (lead): confirming the summary',
  'st_handoff.withHuman': 'With a person',
  'st_proving.awaitingPhone': 'Checking a phone: waiting for the number',
  'st_proving.awaitingCode': 'Checking a phone: waiting for the code',
  st_identifying: 'Checking identity on another channel',
  st_closed: 'Closed',
  handoffsTitle: 'Handoffs to people: why, and how fast the team answered',
  handoffTickets: 'Cases passed to a person',
  handoffAnswered: 'Answered by the team',
  handoffWaiting: 'Waiting for an answer now',
  firstReplyP50: 'Team’s first reply (median)',
  firstReplyP95: 'Team’s first reply (p95)',
  handoffReason: 'Reason',
  handoffCount: 'Handoffs',
  handoff_customer_request: 'The customer asked for a person',
  handoff_complaint: 'Complaint',
  handoff_critical: 'Critical case',
  handoff_high_priority: 'High priority',
  handoff_not_understood: 'The bot did not understand',
  handoff_brain_unavailable: 'The bot failed',
  handoff_quote: 'Formal quote',
  handoff_lead_push_failed: 'The request did not reach the CRM',
  handoff_agent_takeover: 'An agent took it over',
  handoff_unknown: 'No reason recorded',
  channels: 'Conversations by channel',
  channelsIntro: 'Where customers wrote from; a conversation that went through two channels counts under each.',
  channel: 'Channel',
  products: 'Products asked for most',
  product: 'Product',
  timesAsked: 'Times asked',
  notCarried: 'What customers ask for that we do not sell (or have no stock of)',
  notCarriedIntro_one: '{n} message asked for something the catalog lacks, grouped by what it asked for: to decide what to stock.',
  notCarriedIntro_other: '{n} messages asked for something the catalog lacks, grouped by what they asked for: to decide what to stock.',
  notUnderstood: 'What the bot did not understand',
  notUnderstoodIntro_one: '{n} message the bot did not understand or could not serve (personal data hidden).',
  notUnderstoodIntro_other: '{n} messages the bot did not understand or could not serve, grouped by their words (personal data hidden).',
  intent_greeting: 'Greeting',
  intent_goodbye: 'Goodbye',
  intent_thanks: 'Thanks',
  intent_product_inquiry: 'Product question',
  intent_price_quote: 'Price or quote',
  intent_offers: 'Offers',
  intent_account_status: 'Account status',
  intent_store_hours_location: 'Hours and branches',
  intent_job_vacancies: 'Job openings',
  intent_human_agent: 'Asked for a person',
  intent_complaint: 'Complaint',
  intent_sales_lead: 'Sales request (lead)',
  intent_out_of_scope: 'Not something we handle',
  intent_unknown: 'Unidentified',
  intent_saludo: 'Greeting',
  intent_despedida: 'Goodbye',
  intent_ayuda: 'Help',
  intent_consultar_horarios: 'Hours',
  intent_consultar_paquetes: 'Packages and prices',
  intent_consulta_estado: 'Booking status',
  intent_consultar_historial: 'Booking history',
  intent_agendar_cita: 'Book an appointment',
  intent_cancelar_cita: 'Cancel an appointment',
  intent_pagar_servicio: 'Pay for a service',
  intent_actualizar_perfil: 'Update the profile',
  field_name: 'Name',
  field_email: 'E-mail',
  field_phone_or_username: 'Phone',
  field_company_name: 'Company',
  field_interest_area: 'Area of interest',
  field_problem_statement: 'What they need',
  field_urgency_level: 'Urgency',
};

const TABLES: Record<Lang, Record<DashKey, string>> = { es: ES, en: EN };

export function dt(lang: Lang, key: DashKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** The keys written in a singular and a plural form (`<key>_one`, `<key>_other`). */
export type CountedKey = { [K in DashKey]: K extends `${infer B}_other` ? B : never }[DashKey];

const PLURALS: Record<Lang, Intl.PluralRules> = { es: new Intl.PluralRules('es-DO'), en: new Intl.PluralRules('en-US') };

/**
 * A sentence with a count in it, in the form that agrees with the count ("1 mensaje", "3
 * mensajes"; "1 message", "3 messages"); `{n}` is the count as the reader writes numbers.
 */
export function dtCount(lang: Lang, key: CountedKey, n: number): string {
  const form = PLURALS[lang].select(n) === 'one' ? 'one' : 'other';
  return dt(lang, `${key}_${form}` as DashKey, { n: formatCount(lang, n) });
}

/** A known key, or null (reasons and lead stages come from the server). */
export function dtMaybe(lang: Lang, key: string): string | null {
  return Object.prototype.hasOwnProperty.call(ES, key) ? TABLES[lang][key as DashKey] : null;
}

/**
 * A machine state's phase in words ("handoff.withHuman" → "Con una persona"), or null for a phase the
 * page does not know. The lead moved from `qualifying.*` (machine v1) into `workflow.form.*` (a form
 * read by the brain, ferreteria's request): it is the lead phase, not a guided task such as a booking.
 */
export function statePhase(lang: Lang, state: string): string | null {
  const [top = '', sub] = state.split('.');
  return dtMaybe(lang, top === 'workflow' && sub === 'form' ? 'phase_lead' : `phase_${top}`);
}

/**
 * A state of the state funnel in words only (owner34: "Con una persona", never
 * `handoff.withHuman` beside it): the state's own words, else its phase's, else the state's
 * parts as words (a state the page does not know yet).
 */
export function funnelStateLabel(lang: Lang, state: string): string {
  return dtMaybe(lang, `st_${state}`) ?? statePhase(lang, state) ?? state.replace(/[._]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** An intent in words ("product_inquiry" → "Pregunta por un producto"); a tenant's own label unknown here reads as words. */
export function intentLabel(lang: Lang, intent: string): string {
  return dtMaybe(lang, `intent_${intent}`) ?? intent.replace(/_/g, ' ');
}

/** Why a conversation went to a person, in words (the machine's `handoffReason`). */
export function handoffReasonLabel(lang: Lang, reason: string): string {
  return dtMaybe(lang, `handoff_${reason}`) ?? reason.replace(/_/g, ' ');
}

/** A lead field in words ("company_name" → "Empresa"). */
export function leadFieldLabel(lang: Lang, field: string): string {
  return dtMaybe(lang, `field_${field}`) ?? field.replace(/_/g, ' ');
}
