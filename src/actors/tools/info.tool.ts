import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorInput, InfoActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { calendarDate, formatDate, formatMoney } from './format.js';

type StoreTopic = 'hours' | 'location' | 'delivery' | 'payment';

/** What a store question is about, by keyword (accents folded); order = order of the replies. */
const STORE_TOPICS: [StoreTopic, RegExp][] = [
  ['hours', /\b(horarios?|horas?|abren|abre|abierto|abiertos|abierta|cierran|cierra|cerrado|domingos?|sabados?|feriados?|open|opening|close|closing|hours|sundays?|saturdays?)\b/],
  ['location', /\b(donde|direccion|ubicacion|ubicados?|ubicadas?|queda|quedan|sucursal|sucursales|local|mapa|llegar|address|where|location|located|branch|branches|directions|map)\b/],
  ['delivery', /\b(delivery|envios?|enviar|envian|envias|llevan|llevar|entregas?|domicilio|despacho|despachan|deliver|deliveries|shipping|ship|zonas?)\b/],
  ['payment', /\b(pagos?|pagar|pagan|tarjetas?|efectivo|transferencias?|debito|visa|mastercard|pay|payment|payments|cards?|cash|transfer)\b/],
];

const CONJUNCTION: Record<Lang, string> = { es: 'y', en: 'and' };

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${CONJUNCTION[lang]} ${items[items.length - 1] as string}`;
}

function storeReplies(tenant: TenantData, text: string, lang: Lang): ReplyDirective[] {
  const { store } = tenant;
  const folded = fold(text);
  const topics = STORE_TOPICS.filter(([, pattern]) => pattern.test(folded)).map(([topic]) => topic);
  const methods = joinList(store.paymentMethods[lang], lang);
  if (topics.length === 0) {
    const main = store.branches[0];
    return [
      {
        template: 'info.summary',
        params: { storeName: store.name, address: main?.address ?? store.city, hours: main?.hours[lang] ?? '', phone: main?.phone ?? store.phone, methods },
      },
    ];
  }
  return topics.map((topic): ReplyDirective => {
    switch (topic) {
      case 'hours':
        return { template: 'info.hours', params: { items: store.branches.map((b) => ({ name: b.name, hours: b.hours[lang] })) } };
      case 'location':
        return {
          template: 'info.location',
          params: { city: store.city, items: store.branches.map((b) => ({ name: b.name, address: b.address, phone: b.phone })) },
        };
      case 'delivery': {
        const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
        return {
          template: 'info.delivery',
          params: { items: store.deliveryZones.map((z) => ({ zone: z.zone, fee: z.fee === 0 ? free : formatMoney(z.fee), eta: z.eta[lang] })) },
        };
      }
      case 'payment':
        return { template: 'info.payment', params: { methods } };
    }
  });
}

function offerReplies(tenant: TenantData, lang: Lang, now: number): ReplyDirective[] {
  const today = calendarDate(now, tenant.settings.timeZone);
  const current = tenant.offers.filter((o) => o.validUntil >= today).sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  if (current.length === 0) return [{ template: 'offers.none' }];
  return [
    {
      template: 'offers.list',
      params: { items: current.map((o) => ({ title: o.title[lang], details: o.details[lang], validUntil: formatDate(o.validUntil, lang) })) },
    },
  ];
}

function vacancyReplies(tenant: TenantData, lang: Lang): ReplyDirective[] {
  if (tenant.vacancies.length === 0) return [{ template: 'vacancies.none', params: { email: tenant.store.email } }];
  return [
    {
      template: 'vacancies.list',
      params: {
        items: tenant.vacancies.map((v) => ({
          title: v.title[lang],
          branch: v.branch,
          requirements: v.requirements[lang],
          howToApply: v.howToApply[lang].replace(/\.$/, ''),
        })),
      },
    },
  ];
}

/**
 * Answers store questions: hours / branches / delivery / payment (whichever the text asks about,
 * a short summary when it names none), current offers, and job openings. `now` is the tenant
 * clock's time (offers expire by the tenant's calendar date).
 */
export function answerInfo(tenant: TenantData, input: InfoActorInput, now: number): InfoActorOutput {
  switch (input.topic) {
    case 'store_hours_location':
      return { replies: storeReplies(tenant, input.text, input.lang) };
    case 'offers':
      return { replies: offerReplies(tenant, input.lang, now) };
    case 'job_vacancies':
      return { replies: vacancyReplies(tenant, input.lang) };
  }
}
