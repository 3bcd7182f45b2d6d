import type { IntentName } from './intents.js';
import type { Lang } from './nlu.js';

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
}

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
}

export interface Branch {
  name: string;
  address: string;
  phone: string;
  /** Human readable, per language. */
  hours: Record<Lang, string>;
  mapsUrl?: string;
}

export interface StoreInfo {
  name: string;
  city: string;
  branches: Branch[];
  deliveryZones: { zone: string; fee: number; eta: Record<Lang, string> }[];
  paymentMethods: Record<Lang, string[]>;
  phone: string;
  whatsapp: string;
  email: string;
}

export interface Offer {
  id: string;
  title: Record<Lang, string>;
  details: Record<Lang, string>;
  /** ISO date. */
  validUntil: string;
  skus?: string[];
}

export interface Vacancy {
  id: string;
  title: Record<Lang, string>;
  branch: string;
  requirements: Record<Lang, string>;
  howToApply: Record<Lang, string>;
}

/** Example utterances per intent and language; the rule brain trains on them at start-up. */
export type TrainingUtterances = Record<IntentName, Record<Lang, string[]>>;

/** Reply templates per language: key → text with `{placeholders}`. */
export type ReplyTemplates = Record<Lang, Record<string, string>>;

export interface TenantSettings {
  id: string;
  displayName: string;
  defaultLang: Lang;
  /** IANA time zone used for hours and dates shown to customers. */
  timeZone: string;
  currency: string;
}

/** Everything a tenant ships: loaded from `tenants/<id>/`. */
export interface TenantData {
  settings: TenantSettings;
  catalog: Product[];
  accounts: CustomerAccount[];
  store: StoreInfo;
  offers: Offer[];
  vacancies: Vacancy[];
  utterances: TrainingUtterances;
  templates: ReplyTemplates;
}
