import { checkWith, z, type Problem } from '../kernel/schema.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * A tenant's workflows (`tenants/<t>/workflows.json`): forms the conversation machine runs — ask
 * slot by slot, check each answer against the business backend, confirm, call the backend, answer
 * with the result. Data, not code: a new business brings its flows without touching the machine.
 *
 * Placeholders `{name}` in paths, query, body and texts take a slot's value, a value kept from a
 * picked option (`keep`), `{contact.phone}` / `{contact.name}` (what the contact is known by) or,
 * in the success text only, `{result.<field>}` (the action's answer).
 */

const ID = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'must be a lower-case identifier (a-z, 0-9, _)' });
const PLACEHOLDER_TEXT = z.string().min(1).max(600);

/** Text in both of Hilo's languages. */
export const LocalText = z.strictObject({ es: PLACEHOLDER_TEXT, en: PLACEHOLDER_TEXT });
export type LocalText = z.output<typeof LocalText>;

/**
 * A customer text: in both languages, or a key of the tenant's templates (`templates/*.json`),
 * which the host renders in the conversation's language with the same placeholders. Template keys
 * are for forms read by the brain (`reading: "brain"`): the runner's own forms write their texts.
 */
export const WorkflowText = z.union([LocalText, z.strictObject({ template: z.string().regex(/^[A-Za-z0-9_.]{1,80}$/, { error: 'must be a template key (letters, digits, "_" and ".")' }) })]);
export type WorkflowText = z.output<typeof WorkflowText>;

/** A text given in both languages as it is (a template key shows as the key: checkWorkflowSet refuses it where the runner speaks). */
export function localOf(text: WorkflowText): LocalText {
  return 'template' in text ? { es: text.template, en: text.template } : text;
}

/**
 * What the brain reads in a message for a slot of a form read by the brain (`entity`): a person's
 * name, an e-mail, a phone, a company, an interest area, the need in the customer's words, the
 * urgency. The brain reads these in every message, anywhere in it (several per message), and a bare
 * answer to the question asked ("Ana Pérez", "ninguna", "para ayer").
 */
export const ENTITY_READINGS = ['person_name', 'email', 'phone', 'company', 'interest_area', 'problem', 'urgency'] as const;
export type EntityReading = (typeof ENTITY_READINGS)[number];

/** Runtime ports a workflow's action may call instead of the backend connector: `crm.lead` pushes the form as a lead (outbox, CRM webhook, idempotency key). */
export const ACTION_PORTS = ['crm.lead'] as const;
export const PortAction = z.strictObject({ port: z.enum(ACTION_PORTS) });
export type PortAction = z.output<typeof PortAction>;

/** Handoff reasons a workflow may name for a failed action (`onFailure.handoff`). */
export const FAILURE_HANDOFFS = ['lead_push_failed', 'customer_request'] as const;

/** One call of the tenant's connector (`src/actors/connectors/`); `path` is appended to the backend's base URL. */
export const WorkflowOperation = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH']),
  path: z.string().regex(/^\/[^\s]*$/, { error: 'must start with "/"' }).max(200),
  query: z.record(z.string(), z.string().max(200)).optional(),
  body: z.record(z.string(), z.string().max(200)).optional(),
});
export type WorkflowOperation = z.output<typeof WorkflowOperation>;

/** Where a slot's valid values come from: a list the backend answers (`items` by default). */
export const OptionSource = z.strictObject({
  operation: WorkflowOperation,
  /** Field of the answer holding the array. */
  items: z.string().default('items'),
  /** Field of an item that becomes the slot's value. */
  value: z.string().min(1),
  /** How an item is shown and matched: a field name, or a text with `{field}` placeholders (`{name.es}`). */
  label: LocalText.optional(),
  /** Other words that pick an item (a field holding an array of strings). */
  aliases: z.string().optional(),
  /** Only items whose fields have these values (`{ "status": "confirmed" }`). */
  where: z.record(z.string(), z.string()).optional(),
  /** Fields of the picked item kept for later slots and the action (`{ "slotId": "slotId" }`). */
  keep: z.record(ID, z.string()).optional(),
  /**
   * Field of an item naming a record (a booking's `id`): a run that may act only on what this
   * conversation made (`WorkflowRun.only`: a web visitor who booked here) lists only those.
   */
  made: z.string().min(1).optional(),
  /** Said when the value given is not among the items (`{options}` lists the first ones). */
  unavailable: LocalText.optional(),
  /**
   * Field of the answer listing the weekdays (`mon` … `sun`) the thing is done at all: an empty list
   * on another weekday is said as not done that day, with those days, not as a full day.
   */
  days: z.string().min(1).optional(),
  /**
   * Field of a `staff` item listing the ids of the services that person does: one named for a service
   * she does not do is said so (`staffDoesNot`), with who does it, not as a day with no opening.
   */
  does: z.string().min(1).optional(),
  /** Field of a `staff` item listing the weekdays (`mon` … `sun`) that person works: a day off is said as such (`staffOff`). */
  works: z.string().min(1).optional(),
  /**
   * Groups of items the customer may name instead of one ("algo para las uñas"): `field` of an
   * item holds its group's id (a service's `category`), `words` other words per group id. The
   * options shown are then the group's.
   */
  groups: z.strictObject({ field: z.string().min(1), words: z.record(z.string(), z.array(z.string().min(1).max(60)).max(30)).optional() }).optional(),
});
export type OptionSource = z.output<typeof OptionSource>;

/**
 * The runner's own customer texts, each optional (the built-in words stand in for what is not
 * given): `retry` a message it did not understand, `whatToChange` a "no" at the summary,
 * `unavailable` a value not listed (`{options}`), `none` an empty list, `cancelled` a form dropped
 * on request, `backendDown` a backend that cannot answer, `dayFull` a day with no free time left
 * (closed, fully booked: `{day}`), asked again; `timeTaken` a time asked that is not free (`{time}`), with
 * the nearest free one (`{nearest}`) proposed: a yes takes it; `dayClosed` a day asked that the business
 * is closed (`{day}`, `{hours}`: its opening hours), with the nearest open days as buttons; `offGrid` a time
 * that is no start of a slot (`{time}`, `{step}` the minutes between starts, `{nearest}`); `timeFree` a time
 * told before it was asked ("¿mañana a las 3 hay espacio?") and found free (`{day}`, `{time}`); `dayTooFar`
 * a day past the booking horizon (`{day}`, `{last}` the last bookable day, `{days}` the horizon), a person offered.
 */
export const WorkflowTexts = z.strictObject({
  retry: LocalText.optional(),
  whatToChange: LocalText.optional(),
  unavailable: LocalText.optional(),
  none: LocalText.optional(),
  cancelled: LocalText.optional(),
  backendDown: LocalText.optional(),
  dayFull: LocalText.optional(),
  timeTaken: LocalText.optional(),
  dayClosed: LocalText.optional(),
  offGrid: LocalText.optional(),
  unproven: LocalText.optional(),
  timeFree: LocalText.optional(),
  dayTooFar: LocalText.optional(),
  staffBusy: LocalText.optional(),
  staffDoesNot: LocalText.optional(),
  staffOff: LocalText.optional(),
});
export type WorkflowTexts = z.output<typeof WorkflowTexts>;
export type WorkflowTextKey = keyof WorkflowTexts;

export const SLOT_KINDS = ['service', 'date', 'time', 'person_name', 'email', 'phone', 'choice', 'free_text', 'staff'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** The placeholders each of the runner's own texts is given (`staffBusy`: the staff member's first name, the day, the service's label; `staffDoesNot`: who does it instead). */
const TEXT_PLACEHOLDERS: Partial<Record<WorkflowTextKey, readonly string[]>> = {
  unavailable: ['options'],
  none: ['options'],
  dayFull: ['day'],
  timeTaken: ['time', 'nearest'],
  dayClosed: ['day', 'hours'],
  offGrid: ['time', 'step', 'nearest'],
  timeFree: ['day', 'time'],
  staffBusy: ['who', 'day', 'service'],
  staffDoesNot: ['who', 'service', 'others'],
  staffOff: ['who', 'weekday', 'days'],
};

export const WorkflowSlot = z.strictObject({
  name: ID,
  kind: z.enum(SLOT_KINDS),
  prompt: WorkflowText,
  /** Brain-read forms: what the brain reads for this slot (see {@link ENTITY_READINGS}). */
  entity: z.enum(ENTITY_READINGS).optional(),
  /** Brain-read forms: the valid values, written as stored and shown ("Alto", "Medio", "Bajo"); the answer is matched without case or accents. */
  choices: z.array(z.string().min(1).max(60)).min(2).max(12).optional(),
  /** Brain-read forms: a decline ("prefiero no") is refused with this text and the slot asked again; without it a decline leaves the slot empty ("—"). */
  required: WorkflowText.optional(),
  /**
   * Brain-read forms, a `required` slot: another slot of the form that stands in for it. A decline
   * then asks for that slot with the `required` text, and is taken once it has a value; a value
   * given for it while either is asked ("no tengo correo, llámame al 829…") takes the place of this
   * one. The ferretería's e-mail has the phone: an advisor needs one way to reach the customer.
   */
  or: ID.optional(),
  /** Brain-read forms, `email` slots: said when the address given is not valid, before asking again. */
  invalid: WorkflowText.optional(),
  /** `false` fills the slot only when the customer volunteers it (never asked): a brain-read form's extra, a booking's `staff` ("con Yokasta"). */
  ask: z.boolean().default(true),
  /** Brain-read forms: the slot's placeholder name in the summary and templates (`{fullName}`); the slot's name by default. */
  param: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { error: 'must be an identifier (letters, digits, _)' }).optional(),
  options: OptionSource.optional(),
  /** A connector call that must succeed for the value to stand (a 4xx answer refuses it). */
  validate: z.strictObject({ operation: WorkflowOperation, refused: LocalText }).optional(),
  /** Taken from what the contact is known by, when known (`contact.phone`: the WhatsApp number). */
  prefill: z.enum(['contact.phone', 'contact.name', 'contact.email']).optional(),
  /**
   * Only the prefilled value counts (what the contact is known by: the WhatsApp number writing, or a
   * phone the backend accepted for them in this conversation); a typed one is never taken. Without it
   * the form ends with the `unproven` text. Who may cancel or move a booking: docs/workflows-trust.md.
   */
  known: z.literal(true).optional(),
});
export type WorkflowSlot = z.output<typeof WorkflowSlot>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const OpenDay = z.strictObject({ open: HHMM, close: HHMM }).nullable();
/** The business's week (local `HH:MM`; `null`: closed that day), for a day asked that it is closed. */
export const OpeningHours = z.strictObject({ mon: OpenDay, tue: OpenDay, wed: OpenDay, thu: OpenDay, fri: OpenDay, sat: OpenDay, sun: OpenDay });
export type OpeningHours = z.output<typeof OpeningHours>;

/** A holiday: `MM-DD` every year, `YYYY-MM-DD` once. */
const CLOSED_DATE = z.string().regex(/^(?:\d{4}-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/);

export const WorkflowSpec = z.strictObject({
  id: ID,
  /** Intent labels that start it (the tenant's classifier's labels, plain strings). */
  triggers: z.array(z.string().min(1).max(60)).min(1),
  /**
   * Word stems that must be in the message for this workflow to start (matched without accents or
   * case): lets two workflows share a label ("quiero mover mi cita" read as `agendar_cita` is the
   * rescheduling). A trigger is shared only with workflows that have `when`.
   */
  when: z.array(z.string().min(2).max(60)).optional(),
  /**
   * Word stems of a question about the workflow's rule rather than a request to run it ("¿cuál es la
   * política de cancelación?", "si cancelo, ¿me cobran?", "is there a no-show fee?"): the workflow
   * does not start and the label's own answer (the policy) is given, the workflow offered there.
   */
  asks: z.array(z.string().min(2).max(60)).optional(),
  /**
   * Word stems of the workflow's subject ("si no voy", "cancel", "no show"): a message read as another
   * informational label ("¿cuánto me cobran si no voy?" read as a price question) that holds one of
   * these and one of `asks` is the question about the rule all the same (`ruleAskedOf`).
   */
  about: z.array(z.string().min(2).max(60)).optional(),
  description: z.string().max(300).optional(),
  /**
   * Who reads the customer's answers: `runner` (default) reads them with the runner's own
   * extractors and checks them against the backend; `brain` takes the brain's reading of every
   * message (`entity` slots, several per message, in any order, detours included), with optional
   * slots a customer may decline, required ones, corrections at the summary and reminders.
   */
  reading: z.enum(['runner', 'brain']).default('runner'),
  slots: z.array(WorkflowSlot).max(12),
  /** Brain-read forms: said once when the form starts (not when a request resumes it). */
  start: WorkflowText.optional(),
  /** Brain-read forms: said before the pending question when the customer comes back after a silence (`conversation.remind`). */
  remind: WorkflowText.optional(),
  /** Brain-read forms: a "no" at the summary that names no slot. */
  correct: WorkflowText.optional(),
  /** Brain-read forms: said before the summary again when a value shown in it changed. */
  updated: WorkflowText.optional(),
  /** Shown with every slot filled; a yes runs the action. Absent: the action runs without asking. */
  confirm: WorkflowText.optional(),
  /** A call of the tenant's backend connector, or a runtime port (`{ "port": "crm.lead" }`, brain-read forms). */
  action: z.union([WorkflowOperation, PortAction]),
  /** A failed action hands the conversation to a person with this reason (the form's values are kept). */
  onFailure: z.strictObject({ handoff: z.enum(FAILURE_HANDOFFS) }).optional(),
  /**
   * A refusal the customer can fix: the backend's reason (`slot_taken`: someone booked that time
   * first) clears the slot, which is asked again with fresh options after `text`.
   */
  retry: z.strictObject({ reasons: z.array(z.string().min(1).max(60)).min(1), slot: ID, text: LocalText }).optional(),
  success: WorkflowText,
  /** Said when the backend refuses or cannot answer; `{reason}` is the backend's own short code. */
  failure: WorkflowText,
  /** Words that abandon the form at any point, besides the built-in ones ("cancela", "olvídalo", "never mind"). */
  cancelWords: z.array(z.string().min(1).max(60)).default([]),
  /** This workflow's own runner texts, over the set's `texts` and the built-in ones. */
  texts: WorkflowTexts.optional(),
  /**
   * The summary's two buttons when "Sí, confirmo / Cancelar" would read backwards (a cancellation:
   * "Sí, cancélala / No, la mantengo"): `yesWords` also say yes there ("cancélala"), and a no keeps
   * things as they were and says `kept` (its placeholders as in `confirm`).
   */
  answers: z.strictObject({ yes: LocalText, no: LocalText, yesWords: z.array(z.string().min(1).max(60)).max(30).default([]), kept: LocalText }).optional(),
  /**
   * A move: slot -> the value kept from the item moved (`{ "date": "booking_date", "time": "booking_time" }`).
   * When the customer gives some of these slots, the others keep the item's value ("para las 5": same day).
   */
  unchanged: z.record(ID, ID).optional(),
  /** The set's `openingHours`, carried by a run's spec (`workflowForIntent`); a workflow may give its own. */
  openingHours: OpeningHours.optional(),
  /** The set's `bookingHorizonDays`, carried by a run's spec. */
  bookingHorizonDays: z.number().int().min(1).max(3650).optional(),
  /** The set's `closedDates`, carried by a run's spec. */
  closedDates: z.array(CLOSED_DATE).max(100).optional(),
});
export type WorkflowSpec = z.output<typeof WorkflowSpec>;

/** The booking horizon when a workflow set names none: about six months, what a studio's calendar holds. */
export const DEFAULT_BOOKING_HORIZON_DAYS = 180;

export const WorkflowSet = z.strictObject({
  /** IANA zone for "mañana", "el viernes" (the business's local calendar). */
  timeZone: z.string().min(1).default('UTC'),
  /** The runner's texts for every workflow of the tenant (a workflow's own `texts` win). */
  texts: WorkflowTexts.optional(),
  /**
   * When the business is open: a day asked that it is closed ("el domingo") is said closed, with these
   * hours and the nearest open days, instead of "no free times left". Travels with every run's spec.
   */
  openingHours: OpeningHours.optional(),
  /**
   * How many days ahead a day may be booked (a date slot): a later day is said to be past it, with the
   * last bookable day and a person offered (`far-days.ts`). The business's own backend keeps the same rule.
   */
  bookingHorizonDays: z.number().int().min(1).max(3650).default(DEFAULT_BOOKING_HORIZON_DAYS),
  /**
   * Days the business is closed besides its weekly ones (holidays): `MM-DD` every year ("12-25"),
   * `YYYY-MM-DD` once. Asked for, such a day is said closed like a closed weekday, with the nearest open days.
   */
  closedDates: z.array(CLOSED_DATE).max(100).optional(),
  workflows: z.array(WorkflowSpec).max(50),
});
export type WorkflowSet = z.output<typeof WorkflowSet>;

export type WorkflowSetCheck = { ok: true; value: WorkflowSet } | { ok: false; problems: Problem[] };

/**
 * Checks a parsed `workflows.json`: the schema, then what a schema cannot say — ids and slot names
 * unique, a trigger used by one workflow only, every placeholder naming a slot, a kept value or
 * a known `contact.*` / `result.*` field, and a time zone the runtime knows.
 */
export function checkWorkflowSet(raw: unknown): WorkflowSetCheck {
  const checked = checkWith(WorkflowSet, raw, { root: '$' });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const set = checked.value;
  const problems: Problem[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: set.timeZone });
  } catch {
    problems.push({ path: '$.timeZone', problem: `unknown time zone "${set.timeZone}"` });
  }
  const checkTexts = (texts: WorkflowTexts | undefined, at: string) => {
    for (const [key, local] of Object.entries(texts ?? {})) {
      for (const lang of ['es', 'en'] as const) {
        for (const m of (local?.[lang] ?? '').matchAll(/\{([^{}]+)\}/g)) {
          if (!(TEXT_PLACEHOLDERS[key as WorkflowTextKey] ?? []).includes(m[1]!)) problems.push({ path: `${at}.${key}.${lang}`, problem: `placeholder {${m[1]}} is not known in this text` });
        }
      }
    }
  };
  checkTexts(set.texts, '$.texts');
  const ids = new Set<string>();
  const triggers = new Map<string, string>();
  set.workflows.forEach((w, i) => {
    const at = `$.workflows[${i}]`;
    if (ids.has(w.id)) problems.push({ path: `${at}.id`, problem: `duplicate workflow id "${w.id}"` });
    ids.add(w.id);
    for (const t of w.triggers) {
      if (w.when) continue;
      const other = triggers.get(t);
      if (other !== undefined) problems.push({ path: `${at}.triggers`, problem: `"${t}" already starts workflow "${other}"` });
      triggers.set(t, w.id);
    }
    if (w.reading === 'brain') {
      checkBrainForm(w, at, problems);
      return;
    }
    // The runner writes its own texts: a template key would reach the customer as the key.
    const templated = [
      ...w.slots.map((s, j) => ['prompt' in s && 'template' in s.prompt, `${at}.slots[${j}].prompt`] as const),
      ...(['confirm', 'success', 'failure', 'start', 'remind', 'correct', 'updated'] as const).map((k) => [!!w[k] && 'template' in w[k]!, `${at}.${k}`] as const),
    ];
    for (const [isTemplate, path] of templated) if (isTemplate) problems.push({ path, problem: 'a template key is only for a form read by the brain ("reading": "brain"); write the text in es and en' });
    if ('port' in w.action) problems.push({ path: `${at}.action`, problem: 'a runtime port is only for a form read by the brain ("reading": "brain")' });
    w.slots.forEach((s, j) => {
      for (const k of ['entity', 'choices', 'required', 'or', 'invalid', 'param'] as const) if (s[k] !== undefined) problems.push({ path: `${at}.slots[${j}].${k}`, problem: `"${k}" is only for a form read by the brain ("reading": "brain")` });
    });
    if (templated.some(([t]) => t) || 'port' in w.action) return;
    const known = new Set<string>(['contact.phone', 'contact.name', 'contact.email']);
    const check = (text: string, path: string, extra: readonly string[] = [], shown = false) => {
      for (const m of text.matchAll(/\{([^{}]+)\}/g)) {
        const [name = '', filter, ...more] = m[1]!.split('|');
        if (filter !== undefined && (!shown || (filter !== 'money' && filter !== 'with') || more.length > 0)) {
          problems.push({ path, problem: shown ? `placeholder {${m[1]}}: the filters are "|money" and "|with"` : `placeholder {${m[1]}}: a connector call takes raw values, no filter` });
          continue;
        }
        if (!known.has(name) && !extra.some((e) => name === e || name.startsWith(`${e}.`))) problems.push({ path, problem: `placeholder {${name}} names no earlier slot or kept value` });
      }
    };
    const checkOp = (op: WorkflowOperation, path: string) => {
      check(op.path, `${path}.path`);
      for (const [k, v] of Object.entries(op.query ?? {})) check(v, `${path}.query.${k}`);
      for (const [k, v] of Object.entries(op.body ?? {})) check(v, `${path}.body.${k}`);
    };
    // A value an earlier slot keeps may fill a later slot of its name (a booking's stylist, the move's `staff`).
    const keptOnly = new Set<string>();
    w.slots.forEach((s, j) => {
      const sat = `${at}.slots[${j}]`;
      if (known.has(s.name) && !keptOnly.has(s.name)) problems.push({ path: `${sat}.name`, problem: `duplicate slot "${s.name}"` });
      keptOnly.delete(s.name);
      if (s.kind === 'choice' && !s.options) problems.push({ path: `${sat}.options`, problem: 'a choice slot needs options' });
      if (s.options) checkOp(s.options.operation, `${sat}.options.operation`);
      known.add(s.name);
      // A check reads the value it checks.
      if (s.validate) checkOp(s.validate.operation, `${sat}.validate.operation`);
      for (const k of Object.keys(s.options?.keep ?? {})) {
        if (!known.has(k)) keptOnly.add(k);
        known.add(k);
      }
    });
    if (w.confirm) {
      const confirm = localOf(w.confirm);
      check(confirm.es, `${at}.confirm.es`, [], true);
      check(confirm.en, `${at}.confirm.en`, [], true);
    }
    if (w.answers) for (const lang of ['es', 'en'] as const) check(w.answers.kept[lang], `${at}.answers.kept.${lang}`, [], true);
    for (const [slot, kept] of Object.entries(w.unchanged ?? {})) {
      if (!w.slots.some((s) => s.name === slot)) problems.push({ path: `${at}.unchanged.${slot}`, problem: `no slot "${slot}"` });
      if (!known.has(kept)) problems.push({ path: `${at}.unchanged.${slot}`, problem: `"${kept}" is no kept value` });
    }
    checkOp(w.action as WorkflowOperation, `${at}.action`);
    if (w.retry && !w.slots.some((s) => s.name === w.retry!.slot)) problems.push({ path: `${at}.retry.slot`, problem: `no slot "${w.retry.slot}"` });
    const success = localOf(w.success);
    const failure = localOf(w.failure);
    check(success.es, `${at}.success.es`, ['result'], true);
    check(success.en, `${at}.success.en`, ['result'], true);
    check(failure.es, `${at}.failure.es`, ['reason'], true);
    check(failure.en, `${at}.failure.en`, ['reason'], true);
    checkTexts(w.texts, `${at}.texts`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: set };
}

/**
 * A form read by the brain: every slot says what the brain reads for it (`entity`) or lists its
 * `choices`; no backend options or checks (the brain reads, the action is a runtime port); the
 * placeholders of its own texts name its slots (`param` or name), and the success text `{leadId}`.
 */
function checkBrainForm(w: WorkflowSpec, at: string, problems: Problem[]): void {
  if (!('port' in w.action)) problems.push({ path: `${at}.action`, problem: 'a form read by the brain acts through a runtime port ({ "port": "crm.lead" })' });
  const params = new Set<string>();
  w.slots.forEach((s, j) => {
    const sat = `${at}.slots[${j}]`;
    if (!s.entity && !s.choices) problems.push({ path: sat, problem: 'a slot of a form read by the brain needs an "entity" or "choices"' });
    for (const k of ['options', 'validate', 'prefill'] as const) if (s[k] !== undefined) problems.push({ path: `${sat}.${k}`, problem: `"${k}" is for forms the runner reads; the brain reads this one` });
    if (s.invalid && s.entity !== 'email') problems.push({ path: `${sat}.invalid`, problem: 'only an e-mail slot has an "invalid" text' });
    if (s.or !== undefined) {
      if (!s.required) problems.push({ path: `${sat}.or`, problem: 'only a "required" slot has another slot that stands in for it' });
      const other = w.slots.find((o) => o.name === s.or);
      if (!other || other === s) problems.push({ path: `${sat}.or`, problem: `"${s.or}" is no other slot of this form` });
      else if (!other.entity) problems.push({ path: `${sat}.or`, problem: `"${s.or}" must be read by the brain ("entity")` });
    }
    const param = s.param ?? s.name;
    if (params.has(param) || w.slots.some((o, k) => k < j && o.name === s.name)) problems.push({ path: `${sat}.name`, problem: `duplicate slot or param "${param}"` });
    params.add(param);
  });
  if (w.retry) problems.push({ path: `${at}.retry`, problem: 'a form read by the brain has no backend refusal to retry' });
  const checkLocal = (text: WorkflowText | undefined, path: string, extra: readonly string[]) => {
    if (!text || 'template' in text) return;
    for (const lang of ['es', 'en'] as const) {
      for (const m of text[lang].matchAll(/\{([^{}]+)\}/g)) if (!params.has(m[1]!) && !extra.includes(m[1]!)) problems.push({ path: `${path}.${lang}`, problem: `placeholder {${m[1]}} names no slot of this form` });
    }
  };
  (['start', 'remind', 'correct', 'updated', 'confirm', 'failure'] as const).forEach((k) => checkLocal(w[k], `${at}.${k}`, []));
  checkLocal(w.success, `${at}.success`, ['leadId']);
  w.slots.forEach((s, j) => (['prompt', 'required', 'invalid'] as const).forEach((k) => checkLocal(s[k], `${at}.slots[${j}].${k}`, [])));
}

/** The workflow a reading's label starts, if any: one whose `when` words the message holds first, else the plain one. */
export function workflowForIntent(set: WorkflowSet | null | undefined, intent: string | null | undefined, text = ''): WorkflowSpec | null {
  if (!set || !intent) return null;
  const candidates = set.workflows.filter((w) => w.triggers.includes(intent));
  // Most readings start no workflow: the message is folded only when one could start.
  if (candidates.length === 0) return null;
  const folded = foldWords(text);
  const spec = candidates.find((w) => w.when?.some((stem) => folded.includes(foldWords(stem)))) ?? candidates.find((w) => !w.when) ?? null;
  // A question about its rule ("si cancelo, ¿me cobran?") is answered, not run.
  if (spec?.asks?.some((stem) => folded.includes(foldWords(stem)))) return null;
  // A run carries its spec: the set's texts and opening hours travel with it, under the workflow's own.
  if (!spec) return null;
  return {
    ...spec,
    ...(set.texts ? { texts: { ...set.texts, ...spec.texts } } : {}),
    ...(set.openingHours && !spec.openingHours ? { openingHours: set.openingHours } : {}),
    ...(spec.bookingHorizonDays === undefined ? { bookingHorizonDays: set.bookingHorizonDays } : {}),
    ...(set.closedDates && !spec.closedDates ? { closedDates: set.closedDates } : {}),
  };
}

/**
 * The label whose rule a message asks about, whatever it was read as: a workflow with `asks` and
 * `about` whose words it holds both of ("¿cuánto me cobran si no voy?": `cancelar_cita`, whose answer
 * is the cancellation policy). `refused`: the workflow whose action was refused the turn before (a
 * cancellation too late): "¿y eso cuesta?" right after it asks its rule with no `about` word. Null when none.
 */
export function ruleAskedOf(set: WorkflowSet | null | undefined, text: string, refused?: string): string | null {
  if (!set) return null;
  const folded = foldWords(text);
  const has = (stems: readonly string[] | undefined) => stems?.some((stem) => folded.includes(foldWords(stem))) === true;
  const after = refused === undefined ? undefined : set.workflows.find((w) => w.id === refused && w.asks?.length);
  if (after && (has(after.asks) || COST_ASKED.test(folded))) return after.triggers[0] ?? null;
  return set.workflows.find((w) => has(w.about) && has(w.asks))?.triggers[0] ?? null;
}

/** A cost asked with nothing named ("¿y eso cuesta?", "does that cost anything?"). */
const COST_ASKED = /\b(?:cuesta|cuestan|costo|cuanto es|pagar algo|pago algo|tengo que pagar|cost|costs|pay anything|pay something)\b/;

const foldWords = foldAccents;
