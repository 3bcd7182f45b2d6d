import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_OPTION_LABEL_CHARS, MAX_REPLY_OPTIONS, renderOptions } from '../../../src/actors/render-reply.js';
import { formatChannelText, numberedOptions } from '../../../src/channels/format.js';
import { createTelegramChannel } from '../../../src/channels/telegram/channel.js';
import { createTwilioChannel } from '../../../src/channels/twilio/channel.js';
import { createWhatsAppCloudChannel } from '../../../src/channels/whatsapp-cloud/channel.js';
import type { ReplyTemplates } from '../../../src/domain/tenant.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { toWireMessage } from '../../../src/runtime/gateway/widget-socket.js';

const TEMPLATES: ReplyTemplates = {
  es: { 'opt.product': 'Productos y precios', 'opt.human': 'Hablar con una persona', 'opt.only_es': 'Solo en español' },
  en: { 'opt.product': 'Products & prices', 'opt.human': 'Talk to a person' },
};
const CHOICES = [
  { label: 'Cemento gris', text: 'cemento gris' },
  { label: 'Cemento blanco', text: 'cemento blanco' },
];

describe('renderOptions', () => {
  it('should render template labels in the contact\'s language and keep literal labels as they are', () => {
    const options = [
      { label: 'opt.product', text: 'quiero precios', template: true },
      { label: 'Cemento Cemex 42.5 kg', text: 'cemento gris' },
    ];
    expect(renderOptions(options, TEMPLATES, 'en')).toEqual([
      { label: 'Products & prices', text: 'quiero precios' },
      { label: 'Cemento Cemex 42.5 kg', text: 'cemento gris' },
    ]);
    expect(renderOptions(options, TEMPLATES, 'es')[0]?.label).toBe('Productos y precios');
  });

  it('should fall back to the other language for a label like replies do, and fail loudly on an unknown key', () => {
    expect(renderOptions([{ label: 'opt.only_es', text: 'x', template: true }], TEMPLATES, 'en')).toEqual([{ label: 'Solo en español', text: 'x' }]);
    expect(() => renderOptions([{ label: 'opt.missing', text: 'x', template: true }], TEMPLATES, 'es')).toThrow(/opt\.missing/);
  });

  it('should drop blank and repeated choices, cut long labels and keep at most the limit', () => {
    const long = 'x'.repeat(200);
    const many = Array.from({ length: 15 }, (_, i) => ({ label: `Opción ${i}`, text: `opcion ${i}` }));
    const out = renderOptions(
      [{ label: '  ', text: 'a' }, { label: 'B', text: '  ' }, { label: long, text: 'largo' }, { label: 'Otra', text: 'LARGO' }, ...many],
      TEMPLATES,
      'es',
    );
    expect(out[0]).toEqual({ label: 'x'.repeat(MAX_OPTION_LABEL_CHARS), text: 'largo' });
    expect(out.map((o) => o.text)).not.toContain('LARGO');
    expect(out).toHaveLength(MAX_REPLY_OPTIONS);
    expect(renderOptions(undefined, TEMPLATES, 'es')).toEqual([]);
  });
});

describe('numbered options on text channels', () => {
  it('should number the options after the text', () => {
    expect(numberedOptions(CHOICES)).toBe('1. Cemento gris\n2. Cemento blanco');
    expect(formatChannelText('¿Cuál de estos?', { maxLength: 4096, boldStyle: 'whatsapp' }, CHOICES)).toBe('¿Cuál de estos?\n\n1. Cemento gris\n2. Cemento blanco');
  });

  it('should keep the options when the text has more paragraphs than the channel sends', () => {
    const out = formatChannelText('Uno.\n\nDos.\n\nTres.', { maxLength: 4096, boldStyle: 'plain' }, CHOICES);
    expect(out).toBe('Uno.\n\nDos.\n\n1. Cemento gris\n2. Cemento blanco');
  });

  it('should cut the text, not the options, to fit the length limit', () => {
    const out = formatChannelText('palabra '.repeat(300), { maxLength: 200, boldStyle: 'plain' }, CHOICES);
    expect(Array.from(out).length).toBeLessThanOrEqual(200);
    expect(out.endsWith('…\n\n1. Cemento gris\n2. Cemento blanco')).toBe(true);
  });

  it('should be what every text channel sends', () => {
    const clock = createManualClock();
    const channels = [
      createWhatsAppCloudChannel({ tenantId: 't', appSecret: 's'.repeat(32), verifyToken: 'v', clock } as never),
      createTwilioChannel({ tenantId: 't', authToken: 'a'.repeat(32), clock }),
      createTelegramChannel({ tenantId: 't', secretToken: 'secret', clock }),
    ];
    for (const channel of channels) {
      expect(channel.formatOutbound('¿Cuál?', CHOICES), channel.name).toBe('¿Cuál?\n\n1. Cemento gris\n2. Cemento blanco');
      expect(channel.formatOutbound('¿Cuál?'), channel.name).toBe('¿Cuál?');
    }
  });
});

describe('options on transcript lines', () => {
  it('should be kept by the in-memory transcript store and sent to the widget with the language', async () => {
    const store = createMemoryTranscriptStore();
    const key = { tenantId: 't', conversationId: 'c' };
    const [line] = await store.append(key, [
      { messageId: 'out:1', direction: 'out', author: 'bot', channel: 'web', text: '¿Cuál?', at: '2026-12-03T12:00:00.000Z', lang: 'en', options: CHOICES },
    ]);
    expect((await store.list(key))[0]).toEqual(line);
    expect(toWireMessage(line!)).toEqual({ seq: 1, id: 'out:1', author: 'bot', text: '¿Cuál?', at: '2026-12-03T12:00:00.000Z', lang: 'en', options: CHOICES });
    const [plain] = await store.append(key, [{ messageId: 'in:2', direction: 'in', author: 'customer', channel: 'web', text: 'gris', at: '2026-12-03T12:00:01.000Z' }]);
    const wire = toWireMessage(plain!);
    expect(wire).not.toHaveProperty('options');
    expect(wire).not.toHaveProperty('lang');
  });
});

describe('widget.json', () => {
  const DEMO = fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url));
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the demo tenant with `widget.json` replaced (or removed with `null`). */
  function tenantWith(widget: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'hilo-widget-json-'));
    dirs.push(dir);
    cpSync(DEMO, dir, { recursive: true });
    if (widget === null) rmSync(join(dir, 'widget.json'));
    else writeFileSync(join(dir, 'widget.json'), typeof widget === 'string' ? widget : JSON.stringify(widget));
    return dir;
  }

  it('should give the demo store a greeting and three or four chips in both languages that show what the bot does', async () => {
    const { widget } = await loadTenant(DEMO);
    expect(widget).toBeDefined();
    for (const lang of ['es', 'en'] as const) {
      expect(widget![lang].greeting).toMatch(/Ferretería La Romana/);
      expect(widget![lang].suggestions.length).toBeGreaterThanOrEqual(3);
      expect(widget![lang].suggestions.length).toBeLessThanOrEqual(4);
    }
    const texts = widget!.es.suggestions.map((s) => s.text.toLowerCase()).join(' | ');
    expect(texts).toMatch(/cemento/);
    expect(texts).toMatch(/horario/);
    expect(texts).toMatch(/cuenta/);
    expect(texts).toMatch(/persona/);
  });

  it('should be optional', async () => {
    expect((await loadTenant(tenantWith(null))).widget).toBeUndefined();
  });

  const ok = { greeting: 'Hola', suggestions: [{ label: 'A', text: 'a' }] };
  it.each([
    ['a missing language', { es: ok }, /widget\.json: \$\.en: expected an object/],
    ['an unknown language', { es: ok, en: ok, fr: ok }, /widget\.json: \$\.fr: unknown key/],
    ['an empty greeting', { es: { ...ok, greeting: ' ' }, en: ok }, /\$\.es\.greeting: expected a non-empty string/],
    ['no suggestions', { es: { ...ok, suggestions: [] }, en: ok }, /\$\.es\.suggestions: expected at least one element/],
    ['seven suggestions', { es: ok, en: { ...ok, suggestions: Array.from({ length: 7 }, (_, i) => ({ label: `L${i}`, text: 't' })) } }, /\$\.en\.suggestions: at most 6/],
    ['a suggestion without text', { es: { ...ok, suggestions: [{ label: 'A' }] }, en: ok }, /\$\.es\.suggestions\[0\]\.text/],
    ['a label too long for a chip', { es: { ...ok, suggestions: [{ label: 'x'.repeat(41), text: 'a' }] }, en: ok }, /\$\.es\.suggestions\[0\]\.label: longer than 40/],
    ['a repeated label', { es: { ...ok, suggestions: [{ label: 'A', text: 'a' }, { label: 'a', text: 'b' }] }, en: ok }, /\$\.es\.suggestions\[1\]\.label: repeats/],
    ['an unknown field', { es: { ...ok, chips: [] }, en: ok }, /\$\.es\.chips: unknown key/],
    ['invalid JSON', '{', /widget\.json: \$: invalid JSON/],
  ])('should refuse %s, naming the place', async (_name, widget, message) => {
    await expect(loadTenant(tenantWith(widget))).rejects.toMatchObject({ code: 'HILO_ERR_TENANT_DATA_INVALID', message: expect.stringMatching(message) });
  });
});
