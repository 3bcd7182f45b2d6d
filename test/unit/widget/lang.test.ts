import { describe, expect, it } from 'vitest';
import { readWidgetConfig, toWebSocketUrl, DEFAULT_COLOR } from '../../../web-widget/src/config.js';
import { chooseLang, normalizeLang } from '../../../web-widget/src/lang.js';

describe('chooseLang', () => {
  it('should prefer data-lang over the page and the browser', () => {
    expect(chooseLang({ dataLang: 'en', htmlLang: 'es', navigatorLanguages: ['es-DO'] })).toBe('en');
  });

  it('should fall back to <html lang> when data-lang is missing or unsupported', () => {
    expect(chooseLang({ htmlLang: 'en-US', navigatorLanguages: ['es-DO'] })).toBe('en');
    expect(chooseLang({ dataLang: 'fr', htmlLang: 'es', navigatorLanguages: ['en-US'] })).toBe('es');
  });

  it('should use the first supported browser language when the page says nothing usable', () => {
    expect(chooseLang({ htmlLang: 'de', navigatorLanguages: ['fr-FR', 'en-GB', 'es'] })).toBe('en');
    expect(chooseLang({ htmlLang: null, navigatorLanguages: ['es-419'] })).toBe('es');
  });

  it('should default to Spanish', () => {
    expect(chooseLang({})).toBe('es');
    expect(chooseLang({ navigatorLanguages: ['pt-BR'] })).toBe('es');
  });
});

describe('normalizeLang', () => {
  it('should read the primary subtag case-insensitively with - or _', () => {
    expect(normalizeLang('EN_us')).toBe('en');
    expect(normalizeLang(' es-DO ')).toBe('es');
    expect(normalizeLang('english')).toBeNull();
    expect(normalizeLang('')).toBeNull();
  });
});

describe('readWidgetConfig', () => {
  const base = { scriptSrc: 'https://chat.example.com/widget.js', pageUrl: 'https://shop.example.do/', htmlLang: 'es', navigatorLanguages: ['en-US'] };

  it('should default the server to the script origin and map https to wss', () => {
    const config = readWidgetConfig({ ...base, dataset: { tenant: 'ferreteria' } });
    expect(config).toEqual({
      tenant: 'ferreteria',
      lang: 'es',
      title: null,
      color: DEFAULT_COLOR,
      serverOrigin: 'https://chat.example.com',
      wsUrl: 'wss://chat.example.com/ws?tenant=ferreteria',
    });
  });

  it('should honour data-server, data-lang, data-title and a hex data-color', () => {
    const config = readWidgetConfig({
      ...base,
      dataset: { tenant: 'ferreteria', server: 'http://127.0.0.1:8080/x', lang: 'en', title: ' Ferretería ', color: '#b45309' },
    });
    expect(config?.wsUrl).toBe('ws://127.0.0.1:8080/ws?tenant=ferreteria');
    expect(config?.lang).toBe('en');
    expect(config?.title).toBe('Ferretería');
    expect(config?.color).toBe('#b45309');
  });

  it('should refuse a colour that could inject CSS', () => {
    const config = readWidgetConfig({ ...base, dataset: { tenant: 'ferreteria', color: 'red;}*{display:none' } });
    expect(config?.color).toBe(DEFAULT_COLOR);
  });

  it('should return null without a valid tenant or with a non-http server', () => {
    expect(readWidgetConfig({ ...base, dataset: {} })).toBeNull();
    expect(readWidgetConfig({ ...base, dataset: { tenant: 'a b' } })).toBeNull();
    expect(readWidgetConfig({ ...base, dataset: { tenant: 'ferreteria', server: 'javascript:alert(1)' } })).toBeNull();
  });

  it('should fall back to the page origin when the script src is unknown', () => {
    expect(readWidgetConfig({ ...base, scriptSrc: null, dataset: { tenant: 't1' } })?.wsUrl).toBe('wss://shop.example.do/ws?tenant=t1');
  });
});

describe('toWebSocketUrl', () => {
  it('should encode the tenant', () => {
    expect(toWebSocketUrl('http://localhost:3000', 'a&b')).toBe('ws://localhost:3000/ws?tenant=a%26b');
  });
});
