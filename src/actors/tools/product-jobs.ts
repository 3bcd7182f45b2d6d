/**
 * Questions by the job to do, not by the product: "¿tienen algo para destapar el inodoro?",
 * "necesito algo para sellar una filtración en el techo", "something to cut metal". A clerk answers
 * with what does that job (the catalog's `jobs`), never with the object named ("el inodoro"), and
 * says so plainly when the store has nothing for it.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyOption } from '../../machines/conversation.contract.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import { fold, stem } from '../catalog/index.js';
import { PUT_VERBS } from '../catalog/put-verbs.js';
import type { CatalogIndex } from './catalog-search.js';
import { askedJob, type AskedJob } from '../../machines/job-questions.js';
import { toldJob } from '../../machines/job-told.js';
import { asksHowToFixIt, faultAgain, homeFaultJob } from '../../machines/home-faults.js';
import { describeProduct, firstWord, focusOf, optionsFor } from './product-parts.js';

/** Products named for one job, at most (one of each kind). */
const MAX_FOR_JOB = 5;

/** The verbs of putting a fixture in place (`PUT_VERBS`), one word for the job. */
const PUT_STEMS = new Set(PUT_VERBS.map(stem));
const PUT = 'put';

const stemmed = (text: string): string[] =>
  fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => {
      const s = stem(w);
      return PUT_STEMS.has(s) ? PUT : s;
    });

/**
 * How well a product's job phrases fit the job: its most specific phrase fully said (the number of
 * its words; "llave fregadero gotea" over "llave gotea", "cambiar llave lavamanos" over "instalar
 * lavamanos", so the hose that also goes on a whole sink does not outrank the faucet), a phrase
 * about the thing the job is about (`head`) a little more; and its phrase for the verb alone.
 */
function fit(product: Product, said: Set<string>, verb: string, head?: string): { score: number; forVerb?: string } {
  let score = 0;
  let forVerb: string | undefined;
  for (const phrase of product.jobs ?? []) {
    const words = stemmed(phrase);
    if (words.length > 0 && words.every((w) => said.has(w))) score = Math.max(score, words.length + (head !== undefined && words.length > 1 && words.includes(head) ? HEAD_BONUS : 0));
    if (words.length > 1 && words[0] === verb) forVerb ??= phrase;
  }
  return { score, ...(forVerb !== undefined ? { forVerb } : {}) };
}

/** Less than a word: the thing the job is about breaks ties, never outweighs a longer phrase. */
const HEAD_BONUS = 0.5;

/** Every word of the catalog's job phrases (stemmed), once per catalog. */
const JOB_WORDS = new WeakMap<readonly Product[], Set<string>>();
function jobWords(catalog: readonly Product[]): Set<string> {
  let words = JOB_WORDS.get(catalog);
  if (!words) {
    words = new Set(catalog.flatMap((p) => (p.jobs ?? []).flatMap(stemmed)));
    words.delete(PUT);
    JOB_WORDS.set(catalog, words);
  }
  return words;
}

/**
 * The thing a job is about, of the catalog's job words in it: the first after the verb in Spanish
 * ("cambiar la *llave* del lavamanos"), the last in English ("replace the bathroom sink *faucet*").
 * A phrase with it wins a tie, so the faucet's kit is not the whole sink's.
 */
function jobHead(catalog: readonly Product[], job: AskedJob, lang: Lang): string | undefined {
  const known = jobWords(catalog);
  const words = stemmed(job.said).slice(1).filter((w) => known.has(w));
  return lang === 'en' ? words[words.length - 1] : words[0];
}

/** One product of each kind, in stock first, the catalog's order kept. */
function oneOfEachKind(products: readonly Product[]): Product[] {
  const kinds = new Map<string, Product>();
  for (const p of products) {
    const had = kinds.get(firstWord(p.name));
    if (!had || (p.stock > 0 && had.stock <= 0)) kinds.set(firstWord(p.name), p);
  }
  return [...kinds.values()].slice(0, MAX_FOR_JOB);
}

/**
 * What the catalog has for the job asked: the products whose job phrases fit it best; when only
 * the verb fits ("pegar plástico" where the store has glue for pipes, wood and tiles) what there is
 * for that verb, each with its own job ("para pegar madera: …"), said as nothing specific; when
 * nothing does, that the store has nothing for it. `strong` is true when a phrase of two words or
 * more fit (a job kit gives way to it).
 */
export function forJob(tenant: TenantData, index: CatalogIndex, job: AskedJob, lang: Lang): { output: ProductActorOutput; strong: boolean } {
  const said = new Set(stemmed(job.full));
  const verb = stemmed(job.verb)[0] ?? '';
  const head = jobHead(tenant.catalog, job, lang);
  const scored = tenant.catalog.map((p) => ({ p, ...fit(p, said, verb, head) }));
  const top = Math.max(0, ...scored.map((s) => s.score));
  if (top > 0) {
    const best = scored.filter((s) => s.score === top).map((s) => s.p);
    // A job told ("voy a instalar una bomba de agua"): the thing it names first, then what goes with it.
    const shown = oneOfEachKind(job.told ? [...best.filter((p) => said.has(stem(fold(firstWord(p.name))))), ...best.filter((p) => !said.has(stem(fold(firstWord(p.name)))))] : best);
    const first = shown[0] as Product;
    const focus = focusOf({ product: first, score: 1, unmet: [], defaulted: false }, { query: first.name }, index);
    // ...and a fixture to put in place, asked ("¿qué necesito para cambiar el lavamanos?"): its parts go together too.
    const kit = (job.told === true || verb === PUT) && shown.length > 1 ? toldKit(tenant, shown, lang) : null;
    if (kit) {
      return {
        output: {
          outcome: 'answered',
          replies: [{ template: kit.template, params: { job: job.said, items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: [kit.option, ...optionsFor(shown)] }],
          offer: kit.offer,
          // The kit's other products stay on the counter: "uno de cada uno", "2 de cada uno" or the yes to the offer price them all.
          focus: { ...focus, options: shown.map((p) => p.sku), recent: shown.slice(1).map((p) => p.sku).reverse(), kit: true },
        },
        strong: top >= 2,
      };
    }
    return {
      output: {
        outcome: 'answered',
        replies: [...faultTip(tenant, job, lang), { template: shown.length === 1 ? 'product.for_job_one' : 'product.for_job', params: { job: job.said, items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
        // A fault's parts: "¿qué necesito para arreglarlo?" next asks for them again.
        focus: { ...focus, ...(shown.length > 1 ? { options: shown.map((p) => p.sku) } : {}), ...(job.fault ? { fault: job.full } : {}) },
      },
      strong: top >= 2,
    };
  }
  // One product per job of that verb ("pegar tubo", "pegar madera", …), in stock first.
  const byJob = new Map<string, Product>();
  for (const s of scored) {
    if (s.forVerb === undefined) continue;
    const had = byJob.get(s.forVerb);
    if (!had || (s.p.stock > 0 && had.stock <= 0)) byJob.set(s.forVerb, s.p);
  }
  const shown = [...byJob.entries()].slice(0, MAX_FOR_JOB + 1);
  if (shown.length === 0) return { output: { outcome: 'not_found', replies: [...faultTip(tenant, job, lang), { template: 'product.job_none', params: { job: job.said } }] }, strong: false };
  const products = shown.map(([, p]) => p);
  const first = products[0] as Product;
  const focus = focusOf({ product: first, score: 1, unmet: [], defaulted: false }, { query: first.name }, index);
  return {
    output: {
      outcome: 'answered',
      replies: [{ template: 'product.for_job_verb', params: { job: job.said, verb: job.verb, items: shown.map(([phrase, p]) => ({ ...describeProduct(tenant, p, lang), job: phrase })) }, options: optionsFor(products) }],
      focus: products.length > 1 ? { ...focus, options: products.map((p) => p.sku) } : focus,
    },
    strong: false,
  };
}

/**
 * A job told as a plan ("voy a cambiar la llave del lavamanos") with several products for it: a
 * clerk offers to price the lot ("¿Te cotizo todo, uno de cada uno?"), not only "¿cuál te sirve?".
 * A yes prices one of each; the customer may still pick one or say how many of each. Null when the
 * tenant has no words for it (its templates).
 */
function toldKit(tenant: TenantData, shown: readonly Product[], lang: Lang): { template: string; option: ReplyOption; offer: ChoiceOption } | null {
  const template = 'product.for_job_told';
  const label = 'product.for_job_told.all';
  const words = tenant.templates[lang];
  if (shown.length < 2 || words?.[template] === undefined || words[label] === undefined) return null;
  const asks = lang === 'en' ? 'one of each' : 'uno de cada uno';
  return { template, option: { label, text: asks, template: true }, offer: { intent: 'price_quote', label, text: asks } };
}

/**
 * What a clerk says of a fault at home before the parts ("si sale por la base, casi siempre es el
 * anillo de cera…"): the tenant's template `product.fault_tip.<fixture>.<fault>` (`_debajo` when it
 * leaks underneath, else the plain one), when it has one; nothing otherwise.
 */
function faultTip(tenant: TenantData, job: AskedJob, lang: Lang): { template: string }[] {
  if (!job.fault) return [];
  const [fixture, ...rest] = job.full.split(' ');
  const fault = rest.find((w) => FAULT_WORDS.has(w));
  if (fixture === undefined || fault === undefined) return [];
  const key = `product.fault_tip.${fixture}.${fault}`;
  const has = (k: string): boolean => tenant.templates[lang]?.[k] !== undefined;
  const under = rest.includes('debajo') && has(`${key}_debajo`) ? `${key}_debajo` : null;
  return under ? [{ template: under }] : has(key) ? [{ template: key }] : [];
}
const FAULT_WORDS = new Set(['gotea', 'tapado', 'corriendo', 'dispara', 'danado']);

/**
 * The job a product message asks for, answered (`forJob`), or null: "¿qué necesito para
 * arreglarlo?" right after a fault at home is that fault again; otherwise the job the message names
 * (`job`, the message's `askedJob`, read once by the caller), unless a product named before it is what
 * is asked for or options are on the counter.
 */
export function askedJobAnswer(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, job: AskedJob | null, lang: Lang): { output: ProductActorOutput; strong: boolean } | null {
  const fault = input.focus?.fault;
  if (fault !== undefined && asksHowToFixIt(text)) return forJob(tenant, index, faultAgain(fault, lang), lang);
  const named = input.understanding.nlu.entities.some((e) => e.type === 'product' && job !== null && e.end <= job.at);
  if (job && named && !input.focus?.options) return namedForJob(tenant, index, input.understanding.products[0]?.query, job, lang);
  // "tienen disco pa cortar cerámica?", "a saw for cutting metal" (one span): the job after the product named, read as "algo pa cortar cerámica".
  const said = job === null && !input.focus?.options ? input.understanding.nlu.entities.find((e) => e.type === 'product') : undefined;
  const cut = said ? / (?:para|pa|pal|for|to) /i.exec(text.slice(said.start, said.end)) : null;
  const end = said ? (cut ? said.start + cut.index : said.end) : 0;
  const after = said ? askedJob(`${text.slice(0, said.start)}${lang === 'en' ? 'something' : 'algo'}${text.slice(end)}`) : null;
  // (In English only a verb is a job: "a saw for cutting metal", not "a wax ring for a toilet".)
  if (said && after && (lang !== 'en' || / (?:to \w+|for \w+ing)\b/i.test(text.slice(end)))) return namedForJob(tenant, index, text.slice(said.start, end), after, lang);
  // A new fault at home told while options are on the counter ("y la puerta no cierra" after the faucets) is answered as any fault.
  if (!job || named || (input.focus?.options && job.fault !== true)) return null;
  const answer = forJob(tenant, index, job, lang);
  // "I'm fixing a leaky faucet in the bathroom, what do I need": the job's own words find nothing (English, a room said), the fault told in them does.
  const told = answer.output.outcome === 'not_found' && job.fault !== true ? homeFaultJob(text, lang) : null;
  return told ? forJob(tenant, index, told, lang) : answer;
}

/**
 * A product named for a job ("do you have a saw for cutting metal?", "¿tienen disco pa cortar
 * cerámica?"): of the products it names, those whose job phrases fit (the hacksaw, not the wood
 * saw nor the metal cutting disc); when none fits, what they are for, said as nothing specific
 * ("Para cortar cerámica no tengo nada específico. Lo que tengo para cortar es: para cortar metal: …"),
 * never the metal disc as if it cut tiles. Null when the job is a verb alone or the named kind has no
 * job phrases (the product tool answers the product as usual).
 */
function namedForJob(tenant: TenantData, index: CatalogIndex, query: string | undefined, job: AskedJob, lang: Lang): { output: ProductActorOutput; strong: boolean } | null {
  if (query === undefined || stemmed(job.full).length < 2) return null;
  const found = index.search(query, { limit: MAX_FOR_JOB });
  // "¿tienen disco de 7 pa cortar metal?": a size none of them comes in is the answer ("No lo tengo en 7"", the 4 1/2" offered), not the job's list.
  if ((found[0]?.unmet.length ?? 0) > 0) return null;
  const best = found[0]?.score ?? 0;
  const kind = found.filter((r) => r.score >= best * 0.9).map((r) => r.product);
  if (kind.length === 0 || !kind.every((p) => (p.jobs?.length ?? 0) > 0)) return null;
  const ofKind = { ...tenant, catalog: kind };
  if (productsForJob(ofKind, job, job.full).length > 0) return forJob(ofKind, index, job, lang);
  // None of them does it: said so only when nothing in the store does ("glue to stick tiles" finds the tile adhesive by its name).
  if (productsForJob(tenant, job, job.full).length > 0) return null;
  const verbOnly = forJob(ofKind, index, job, lang);
  return verbOnly.output.outcome === 'answered' ? verbOnly : null;
}

/**
 * Every product whose job phrases fit the job best (the words of the job, and of the whole message:
 * "I'm tiling a floor" keeps "tiling"), in catalog order; empty when none fits.
 */
export function productsForJob(tenant: TenantData, job: AskedJob, text: string, lang: Lang = 'es'): Product[] {
  const said = new Set([...stemmed(job.full), ...(job.told ? [] : stemmed(text))]);
  const verb = stemmed(job.verb)[0] ?? '';
  const head = jobHead(tenant.catalog, job, lang);
  const scored = tenant.catalog.map((p) => ({ p, score: fit(p, said, verb, head).score }));
  const top = Math.max(0, ...scored.map((s) => s.score));
  return top > 0 ? scored.filter((s) => s.score === top).map((s) => s.p) : [];
}

/**
 * A job told as a plan ("voy a techar la marquesina", "I'm building a small wall", `toldJob`), as a
 * job asked when the catalog has products for it (its `jobs`): the kit and its sizes, or what does
 * the job, as "¿qué necesito?" would get. Null otherwise: "quiero hacer un pedido" stays what it is.
 */
export function toldJobFor(tenant: TenantData, text: string): AskedJob | null {
  const job = toldJob(text);
  return job !== null && productsForJob(tenant, job, text).length > 0 ? job : null;
}
