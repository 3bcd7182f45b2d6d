import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createDurableEnvironment } from '../durable/durable-harness.js';

/**
 * The business's intent counts and the agent's ticket panel name what the bot acted on, not the
 * classifier's first reading: the whole server over REST, the rule brain, embedded PGlite, the
 * analytics API and the console API as an admin reads them.
 */
const CONSOLE_PASSWORD = 'routed-intent-console-1';

/** Per sender, its messages in order. */
const SCRIPT: Record<string, string[]> = {
  // "y el normal?" is read as a complaint, "dame 20 de ese" out of scope: both are answered as the cement.
  cement: ['tienen cemento blanco?', 'y el normal?', 'dame 20 de ese', 'prefiero que me llamen'],
  complaint: ['me vendieron un taladro dañado y nadie me resuelve, quiero poner una queja'],
  // A bare name in the lead form is read as a greeting; it is the lead's answer.
  lead: ['necesito una cotización para mi empresa constructora, compramos al por mayor', 'Juan Pérez'],
  // Not understood: nothing acted on, so it counts under its reading, as misunderstood.
  lost: ['blorf zzkt qwyx'],
};

describe('analytics and the ticket panel count the intent the bot acted on (PGlite)', () => {
  let server: TestServer;
  let drop: () => Promise<void> = async () => {};
  const conv: Record<string, string> = {};

  const get = async (path: string, headers: Record<string, string> = { authorization: `Bearer ${server.apiKey}` }) => {
    const res = await fetch(server.baseUrl + path, { headers });
    return { status: res.status, json: (await res.json()) as any };
  };
  const sql = <R>(query: string, params: unknown[] = []) => server.hilo.storage.db!.em().execute<R[]>(query, params);

  beforeAll(async () => {
    const made = await createDurableEnvironment('pglite+memory');
    drop = () => made.destroy();
    server = await startHiloForTest({ env: { ...made.env, HILO_STORAGE: 'durable', HILO_DEMO_AGENT_PASSWORD: CONSOLE_PASSWORD } });
    for (const [sender, messages] of Object.entries(SCRIPT)) {
      for (const text of messages) {
        const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ sender: `routed-${sender}`, text }),
        });
        expect(res.status, `${sender}: ${text}`).toBe(200);
        conv[sender] = ((await res.json()) as { conversation_id: string }).conversation_id;
      }
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await drop();
  });

  it('should count each message under the intent it was served as, with the reading kept beside it', async () => {
    const i = await get('/api/tenants/ferreteria/analytics/intents');
    expect(i.status).toBe(200);
    const byIntent = Object.fromEntries((i.json.intents as { intent: string; count: number }[]).map((x) => [x.intent, x]));
    expect(byIntent.product_inquiry).toMatchObject({ count: 3, misunderstood_rate: 0, handoff_rate: 0 });
    expect(byIntent.human_agent).toMatchObject({ count: 1, handoff_rate: 1 });
    expect(byIntent.complaint).toMatchObject({ count: 1, handoff_rate: 1 });
    expect(byIntent.sales_lead).toMatchObject({ count: 2 });
    expect(byIntent.greeting).toBeUndefined();
    expect(byIntent.out_of_scope).toMatchObject({ count: 1, misunderstood_rate: 1 });
    expect((i.json.intents as { count: number }[]).reduce((n, x) => n + x.count, 0)).toBe(8);

    const rows = await sql<{ intent: string; reading: string }>(
      `select f.intent, f.reading from turn_facts f join messages m on m.tenant_id = f.tenant_id and m.conversation_id = f.conversation_id and m.message_id = f.message_id
       where f.tenant_id = 'ferreteria' and f.conversation_id = ? order by f.seq`,
      [conv.cement],
    );
    expect(rows.map((r) => r.intent)).toEqual(['product_inquiry', 'product_inquiry', 'product_inquiry', 'human_agent']);
    // The classifier's own reading stays for training: where it differs, the routing caught a mistake.
    expect(rows[0]!.reading).toBe('product_inquiry');
    expect(rows.slice(1, 3).every((r) => r.reading !== 'product_inquiry')).toBe(true);
  });

  it("should show the agent sensible topics in the ticket panel of the console", async () => {
    const login = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'ferreteria', username: 'demo', password: CONSOLE_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const panel = async (id: string): Promise<string> => {
      const detail = await get(`/console/api/tenants/ferreteria/conversations/${id}`, { cookie });
      expect(detail.status).toBe(200);
      return detail.json.ticket.summary as string;
    };
    const cement = await panel(conv.cement!);
    expect(cement).toContain('Temas: consulta de producto, pidió hablar con una persona.');
    expect(cement).not.toMatch(/queja|fuera de alcance/);
    expect(await panel(conv.complaint!)).toContain('Temas: queja.');
  });
});
