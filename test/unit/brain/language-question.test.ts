import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksLanguage } from '../../../src/actors/brain/rule/store-facts.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('asking which language the store attends in', () => {
  it('should read the question, es and en, however it is put', () => {
    for (const text of ['do you speak English?', 'Hi! Do you guys speak English?', 'is there someone who speaks English?', 'anyone there speak english?', 'can we talk in English?', 'English please', 'I don\'t speak Spanish', 'my spanish is not very good', '¿hablan inglés?', '¿alguien habla inglés ahí?', 'no hablo inglés', '¿hablas español?', '¿me pueden atender en inglés?']) {
      expect(asksLanguage(text), text).toBe(true);
    }
  });

  it('should not read a person asked for, a product or other talk', () => {
    for (const text of ['I want to talk to someone who speaks English', 'quiero hablar con una persona que hable inglés', 'cuánto cuesta la llave inglesa?', 'do you have english tea?', 'I speak to my wife and call you back', 'hablan de precios?']) {
      expect(asksLanguage(text), text).toBe(false);
    }
  });

  it('should answer it in the customer\'s language without handing off', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const en = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'c-1', text: 'hi, do you speak English?' });
    const text = en.replies.map((r) => r.text).join('\n');
    expect(text).toMatch(/I speak English/);
    expect(en.state.context.ticket).toBeNull();
    const es = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'c-2', text: '¿hablan inglés?' });
    expect(es.replies.map((r) => r.text).join('\n')).toMatch(/en \*?inglés/);
  });
});
