import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { hasLaughter, isOnlyLaughter, withoutLaughter } from '../../../src/machines/laughter.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('laughter', () => {
  it('should tell laughter from words, in its chat spellings', () => {
    for (const text of ['jajaja', 'JAJAJAJ', 'jaja', 'jajjajaja', 'jeje', 'jiji', 'haha', 'hehe', 'jsjsjs', 'lol', 'lool', 'lmao', 'xD', '😂😂', 'jaja 🤣']) {
      expect(isOnlyLaughter(text), text).toBe(true);
    }
    for (const text of ['ja', 'jaula', 'jabón', 'hola', 'kaka', 'jarra', 'ok', 'hoja', 'hijo', 'jefe', 'haja', '']) expect(isOnlyLaughter(text), text).toBe(false);
    expect(withoutLaughter('puedo enviar mi hoja de vida?')).toBe('puedo enviar mi hoja de vida?');
    expect(hasLaughter('sí jajaja')).toBe(true);
    expect(hasLaughter('tienen jabón?')).toBe(false);
  });

  it('should set laughter aside and keep what is said around it', () => {
    expect(withoutLaughter('jaja ok')).toBe('ok');
    expect(withoutLaughter('jaja sí')).toBe('sí');
    expect(withoutLaughter('jajaja gracias')).toBe('gracias');
    expect(withoutLaughter('tienen jabón? jaja')).toBe('tienen jabón?');
    expect(withoutLaughter('jajaja')).toBe('jajaja');
    expect(withoutLaughter('tienen cemento?')).toBe('tienen cemento?');
  });

  it('should read laughter alone as an acknowledgment that says no yes, and "jaja sí" as a yes', async () => {
    const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });
    const laugh = await read('jajaja');
    expect(laugh.nlu.intent.name).toBe('thanks');
    expect(laugh.affirmation).toBeNull();
    const yes = await read('jaja sí');
    expect(yes.affirmation).toBe('yes');
  });

  it('should smile back at laughter instead of "no te entendí"', async () => {
    for (const text of ['jajaja', 'jaja ok', 'lol', 'jeje', '😂']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `laugh-${text}`, text);
      expect(reply, text).not.toMatch(/no te entend|asegurarme/i);
      expect(reply, text).toMatch(/😄/);
    }
    const [, english] = await chatOnFreshHost(tenant, brain, 'laugh-en', 'hi, do you have cement?', 'lol');
    expect(english).toMatch(/Anything else/);
  });

  it('should not set a product aside on laughter, and take "jaja sí" as the yes to "¿Te lo reservo?"', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'laugh', text: 'tienen cemento?' });
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'laugh', text: 'jajaja' });
    expect(turn.replies.map((r) => r.text).join('\n')).not.toMatch(/T-\d+/);
    expect(await tickets.list('ferreteria')).toEqual([]);
    await host.close();
    const [, yes] = await chatOnFreshHost(tenant, brain, 'laugh-yes', 'tienen cemento?', 'jaja sí');
    expect(yes).toMatch(/T-\d+/);
  });

  it('should only smile in the middle of a form, its question following', async () => {
    const [, laugh] = await chatOnFreshHost(tenant, brain, 'laugh-form', 'quiero una cotización para un proyecto', 'jaja');
    expect(laugh).toMatch(/^😄/);
    expect(laugh).not.toMatch(/Algo más/);
  });
});
