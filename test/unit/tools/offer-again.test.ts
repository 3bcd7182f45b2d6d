import { describe, expect, it } from 'vitest';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

/** A store question right after "¿Te lo reservo?": answered, then the offer again; a yes takes it. */
describe('the reserve offer asked again after a store question', () => {
  async function talk(...texts: string[]): Promise<string[]> {
    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain });
    const out: string[] = [];
    for (const text of texts) out.push(replyText(await sayTo(host, '+18095550991', text)));
    return out;
  }

  it('should answer the payment question, ask again for the 10 bags and reserve on "ok dale"', async () => {
    const [, , payment, yes] = await talk('precio del cemento gris', 'dame 10', 'aceptan tarjeta?', 'ok dale');
    expect(payment).toMatch(/tarjeta/);
    expect(payment).toMatch(/¿Te aparto \*10 x Cemento Gris/);
    expect(payment).not.toMatch(/¿Te ayudo con algo más\?/);
    expect(yes).toMatch(/T-\d{6}/);
  });

  it('should ask again after the hours, in English too, and name the product alone when no count was said', async () => {
    const [, hours] = await talk('tienen varilla de 3/8?', 'a que hora abren mañana?');
    expect(hours).toMatch(/¿Te aparto \*Varilla Corrugada 3\/8/);
    expect(hours).not.toMatch(/1 x/);
    const [, , english] = await talk('how much is the grey cement?', 'give me 5', 'do you take credit cards?');
    expect(english).toMatch(/Shall I set aside \*5 x/);
  });

  it('should not ask again once the offer is older than the turn before', async () => {
    const [, , , later] = await talk('precio del cemento gris', 'dame 10', 'aceptan tarjeta?', 'y a qué hora abren?');
    expect(later).not.toMatch(/¿Te aparto/);
  });
});

/** A store question right after an estimate's "¿Te preparo la cotización formal?": answered, then that offer again, once. */
describe('the formal quote offered again after a store question', () => {
  async function talk(...texts: string[]): Promise<string[]> {
    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain });
    const out: string[] = [];
    for (const text of texts) out.push(replyText(await sayTo(host, '+18095550992', text)));
    return out;
  }

  it('should answer how to pay, offer the quote again and send it on "sí"', async () => {
    const [, payment, yes] = await talk('10 sacos de cemento y 5 de arena', 'como pago?', 'sí');
    expect(payment).toMatch(/efectivo/);
    expect(payment).toMatch(/¿Te preparo la cotización formal de lo que vimos\?/);
    expect(yes).toMatch(/Le pasé tu cotización/);
  });

  it('should offer it again only once', async () => {
    const [, , later] = await talk('10 sacos de cemento y 5 de arena', 'aceptan tarjeta?', 'a que hora cierran?');
    expect(later).not.toMatch(/cotización formal/);
  });
});
