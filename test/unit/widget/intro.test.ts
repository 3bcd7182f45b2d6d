import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../src/channels/widget/protocol.js';
import { activeOptions, introKey, loadIntro, readIntro, saveIntro, showSuggestions } from '../../../web-widget/src/intro.js';
import { conversationLang } from '../../../web-widget/src/lang.js';
import { fromWire, localMessage, mergeMessages, type UiMessage } from '../../../web-widget/src/messages.js';
import { createWidgetStore } from '../../../web-widget/src/store.js';
import { errorText, uiStrings } from '../../../web-widget/src/strings.js';

const AT = '2026-12-03T12:00:00Z';
const INTRO = {
  es: { greeting: '¡Hola!', suggestions: [{ label: 'Cemento', text: '¿Cuánto cuesta el cemento gris?' }] },
  en: { greeting: 'Hi!', suggestions: [{ label: 'Cement', text: 'How much is gray cement?' }] },
};
const OPTIONS = [
  { label: 'Cemento gris', text: 'cemento gris' },
  { label: 'Cemento blanco', text: 'cemento blanco' },
];

function mapStorage() {
  const map = new Map<string, string>();
  return { map, storage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } };
}

const bot = (seq: number, extra: Partial<WireMessage> = {}): WireMessage => ({ seq, id: `out:${seq}`, author: 'bot', text: `respuesta ${seq}`, at: AT, ...extra });
const customer = (seq: number, text: string): WireMessage => ({ seq, id: `in:${seq}`, author: 'customer', text, at: AT });

describe('readIntro', () => {
  it('should keep a well-formed intro with trimmed texts', () => {
    expect(readIntro({ es: { greeting: ' ¡Hola! ', suggestions: [{ label: ' A ', text: ' a ' }] }, en: INTRO.en })).toEqual({
      es: { greeting: '¡Hola!', suggestions: [{ label: 'A', text: 'a' }] },
      en: INTRO.en,
    });
  });

  it('should refuse an intro without both languages or without a greeting', () => {
    expect(readIntro(null)).toBeNull();
    expect(readIntro('hola')).toBeNull();
    expect(readIntro({ es: INTRO.es })).toBeNull();
    expect(readIntro({ es: { greeting: '  ', suggestions: [] }, en: INTRO.en })).toBeNull();
  });

  it('should drop malformed suggestions and keep at most six', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ label: `L${i}`, text: `t${i}` }));
    const intro = readIntro({ es: { greeting: 'x', suggestions: [{ label: 1, text: 'a' }, { label: 'b' }, null, { label: ' ', text: 'c' }, ...many] }, en: { greeting: 'y' } });
    expect(intro?.es.suggestions.map((s) => s.label)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5']);
    expect(intro?.en.suggestions).toEqual([]);
  });
});

describe('stored intro', () => {
  it('should round-trip through storage per tenant and ignore a corrupt value', () => {
    const { map, storage } = mapStorage();
    saveIntro(storage, 'ferreteria', INTRO);
    expect(loadIntro(storage, 'ferreteria')).toEqual(INTRO);
    expect(loadIntro(storage, 'otra')).toBeNull();
    map.set(introKey('ferreteria'), '{not json');
    expect(loadIntro(storage, 'ferreteria')).toBeNull();
    map.set(introKey('ferreteria'), JSON.stringify({ es: INTRO.es }));
    expect(loadIntro(storage, 'ferreteria')).toBeNull();
  });

  it('should survive storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveIntro(throwing, 't', INTRO)).not.toThrow();
    expect(loadIntro(throwing, 't')).toBeNull();
    expect(loadIntro(null, 't')).toBeNull();
  });
});

describe('showSuggestions', () => {
  it('should show chips until the customer writes, even before the message is recorded', () => {
    expect(showSuggestions([])).toBe(true);
    expect(showSuggestions([fromWire(bot(1))])).toBe(true);
    expect(showSuggestions([localMessage('c1', 'hola')])).toBe(false);
    expect(showSuggestions(mergeMessages([], [customer(1, 'hola'), bot(2)]))).toBe(false);
  });
});

describe('activeOptions', () => {
  it('should offer the latest reply\'s options while nobody answered them', () => {
    const messages = mergeMessages([], [customer(1, 'quiero cemento'), bot(2, { options: OPTIONS })]);
    expect(activeOptions(messages)).toEqual({ key: 'm:out:2', options: OPTIONS, enabled: true, chosen: null });
  });

  it('should disable them once the customer wrote, and mark the option that was sent', () => {
    const base = mergeMessages([], [bot(1, { options: OPTIONS })]);
    expect(activeOptions([...base, localMessage('c1', 'Cemento Blanco ')])).toMatchObject({ enabled: false, chosen: 1 });
    expect(activeOptions([...base, localMessage('c1', 'otra cosa')])).toMatchObject({ enabled: false, chosen: null });
  });

  it('should drop older options as soon as a newer reply arrives', () => {
    expect(activeOptions(mergeMessages([], [bot(1, { options: OPTIONS }), customer(2, 'cemento gris'), bot(3)]))).toBeNull();
    // Two replies in one turn: only the last one counts.
    expect(activeOptions(mergeMessages([], [bot(1, { options: OPTIONS }), bot(2)]))).toBeNull();
    expect(activeOptions(mergeMessages([], [bot(1), bot(2, { options: OPTIONS })]))?.key).toBe('m:out:2');
  });

  it('should ignore system notices after the reply', () => {
    const notice: UiMessage = { key: 'n:1', seq: null, author: 'system', text: 'x', status: 'sent' };
    expect(activeOptions([...mergeMessages([], [bot(1, { options: OPTIONS })]), notice])).toMatchObject({ enabled: true });
  });
});

describe('fromWire', () => {
  it('should keep options and the language, dropping malformed options', () => {
    const ui = fromWire(bot(1, { lang: 'en', options: [...OPTIONS, { label: '', text: 'x' }, { label: 'y' } as never] }));
    expect(ui.options).toEqual(OPTIONS);
    expect(ui.lang).toBe('en');
    const plain = fromWire(bot(2, { lang: 'fr' as never, options: [] }));
    expect(plain).not.toHaveProperty('options');
    expect(plain).not.toHaveProperty('lang');
  });
});

describe('conversationLang', () => {
  it('should follow the latest bot or agent message that names a language', () => {
    const messages = mergeMessages([], [bot(1, { lang: 'es' }), customer(2, 'hello'), bot(3, { lang: 'en' }), customer(4, 'gracias')]);
    expect(conversationLang(messages, 'es', 'es')).toBe('en');
    expect(conversationLang(mergeMessages(messages, [bot(5, { lang: 'es' })]), 'en', 'en')).toBe('es');
  });

  it('should fall back to the welcome\'s language, then to the page\'s', () => {
    expect(conversationLang(mergeMessages([], [customer(1, 'hi'), bot(2)]), 'en', 'es')).toBe('en');
    expect(conversationLang([], null, 'en')).toBe('en');
  });
});

describe('widget store: intro and language', () => {
  it('should start from a stored intro and take the welcome\'s intro and language', () => {
    const store = createWidgetStore({ open: true, intro: INTRO });
    expect(store.getSnapshot().context.intro).toEqual(INTRO);
    expect(store.getSnapshot().context.welcomeLang).toBeNull();
    const fresh = { ...INTRO, es: { greeting: 'Buenas', suggestions: [] } };
    store.trigger.welcomed({ history: [], lang: 'en', intro: fresh });
    expect(store.getSnapshot().context).toMatchObject({ intro: fresh, welcomeLang: 'en' });
    // A welcome without an intro (none configured) clears it; one that does not say keeps it.
    store.trigger.welcomed({ history: [] });
    expect(store.getSnapshot().context).toMatchObject({ intro: fresh, welcomeLang: 'en' });
    store.trigger.welcomed({ history: [], intro: null });
    expect(store.getSnapshot().context.intro).toBeNull();
  });

  it('should keep the error code of a failed message and of a notice', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.welcomed({ history: [] });
    store.trigger.queued({ clientMessageId: 'c1', text: 'hola' });
    store.trigger.failed({ clientMessageId: 'c1', message: 'Too many messages.', noticeKey: 'n:1', code: 'HILO_ERR_RATE_LIMITED' });
    store.trigger.failed({ message: 'Internal error.', noticeKey: 'n:2', code: 'HILO_ERR_INTERNAL' });
    const [failed, notice] = store.getSnapshot().context.messages;
    expect(failed).toMatchObject({ status: 'error', error: 'Too many messages.', errorCode: 'HILO_ERR_RATE_LIMITED' });
    expect(notice).toMatchObject({ author: 'system', errorCode: 'HILO_ERR_INTERNAL' });
    store.trigger.retried({ clientMessageId: 'c1' });
    expect(store.getSnapshot().context.messages[0]).not.toHaveProperty('errorCode');
    expect(store.getSnapshot().context.pending).toEqual([{ clientMessageId: 'c1', text: 'hola' }]);
  });
});

describe('errorText', () => {
  it('should word known error codes in the UI language and leave unknown texts to the server', () => {
    expect(errorText('HILO_ERR_RATE_LIMITED', uiStrings('es'))).toMatch(/espera/);
    expect(errorText('HILO_ERR_RATE_LIMITED', uiStrings('en'))).toMatch(/wait/);
    expect(errorText('HILO_ERR_TURN_TIMEOUT', uiStrings('en'))).toMatch(/too long/);
    expect(errorText('HILO_ERR_SOMETHING_NEW', uiStrings('es'))).toBe(uiStrings('es').errorGeneric);
    expect(errorText(undefined, uiStrings('es'))).toBeNull();
    expect(errorText('not a code', uiStrings('es'))).toBeNull();
  });

  it('should have every label in both languages, and different ones', () => {
    const es = uiStrings('es');
    const en = uiStrings('en');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect(es[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
    expect(es.placeholder).not.toBe(en.placeholder);
    expect(es.greeting).not.toBe(en.greeting);
  });
});
