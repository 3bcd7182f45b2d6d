import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText as texts, sayTo as say } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * "Ahora mismo está agotado y no tengo otro igual. ¿Quieres que te avise cuando llegue…?" was a
 * promise nobody kept: "sí" got "¡Con mucho gusto!". A yes now asks sales (a quote ticket with
 * the line) to write when it comes in.
 */
describe('an out-of-stock product with nothing like it: "¿te aviso cuando llegue?"', () => {
  it('should pass the line to sales on a yes or "avísame", es and en', async () => {
    const cases: [string, string, RegExp][] = [
      ['tienen gravilla?', 'sí', /Gravilla 3\/8" \(metro\).*agotado: te escriben por aquí cuando entre/s],
      ['tienen lavamanos de pedestal?', 'avísame cuando llegue porfa', /Lavamanos de Pedestal Blanco.*cuando entre/s],
      ['cuánto cuesta el lavamanos de pedestal?', 'dale', /Lavamanos de Pedestal Blanco/],
      ['do you have pedestal sinks?', 'yes please', /Lavamanos de Pedestal Blanco.*when it comes in/s],
    ];
    for (const [i, [question, yes, told]] of cases.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      const asked = await say(host, `bo-${i}`, question);
      expect(texts(asked), question).toMatch(/agotado|out of stock/);
      const r = await say(host, `bo-${i}`, yes);
      expect(r.state.context.ticket, yes).toMatchObject({ kind: 'quote' });
      expect(texts(r), yes).toMatch(told);
      expect(texts(r), yes).toMatch(/T-\d{6}/);
    }
  });

  it('should open nothing on a no, or on a yes two turns later', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'no', 'tienen gravilla?');
    const no = await say(host, 'no', 'no gracias');
    expect(no.state.context.ticket).toBeNull();
    const later = createMemoryHost({ tenant, brain });
    await say(later.host, 'later', 'tienen gravilla?');
    await say(later.host, 'later', 'a qué hora cierran?');
    expect((await say(later.host, 'later', 'sí')).state.context.ticket).toBeNull();
  });
});
