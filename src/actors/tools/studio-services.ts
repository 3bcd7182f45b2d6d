import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import { SERVICE_NAMED_NOW, type InfoActorOutput, type ReplyOption } from '../../machines/conversation.contract.js';
import { fold, matchOption, type MatchItem } from '../../machines/workflow/slot-extractors.js';
import { servicesNamed } from '../../machines/workflow/two-services.js';
import { formatMoney } from './format.js';
import type { StudioPackage, StudioService } from './studio-reads.js';
import { categoryAsked, namedApart, servicesOf } from './studio-category.js';
import { asksKidsHaircut, asksMensHaircut, asksPriceEnd, asksSameDay, namesAPlan, withoutSameDay } from '../brain/rule/studio-asks.js';
import { packageDay } from './studio-package-day.js';
import { namedAsOne } from './studio-compound.js';
import { goodsAsked, goodsOfServices } from './studio-goods.js';
import { currencyReply } from './studio-currency.js';
import { offerOf } from './store-policies.js';
import { withLastingUnknown } from './studio-lasting.js';
import { comparesServices } from '../brain/rule/studio-requests.js';

/**
 * The studio's services as its receptionist tells them (`answer.source: "services"` in
 * `intents.json`): the price and duration of a service the message names (matched like the
 * booking workflow's service slot: folded, by name or alias), the service list by category with
 * the packages mentioned, the package list when the message asks for packages, or "we don't do
 * that" for a thing the studio does not offer. Every name comes from the backend's `/services` and
 * `/packages`; every text is a tenant template. Pure: the reads are passed in.
 */

/** Most services priced in one reply ("¿cuánto cuestan el manicure y el pedicure?"). */
const MAX_PRICED = 4;
/** Shortest word that can name a thing the studio does not offer ("uñas" folds to 4 letters). */
const MIN_UNKNOWN_WORD = 4;

export interface ServicesQuestion {
  text: string;
  lang: Lang;
  /** Words that ask for the packages (`answer.packageWords`): a message with one gets the package list. */
  packageWords: readonly string[];
  /** The services the conversation is about (priced just before, chosen or narrowed to in the booking): "¿y cuánto dura?" asks about them. */
  focus?: readonly string[] | undefined;
  /** The services in focus were priced together for one visit: asked about again ("¿y cuánto dura?"), they are summed again and stay in focus. */
  visit?: boolean | undefined;
  /** The package told of just before: "¿y cuánto cuesta?" with nothing else named is about it. */
  package?: string | undefined;
}

/** A follow-up about the service in focus: its price, its duration, what it includes — not the list. */
const ABOUT_IT = /\b(?:total|cuanto|cuanta|precio|cuesta|vale|sale|cobran|dura|tarda|demora|tiempo|horas|minutos|incluye|trae|consiste|how much|cost|price|how long|take|takes|last|include|includes)\b/;
/** The services asked for one visit, summed ("juntos", "en total", "together", "for both"). */
const TOGETHER = /\b(?:juntos|juntas|los dos|las dos|ambos|ambas|en total|el total|todo junto|together|both|in total|altogether|combined|the total)\b/;
const THE_LIST = /\b(?:servicios|services|lista|list|menu|todos|all|hacen|ofrecen|offer)\b/;

const itemOf = (s: StudioService): MatchItem & { aliases: string[] } => ({
  value: s.id,
  label: s.name.es,
  aliases: [s.name.en, ...(s.aliases ?? [])],
});

/** The services the message names: one when the workflow's matcher picks one, else every one it names on its own. */
export function namedServices(text: string, services: readonly StudioService[]): StudioService[] {
  const items = services.map(itemOf);
  const words = fold(text).split(' ');
  // A bare ordinal ("2", "la segunda") picks a listed option in a workflow, not a service here.
  if (words.length < 2 && !items.some((i) => fold(i.label) === fold(text) || i.aliases.some((a) => fold(a) === fold(text)))) return [];
  // "un tinte y un manicure": each part names its own, never only the one with the longer name.
  const several = servicesNamed(text, items);
  if (several.length > 1) return several.slice(0, MAX_PRICED).map((item) => services[items.indexOf(item as (typeof items)[number])]!);
  const one = matchOption(text, items);
  if (one !== null) return [services[one]!];
  return services.filter((_, at) => matchOption(text, [items[at]!]) === 0).slice(0, MAX_PRICED);
}

/** One edit apart (a typo: "servisios" for "servicios"). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * The vocabulary of the tenant's questions: every word of its training utterances. A word of the
 * message outside it, and outside the services' names, is the thing asked for.
 */
export function questionVocabulary(data: Pick<TenantData, 'utterances'>, services: readonly StudioService[]): Set<string> {
  const words = new Set(utteranceWords(data.utterances));
  for (const s of services) [s.name.es, s.name.en, s.category ?? '', ...itemOf(s).aliases].forEach((text) => fold(text).split(' ').forEach((w) => words.add(w)));
  return words;
}

/** The words of a tenant's training utterances, folded once per utterances object (a tenant version brings a new one). */
const UTTERANCE_WORDS = new WeakMap<object, ReadonlySet<string>>();
function utteranceWords(utterances: TenantData['utterances']): ReadonlySet<string> {
  let words = UTTERANCE_WORDS.get(utterances);
  if (!words) {
    const found = new Set<string>();
    for (const byLang of Object.values(utterances)) for (const list of Object.values(byLang)) for (const text of list) fold(text).split(' ').forEach((w) => found.add(w));
    UTTERANCE_WORDS.set(utterances, (words = found));
  }
  return words;
}

const nearAny = (vocabulary: ReadonlySet<string>, word: string): boolean => {
  for (const v of vocabulary) if (nearlyEqual(v, word)) return true;
  return false;
};

/**
 * Words that place or soften a question and never name a thing ("can I get a tattoo *here*?"): a
 * tenant whose utterances lack them must not read them as part of what is asked for.
 */
const NEVER_A_THING = new Set(['here', 'there', 'aqui', 'alla', 'alli', 'ustedes', 'please', 'porfa', 'favor', 'also', 'tambien', 'today', 'tomorrow', 'manana', 'guys', 'anyone', 'alguien', 'maybe', 'quizas']);

/** Short words that join the words of one thing ("tatuajes *de* henna", "lash *and* brow tint"). */
const JOINS = new Set(['de', 'del', 'con', 'y', 'e', 'en', 'para', 'a', 'al', 'la', 'el', 'los', 'las', 'of', 'with', 'and', 'the', 'for', 'on']);
/** Most words a thing named takes ("tatuajes de henna"): more is a sentence, not a thing. */
const MAX_THING_WORDS = 4;

/**
 * The words of the message naming something neither the questions nor the services know
 * ("tatuajes"), or null. Only one thing, in one run of words joined by short words: unknown words
 * scattered over a sentence ("y si somos 4 personas, mi mamá y 2 damas?") name no thing — saying
 * "No hacemos *somos 4 personas…*" would echo the customer's sentence back as a service.
 */
export function unknownThing(text: string, vocabulary: ReadonlySet<string>): string | null {
  const words = fold(text).split(' ');
  const unknown = words.map((w) => /^\p{L}+$/u.test(w) && w.length >= MIN_UNKNOWN_WORD && !NEVER_A_THING.has(w) && !vocabulary.has(w) && !(w.length >= 5 && nearAny(vocabulary, w)));
  const first = unknown.indexOf(true);
  if (first < 0) return null;
  const span = words.slice(first, unknown.lastIndexOf(true) + 1);
  const inRun = span.every((w, i) => unknown[first + i] || JOINS.has(w));
  if (!inRun || span.length > MAX_THING_WORDS) return null;
  // Said back as written ("extensiones de pestañas"), not folded ("pestanas"), when the words line up.
  const written = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const lineUp = written.length === words.length && written.every((w, i) => fold(w) === words[i]);
  return (lineUp ? written.slice(first, first + span.length) : span).join(' ');
}

/** `InfoActorOutput.package` after the whole package list: none in focus, but "¿y cuánto cuesta?" asks which. */
export const PACKAGE_LIST = '*list';

/** Words of a package's name that name no package by themselves ("and" of "Hands and feet" is in any English sentence). */
const PACKAGE_WORDS = new Set(['paquete', 'paquetes', 'package', 'packages', 'visitas', 'visits', 'sesiones', 'sessions', 'and', 'the', 'for', 'with', 'con', 'del', 'las', 'los', 'por', 'una']);

/**
 * The one package a message names by a word only its name has ("el paquete de *novia*", "the *bride*
 * package", "el de *spa*"), or null (none, or several).
 */
export function packageNamed(folded: string, packages: readonly StudioPackage[]): StudioPackage | null {
  const wordsOf = (p: StudioPackage) => new Set(`${fold(p.name.es)} ${fold(p.name.en)}`.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !PACKAGE_WORDS.has(w) && !/^\d+$/.test(w)));
  const all = packages.map(wordsOf);
  const words = folded.split(' ').filter((w) => w.length >= MIN_STEM);
  // "bridal" names the bride package, "novias" the "novia" one: a word of the message sharing all but the name word's last letter.
  const says = (w: string) => folded.includes(` ${w} `) || (w.length >= MIN_STEM + 1 && words.some((m) => m.startsWith(w.slice(0, -1)) && m.length <= w.length + 2));
  const said = packages.filter((_p, i) => [...all[i]!].some((w) => all.every((other, j) => j === i || ![...other].some((o) => o.startsWith(w.slice(0, -1)))) && says(w)));
  if (said.length === 1) return said[0]!;
  // "paquete para boda", "wedding package": a word the business gave the package (its `aliases`), said whole.
  const byAlias = said.length === 0 ? packages.filter((p) => (p.aliases ?? []).some((a) => fold(a) !== '' && folded.includes(` ${fold(a)} `))) : [];
  return byAlias.length === 1 ? byAlias[0]! : null;
}

/** Shortest stem a package's name word is recognised by ("brid" of "bride"). */
const MIN_STEM = 4;

/** "paquete de/para X", "X package": the kind of package asked for (as written), if the message names one. */
const KIND_ES = /\bpaquetes?\s+(?:de|para|pa|pa'|por)\s+(?:(?:la|el|las|los|una?|mi|mis|su)\s+)?(\p{L}+)/iu;
const KIND_EN = /\b(\p{L}+)\s+(?:packages?|bundles?)\b/iu;
/** Words before "package" or after "paquete de" that ask about packages in general, never their kind. */
const ANY_KIND = new Set(['any', 'some', 'your', 'what', 'which', 'good', 'best', 'cheap', 'cheapest', 'special', 'other', 'more', 'the', 'new', 'this', 'that', 'these', 'those', 'every', 'each', 'many', 'full', 'whole', 'precio', 'precios', 'price', 'prices', 'oferta', 'ofertas', 'descuento', 'promocion', 'regalo', 'gift', 'cuantas', 'cuantos']);

/**
 * The kind of package asked for that no package is ("¿tienen paquete de *quinceañera*?"), as
 * written, or null: a word that names a package, one of its services, or a service of the studio
 * is no such kind (those are answered by that package or the list).
 */
export function packageKindAsked(text: string, packageWords: readonly string[], services: readonly StudioService[], packages: readonly StudioPackage[]): string | null {
  const word = KIND_ES.exec(text)?.[1] ?? KIND_EN.exec(text)?.[1];
  if (!word) return null;
  const w = fold(word);
  if (w.length < MIN_STEM || ANY_KIND.has(w) || packageWords.some((p) => fold(p) === w)) return null;
  // A package's own words ("boda" of the bride's `aliases`) name it: never "we have no boda package".
  const known = [...packages.flatMap((p) => [p.name.es, p.name.en, p.description.es, p.description.en, ...(p.aliases ?? [])]), ...services.flatMap((s) => [s.name.es, s.name.en, s.category ?? '', ...(s.aliases ?? [])])];
  const stem = w.slice(0, Math.max(MIN_STEM, w.length - 2));
  return known.some((k) => fold(k).split(' ').some((x) => x.startsWith(stem))) ? null : word;
}

/** No package of that kind: said so, the packages there are listed, and a person offered to put one together. */
function packageNotOffered(list: InfoActorOutput, thing: string, lang: Lang): InfoActorOutput {
  const reply = list.replies[0]!;
  const { offer } = offerOf('human_agent', lang);
  return { replies: [{ ...reply, template: 'studio.package.not_offered', params: { ...('params' in reply ? reply.params : {}), thing } }], package: null, offer };
}

/** The haircut the studio lists (the service called "corte" / "haircut"), priced, with a person offered to confirm men (or children) are attended. */
function haircutFor(who: 'men' | 'kids', services: readonly StudioService[], lang: Lang): InfoActorOutput {
  const cut = services.find((s) => (s.aliases ?? []).some((a) => ['corte', 'haircut'].includes(fold(a))));
  const { offer } = offerOf('human_agent', lang);
  const params = cut ? { name: cut.name[lang], price: cut.price === undefined ? '' : formatMoney(cut.price), duration: cut.durationMin ?? '' } : { name: '', price: '', duration: '' };
  return { replies: [{ template: cut && cut.price !== undefined ? `studio.service.for_${who}` : `studio.service.for_${who}.unpriced`, params }], service: cut?.id ?? null, offer };
}

/** "¿Cuál de los paquetes?" with each package a button that asks its price. */
function whichPackage(data: Pick<TenantData, 'templates'>, packages: readonly StudioPackage[], lang: Lang): InfoActorOutput {
  const options: ReplyOption[] = packages.map((p) => ({ label: p.name[lang], text: templateText(data, 'studio.package.which_text', lang, { name: p.name[lang] }) || p.name[lang] }));
  return { replies: [{ template: 'studio.package.which', options }], package: PACKAGE_LIST };
}

/** `{placeholders}` of a tenant template filled in here: an option's label and text are plain strings. */
export function templateText(data: Pick<TenantData, 'templates'>, key: string, lang: Lang, params: Record<string, string>): string {
  const text = data.templates[lang]?.[key] ?? data.templates[lang === 'es' ? 'en' : 'es']?.[key] ?? '';
  return text.replace(/\{([A-Za-z_]+)\}/g, (_m, name: string) => params[name] ?? '');
}

/** A category's name in the tenant's words (`studio.category.<id>`), else the backend's id. */
function categoryName(data: Pick<TenantData, 'templates'>, id: string, lang: Lang): string {
  return templateText(data, `studio.category.${id}`, lang, {}) || id;
}

/**
 * The receptionist's answer to a question about the studio's services, from the backend's
 * services and packages.
 *
 * @example
 * answerServices(data, { text: '¿cuánto cuesta un facial?', lang: 'es', packageWords: ['paquete'] }, services, packages);
 * // → { replies: [{ template: 'studio.service.price', params: { name: 'Facial hidratante', price: 'RD$2,800.00', duration: 60 }, options: [...] }] }
 */
export function answerServices(data: Pick<TenantData, 'templates' | 'utterances'> & Partial<Pick<TenantData, 'store'>>, question: ServicesQuestion, services: readonly StudioService[], packages: readonly StudioPackage[]): InfoActorOutput {
  const { text, lang } = question;
  const folded = ` ${fold(text)} `;
  // "¿se puede hacer todo el mismo día?": the package named without that "día", else the one in focus.
  const sameDay = asksSameDay(text) && data.templates[lang]?.['studio.package.same_day'] !== undefined;
  const sameDayPackage = sameDay ? (packageNamed(withoutSameDay(text), packages) ?? packages.find((p) => p.id === question.package)) : undefined;
  const sameDayAnswer = sameDayPackage ? packageDay(sameDayPackage, services, lang) : null;
  const packageList = (): InfoActorOutput =>
    packages.length === 0
      ? { replies: [{ template: 'studio.packages.none' }] }
      : { replies: [{ template: 'studio.packages', params: { items: packages.map((p) => ({ name: p.name[lang], price: formatMoney(p.price), description: p.description[lang] })) } }] };
  if (question.packageWords.some((w) => folded.includes(` ${fold(w)} `))) {
    // "info del paquete de novia": that package, not the list.
    const pkg = packageNamed(folded, packages);
    // "¿el paquete se puede hacer en un solo día?": that package's day, from its services.
    if (sameDayAnswer) return sameDayAnswer;
    if (pkg && data.templates[lang]?.['studio.package.one']) return onePackage(pkg, lang);
    // "¿tienen paquete de quinceañera?": there is none by that name — said so, with the ones there are and a person to put one together.
    const thing = packages.length > 0 && data.templates[lang]?.['studio.package.not_offered'] ? packageKindAsked(text, question.packageWords, services, packages) : null;
    if (thing !== null) return packageNotOffered(packageList(), thing, lang);
    // The whole list told: "¿y cuánto cuesta?" next asks which one.
    return { ...packageList(), package: packages.length > 0 ? PACKAGE_LIST : null };
  }
  if (services.length === 0) return packageList();
  // "how much is a haircut in USD?": in pesos, no rate made up, the ways of paying.
  const currency = data.store ? currencyReply({ templates: data.templates, store: data.store }, text, lang, namedServices(text, services)) : null;
  if (currency) return currency;
  // "el facial mensual", "the monthly facial": the package named by how often it comes, never the facials.
  const plan = namesAPlan(text) && data.templates[lang]?.['studio.package.one'] ? packageNamed(folded, packages) : null;
  if (plan && namesAPlan(`${plan.name.es} ${plan.name.en}`)) return sameDayPackage === plan && sameDayAnswer ? sameDayAnswer : onePackage(plan, lang);
  // "¿cortan pelo de hombre?": the haircut there is, and that a person confirms men are attended (the services do not say).
  if (asksMensHaircut(text) && data.templates[lang]?.['studio.service.for_men']) return haircutFor('men', services, lang);
  // "¿cortan pelo de niño?": the same, for a child (whether children are attended, and at that price, a person confirms).
  if (asksKidsHaircut(text) && data.templates[lang]?.['studio.service.for_kids']) return haircutFor('kids', services, lang);

  const named = namedServices(text, services);
  // "do you do nails?", "¿cuánto cuestan los faciales?": every service of that kind; "¿cuánto cuesta el
  // masaje?" (the relaxing one's word) that one, with the other massages named after it.
  const kind = named.length <= 1 ? categoryAsked(data, text, services) : null;
  // "¿cuál es el servicio más barato?", "the cheapest massage": that one, of the kind named or of all.
  if (named.length === 0 && asksPriceEnd(text)) named.push(priceEnd(kind !== null ? servicesOf(kind, services) : services, /\b(?:car[oa]s?|most expensive|priciest)\b/.test(folded) && !/\bmenos car/.test(folded)));
  if (kind !== null && named.length === 0) named.push(...servicesOf(kind, services));
  // "¿cuál es la diferencia entre el facial hidratante y la limpieza profunda?": the kind's services side by side, not the first alone.
  const compared = named.length === 1 && named[0]!.category !== undefined && comparesServices(text) ? servicesOf(named[0]!.category, services) : [];
  if (compared.length > 1) named.splice(0, 1, ...compared.slice(0, MAX_PRICED));
  const others = kind !== null && named.length === 1 && named[0]!.category === kind && !namedApart(data, text, named[0]!) ? servicesOf(kind, services).filter((s) => s !== named[0]) : [];
  const bookOption = (s: StudioService): ReplyOption => ({
    label: templateText(data, 'studio.service.book_label', lang, { name: s.name[lang] }),
    text: templateText(data, 'studio.service.book_text', lang, { name: s.name[lang] }),
  });
  // "what nail polish colors do you have?": the goods are not listed — said so, with the services of that kind and a person.
  const what = data.templates[lang]?.['studio.service.goods'] ? goodsAsked(text, lang) : null;
  const goods = what === null ? null : kind !== null ? goodsOfServices(what, categoryName(data, kind, lang), servicesOf(kind, services), lang, bookOption) : goodsOfServices(what, null, named, lang, bookOption);
  if (goods) return goods;
  // "¿y cuánto dura?" right after a price, "¿cuánto cuesta?" with the service chosen: about that one.
  const focused = named.length === 0 && question.focus && ABOUT_IT.test(folded) && !THE_LIST.test(folded) ? question.focus.flatMap((id) => services.filter((s) => s.id === id)).slice(0, MAX_PRICED) : [];
  // "¿cuánto sería todo?" while a group is booked (the same service for each person): the price per person and for all.
  const each = named.length === 0 && question.focus && question.focus.length > 1 && ABOUT_IT.test(folded) && question.focus.every((id) => id === question.focus![0]) ? services.find((s) => s.id === question.focus![0]) : undefined;
  if (each?.price !== undefined && data.templates[lang]?.['studio.service.price_group']) return { replies: [{ template: 'studio.service.price_group', params: { name: each.name[lang], price: formatMoney(each.price), count: question.focus!.length, total: formatMoney(each.price * question.focus!.length) } }], service: each.id };
  if (focused.length > 1) named.push(...focused);
  if (named.length === 1 || focused.length === 1) {
    const s = focused[0] ?? named[0]!;
    const params = { name: s.name[lang], price: s.price === undefined ? '' : formatMoney(s.price), duration: s.durationMin ?? '' };
    const also = focused.length === 0 && s.price !== undefined && others.length > 0 && templateText(data, 'studio.service.price_others', lang, {}) ? othersSaid(others, lang) : null;
    if (also) return { replies: [{ template: 'studio.service.price_others', params: { ...params, others: also }, options: [s, ...others].map(bookOption) }], service: s.id };
    // "¿y cuánto tiempo me dura en el pelo?": the visit's length said, how long the result holds not written.
    return withLastingUnknown(data, { replies: [{ template: s.price === undefined ? 'studio.service.named' : 'studio.service.price', params, options: [bookOption(s)] }], service: s.id }, s.name[lang], text, lang);
  }
  if (named.length > 1) {
    const items = named.map((s) => ({ name: s.name[lang], price: s.price === undefined ? '—' : formatMoney(s.price), duration: s.durationMin ?? '' }));
    // "¿cuánto sale el manicure y el pedicure juntos?": what the visit comes to, when every one has a price.
    const visit = focused.length > 1 && question.visit === true;
    // "¿puedo hacerme el tinte y el manicure el mismo día?": the visit's total time answers it.
    if ((visit || TOGETHER.test(folded) || sameDay || namedAsOne(text, named)) && named.every((s) => s.price !== undefined && s.durationMin !== undefined)) {
      const total = { total: formatMoney(named.reduce((sum, s) => sum + s.price!, 0)), duration: named.reduce((sum, s) => sum + s.durationMin!, 0) };
      const reply = { template: 'studio.service.prices_total', params: { items, ...total }, options: named.map(bookOption) };
      // Asked about again ("¿y cuánto dura?"), the visit stays in focus: a booking asked next is still for them all.
      return focused.length > 1 && !visit ? { replies: [reply], service: null } : { replies: [reply], service: null, together: named.map((s) => s.id) };
    }
    return { replies: [{ template: 'studio.service.prices', params: { items }, options: named.map(bookOption) }], service: null, bookingOffer: named.map((s) => s.id) };
  }

  // "¿y cuánto cuesta?" right after the whole package list: which one, the packages as buttons.
  if (kind === null && question.package === PACKAGE_LIST && ABOUT_IT.test(folded) && !THE_LIST.test(folded) && packageNamed(folded, packages) === null && data.templates[lang]?.['studio.package.which']) return whichPackage(data, packages, lang);
  // "¿cuánto cuesta el día de spa?" (a package by its own name), "¿y cuánto cuesta?" after one: that package, not the list.
  const pkg = kind === null && data.templates[lang]?.['studio.package.one'] ? (packageNamed(folded, packages) ?? (ABOUT_IT.test(folded) && !THE_LIST.test(folded) ? packages.find((p) => p.id === question.package) : undefined)) : undefined;
  // "¿y cuánto dura?" about the package: its services' time, summed from the services' durations.
  const length = pkg && HOW_LONG.test(folded) && data.templates[lang]?.['studio.package.duration'] ? packageLength(pkg, services, lang) : null;
  if (pkg && length) return { ...onePackage(pkg, lang), replies: [{ template: 'studio.package.duration', params: { name: pkg.name[lang], ...length } }] };
  if (named.length === 0 && kind === null && sameDayAnswer) return sameDayAnswer;
  if (pkg) return onePackage(pkg, lang);
  const categories = [...new Set(services.map((s) => s.category ?? ''))];
  const thing = unknownThing(text, questionVocabulary(data, services));
  if (thing !== null) {
    const items = categories.filter((c) => c !== '').map((c) => ({ category: categoryName(data, c, lang) }));
    return { replies: [{ template: 'studio.service.not_offered', params: { thing, categories: items.map((i) => i.category).join(', ') } }], service: null };
  }
  const items = categories.map((c) => ({
    category: c === '' ? templateText(data, 'studio.category.other', lang, {}) : categoryName(data, c, lang),
    services: services
      .filter((s) => (s.category ?? '') === c)
      .map((s) => (s.price === undefined ? s.name[lang] : `${s.name[lang]} (${formatMoney(s.price)})`))
      .join(', '),
  }));
  const packageNames = packages.map((p) => p.name[lang]).join(', ');
  // The whole list answered: no one service is in focus any more ("agéndame ese" asks which).
  return { replies: [{ template: packages.length === 0 ? 'studio.services.no_packages' : 'studio.services', params: { items, packages: packageNames } }], service: null, bookingOffer: [] };
}

const HOW_LONG = /\b(?:dura|duran|tarda|tardan|demora|demoran|cuanto tiempo|how long|take|takes|last|lasts)\b/;

/** A package's services as said ("Maquillaje social ×2 (60 min)"), their sessions and their minutes summed; null when a duration is unknown. */
function packageLength(pkg: StudioPackage, services: readonly StudioService[], lang: Lang): { items: string; sessions: number; duration: number } | null {
  const parts = (pkg.items ?? []).map((i) => ({ s: services.find((x) => x.id === i.serviceId), n: i.sessions }));
  if (parts.length === 0 || parts.some((p) => p.s?.durationMin === undefined)) return null;
  // "Masaje relajante (60 min)" already says its length.
  const items = parts.map((p) => `${p.s!.name[lang]}${p.n > 1 ? ` ×${p.n}` : ''}${/\bmin\)$/.test(p.s!.name[lang]) ? '' : ` (${p.s!.durationMin} min)`}`).join(', ');
  return { items, sessions: parts.reduce((n, p) => n + p.n, 0), duration: parts.reduce((m, p) => m + p.n * p.s!.durationMin!, 0) };
}

/** The cheapest (or dearest) priced service among these. */
function priceEnd(among: readonly StudioService[], dearest: boolean): StudioService {
  const priced = among.filter((s) => s.price !== undefined);
  const pool = priced.length > 0 ? priced : among;
  return pool.reduce((best, s) => ((dearest ? (s.price ?? 0) > (best.price ?? 0) : (s.price ?? Infinity) < (best.price ?? Infinity)) ? s : best));
}

/**
 * One package told: its price and what it includes; it stays in focus for "¿y cuánto cuesta?". A yes
 * to its "¿Quieres reservarlo?" goes to a person, who sells the package and sets its visits' dates
 * (a booking here is one service at its own price): it used to get "¿Qué más necesitas?".
 */
function onePackage(pkg: StudioPackage, lang: Lang): InfoActorOutput {
  const { offer } = offerOf('human_agent', lang);
  return { replies: [{ template: 'studio.package.one', params: { name: pkg.name[lang], price: formatMoney(pkg.price), description: pkg.description[lang] } }], package: pkg.id, offer };
}

/** "*Masaje descontracturante (60 min)* (RD$3,900.00)", joined as a list is said. */
function othersSaid(others: readonly StudioService[], lang: Lang): string {
  const said = others.map((s) => (s.price === undefined ? `*${s.name[lang]}*` : `*${s.name[lang]}* (${formatMoney(s.price)})`));
  return said.length === 1 ? said[0]! : `${said.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${said[said.length - 1]}`;
}

/**
 * A service's price said while its booking is under way ("¿cuánto el blower y a qué hora tienen
 * hoy?", "¿y cuánto cuesta?" while the time is asked): the price alone, without "¿Te agendo uno?" and
 * its button — the booking's own question follows. Any other answer is kept.
 */
export function priceInBooking(data: Pick<TenantData, 'templates'>, answered: InfoActorOutput, chosen: string | undefined, lang: Lang): InfoActorOutput {
  const [first, ...rest] = answered.replies;
  if (chosen === undefined || (answered.service !== chosen && chosen !== SERVICE_NAMED_NOW) || !first || !('template' in first) || first.template !== 'studio.service.price' || !data.templates[lang]?.['studio.service.price_booking']) return answered;
  return { ...answered, replies: [{ template: 'studio.service.price_booking', ...(first.params ? { params: first.params } : {}) }, ...rest] };
}
