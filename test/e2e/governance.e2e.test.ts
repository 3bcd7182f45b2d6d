import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';

/**
 * A contact's whole life through the running server on PostgreSQL + Redis: chat, export, erase,
 * audit verification — the governance routes as a tenant's operator uses them.
 */
describe('governance through the running server (PostgreSQL + Redis)', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let base: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    environment = await createDurableEnvironment('postgres+redis');
    deployment = await startDeployment(environment);
    base = `http://127.0.0.1:${deployment.hilo.port}`;
    auth = { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json' };
  });

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  const say = async (sender: string, text: string) => {
    const res = await fetch(`${base}/api/tenants/ferreteria/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { conversation_id: string; state: { value: string } };
  };

  it('should export everything about a contact, erase it, and keep the audit chain verifiable', async () => {
    await say('gov-1', 'Somos una constructora y queremos comprar al por mayor');
    await say('gov-1', 'Me llamo Lucía Batista');
    const t = await say('gov-1', 'lucia.batista@example.do');
    const id = t.conversation_id;

    const exported = await fetch(`${base}/api/tenants/ferreteria/contacts/${id}/export`, { headers: auth });
    expect(exported.status).toBe(200);
    const dump = JSON.stringify(await exported.json());
    expect(dump).toContain('lucia.batista@example.do');
    expect(dump).toContain('Me llamo Lucía Batista');

    const erased = await fetch(`${base}/api/tenants/ferreteria/contacts/${id}`, { method: 'DELETE', headers: auth });
    expect(erased.status).toBe(200);

    const gone = await fetch(`${base}/api/tenants/ferreteria/conversations/${id}`, { headers: auth });
    expect(gone.status).toBe(404);
    const again = await fetch(`${base}/api/tenants/ferreteria/contacts/${id}/export`, { headers: auth });
    const againText = again.status === 200 ? JSON.stringify(await again.json()) : '';
    expect(againText).not.toContain('lucia.batista@example.do');

    const verify = await fetch(`${base}/api/tenants/ferreteria/audit/verify`, { headers: auth });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true });

    // The same sender can start over: a new, empty conversation, no crash.
    const fresh = await say('gov-1', 'hola');
    expect(fresh.state.value).toBe('triage.idle');
  });

  it('should refuse governance calls without the tenant key', async () => {
    const res = await fetch(`${base}/api/tenants/ferreteria/audit/verify`);
    expect(res.status).toBe(401);
  });
});
