import { describe, it, expect } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import { formatMoney, formatDate, calendarDate } from '../../../src/actors/tools/index.js';
import type { ReplyTemplates } from '../../../src/domain/tenant.js';
import { isHiloError } from '../../../src/kernel/errors.js';

const templates: ReplyTemplates = {
  es: {
    greet: 'Hola {name}, tienes {count} mensajes',
    list: 'Productos en {store}:\n{items}\n¿Algo más?',
    'list.item': '• *{name}* a {price} en {store}',
    only_es: 'Solo en español',
  },
  en: {
    greet: 'Hi {name}, you have {count} messages',
    list: 'Products at {store}:\n{items}\nAnything else?',
    'list.item': '• *{name}* at {price} in {store}',
    only_en: 'English only',
  },
};

describe('renderReply', () => {
  it('should fill placeholders in the requested language', () => {
    expect(renderReply({ template: 'greet', params: { name: 'Ana', count: 3 } }, templates, 'es')).toBe('Hola Ana, tienes 3 mensajes');
    expect(renderReply({ template: 'greet', params: { name: 'Ana', count: 3 } }, templates, 'en')).toBe('Hi Ana, you have 3 messages');
  });

  it('should render array params one line per element with the <key>.item template', () => {
    const text = renderReply(
      { template: 'list', params: { store: 'La Romana', items: [{ name: 'Cemento', price: 'RD$655.00' }, { name: 'Varilla', price: 'RD$265.00' }] } },
      templates,
      'es',
    );
    expect(text).toBe('Productos en La Romana:\n• *Cemento* a RD$655.00 en La Romana\n• *Varilla* a RD$265.00 en La Romana\n¿Algo más?');
  });

  it('should fall back to the other language when a template exists in one only', () => {
    expect(renderReply({ template: 'only_es' }, templates, 'en')).toBe('Solo en español');
    expect(renderReply({ template: 'only_en' }, templates, 'es')).toBe('English only');
  });

  it("should answer a newer machine key with the older one a tenant's templates still have", () => {
    const older: ReplyTemplates = { es: { 'clarify.handoff.human_agent': '¿Te paso con alguien?', 'lead.required.email': '¿A qué teléfono?' }, en: {} };
    expect(renderReply({ template: 'clarify.handoff.urgent' }, older, 'es')).toBe('¿Te paso con alguien?');
    expect(renderReply({ template: 'lead.ask.phone_or_username' }, older, 'en')).toBe('¿A qué teléfono?');
    // The newer key wins where the tenant has it.
    expect(renderReply({ template: 'clarify.handoff.urgent' }, { es: { ...older.es, 'clarify.handoff.urgent': 'Entiendo que es urgente.' }, en: {} }, 'es')).toBe('Entiendo que es urgente.');
    expect(() => renderReply({ template: 'clarify.handoff.urgent' }, { es: {}, en: {} }, 'es')).toThrow(/clarify\.handoff\.urgent/);
  });

  it('should throw HILO_ERR_TENANT_DATA_INVALID naming an unknown key', () => {
    let caught: unknown;
    try {
      renderReply({ template: 'nope.missing' }, templates, 'es');
    } catch (err) {
      caught = err;
    }
    expect(isHiloError(caught, 'HILO_ERR_TENANT_DATA_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('nope.missing');
  });

  it('should render missing and null params as empty text, never as a raw placeholder', () => {
    expect(renderReply({ template: 'greet', params: { name: null } }, templates, 'es')).toBe('Hola , tienes  mensajes');
  });

  it('should return literal text directives unchanged', () => {
    expect(renderReply({ text: 'Hola {name}', author: 'agent', agentName: 'Luis' }, templates, 'es')).toBe('Hola {name}');
  });
});

describe('formatMoney', () => {
  it('should format Dominican pesos with thousands separators and two decimals', () => {
    expect(formatMoney(1250)).toBe('RD$1,250.00');
    expect(formatMoney(0)).toBe('RD$0.00');
    expect(formatMoney(18450.5)).toBe('RD$18,450.50');
    expect(formatMoney(1234567.891)).toBe('RD$1,234,567.89');
    expect(formatMoney(-50)).toBe('-RD$50.00');
  });
});

describe('formatDate and calendarDate', () => {
  it('should write ISO dates in words per language', () => {
    expect(formatDate('2026-12-15', 'es')).toBe('15 de diciembre de 2026');
    expect(formatDate('2026-12-15', 'en')).toBe('December 15, 2026');
  });

  it('should give the calendar date in the tenant time zone', () => {
    // 02:00 UTC on Dec 1 is still Nov 30 in Santo Domingo (UTC-4).
    expect(calendarDate(Date.UTC(2026, 11, 1, 2, 0), 'America/Santo_Domingo')).toBe('2026-11-30');
    expect(calendarDate(Date.UTC(2026, 11, 1, 5, 0), 'America/Santo_Domingo')).toBe('2026-12-01');
  });
});
