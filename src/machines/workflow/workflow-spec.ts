import { checkWith, z, type Problem } from '../../kernel/schema.js';

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
  /** Said when the value given is not among the items (`{options}` lists the first ones). */
  unavailable: LocalText.optional(),
});
export type OptionSource = z.output<typeof OptionSource>;

/**
 * The runner's own customer texts, each optional (the built-in words stand in for what is not
 * given): `retry` a message it did not understand, `whatToChange` a "no" at the summary,
 * `unavailable` a value not listed (`{options}`), `none` an empty list, `cancelled` a form dropped
 * on request, `backendDown` a backend that cannot answer.
 */
export const WorkflowTexts = z.strictObject({
  retry: LocalText.optional(),
  whatToChange: LocalText.optional(),
  unavailable: LocalText.optional(),
  none: LocalText.optional(),
  cancelled: LocalText.optional(),
  backendDown: LocalText.optional(),
});
export type WorkflowTexts = z.output<typeof WorkflowTexts>;
export type WorkflowTextKey = keyof WorkflowTexts;

export const SLOT_KINDS = ['service', 'date', 'time', 'person_name', 'email', 'phone', 'choice', 'free_text'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const WorkflowSlot = z.strictObject({
  name: ID,
  kind: z.enum(SLOT_KINDS),
  prompt: LocalText,
  options: OptionSource.optional(),
  /** A connector call that must succeed for the value to stand (a 4xx answer refuses it). */
  validate: z.strictObject({ operation: WorkflowOperation, refused: LocalText }).optional(),
  /** Taken from what the contact is known by, when known (`contact.phone`: the WhatsApp number). */
  prefill: z.enum(['contact.phone', 'contact.name', 'contact.email']).optional(),
});
export type WorkflowSlot = z.output<typeof WorkflowSlot>;

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
  description: z.string().max(300).optional(),
  slots: z.array(WorkflowSlot).max(12),
  /** Shown with every slot filled; a yes runs the action. Absent: the action runs without asking. */
  confirm: LocalText.optional(),
  action: WorkflowOperation,
  /**
   * A refusal the customer can fix: the backend's reason (`slot_taken`: someone booked that time
   * first) clears the slot, which is asked again with fresh options after `text`.
   */
  retry: z.strictObject({ reasons: z.array(z.string().min(1).max(60)).min(1), slot: ID, text: LocalText }).optional(),
  success: LocalText,
  /** Said when the backend refuses or cannot answer; `{reason}` is the backend's own short code. */
  failure: LocalText,
  /** Words that abandon the form at any point, besides the built-in ones ("cancela", "olvídalo", "never mind"). */
  cancelWords: z.array(z.string().min(1).max(60)).default([]),
  /** This workflow's own runner texts, over the set's `texts` and the built-in ones. */
  texts: WorkflowTexts.optional(),
});
export type WorkflowSpec = z.output<typeof WorkflowSpec>;

export const WorkflowSet = z.strictObject({
  /** IANA zone for "mañana", "el viernes" (the business's local calendar). */
  timeZone: z.string().min(1).default('UTC'),
  /** The runner's texts for every workflow of the tenant (a workflow's own `texts` win). */
  texts: WorkflowTexts.optional(),
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
          if (!(m[1] === 'options' && (key === 'unavailable' || key === 'none'))) problems.push({ path: `${at}.${key}.${lang}`, problem: `placeholder {${m[1]}} is not known in this text` });
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
    const known = new Set<string>(['contact.phone', 'contact.name', 'contact.email']);
    const check = (text: string, path: string, extra: readonly string[] = [], shown = false) => {
      for (const m of text.matchAll(/\{([^{}]+)\}/g)) {
        const [name = '', filter, ...more] = m[1]!.split('|');
        if (filter !== undefined && (!shown || filter !== 'money' || more.length > 0)) {
          problems.push({ path, problem: shown ? `placeholder {${m[1]}}: the only filter is "|money"` : `placeholder {${m[1]}}: a connector call takes raw values, no filter` });
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
    w.slots.forEach((s, j) => {
      const sat = `${at}.slots[${j}]`;
      if (known.has(s.name)) problems.push({ path: `${sat}.name`, problem: `duplicate slot "${s.name}"` });
      if (s.kind === 'choice' && !s.options) problems.push({ path: `${sat}.options`, problem: 'a choice slot needs options' });
      if (s.options) checkOp(s.options.operation, `${sat}.options.operation`);
      known.add(s.name);
      // A check reads the value it checks.
      if (s.validate) checkOp(s.validate.operation, `${sat}.validate.operation`);
      for (const k of Object.keys(s.options?.keep ?? {})) known.add(k);
    });
    if (w.confirm) {
      check(w.confirm.es, `${at}.confirm.es`, [], true);
      check(w.confirm.en, `${at}.confirm.en`, [], true);
    }
    checkOp(w.action, `${at}.action`);
    if (w.retry && !w.slots.some((s) => s.name === w.retry!.slot)) problems.push({ path: `${at}.retry.slot`, problem: `no slot "${w.retry.slot}"` });
    check(w.success.es, `${at}.success.es`, ['result'], true);
    check(w.success.en, `${at}.success.en`, ['result'], true);
    check(w.failure.es, `${at}.failure.es`, ['reason'], true);
    check(w.failure.en, `${at}.failure.en`, ['reason'], true);
    checkTexts(w.texts, `${at}.texts`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: set };
}

/** The workflow a reading's label starts, if any: one whose `when` words the message holds first, else the plain one. */
export function workflowForIntent(set: WorkflowSet | null | undefined, intent: string | null | undefined, text = ''): WorkflowSpec | null {
  if (!set || !intent) return null;
  const candidates = set.workflows.filter((w) => w.triggers.includes(intent));
  const folded = foldWords(text);
  const spec = candidates.find((w) => w.when?.some((stem) => folded.includes(foldWords(stem)))) ?? candidates.find((w) => !w.when) ?? null;
  // A run carries its spec: the set's texts travel with it, under the workflow's own.
  return spec && set.texts ? { ...spec, texts: { ...set.texts, ...spec.texts } } : spec;
}

const foldWords = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
