import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLink } from '../../src/persistence/ports/audit-trail.js';
import type { MemoryAuditTrail } from '../../src/persistence/memory/memory-audit-trail.js';
import { canonicalJson } from '../../src/kernel/canonical-json.js';
import { toIso } from '../../src/persistence/sql/sql-helpers.js';
import { outgoingWebhookBody } from '../fakes/rocketchat.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';

/**
 * The audit chain through the running server: a handoff, an agent's message and resolution and a
 * lead are recorded (ids, kinds, counts — never names, handles or texts); `GET …/audit/verify`
 * checks the chain in memory mode and on PGlite, keyed with `HILO_AUDIT_KEY`, and finds the first
 * link a database writer altered.
 */
const AUDIT_KEY = 'e2e-audit-key-0123456789abcdef0123456789';
const AGENT_TOKEN = 'e2e-audit-rocketchat-token';
const CUSTOMER_NAME = 'Rafael Peña';
const EMAIL = 'rafael.pena@obrasdelsur.do';
const ANSWERS: Record<string, string> = {
  name: CUSTOMER_NAME,
  email: EMAIL,
  company_name: 'Obras del Sur SRL',
  interest_area: 'Ventas',
  problem_statement: 'Necesitamos blocks y cemento para una nave de 800 m2 en San Pedro.',
  urgency_level: 'Medio',
};

interface Runtime {
  base: string;
  apiKey: string;
  drain(): Promise<number>;
}

async function say(rt: Runtime, sender: string, text: string): Promise<{ state: { value: string; context: Record<string, any> } }> {
  const res = await fetch(`${rt.base}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${rt.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { state: { value: string; context: Record<string, any> } };
}

async function agentPosts(rt: Runtime, text: string, messageId: string): Promise<void> {
  const res = await fetch(`${rt.base}/webhooks/rocketchat/ferreteria`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(outgoingWebhookBody({ token: AGENT_TOKEN, text, messageId, userName: 'maria.agente' })),
  });
  expect(res.status).toBe(200);
  await rt.drain();
}

async function verify(rt: Runtime): Promise<unknown> {
  const res = await fetch(`${rt.base}/api/tenants/ferreteria/audit/verify`, { headers: { authorization: `Bearer ${rt.apiKey}` } });
  expect(res.status).toBe(200);
  return res.json();
}

/** A handoff handled by an agent, then a confirmed lead; returns the ticket number. */
async function handoffAndLead(rt: Runtime, sender: string): Promise<string> {
  const handoff = await say(rt, sender, 'quiero hablar con una persona por favor');
  expect(handoff.state.value).toMatch(/^handoff/);
  const ticket = (handoff.state.context.ticket as { number: string }).number;
  await rt.drain();
  await agentPosts(rt, `#${ticket} Hola, soy María, le ayudo con su pedido`, `rc-${sender}-1`);
  await agentPosts(rt, `!cerrar-ticket ${ticket} resuelto por teléfono`, `rc-${sender}-2`);

  let t = await say(rt, `${sender}-lead`, 'Buenas, quiero una cotización de materiales para mi empresa');
  for (let i = 0; i < 10 && t.state.value.startsWith('workflow.form.collecting'); i++) {
    t = await say(rt, `${sender}-lead`, ANSWERS[(t.state.context.expecting as { field: string }).field] ?? 'no');
  }
  t = await say(rt, `${sender}-lead`, 'sí, correcto');
  expect(t.state.context.lead?.leadId).toMatch(/^L-/);
  await rt.drain();
  return ticket;
}

function expectNoPersonalData(links: AuditLink[]): void {
  const dump = JSON.stringify(links);
  for (const secret of [CUSTOMER_NAME, EMAIL, 'maria.agente', 'María', 'quiero hablar', 'resuelto por teléfono', 'Obras del Sur']) expect(dump).not.toContain(secret);
}

describe('the audit chain in memory mode', () => {
  let server: TestServer;
  let rt: Runtime;
  beforeAll(async () => {
    server = await startHiloForTest({ env: { HILO_AUDIT_KEY: AUDIT_KEY, HILO_ROCKETCHAT_OUTGOING_TOKEN: AGENT_TOKEN } });
    rt = { base: server.baseUrl, apiKey: server.apiKey, drain: () => server.hilo.drainOutbox() };
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should record the ticket, the agent, the resolution and the lead with ids only, keyed, and find an altered link', async () => {
    const ticket = await handoffAndLead(rt, `audit-mem-${process.pid}`);
    const trail = server.hilo.audit as MemoryAuditTrail;
    const links = trail.links('ferreteria');
    const types = links.map((l) => l.type);
    expect(types).toEqual(expect.arrayContaining(['ticket.opened', 'agent.message', 'agent.resolved', 'lead.pushed']));
    expect(links.find((l) => l.type === 'ticket.opened')).toMatchObject({ actor: 'system', payload: { ticketNumber: ticket, kind: 'handoff' } });
    const agent = links.find((l) => l.type === 'agent.message');
    expect(agent).toMatchObject({ actor: expect.stringMatching(/^agent:[0-9a-f]{12}$/), payload: { ticketNumber: ticket, chars: expect.any(Number) } });
    expect(links.find((l) => l.type === 'agent.resolved')?.actor).toBe(agent?.actor);
    expect(links.find((l) => l.type === 'lead.pushed')).toMatchObject({ payload: { leadId: expect.stringMatching(/^L-/), destination: 'embedded' } });
    for (const l of links) expect(l.hash).toMatch(/^hmac:[0-9a-f]{64}$/);
    expectNoPersonalData(links);
    expect(await verify(rt)).toEqual({ ok: true, count: links.length });

    const opened = links.findIndex((l) => l.type === 'ticket.opened');
    (links[opened] as AuditLink).payload = { ...(links[opened]?.payload as object), reason: 'edited' };
    expect(await verify(rt)).toEqual({ ok: false, broken_at: opened + 1 });
  }, 60_000);
});

describe('the audit chain on PGlite with HILO_AUDIT_KEY', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let rt: Runtime;
  beforeAll(async () => {
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, { HILO_AUDIT_KEY: AUDIT_KEY, HILO_ROCKETCHAT_OUTGOING_TOKEN: AGENT_TOKEN });
    rt = { base: `http://127.0.0.1:${deployment.hilo.port}`, apiKey: deployment.hilo.demoApiKey, drain: () => deployment.hilo.drainOutbox() };
  });
  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  it('should keep a keyed chain in SQL that survives a restart and find a link re-hashed without the key', async () => {
    const ticket = await handoffAndLead(rt, `audit-sql-${process.pid}`);
    const db = deployment.storage.db;
    if (!db) throw new Error('expected a database');
    const read = async (): Promise<AuditLink[]> =>
      (
        await db.em().execute<{ seq: number; type: string; actor: string; payload: unknown; prev_hash: string; hash: string; created_at: Date }[]>(
          `select seq, type, actor, payload, prev_hash, hash, created_at from audit_events where tenant_id = 'ferreteria' order by seq`,
        )
      ).map((r) => ({ seq: r.seq, type: r.type, actor: r.actor, at: toIso(r.created_at), payload: r.payload, prevHash: r.prev_hash, hash: r.hash }));
    const links = await read();
    expect(links.map((l) => l.type)).toEqual(expect.arrayContaining(['ticket.opened', 'agent.message', 'agent.resolved', 'lead.pushed']));
    expect(links.find((l) => l.type === 'ticket.opened')?.payload).toMatchObject({ ticketNumber: ticket });
    for (const l of links) expect(l.hash).toMatch(/^hmac:/);
    expectNoPersonalData(links);
    expect(await verify(rt)).toEqual({ ok: true, count: links.length });

    await deployment.restart({ keepStorage: true });
    rt.base = `http://127.0.0.1:${deployment.hilo.port}`;
    expect(await verify(rt)).toEqual({ ok: true, count: links.length });

    // A database writer edits link 2 and recomputes its hash the only way they can: without the key.
    const target = links[1] as AuditLink;
    const payload = { ...(target.payload as object), edited: true };
    const forged = createHash('sha256').update(target.prevHash + canonicalJson({ seq: target.seq, type: target.type, actor: target.actor, at: target.at, payload })).digest('hex');
    await db.em().execute(`update audit_events set payload = ?::jsonb, hash = ? where tenant_id = 'ferreteria' and seq = 2`, [JSON.stringify(payload), forged], 'run');
    expect(await verify(rt)).toEqual({ ok: false, broken_at: 2 });
  }, 120_000);
});
