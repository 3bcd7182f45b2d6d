import { describe, expect, it } from 'vitest';
import { renderReplyLine } from '../../../src/actors/turn-replies.js';
import type { TenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { ReplyDirective } from '../../../src/machines/conversation.contract.js';

const tenantWith = (templates: Record<'es' | 'en', Record<string, string>>) => ({ data: { templates } }) as unknown as TenantRuntime;
const AT = '2026-12-05T10:00:00.000Z';

describe('renderReplyLine and its cache of frozen directives', () => {
  const tenant = tenantWith({
    es: { 'product.found': 'Tenemos {name} a {price}.', 'options.human': 'Hablar con una persona' },
    en: { 'product.found': 'We have {name} at {price}.', 'options.human': 'Talk to a person' },
  });
  const directive: ReplyDirective = Object.freeze({
    template: 'product.found',
    params: Object.freeze({ name: 'Cemento gris', price: 'RD$655.00' }),
    options: Object.freeze([Object.freeze({ label: 'options.human', text: 'quiero hablar con una persona', template: true })]),
  }) as unknown as ReplyDirective;

  it('should render a frozen directive again in each language it is asked for', () => {
    expect(renderReplyLine(directive, tenant, 'es', 'web', AT).text).toBe('Tenemos Cemento gris a RD$655.00.');
    expect(renderReplyLine(directive, tenant, 'en', 'web', AT).text).toBe('We have Cemento gris at RD$655.00.');
    expect(renderReplyLine(directive, tenant, 'es', 'web', AT).text).toBe('Tenemos Cemento gris a RD$655.00.');
  });

  it('should give each line its own id and the options in the line language, frozen when shared', () => {
    const a = renderReplyLine(directive, tenant, 'en', 'web', AT);
    const b = renderReplyLine(directive, tenant, 'en', 'whatsapp', AT);
    expect(a.messageId).not.toBe(b.messageId);
    expect(b.channel).toBe('whatsapp');
    expect(a.options).toEqual([{ label: 'Talk to a person', text: 'quiero hablar con una persona' }]);
    expect(Object.isFrozen(a.options)).toBe(true);
  });

  it('should use the new templates after the tenant data is reloaded', () => {
    renderReplyLine(directive, tenant, 'es', 'web', AT);
    const reloaded = tenantWith({ es: { 'product.found': '{name}: {price}', 'options.human': 'Persona' }, en: { 'product.found': '{name} — {price}', 'options.human': 'Person' } });
    expect(renderReplyLine(directive, reloaded, 'es', 'web', AT).text).toBe('Cemento gris: RD$655.00');
  });

  it('should never serve a directive that can still change from the cache', () => {
    const params: Record<string, string> = { name: 'Arena', price: 'RD$1,500.00' };
    const open: ReplyDirective = { template: 'product.found', params };
    expect(renderReplyLine(open, tenant, 'es', 'web', AT).text).toBe('Tenemos Arena a RD$1,500.00.');
    params.price = 'RD$1,400.00';
    expect(renderReplyLine(open, tenant, 'es', 'web', AT).text).toBe('Tenemos Arena a RD$1,400.00.');
    // Frozen outside, params still open: not cached either.
    const half = Object.freeze({ template: 'product.found', params }) as ReplyDirective;
    renderReplyLine(half, tenant, 'es', 'web', AT);
    params.price = 'RD$1,300.00';
    expect(renderReplyLine(half, tenant, 'es', 'web', AT).text).toBe('Tenemos Arena a RD$1,300.00.');
  });
});
