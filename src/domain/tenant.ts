import type { WorkflowSet } from './workflow-spec.js';
import type { IntentLabel, TenantIntent } from './intents.js';
import type { Lang } from './nlu.js';
import type { TeamHours } from './team-hours.js';

export interface Product {
  sku: string;
  name: string;
  category: string;
  /** Price in Dominican pesos (DOP), VAT (ITBIS) included. */
  price: number;
  stock: number;
  /** Selling unit: "unidad", "saco 42.5 kg", "galón", "pie", ... */
  unit: string;
  /** Extra search terms: colloquial names, English names, common misspellings are NOT needed here. */
  aliases?: string[];
  /** Brand, when the product has one ("Cemex"): a brand the customer names must match. */
  brand?: string;
  /**
   * Phrases for which this is the everyday product a clerk hands over ("cemento", "funda de
   * cemento" → the gray GU bag), unless the customer's words say otherwise (colour, size, brand).
   * At most one product per phrase.
   */
  default_for?: string[];
  /**
   * Paints and coatings: the square metres one gallon typically covers in one coat, as the range a
   * maker's data sheet gives (acrylic wall paint 30–40), and the coats a job takes (2 unless said;
   * a sealer 1). "¿cuántos galones para 100 m²?" is worked out from it.
   */
  coverage?: Coverage;
  /**
   * A rule of thumb for how much of it a job takes by surface or volume: `amount` units per m²
   * (`per: 'm2'`, blocks in a wall, tiles on a floor) or per m³ (`per: 'm3'`, cement in concrete),
   * plus `waste` (0.1 = 10 % for cuts and breakage). Typical figures, said as such to the customer.
   */
  usage?: Usage;
  /**
   * Rules of thumb for a job where the product goes in by another measure than its own `usage`,
   * keyed by the job's surface: the cement of a block wall's mortar per m² of wall (`wall`), not
   * per m³ of concrete; the sheets of a roof per m² of roof (`roof`); the cement and the fine sand
   * of a coat of plaster per m² of wall (`plaster`). "voy a levantar una pared de
   * 3 x 2, ¿qué necesito?" counts every material of the job's kit by them.
   */
  usage_for?: Partial<Record<JobSurface, Usage>>;
  /**
   * Jobs the product is part of, as the customer names them in either language ("pintar",
   * "paint"): "quiero pintar mi casa, ¿qué necesito?" is answered with one product of each kind
   * carrying the job.
   */
  jobs?: string[];
  /**
   * Rooms of a home the product goes into, in either language ("baño", "bathroom", "cocina"):
   * "necesito material para un baño" is answered with these products by line (plumbing, tiles…),
   * asking which part of the job, rather than with a form.
   */
  rooms?: string[];
  /**
   * What the product is for, in a short line a clerk would say ("Cemento blanco: para terminaciones
   * y para fraguar cerámica…"), per language: "¿para qué sirve el sellador?" is answered with it, then the price.
   */
  use?: { es: string; en?: string };
  /**
   * What the product comes with, as its listing says it ("la taza y el tanque…"), per language:
   * "¿viene completo?", "does it come with everything?" is answered with it, and what is usually
   * bought apart to install it (the products sharing its `jobs`).
   */
  includes?: { es: string; en?: string };
  /**
   * How long the product lasts in use, for comparing it with others of its kind: `years` (typical
   * service life, comparable across products) and the line a clerk says, per language ("galvanizado:
   * cerca del mar se oxida en pocos años…"). "¿cuál dura más?" is answered from it.
   */
  durability?: { years: number; es: string; en?: string };
  /**
   * Weight of one selling unit in pounds, for goods the customer buys by weight though the store
   * sells them by the piece (a 20-ft 3/8" rebar weighs about 7.5 lb): "2 quintales de varilla" (a
   * quintal is 100 lb) is counted in pieces, the conversion said.
   */
  weight_lb?: number;
}

/** Typical coverage of a paint or coating: m² per gallon per coat (`min`–`max`) and the coats usually given. */
export interface Coverage {
  min: number;
  max: number;
  coats?: number;
  /** Where the figures come from (the kind of data sheet, the conditions): for whoever edits them. */
  basis?: string;
}

/** How much of a product a surface (m²) or a volume (m³) typically takes. */
export interface Usage {
  /** By the m² or the m³ of the job; `job`: so many per job whatever its size (the notched trowel a tiling job takes). */
  per: 'm2' | 'm3' | 'job';
  amount: number;
  waste?: number;
  /** Where the figure comes from (the mix, the piece size): for whoever edits it. */
  basis?: string;
  /** The rule as a clerk says it to the customer ("1 saco por cada 40 blocks"), per language; else its amount per m² or m³. */
  said?: { es: string; en?: string };
  /**
   * The product does the whole job alone, instead of the kit's other goods (the ready plaster mix
   * for the cement and the sand): a job's estimate names it as the other way, never counts it with them.
   */
  instead?: true;
}

/** The surfaces a job's own rules of thumb (`usage_for`) are given for. */
export type JobSurface = 'wall' | 'floor' | 'slab' | 'roof' | 'plaster';

export type AccountStanding = 'al_dia' | 'atrasada' | 'suspendida';

export interface CustomerAccount {
  /** Digits only. */
  number: string;
  holder: string;
  standing: AccountStanding;
  /** Outstanding balance in DOP. */
  balance: number;
  /** ISO date (YYYY-MM-DD) of the next or overdue payment. */
  dueDate: string;
  /** Phone number on file (any format; its digits are compared). A second identifier for verification. */
  phone?: string;
  /** The holder's cédula (11 digits) or RNC (9 digits), any format. A second identifier for verification. */
  taxId?: string;
}

/**
 * How a customer proves an account is theirs before Hilo shows its standing and balance:
 * `second_identifier` — the last 4 digits of the phone on file or the holder's cédula/RNC
 * (the default); `none` — the account number alone (only for tenants whose account data is not
 * private).
 */
export type AccountVerificationPolicy = 'second_identifier' | 'none';

/** A point on the map (degrees, WGS 84). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A delivery zone: fee (DOP, 0 = free) and time; `aliases` and `at` help match a place the customer names. */
export interface DeliveryZone {
  zone: string;
  fee: number;
  eta: Record<Lang, string>;
  /** Other names of the zone or of places inside it ("la romana", "dominicus"). */
  aliases?: string[];
  /** Where the zone is: the nearest zones to a place not served are chosen by distance. */
  at?: GeoPoint;
}

/**
 * A known place with its position: a town outside the delivery zones ("Higüey"), or, with `zone`,
 * a place inside one (a barrio, a resort: "Casa de Campo" lies in the "Caleta" zone), served at
 * that zone's fee and time and named as the customer asked.
 */
export interface Place {
  name: string;
  aliases?: string[];
  at: GeoPoint;
  /** The `deliveryZones[].zone` this place lies in; absent: a place we do not deliver to. */
  zone?: string;
}

export interface Branch {
  name: string;
  address: string;
  phone: string;
  /** Human readable, per language. */
  hours: Record<Lang, string>;
  /**
   * The same hours as a timetable (tenant time zone), so "¿están abiertos hoy?" is answered for
   * that day; `closedDates` are this branch's own closures. Absent: the store's `teamHours`.
   */
  openingHours?: TeamHours;
  mapsUrl?: string;
  /** Where the branch is: "¿cuál me queda más cerca de …?" names the nearest one (all branches need it). */
  at?: GeoPoint;
}

/**
 * The store's policies a clerk tells, per language (tenant-written text): returns and exchanges,
 * warranty, selling on credit. A policy absent is not answered (the question goes where it went).
 */
export interface StorePolicies {
  returns?: Record<Lang, string>;
  warranty?: Record<Lang, string>;
  credit?: Record<Lang, string>;
}

/**
 * What a clerk is asked about the store itself rather than its products: its amenities and the
 * services beside selling. The words that ask each are the engine's (`store-facts.ts`); the answer
 * is the store's. A key the store has not written is answered as not known, with a person offered.
 */
export const STORE_FACT_KEYS = [
  'parking',
  'restroom',
  'accessibility',
  'wifi',
  'atm',
  'cutting',
  'keyCopies',
  'paintMixing',
  'toolRental',
  'installation',
  'installationPrice',
  'wholesale',
  'fiscalInvoice',
  'businessQuotes',
  'pickup',
  'online',
  'catalog',
  'languages',
  'cashOnDelivery',
  'deliveryDays',
  'deliveryMinimum',
  'photos',
  'orderByChat',
  'taxIncluded',
  'storeTaxId',
  'cardSurcharge',
  'supplierOffer',
] as const;
export type StoreFactKey = (typeof STORE_FACT_KEYS)[number];

/**
 * One fact, per language (tenant-written); `offer`: what the answer offers next (the sales lead form,
 * a person); `brief`: the fact in a sentence, said beside a product answer (the paint mixing beside
 * the colours there are).
 */
export interface StoreFact {
  es: string;
  en: string;
  offer?: 'sales_lead' | 'human_agent';
  brief?: Record<Lang, string>;
}

export interface StoreInfo {
  name: string;
  city: string;
  branches: Branch[];
  deliveryZones: DeliveryZone[];
  /**
   * Known places outside the delivery zones (towns a customer may ask about), so "¿llegan a
   * Higüey?" gets "no llegamos a Higüey" with the nearest zones. Optional.
   */
  places?: Place[];
  paymentMethods: Record<Lang, string[]>;
  /** Returns, warranty and credit, as the store words them. Optional. */
  policies?: StorePolicies;
  /** Amenities and services (parking, cutting to size, fiscal invoices…), as the store words them. Optional. */
  facts?: Partial<Record<StoreFactKey, StoreFact>>;
  /** `YYYY-MM-DD` local dates on which every branch is closed (holidays); absent: `teamHours.closedDates`. */
  closedDates?: string[];
  phone: string;
  whatsapp: string;
  email: string;
  /** When the people behind handoffs answer (tenant time zone); absent: always. */
  teamHours?: TeamHours;
  /**
   * Goods of the store's trade, carried or not (a hardware store's sandpaper, plaster, welding
   * rods), in the words customers use (es and en). One the catalog lacks is "not in stock right
   * now" (with `instead`: the SKUs nearest to it, else a person who can order it), never "we
   * don't sell that kind of thing", which is for what is outside the trade. Optional.
   */
  tradeGoods?: TradeGood[];
  /**
   * The catalog's categories (its `category` strings, the store's own language) named in other
   * languages, for a customer writing in one ("Tubería PVC" → `{ "en": "PVC pipe" }`). Optional: a
   * category without a name in the customer's language is said as the catalog writes it.
   */
  categoryNames?: Record<string, Partial<Record<Lang, string>>>;
}

/** A good of the store's trade: its names, and what the store offers instead when it lacks it. */
export interface TradeGood {
  words: string[];
  /** SKUs of the nearest products the store carries. */
  instead?: string[];
  /**
   * `false`: a good customers may look for here that the store does not sell at all (doors,
   * windows, gas cylinders): "No vendemos puertas", never "not right now" nor a look-alike.
   */
  sold?: boolean;
  /** SKUs of what the store has *for* such a good (hinges and locks for a door), offered as that. */
  for?: string[];
}

export interface Offer {
  id: string;
  title: Record<Lang, string>;
  details: Record<Lang, string>;
  /** ISO date. */
  validUntil: string;
  skus?: string[];
  /** Free delivery on orders from `minTotal` (DOP) to these zones (absent: every zone), while the offer lasts. */
  freeDelivery?: { minTotal: number; zones?: string[] };
  /**
   * The price the offer gives on its products, so answers can work it out (absent: the offer is
   * only said, e.g. a gift): `unitPrice` from `minQuantity` (default 1), `percentOff` (from
   * `minQuantity`), or `buy` N and `pay` M per group of N.
   */
  deal?: OfferDeal;
}

export interface OfferDeal {
  minQuantity?: number;
  unitPrice?: number;
  percentOff?: number;
  buy?: number;
  pay?: number;
}

export interface Vacancy {
  id: string;
  title: Record<Lang, string>;
  branch: string;
  requirements: Record<Lang, string>;
  howToApply: Record<Lang, string>;
  /** What the opening pays, when the store publishes it ("RD$28,000 mensuales más comisiones"); absent: said at the interview. */
  salary?: Record<Lang, string>;
}

/** Example utterances per intent and language; the rule brain trains on them at start-up. */
export type TrainingUtterances = Record<IntentLabel, Record<Lang, string[]>>;

/** Reply templates per language: key → text with `{placeholders}`. */
export type ReplyTemplates = Record<Lang, Record<string, string>>;

export interface TenantSettings {
  id: string;
  displayName: string;
  defaultLang: Lang;
  /** IANA time zone used for hours and dates shown to customers. */
  timeZone: string;
  currency: string;
  /** Default `second_identifier`. */
  accountVerification?: AccountVerificationPolicy;
  /**
   * The agent console's service rules: `slaSeconds` 1..86400, default 300; `lang`, the language the
   * tenant's agents read (ticket summaries), default `defaultLang`; `quotes`, whether the tenant
   * files quote tickets (the console's quotes tab), default: it has a catalog.
   */
  console?: { slaSeconds?: number; lang?: Lang; quotes?: boolean };
  /** The business's own system, read live by the tools through the connector port (docs/connectors.md); absent: the JSON files. */
  backend?: TenantBackend;
  /** This tenant's own agent chat, alerts and CRM; each one set replaces the environment's default for this tenant. */
  integrations?: TenantIntegrations;
  /** This tenant's provider numbers, with secrets by environment variable name; each one set replaces the `HILO_*_<T>` variables for that provider. */
  channels?: TenantChannels;
}

/** Per-tenant WhatsApp Cloud, Twilio and Telegram (docs/channels.md); secrets are named by environment variable. */
export interface TenantChannels {
  whatsapp?: { appSecretEnv: string; verifyTokenEnv: string; accessTokenEnv: string; phoneNumberId: string; messagesPerSecond?: number; template?: { name: string; language: string } };
  twilio?: { accountSid: string; authTokenEnv: string; from: string; contentSid?: string };
  telegram?: { botTokenEnv: string; secretTokenEnv: string };
}

/**
 * Per-tenant Rocket.Chat, Slack and CRM. Webhook URLs of Rocket.Chat and Slack carry their secret
 * and, like every token, are named by environment variable, never written in tenant files.
 */
export interface TenantIntegrations {
  rocketChat?: { webhookUrlEnv: string; outgoingTokenEnv?: string };
  slack?: { webhookUrlEnv: string };
  crm?: { url: string; secretEnv: string };
}

/**
 * A tenant's business backend. Credentials are never written in tenant files: `auth` names the
 * environment variable that holds the token or the HMAC secret.
 */
export interface TenantBackend {
  baseUrl: string;
  auth?: { type: 'bearer'; tokenEnv: string } | { type: 'hmac'; secretEnv: string; keyId?: string };
  /** One attempt's limit, ms (default 2500). */
  timeoutMs?: number;
  /** Consecutive failures that open the circuit (default 5), and how long it stays open, ms (default 30000). */
  breaker?: { failureThreshold?: number; openMs?: number };
}

/**
 * The tenant's own LLM prompt settings (`tenants/<id>/prompts.json`, optional). Every template is
 * optional and falls back to Hilo's default; placeholders (`{{tenantName}}`, `{{lang}}`, `{{tone}}`,
 * ...) are filled at run time. `version` goes into every LLM log line with the default's version.
 */
export interface TenantPrompts {
  /** Bump on every change of the file. */
  version: string;
  /** Tone of voice per language ("cálido y cercano, como un dependiente dominicano"). */
  tone?: Partial<Record<Lang, string>>;
  /** Understanding: who the assistant is. */
  persona?: string;
  /** Understanding: how to classify the last message. */
  classification?: string;
  /** Understanding: what to extract. */
  extraction?: string;
  /** Understanding: how to use the tools. */
  tools?: string;
  /** Reply composition: the instruction added when the turn asks the customer for missing or unclear information. */
  clarification?: string;
  /** Reply composition: the system prompt that rewrites the template replies. */
  response?: string;
}

/** A suggestion chip of the web widget: `label` is shown, `text` is sent when it is tapped. */
export interface WidgetSuggestion {
  label: string;
  text: string;
}

/**
 * What the web widget shows before the customer writes (`tenants/<id>/widget.json`, optional):
 * per language, a greeting (not a transcript message) and three or four suggestion chips.
 */
export type TenantWidget = Record<Lang, { greeting: string; suggestions: WidgetSuggestion[] }>;

/** Everything a tenant ships: loaded from `tenants/<id>/`. */
export interface TenantData {
  settings: TenantSettings;
  catalog: Product[];
  accounts: CustomerAccount[];
  store: StoreInfo;
  offers: Offer[];
  vacancies: Vacancy[];
  utterances: TrainingUtterances;
  /**
   * The tenant's intent set (`intents.json`), in the order its classifier ranks ties; absent:
   * the built-in labels (`BUILT_IN_INTENT_SET`).
   */
  intents?: TenantIntent[];
  templates: ReplyTemplates;
  /** LLM prompt settings (`prompts.json`); absent: Hilo's defaults. */
  prompts?: TenantPrompts;
  /** The widget's greeting and suggestion chips (`widget.json`); absent: the widget's own greeting, no chips. */
  widget?: TenantWidget;
  /** The tenant's workflows (`workflows.json`, checked by `checkWorkflowSet`); absent: none. */
  workflows?: WorkflowSet;
}
