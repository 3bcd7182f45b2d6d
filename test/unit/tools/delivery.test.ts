import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import { answerInfo, findDeliveryPlace } from '../../../src/actors/tools/info.tool.js';
import { withoutClosingQuestion } from '../../../src/actors/tools/joined-answers.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

const ask = (text: string, lang: Lang = 'es') => {
  const out = answerInfo(tenant, { tenantId: 'ferreteria', lang, topic: 'store_hours_location', text, idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));
  return { templates: out.replies.map((r) => ('template' in r ? r.template : '')), text: out.replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n') };
};

describe('delivery answers', () => {
  it.each([
    ['hacen delivery a Caleta?', 'Caleta'],
    ['llevan a bayahibe?', 'Bayahíbe y Dominicus'],
    ['el delivery llega a bayaibe?', 'Bayahíbe y Dominicus'],
    ['hacen envios a san pedro', 'San Pedro de Macorís'],
    ['envían a SAN PEDRO DE MACORIS?', 'San Pedro de Macorís'],
    ['y a dominicus?', 'Bayahíbe y Dominicus'],
    ['Ferretería La Romana, ¿llevan a Guaymate?', 'Guaymate'],
  ])('should match "%s" to the zone %s (accents, typos, aliases)', (text, zone) => {
    const found = findDeliveryPlace(tenant, text);
    expect(found.kind).toBe('zone');
    expect(found.kind === 'zone' && found.zone.zone).toBe(zone);
  });

  it('should give a served place its fee and time', () => {
    const { templates, text } = ask('tienen delivery a Villa Hermosa?');
    expect(templates).toEqual(['info.delivery.zone']);
    expect(text).toContain('*Villa Hermosa*');
    expect(text).toContain('RD$300.00');
    expect(text).toContain('el mismo día');
    expect(ask('do you deliver to la romana?', 'en').text).toMatch(/we deliver to \*La Romana centro\*[\s\S]*free[\s\S]*same day/);
  });

  it('should say clearly that Higüey is not served, with the nearest zones and the pickup option', () => {
    const { templates, text } = ask('tienen delivery a Higüey?');
    expect(templates).toEqual(['info.delivery.notServed']);
    expect(text).toContain('no llegamos a Higüey');
    expect(text).toContain('recoger tu pedido');
    // The two zones nearest to Higüey, not the whole list.
    expect(text).toContain('*Guaymate*');
    expect(text).not.toContain('*San Pedro de Macorís*');
    expect(text).not.toContain('*Villa Hermosa*');
    expect(ask('higuey llegan?').templates).toEqual(['info.delivery.notServed']);
  });

  it('should answer a place not served in English', () => {
    const { text } = ask('do you deliver to Punta Cana?', 'en');
    expect(text).toContain("we don't deliver to Punta Cana");
    expect(text).toContain('pick up your order');
    expect(text).toContain('*Bayahíbe y Dominicus*');
  });

  it('should say when it does not know the place, list the zones and offer pickup', () => {
    const { templates, text } = ask('hacen delivery a Sabana Grande de Boyá?');
    expect(templates).toEqual(['info.delivery.unknown']);
    expect(text).toContain('No tengo *Sabana Grande de Boyá*');
    expect(text).toContain('*Cumayasa*');
    expect(text).toContain('recoger tu pedido');
  });

  it('should list the zones when no place is named', () => {
    for (const q of ['hacen delivery?', 'hacen delivery a domicilio?', 'a qué zonas llevan?']) {
      const { templates, text } = ask(q);
      expect(templates, q).toEqual(['info.delivery']);
      expect(text).toContain('*La Romana centro*: gratis');
      expect(text).toContain('*San Pedro de Macorís*: RD$1,500.00');
    }
  });

  it('should say in the list which zones a current offer delivers free to, and from what total ("¿el delivery es gratis?")', () => {
    const { text } = ask('el delivery es gratis?');
    expect(text).toContain('*Villa Hermosa*: RD$300.00 (gratis en compras desde RD$15,000.00)');
    expect(text).toContain('*Caleta*: RD$400.00 (gratis en compras desde RD$15,000.00)');
    expect(text).not.toContain('*Guaymate*: RD$650.00 (gratis');
    expect(ask('is delivery free?', 'en').text).toContain('*Villa Hermosa*: RD$300.00 (free on orders from RD$15,000.00)');
  });

  it('should not read a place name as another topic ("Santo Domingo" is not about Sundays)', () => {
    expect(ask('do you have delivery to Santo Domingo?', 'en').templates).toEqual(['info.delivery.notServed']);
    expect(ask('llevan a Hato Mayor?').text).toContain('no llegamos a Hato Mayor');
  });

  it('should not take a weekday or a pronoun for a place', () => {
    expect(findDeliveryPlace(tenant, 'hacen delivery el Domingo?').kind).toBe('none');
    expect(findDeliveryPlace(tenant, 'me lo llevan a Ustedes?').kind).toBe('none');
  });
});

describe('several topics in one message', () => {
  it('should keep only the last answer\'s closing question and offer', () => {
    const out = answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text: '¿dónde están y a qué hora abren?', idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));
    const [hours, branches] = out.replies.map((r) => renderReply(r, tenant.templates, 'es'));
    expect(hours).toContain('Nuestros horarios');
    expect(hours).not.toContain('¿Te comparto la dirección');
    expect(branches).toContain('¿Te ayudo con algo más?');
    // The hours' offer (the address) is not pending: the addresses were given.
    expect(out.offer).toBeUndefined();
  });

  it.each([
    ['Nuestros horarios:\n• x\n\n¿Te comparto la dirección?', 'Nuestros horarios:\n• x'],
    ['Si la tuya no está, puedes recogerlo. ¿A cuál de estas zonas te lo enviaríamos?', 'Si la tuya no está, puedes recogerlo.'],
    ['someone can look into it with you: shall I put you through?', 'someone can look into it with you.'],
    ['Hacemos delivery.', 'Hacemos delivery.'],
  ])('should drop the closing question of %j', (text, kept) => {
    expect(withoutClosingQuestion(text)).toBe(kept);
  });
});

describe('delivery times, and the branches with nothing on the counter', () => {
  const info = (text: string, extra: { counter?: boolean; delivery?: { place: string; fee: number } } = {}, lang: Lang = 'es') => {
    const out = answerInfo(tenant, { tenantId: 'ferreteria', lang, topic: 'store_hours_location', text, idempotencyKey: 'k', ...extra }, Date.UTC(2026, 11, 22, 15));
    return { templates: out.replies.map((r) => ('template' in r ? r.template : '')), text: out.replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n'), delivery: out.delivery };
  };

  it("should answer how long delivery takes with each zone's time when no zone is known", () => {
    const { templates, text } = info('¿cuánto tarda el pedido?');
    expect(templates).toEqual(['info.delivery.eta.zones']);
    expect(text).toContain('*Guaymate*: 1 día laborable');
    expect(info('cuanto se tarda en llegar el pedido').templates).toEqual(['info.delivery.eta.zones']);
  });

  it('should answer the zone asked a few turns ago ("¿y cuándo llega?" after Villa Hermosa), and keep it as the delivery', () => {
    const { templates, text, delivery } = info('y cuándo llega?', { delivery: { place: 'Villa Hermosa', fee: 300 } });
    expect(templates).toEqual(['info.delivery.eta']);
    expect(text).toContain('A *Villa Hermosa* te llega *el mismo día*');
    expect(delivery?.place).toBe('Villa Hermosa');
    // A zone named in the message wins over the one asked before.
    expect(info('¿y a Caleta cuánto tarda?', { delivery: { place: 'Villa Hermosa', fee: 300 } }).text).toContain('*Caleta*');
    // A place not served is still a no.
    expect(info('cuánto tarda a Higüey?').templates).toEqual(['info.delivery.notServed']);
  });

  it("should offer the order's total with a served zone's delivery only with products on the counter", () => {
    const bare = answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text: '¿me lo llevan a Caleta?', idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));
    expect(bare.offer).toBeUndefined();
    expect(renderReply(bare.replies[0]!, tenant.templates, 'es')).toContain('¿Te ayudo a armar tu pedido?');
    const counter = answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text: '¿me lo llevan a Caleta?', counter: true, idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));
    expect(counter.offer?.intent).toBe('price_quote');
    expect(renderReply(counter.replies[0]!, tenant.templates, 'es')).toContain('¿Te saco el total con el envío?');
    // A place not served offers no total.
    expect(answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text: '¿llevan a Higüey?', counter: true, idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15)).offer?.intent).not.toBe('price_quote');
  });

  it('should offer delivery or pick-up after the branches only with products on the counter', () => {
    expect(info('¿dónde están ubicados?').text).toMatch(/¿Te ayudo con algo más\?$/);
    expect(info('¿dónde están ubicados?', { counter: true }).text).toContain('¿Quieres que te lo enviemos a domicilio o pasas por aquí?');
    expect(info('where is the main branch?', {}, 'en').text).not.toContain('delivered');
    expect(info('where is the main branch?', { counter: true }, 'en').text).toContain('Would you like it delivered, or will you come by?');
  });
});

describe('store questions asked again, and after the store changes', () => {
  it('should answer a repeated question the same, and read a changed store (new zone) from the next question on', () => {
    const first = ask('llevan a Higüey? y a que hora abren?');
    expect(ask('llevan a Higüey? y a que hora abren?')).toEqual(first);
    expect(findDeliveryPlace(tenant, 'llevan a Villa Domingo?').kind).toBe('unknown');
    // An admin change brings a new store object; its zones are what the next question is matched against.
    const changed: TenantData = {
      ...tenant,
      store: { ...tenant.store, deliveryZones: [...tenant.store.deliveryZones, { ...tenant.store.deliveryZones[0]!, zone: 'Villa Domingo', aliases: [] }] },
    };
    const found = findDeliveryPlace(changed, 'llevan a Villa Domingo?');
    expect(found.kind === 'zone' && found.zone.zone).toBe('Villa Domingo');
    // Its name is a place, not a question about Sundays, for the changed store only.
    const topics = (t: TenantData) => answerInfo(t, { tenantId: 'ferreteria', lang: 'es', topic: 'store_hours_location', text: 'llevan a Villa Domingo?', idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15)).replies.map((r) => ('template' in r ? r.template : ''));
    expect(topics(changed)).toEqual(['info.delivery.zone']);
    // The day's hours (said without their closing question), then the place not known.
    expect(topics(tenant)).toEqual(['', 'info.delivery.unknown']);
  });
});
