/**
 * The shape of every tenant file, as zod schemas (`src/kernel/schema.ts`): each gives the type the
 * loader returns and the check of the file. Rules that span items or files (duplicate SKUs, offers
 * naming catalog SKUs, templates present in both languages) live in `tenant-loader.ts`.
 *
 * Messages name what was expected and what was found (`expected a number, got "mil"`), for the
 * person who edits the files; the loader prefixes the file and the JSON path.
 */
import { CORE_BEHAVIOURS, INFO_SOURCES, INTENT_KINDS, INTENTS, type IntentName } from '../domain/intents.js';
import type { Lang } from '../domain/nlu.js';
import { STORE_FACT_KEYS, type StoreFactKey } from '../domain/tenant.js';
import { hoursTextDisagreements } from '../domain/hours-text.js';
import { describeValue, z, type SchemaIssue, type Wording } from '../kernel/schema.js';

export const LANGS: readonly Lang[] = ['es', 'en'];
const LANG_VALUES = ['es', 'en'] as const;
const STANDINGS = ['al_dia', 'atrasada', 'suspendida'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACCOUNT_NUMBER = /^\d{5,8}$/;
const TENANT_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Credentials live in the environment; tenant files name the variable. */
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const envName = () => text({ pattern: ENV_NAME, hint: 'an environment variable name (A-Z, 0-9, _)' });
export const PROMPT_TEMPLATES = ['persona', 'classification', 'extraction', 'tools', 'clarification', 'response'] as const;

/** Limits that keep the widget's intro readable on a phone (and the welcome frame small). */
const WIDGET_GREETING_MAX = 400;
const WIDGET_LABEL_MAX = 40;
const WIDGET_TEXT_MAX = 300;
const WIDGET_SUGGESTIONS_MAX = 6;

/** The words for what zod checks by itself (types, array and number bounds). */
export const TENANT_WORDING: Wording = (issue) => {
  const got = describeValue(issue.input);
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'string') return `expected a non-empty string, got ${got}`;
    if (issue.expected === 'number') return `expected a number, got ${got}`;
    if (issue.expected === 'array') return `expected an array, got ${got}`;
    if (issue.expected === 'object' || issue.expected === 'record') return `expected an object, got ${got}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return 'expected at least one element';
  if (issue.code === 'too_small' && issue.origin === 'number') return `expected a number >= ${String(issue.minimum)}, got ${String(issue.input)}`;
  return undefined;
};

const got = (issue: SchemaIssue): string => describeValue(issue.input);

/** A non-blank string (returned as written); `pattern` with a `hint` for the message. */
function text(format?: { pattern: RegExp; hint?: string }) {
  const nonBlank = z.string().refine((v) => v.trim() !== '', { error: (issue) => `expected a non-empty string, got ${got(issue)}` });
  return format === undefined ? nonBlank : nonBlank.refine((v) => format.pattern.test(v), { error: (issue) => `expected ${format.hint ?? format.pattern.source}, got ${got(issue)}` });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => `expected one of ${values.join(' | ')}, got ${got(issue)}` });
}

/** A number, optionally a whole one, optionally at least `min`. */
function number({ min, integer = false }: { min?: number; integer?: boolean } = {}) {
  let n = z.number();
  if (integer) n = n.refine(Number.isInteger, { error: (issue) => `expected an integer, got ${String(issue.input)}` });
  return min === undefined ? n : n.min(min);
}

const isoDate = text({ pattern: ISO_DATE, hint: 'an ISO date (YYYY-MM-DD)' }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
  error: (issue) => `not a calendar date: ${JSON.stringify(issue.input)}`,
});
const strings = z.array(text());
const nonEmptyStrings = strings.min(1);
const perLang = z.object({ es: text(), en: text() });
/** A store fact (`store.json` `facts`): the store's words per language, what the answer offers next, and a short form said beside products. */
const storeFact = z.strictObject({ es: text(), en: text(), offer: z.enum(['sales_lead', 'human_agent']).optional(), brief: perLang.optional() });

/** An object whose unknown keys are refused with `message` (at the key's own path). */
function closed<S extends z.ZodRawShape>(shape: S, message: string) {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? message : undefined) });
}

/** `{ "lat": 18.43, "lon": -68.97 }`, within the globe. */
const geoPoint = z.object({
  lat: number({ min: -90 }).max(90, { error: (issue) => `expected a latitude <= 90, got ${String(issue.input)}` }),
  lon: number({ min: -180 }).max(180, { error: (issue) => `expected a longitude <= 180, got ${String(issue.input)}` }),
});

/** `HH:MM` on a 24-hour clock; `24:00` only as a closing time. */
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const dayHours = z
  .strictObject({
    open: text({ pattern: HHMM, hint: 'a time "HH:MM" (24-hour clock)' }),
    close: text({ pattern: /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, hint: 'a time "HH:MM" (24-hour clock, or "24:00")' }),
  })
  .refine((d) => d.close > d.open, { error: 'expected "close" after "open"' })
  .nullable();
/** When the people behind the handoffs answer (`store.json` `teamHours`, tenant time zone). */
const TEAM_HOURS = closed(
  {
    weekly: closed({ mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours }, 'unknown day (expected mon, tue, wed, thu, fri, sat, sun)').refine(
      (w) => Object.values(w).some((d) => d !== null),
      { error: 'expected at least one day with hours' },
    ),
    closedDates: z.array(isoDate).optional(),
  },
  'unknown key (expected weekly, closedDates)',
);

/** Longest SLA a tenant may set: a day (a longer one is not a service rule). */
export const MAX_SLA_SECONDS = 86_400;

export const TENANT_SETTINGS = z.object({
  id: text({ pattern: TENANT_ID, hint: 'lower-case letters, digits and dashes' }),
  displayName: text(),
  defaultLang: oneOf(LANG_VALUES),
  timeZone: text().refine(isTimeZone, { error: (issue) => `unknown IANA time zone ${JSON.stringify(issue.input)}` }),
  currency: text({ pattern: /^[A-Z]{3}$/, hint: 'an ISO 4217 code such as "DOP"' }),
  accountVerification: oneOf(['second_identifier', 'none']).optional(),
  /** The agent console's service rules and the agents' language (docs/console.md). */
  console: closed(
    {
      slaSeconds: number({ min: 1, integer: true }).max(MAX_SLA_SECONDS, { error: (issue) => `expected at most ${MAX_SLA_SECONDS} seconds (a day), got ${String(issue.input)}` }).optional(),
      lang: oneOf(LANG_VALUES).optional(),
      quotes: z.boolean().optional(),
    },
    'unknown key (expected slaSeconds, lang, quotes)',
  ).optional(),
  /** The business's own system, read live through the connector port (docs/connectors.md). */
  backend: closed(
    {
      baseUrl: text({ pattern: /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, hint: 'an http(s) URL without query or fragment' }),
      auth: z
        .discriminatedUnion('type', [
          closed({ type: z.literal('bearer'), tokenEnv: text({ pattern: ENV_NAME, hint: 'an environment variable name (A-Z, 0-9, _)' }) }, 'unknown key (expected type, tokenEnv)'),
          closed(
            { type: z.literal('hmac'), secretEnv: text({ pattern: ENV_NAME, hint: 'an environment variable name (A-Z, 0-9, _)' }), keyId: text().optional() },
            'unknown key (expected type, secretEnv, keyId)',
          ),
        ], { error: (issue) => `expected "type": "bearer" or "hmac", got ${got(issue)}` })
        .optional(),
      timeoutMs: number({ min: 100, integer: true }).max(30_000, { error: (issue) => `expected at most 30000 ms, got ${String(issue.input)}` }).optional(),
      breaker: closed(
        { failureThreshold: number({ min: 1, integer: true }).max(100).optional(), openMs: number({ min: 1000, integer: true }).max(3_600_000).optional() },
        'unknown key (expected failureThreshold, openMs)',
      ).optional(),
    },
    'unknown key (expected baseUrl, auth, timeoutMs, breaker)',
  ).optional(),
  /** This tenant's Rocket.Chat, Slack and CRM (docs/configuration.md); secrets by environment variable name. */
  integrations: closed(
    {
      rocketChat: closed({ webhookUrlEnv: envName(), outgoingTokenEnv: envName().optional() }, 'unknown key (expected webhookUrlEnv, outgoingTokenEnv)').optional(),
      slack: closed({ webhookUrlEnv: envName() }, 'unknown key (expected webhookUrlEnv)').optional(),
      crm: closed(
        { url: text({ pattern: /^https?:\/\/[^\s/?#]+(?:\/[^\s#]*)?$/, hint: 'an http(s) URL' }), secretEnv: envName() },
        'unknown key (expected url, secretEnv)',
      ).optional(),
    },
    'unknown key (expected rocketChat, slack, crm)',
  ).optional(),
  /** This tenant's provider numbers (docs/channels.md); secrets by environment variable name. */
  channels: closed(
    {
      whatsapp: closed(
        {
          appSecretEnv: envName(),
          verifyTokenEnv: envName(),
          accessTokenEnv: envName(),
          phoneNumberId: text({ pattern: /^\d{5,20}$/, hint: 'a WhatsApp phone number id (digits)' }),
          messagesPerSecond: number({ min: 1, integer: true }).max(10_000).optional(),
          template: closed({ name: text({ pattern: /^[a-z0-9_]+$/, hint: 'a template name (a-z, 0-9, _)' }), language: text({ pattern: /^[A-Za-z_]{2,8}$/, hint: 'a language code such as "es"' }) }, 'unknown key (expected name, language)').optional(),
        },
        'unknown key (expected appSecretEnv, verifyTokenEnv, accessTokenEnv, phoneNumberId, messagesPerSecond, template)',
      ).optional(),
      twilio: closed(
        { accountSid: text(), authTokenEnv: envName(), from: text({ pattern: /^whatsapp:\+[1-9][0-9]{6,14}$/, hint: 'whatsapp:+E164 (e.g. whatsapp:+14155238886)' }), contentSid: text().optional() },
        'unknown key (expected accountSid, authTokenEnv, from, contentSid)',
      ).optional(),
      telegram: closed({ botTokenEnv: envName(), secretTokenEnv: envName() }, 'unknown key (expected botTokenEnv, secretTokenEnv)').optional(),
    },
    'unknown key (expected whatsapp, twilio, telegram)',
  ).optional(),
});

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A rule of thumb: how much of a product a m² or a m³ of a job takes, or a whole job (`job`: one trowel). */
const USAGE = z.object({
  per: z.enum(['m2', 'm3', 'job']),
  amount: number({ min: 0 }),
  waste: number({ min: 0 }).optional(),
  basis: text().optional(),
  said: z.object({ es: text(), en: text().optional() }).optional(),
  instead: z.literal(true).optional(),
});

export const CATALOG = z
  .array(
    z.object({
      sku: text(),
      name: text(),
      category: text(),
      price: number({ min: 0 }),
      stock: number({ min: 0, integer: true }),
      unit: text(),
      aliases: strings.optional(),
      brand: text().optional(),
      default_for: strings.optional(),
      coverage: z.object({ min: number({ min: 0 }), max: number({ min: 0 }), coats: number({ min: 1, integer: true }).optional(), basis: text().optional() }).optional(),
      usage: USAGE.optional(),
      usage_for: z.strictObject({ wall: USAGE.optional(), floor: USAGE.optional(), slab: USAGE.optional(), roof: USAGE.optional(), plaster: USAGE.optional() }).optional(),
      jobs: strings.optional(),
      rooms: strings.optional(),
      use: z.object({ es: text(), en: text().optional() }).optional(),
      includes: z.object({ es: text(), en: text().optional() }).optional(),
      durability: z.object({ years: number({ min: 0 }), es: text(), en: text().optional() }).optional(),
      weight_lb: number({ min: 0 }).optional(),
    }),
  )
  .min(1);

export const ACCOUNTS = z.array(
  z.object({
    number: text({ pattern: ACCOUNT_NUMBER, hint: '5 to 8 digits' }),
    holder: text(),
    standing: oneOf(STANDINGS),
    balance: number({ min: 0 }),
    dueDate: isoDate,
    phone: text({ pattern: /^[+\d][\d\s().-]{6,20}$/, hint: 'a phone number' }).optional(),
    taxId: text({ pattern: /^(?:\d[\s-]?){9}(?:\d[\s-]?\d)?$/, hint: 'a cédula (11 digits) or RNC (9 digits)' }).optional(),
  }),
);

export const STORE = z.object({
  name: text(),
  city: text(),
  branches: z
    .array(
      z
        .object({ name: text(), address: text(), phone: text(), hours: perLang, openingHours: TEAM_HOURS.optional(), mapsUrl: text({ pattern: /^https?:\/\//, hint: 'an http(s) URL' }).optional(), at: geoPoint.optional() })
        .superRefine((branch, ctx) => {
          // The hours are written twice: the text customers read and the structured hours the day answers use. They must agree.
          if (!branch.openingHours) return;
          for (const lang of LANGS) {
            for (const problem of hoursTextDisagreements(branch.hours[lang], branch.openingHours.weekly)) {
              ctx.addIssue({ code: 'custom', path: ['hours', lang], message: `branch "${branch.name}": ${problem}` });
            }
          }
        }),
    )
    .min(1),
  deliveryZones: z.array(z.object({ zone: text(), fee: number({ min: 0 }), eta: perLang, aliases: strings.optional(), at: geoPoint.optional() })),
  places: z.array(z.object({ name: text(), at: geoPoint, aliases: strings.optional(), zone: text().optional() })).optional(),
  paymentMethods: z.object({ es: nonEmptyStrings, en: nonEmptyStrings }),
  policies: closed({ returns: perLang.optional(), warranty: perLang.optional(), credit: perLang.optional() }, 'unknown policy (expected returns, warranty, credit)').optional(),
  facts: closed(
    Object.fromEntries(STORE_FACT_KEYS.map((key) => [key, storeFact.optional()])) as Record<StoreFactKey, z.ZodOptional<typeof storeFact>>,
    `unknown store fact (expected ${STORE_FACT_KEYS.join(', ')})`,
  ).optional(),
  closedDates: z.array(isoDate).optional(),
  phone: text(),
  whatsapp: text(),
  email: text({ pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, hint: 'an email address' }),
  teamHours: TEAM_HOURS.optional(),
  tradeGoods: z.array(z.object({ words: nonEmptyStrings, instead: strings.optional(), sold: z.boolean().optional(), for: strings.optional() })).optional(),
  categoryNames: z.record(z.string(), z.strictObject({ es: text().optional(), en: text().optional() })).optional(),
}).superRefine((store, ctx) => {
  // A place inside a zone is served as that zone: the zone must be one the store lists.
  const zones = new Set(store.deliveryZones.map((z) => z.zone));
  (store.places ?? []).forEach((place, i) => {
    if (place.zone !== undefined && !zones.has(place.zone)) ctx.addIssue({ code: 'custom', path: ['places', i, 'zone'], message: `place "${place.name}": no delivery zone named "${place.zone}"` });
  });
});

/** An offer's price terms (one kind per offer): a unit price from a count, a percentage off, or "buy N, pay M". */
const offerDeal = z
  .strictObject({ minQuantity: number({ min: 1 }).optional(), unitPrice: number({ min: 0 }).optional(), percentOff: number({ min: 1 }).max(100).optional(), buy: number({ min: 2 }).optional(), pay: number({ min: 1 }).optional() })
  .refine((d) => [d.unitPrice !== undefined, d.percentOff !== undefined, d.buy !== undefined || d.pay !== undefined].filter(Boolean).length === 1, { error: 'a deal has exactly one of unitPrice, percentOff, or buy with pay' })
  .refine((d) => (d.buy === undefined) === (d.pay === undefined) && (d.buy === undefined || (d.pay as number) < d.buy), { error: 'buy and pay go together, pay below buy' });

export const OFFERS = z.array(z.object({ id: text(), title: perLang, details: perLang, validUntil: isoDate, skus: strings.optional(), freeDelivery: z.object({ minTotal: number({ min: 0 }), zones: strings.optional() }).optional(), deal: offerDeal.optional() }));

export const VACANCIES = z.array(z.object({ id: text(), title: perLang, branch: text(), requirements: perLang, howToApply: perLang, salary: perLang.optional() }));

/** `utterances.json`: example messages per label of the tenant's intent set (every label, no other), per language. */
export function utterancesSchema(labels: readonly string[] = INTENTS) {
  return closed(
    Object.fromEntries(labels.map((intent) => [intent, z.object({ es: nonEmptyStrings, en: nonEmptyStrings })])) as Record<string, z.ZodObject<{ es: typeof nonEmptyStrings; en: typeof nonEmptyStrings }>>,
    `unknown intent (expected one of ${labels.join(', ')})`,
  );
}

export const UTTERANCES = utterancesSchema(INTENTS);

const INTENT_LABEL = /^[a-z][a-z0-9_]{0,47}$/;

/**
 * `intents.json` (optional): the tenant's intent set. Each label is `core` (a behaviour the machine
 * knows, named by `behaviour`), `informational` or `workflow` (both reach the machine's info route
 * unless a workflow claims the label, answered as `answer` says: `{ "source": "packages" }` from the
 * backend (`{ "source": "services", "packageWords": ["paquete"] }`: a named service's price, the
 * service list, or the packages when the message names one of those words), `{ "template": "studio.help" }` a template). Labels are unique; one label must stand for `out_of_scope`.
 */
export const INTENT_SET = closed(
  {
    intents: z
      .array(
        closed(
          {
            label: text({ pattern: INTENT_LABEL, hint: 'a label of lower-case letters, digits and _' }),
            kind: oneOf(INTENT_KINDS as unknown as readonly ['core', 'informational', 'workflow']),
            behaviour: oneOf(CORE_BEHAVIOURS as unknown as readonly [IntentName, ...IntentName[]]).optional(),
            answer: z
              .union([closed({ source: oneOf(INFO_SOURCES), packageWords: z.array(text()).optional() }, 'unknown key (expected source, packageWords)'), closed({ template: text() }, 'unknown key (expected template)')])
              .optional(),
          },
          'unknown key (expected label, kind, behaviour, answer)',
        ),
      )
      .min(2),
  },
  'unknown key (expected intents)',
);

/** One `templates/*.json` file: `{ "es": { key: text }, "en": { key: text } }`. */
export const TEMPLATE_FILE = closed({ es: z.record(z.string(), text()), en: z.record(z.string(), text()) }, 'unknown language (expected "es" and "en")');

/** Template paths read `$.es["product.found"]`, as the key is written in the file. */
export function templatePath(path: readonly PropertyKey[]): string {
  const [lang, key] = path;
  if (lang === undefined) return '$';
  return key === undefined ? `$.${String(lang)}` : `$.${String(lang)}["${String(key)}"]`;
}

const promptText = text().refine((v) => !/\{\{(?!\w+\}\})/.test(v), { error: 'an unclosed {{placeholder}}' });

/** `prompts.json` (optional): a version, a tone per language, and any template to override. */
export const PROMPTS = closed(
  {
    version: text(),
    tone: z
      .record(z.string(), text())
      .superRefine((tone, ctx) => {
        for (const lang of Object.keys(tone)) if (!(LANGS as readonly string[]).includes(lang)) ctx.addIssue({ code: 'custom', message: `expected one of ${LANGS.join(' | ')}, got ${describeValue(lang)}` });
      })
      .transform((tone) => tone as Partial<Record<Lang, string>>)
      .optional(),
    ...(Object.fromEntries(PROMPT_TEMPLATES.map((name) => [name, promptText.optional()])) as Record<(typeof PROMPT_TEMPLATES)[number], z.ZodOptional<typeof promptText>>),
  },
  `unknown key (expected one of ${['version', 'tone', ...PROMPT_TEMPLATES].join(', ')})`,
);

/** A trimmed text of at most `max` characters (UTF-16 units, as the widget measures). */
const widgetText = (max: number) =>
  text()
    .refine((v) => v.trim().length <= max, { error: `longer than ${max} characters` })
    .overwrite((v) => v.trim());

const widgetLang = closed(
  {
    greeting: widgetText(WIDGET_GREETING_MAX),
    suggestions: z
      .array(z.object({ label: widgetText(WIDGET_LABEL_MAX), text: widgetText(WIDGET_TEXT_MAX) }))
      .min(1)
      .max(WIDGET_SUGGESTIONS_MAX, { error: (issue) => `at most ${WIDGET_SUGGESTIONS_MAX} suggestions, got ${(issue.input as unknown[]).length}` }),
  },
  'unknown key (expected greeting, suggestions)',
);

/** `widget.json` (optional): per language, a greeting and the suggestion chips (`{label, text}`). */
export const WIDGET = closed({ es: widgetLang, en: widgetLang }, `unknown key (expected ${LANGS.join(', ')})`);
