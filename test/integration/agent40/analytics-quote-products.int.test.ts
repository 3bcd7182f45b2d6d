import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sayOverRest, startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createDurableEnvironment } from '../durable/durable-harness.js';

/**
 * The owner reads "products asked most" after a shift in which customers asked for quotes of
 * several goods at once ("necesito 40 fundas de cemento y 20 varillas de 3/8"): every good the
 * bot priced counts, not only the first line's. Before, the rebar and the blocks never showed.
 * REST customers, PGlite, the real analytics route.
 */
describe('agent40: products asked, counted on every line of a quote (PGlite)', () => {
  let server: TestServer;
  let destroy: () => Promise<void> = async () => {};

  const products = async () => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/analytics/products`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { products: Array<{ sku: string; name: string | null; count: number; conversations: number }> }).products;
  };

  beforeAll(async () => {
    const made = await createDurableEnvironment('pglite+memory');
    destroy = () => made.destroy();
    server = await startHiloForTest({ env: { ...made.env, HILO_STORAGE: 'durable', HILO_TEAM_HOURS: 'off' } });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await destroy();
  });

  it('should count each good of a multi-line quote once, and not again on a follow-up', async () => {
    const a = await sayOverRest(server, 'agent40-quote-a', 'necesito 40 fundas de cemento y 20 varillas de 3/8, me pasan cotizacion?');
    expect(a.messages.map((m) => m.text).join('\n')).toMatch(/Varilla/);
    // A follow-up on the same quote ("¿y la entrega?") asks for nothing new.
    await sayOverRest(server, 'agent40-quote-a', 'y me lo pueden llevar a la obra?');
    // Another customer: the rebar alone.
    await sayOverRest(server, 'agent40-quote-b', 'a como esta la varilla de 3/8?');
    const rows = await products();
    const by = (pattern: RegExp) => rows.find((r) => r.name !== null && pattern.test(r.name));
    expect(by(/^Cemento Gris Cemex/)).toMatchObject({ count: 1, conversations: 1 });
    expect(by(/^Varilla Corrugada 3\/8/)).toMatchObject({ count: 2, conversations: 2 });
  });
});
