import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { createDurableEnvironment, createTestDatabase } from '../durable/durable-harness.js';

/**
 * Issue 15 "Done when": a known set of conversations (self-serve, a lead, handoffs, an error)
 * driven through the real host over REST, on embedded PGlite and on a real PostgreSQL; every
 * figure of the summary, the funnels, the intents and the SQL views checked against values
 * counted by hand from the script below; the canaries' e-mail, phone and name never in the
 * unmet groups, FAQ candidates or the training export.
 */
const CANARY = { name: 'Zoraida Canarito', email: 'zoraida.canarito@example.com', otherPhone: '829-555-0199', company: 'Constructora Canarito' };
const SLOW = 'lento-canario';
const CONSOLE_PASSWORD = 'analytics-console-pass-1';
const TURN_TIMEOUT_MS = 1_500;

const modes = [
  {
    // No CRM webhook: the embedded CRM takes the lead as it is pushed.
    name: 'PGlite',
    crm: false,
    env: async () => {
      const made = await createDurableEnvironment('pglite+memory');
      return { env: made.env, drop: () => made.destroy() };
    },
  },
  {
    // A CRM webhook (a loopback server answering 200): accepted once the outbox delivered it.
    name: 'PostgreSQL',
    crm: true,
    env: async () => {
      const db = await createTestDatabase();
      return { env: { DATABASE_URL: db.url }, drop: db.drop };
    },
  },
] as const;

/** The script: per sender, its messages in order. */
const SCRIPT: Record<string, string[]> = {
  // Self-serve: a store question, then a goodbye (closed); a product; the same store question again.
  hours: ['¿A qué hora abren el domingo?', 'gracias, eso es todo, bye'],
  cement: ['¿Tienen cemento gris?'],
  hours2: ['¿A qué hora abren el domingo?'],
  // Handoff on request (resolved by an agent below, then rated 5).
  human: ['quiero hablar con una persona'],
  // A lead, start to submission, with the canary's data.
  lead: [
    'Somos una constructora y queremos comprar materiales al por mayor',
    CANARY.name,
    CANARY.email,
    CANARY.company,
    'Ventas',
    'Necesitamos materiales para construir 20 casas en La Romana',
    'Alto',
    'sí',
  ],
  // Not understood three times in a row: a handoff for failure, and three unmet messages.
  lost: [`me llamo ${CANARY.name} blorf zzkt ${CANARY.otherPhone}`, 'blorf zzkt qwyx', 'blorf zzkt qwyx'],
};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santo_Domingo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** PostgreSQL's percentile_cont, computed here from the raw values. */
function percentileCont(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  const rank = p * (v.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return v[lo]! + (v[hi]! - v[lo]!) * (rank - lo);
}

for (const mode of modes) {
  describe(`analytics (${mode.name})`, () => {
    let server: TestServer;
    let drop: () => Promise<void> = async () => {};
    const conv: Record<string, string> = {};
    let day = '';
    let crm: Server | null = null;
    const crmBodies: string[] = [];

    const get = async (path: string, headers: Record<string, string> = { authorization: `Bearer ${server.apiKey}` }) => {
      const res = await fetch(server.baseUrl + path, { headers });
      const text = await res.text();
      let body: any = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: res.status, text, headers: res.headers, json: body };
    };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(server.baseUrl + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const say = (sender: string, text: string) => post('/api/tenants/ferreteria/messages', { sender: `${mode.name}-${sender}`, text });
    const sql = <R>(query: string, params: unknown[] = []) => server.hilo.storage.db!.em().execute<R[]>(query, params);

    beforeAll(async () => {
      const made = await mode.env();
      drop = made.drop;
      const crmEnv: Record<string, string> = {};
      if (mode.crm) {
        crm = createServer((req, res) => {
          let body = '';
          req.on('data', (c: Buffer) => (body += c.toString()));
          req.on('end', () => {
            crmBodies.push(body);
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          });
        });
        await new Promise<void>((resolve) => crm!.listen(0, '127.0.0.1', resolve));
        crmEnv.HILO_CRM_WEBHOOK_URL = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/leads`;
        crmEnv.HILO_CRM_WEBHOOK_SECRET = 'analytics-test-secret-0123456789';
      }
      server = await startHiloForTest({
        env: { ...made.env, ...crmEnv, HILO_STORAGE: 'durable', HILO_TURN_TIMEOUT_MS: String(TURN_TIMEOUT_MS), HILO_DEMO_AGENT_PASSWORD: CONSOLE_PASSWORD },
        // The rule brain, except that one message takes longer than a turn may: a failed turn.
        createBrain: async (data) => {
          const brain = createRuleBrain({ tenant: data });
          return {
            // No readNow: every message goes through the awaited reading, so the slow one is slow.
            brain: {
              kind: brain.kind,
              parse: (text: string) => brain.parse(text),
              async understand(input) {
                if (input.text.includes(SLOW)) await new Promise((r) => setTimeout(r, TURN_TIMEOUT_MS + 500));
                return brain.understand(input);
              },
            },
          };
        },
      });
      day = today();
      for (const [sender, messages] of Object.entries(SCRIPT)) {
        for (const text of messages) {
          const r = await say(sender, text);
          expect(r.status, `${sender}: ${text}`).toBe(200);
          conv[sender] = r.json.conversation_id;
        }
      }
      expect((await post(`/api/tenants/ferreteria/conversations/${conv.human}/resolve`, { agent: 'María', outcome: 'resuelto' })).status).toBe(200);
      expect((await say('human', '5')).status).toBe(200);
      expect((await say('slow', `${SLOW} hola`)).status).toBe(504);
      await server.hilo.drainOutbox();
      // Another tenant's facts in the same tables: no figure below may count them.
      await sql(`insert into turn_facts (tenant_id, conversation_id, seq, at, day, channel, event, outcome, turn_ms, phase_from, phase_to, intent, confidence)
                 values ('other-tenant', null, 0, now(), ?::date, 'rest', 'user.message', 'ok', 99999, 'triage', 'handoff', 'complaint', 1)`, [day]);
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await new Promise((resolve) => (crm ? crm.close(resolve) : resolve(undefined)));
      await drop();
    });

    it('should answer the summary with the figures counted by hand', async () => {
      const s = await get('/api/tenants/ferreteria/analytics/summary');
      expect(s.status).toBe(200);
      // 6 conversations answered (the timed-out one never committed a turn); 17 customer
      // messages (2 + 1 + 1 + 1 + 8 + 3, and the rating "5"); handoffs: the request and the third
      // misunderstanding; one lead started and submitted; one rating of 5.
      expect(s.json).toMatchObject({
        tenant: 'ferreteria', to: day, time_zone: 'America/Santo_Domingo',
        conversations: 6, messages: 17, handoffs: 2, leads: 1, lead_conversion: 1, csat_avg: 5, llm_cost: 0,
      });
      expect(s.json.escalation_rate).toBeCloseTo(2 / 6, 12);
      expect(s.json.automation_rate).toBeCloseTo(4 / 6, 12);
      const times = (await sql<{ turn_ms: number }>(`select turn_ms from turn_facts where tenant_id = 'ferreteria' and outcome = 'ok' and event = 'user.message'`)).map((r) => Number(r.turn_ms));
      expect(times).toHaveLength(17);
      expect(times.every((t) => t > 0 && t < TURN_TIMEOUT_MS)).toBe(true);
      expect(s.json.turn_ms_p50).toBeCloseTo(percentileCont(times, 0.5), 6);
      expect(s.json.turn_ms_p95).toBeCloseTo(percentileCont(times, 0.95), 6);
    });

    it('should record what each turn left: brain, sentiment, states, outcome', async () => {
      const facts = await sql<{ event: string; brain: string | null; outcome: string; seq: number; sentiment: string | null; state_from: string | null; state_to: string | null }>(
        `select event, brain, outcome, seq, sentiment, state_from, state_to from turn_facts where tenant_id = 'ferreteria' order by id`,
      );
      const customer = facts.filter((f) => f.event === 'user.message' && f.outcome === 'ok');
      expect(customer).toHaveLength(17);
      expect(customer.every((f) => f.seq > 0 && f.state_from !== null && f.state_to !== null)).toBe(true);
      // Every message went through the rule brain but the rating, which the machine takes by itself.
      const read = customer.filter((f) => f.brain !== null);
      expect(read).toHaveLength(16);
      expect(read.every((f) => f.brain === 'rule' && f.sentiment !== null)).toBe(true);
      expect(customer.filter((f) => f.brain === null)).toMatchObject([{ state_from: 'triage.idle', sentiment: null }]);
      // The agent's resolve is a turn too (no brain), and the timed-out message one failed fact.
      expect(facts.filter((f) => f.event === 'agent.resolved')).toMatchObject([{ brain: null, outcome: 'ok', state_from: 'handoff.withHuman' }]);
      expect(facts.filter((f) => f.outcome !== 'ok')).toMatchObject([{ outcome: 'HILO_ERR_TURN_TIMEOUT', seq: 0, event: 'user.message' }]);
    });

    it('should answer the state funnel and the lead funnel', async () => {
      const f = await get('/api/tenants/ferreteria/analytics/funnel');
      expect(f.status).toBe(200);
      const states = Object.fromEntries(f.json.states.map((s: { state: string; conversations: number }) => [s.state, s.conversations]));
      // Entered by: the two handoffs; the goodbye; the lead; the resolve (back to triage) that the rating follows.
      expect(states['handoff.withHuman']).toBe(2);
      expect(states.closed).toBe(1);
      expect(states['workflow.form.collecting.waiting']).toBe(1);
      expect(f.json.leads).toEqual([
        { stage: 'started', conversations: 1 },
        { stage: 'field:name', conversations: 1 },
        { stage: 'field:email', conversations: 1 },
        { stage: 'field:company_name', conversations: 1 },
        { stage: 'field:interest_area', conversations: 1 },
        { stage: 'field:problem_statement', conversations: 1 },
        { stage: 'field:urgency_level', conversations: 1 },
        { stage: 'confirmed', conversations: 1 },
        { stage: 'pushed', conversations: 1 },
        { stage: 'accepted', conversations: 1 },
      ]);
      // The embedded CRM needs no delivery; the webhook got the lead exactly once.
      const crmRows = await sql<{ status: string }>(`select status from outbox_entries where tenant_id = 'ferreteria' and kind = 'crm.lead'`);
      expect(crmRows).toEqual(mode.crm ? [{ status: 'done' }] : []);
      expect(crmBodies).toHaveLength(mode.crm ? 1 : 0);
    });

    it('should answer intents and errors', async () => {
      const i = await get('/api/tenants/ferreteria/analytics/intents');
      expect(i.status).toBe(200);
      const byIntent = Object.fromEntries(i.json.intents.map((x: { intent: string }) => [x.intent, x]));
      // Every customer message but the rating (no reading, no intent).
      expect(i.json.intents.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(16);
      expect(byIntent.store_hours_location).toMatchObject({ count: 2, misunderstood_rate: 0, handoff_rate: 0 });
      expect(byIntent.human_agent).toMatchObject({ count: 1, handoff_rate: 1 });
      expect(byIntent.product_inquiry).toMatchObject({ count: 1, misunderstood_rate: 0 });
      // Each mean is the mean of the confidences recorded for that intent.
      const rows = await sql<{ intent: string; confidence: number }>(`select intent, confidence from turn_facts where tenant_id = 'ferreteria' and outcome = 'ok' and event = 'user.message'`);
      for (const x of i.json.intents as { intent: string; mean_confidence: number }[]) {
        const mine = rows.filter((r) => r.intent === x.intent).map((r) => Number(r.confidence));
        expect(x.mean_confidence).toBeCloseTo(mine.reduce((a, b) => a + b, 0) / mine.length, 5);
      }
      const e = await get('/api/tenants/ferreteria/analytics/errors');
      expect(e.json.errors).toEqual([{ code: 'HILO_ERR_TURN_TIMEOUT', day, count: 1 }]);
    });

    it('should hold the same figures in the SQL views, per tenant and day', async () => {
      const [stats] = await sql<Record<string, unknown>>(`select * from conversation_stats where tenant_id = 'ferreteria' and day = ?::date`, [day]);
      expect(stats).toMatchObject({ conversations: 6, messages: 17, handoffs: 2, leads: 1, closed: 1, handed_off_conversations: 2 });
      expect(Number(stats!.automation_rate)).toBeCloseTo(4 / 6, 12);
      const intents = await sql<{ intent: string; count: number }>(`select intent, count from intent_stats where tenant_id = 'ferreteria' and day = ?::date`, [day]);
      expect(intents.reduce((n, r) => n + Number(r.count), 0)).toBe(16);
      expect(await sql(`select code, count from error_stats where tenant_id = 'ferreteria'`)).toEqual([{ code: 'HILO_ERR_TURN_TIMEOUT', count: 1 }]);
      const funnel = await sql<{ state: string; conversations: number }>(`select state, conversations from state_funnel where tenant_id = 'ferreteria' and state = 'handoff.withHuman'`);
      expect(funnel).toEqual([{ state: 'handoff.withHuman', conversations: 2 }]);
      expect(await sql(`select count(*)::int as n from conversation_stats where tenant_id = 'other-tenant'`)).toEqual([{ n: 1 }]);
      const contact = `${conv.lead!.slice(2, 10)}-${conv.lead!.slice(10, 14)}-${conv.lead!.slice(14, 18)}-${conv.lead!.slice(18, 22)}-${conv.lead!.slice(22)}`;
      const [perContact] = await sql<Record<string, unknown>>(`select * from contact_stats('ferreteria', ?::uuid)`, [contact]);
      expect(perContact).toMatchObject({ conversations: 1, messages: 8, handoffs: 0, leads: 1 });
      expect(await sql(`select conversations from contact_stats('other-tenant', ?::uuid)`, [contact])).toEqual([{ conversations: 0 }]);
    });

    it('should group unmet messages and draft FAQ entries without the canaries', async () => {
      const u = await get('/api/tenants/ferreteria/analytics/unmet');
      expect(u.status).toBe(200);
      expect(u.json.messages).toBe(3);
      expect(u.json.groups[0]).toMatchObject({ terms: 'blorf zzkt qwyx', count: 2 });
      const faq = await get('/api/tenants/ferreteria/analytics/faq-candidates');
      expect(faq.json.candidates).toHaveLength(1);
      expect(faq.json.candidates[0]).toMatchObject({ question: '¿A qué hora abren el domingo?', intent: 'store_hours_location', count: 2, status: 'draft' });
      // The customers got that Sunday's hours, dated; the draft is the store's Sunday hours on any Sunday, branch by branch.
      expect(faq.json.candidates[0].answer).toMatch(/^Los domingos abrimos así:[\s\S]*8:00 a\. m\. a 12:30 p\. m\./);
      expect(faq.json.candidates[0].answer).not.toMatch(/diciembre|\d{1,2} de |ahora|cerró por hoy|todavía no abre/);
      for (const text of [u.text, faq.text]) expectNoCanary(text);
    });

    it('should export labelled customer turns, redacted, paged, with agent corrections winning', async () => {
      const nameTurn = (await sql<{ message_id: string }>(`select message_id from messages where tenant_id = 'ferreteria' and conversation_id = ? and direction = 'in' order by seq limit 1 offset 1`, [conv.lead]))[0]!;
      const corrected = await post('/api/tenants/ferreteria/analytics/intent-corrections', { conversation_id: conv.lead, message_id: nameTurn.message_id, intent: 'sales_lead' });
      expect(corrected.status).toBe(200);
      const lines: { text: string; intent: string; source: string; message_id: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await get(`/api/tenants/ferreteria/exports/training.jsonl?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toContain('application/x-ndjson');
        expectNoCanary(page.text);
        lines.push(...page.text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l)));
        cursor = page.headers.get('x-next-cursor');
        pages++;
      } while (cursor !== null && pages < 10);
      expect(lines).toHaveLength(16);
      expect(pages).toBe(4);
      expect(lines.find((l) => l.message_id === nameTurn.message_id)).toMatchObject({ text: '[name]', intent: 'sales_lead', source: 'agent' });
      expect(lines.filter((l) => l.source === 'agent')).toHaveLength(1);
    });

    it("should serve an admin's console session and refuse an agent's", async () => {
      const login = async (username: string, password: string) => {
        const res = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'ferreteria', username, password }) });
        expect(res.status).toBe(200);
        return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      };
      const admin = await get('/api/tenants/ferreteria/analytics/summary', { cookie: await login('demo', CONSOLE_PASSWORD) });
      expect(admin.status).toBe(200);
      expect(admin.json.conversations).toBe(6);
      const created = await fetch(`${server.baseUrl}/console/api/tenants/ferreteria/agents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'rosa', displayName: 'Rosa', role: 'agent', password: 'rosa-password-1' }),
      });
      expect(created.status).toBe(201);
      const agent = await get('/api/tenants/ferreteria/analytics/summary', { cookie: await login('rosa', 'rosa-password-1') });
      expect([agent.status, agent.json.error.code]).toEqual([403, 'HILO_ERR_CONSOLE_FORBIDDEN']);
      const forged = await get('/api/tenants/ferreteria/exports/training.jsonl', { cookie: 'hilo_console=forged-session-id' });
      expect(forged.status).toBe(401);
    });

    it('should refuse missing and wrong keys, other tenants and bad parameters with coded errors', async () => {
      const none = await get('/api/tenants/ferreteria/analytics/summary', {});
      expect([none.status, none.json.error.code]).toEqual([401, 'HILO_ERR_AUTH_MISSING']);
      const wrong = await get('/api/tenants/ferreteria/analytics/summary', { authorization: 'Bearer not-the-key-at-all-123' });
      expect([wrong.status, wrong.json.error.code]).toEqual([403, 'HILO_ERR_AUTH_INVALID']);
      const other = await get('/api/tenants/other-tenant/analytics/summary');
      expect([other.status, other.json.error.code]).toEqual([404, 'HILO_ERR_TENANT_NOT_FOUND']);
      const otherExport = await get('/api/tenants/other-tenant/exports/training.jsonl');
      expect(otherExport.status).toBe(404);
      for (const query of ['from=2026-13-01', 'from=yesterday', 'from=2026-02-30', 'from=2026-12-03&to=2026-12-01', 'from=2024-01-01&to=2026-01-01', 'tz=UTC']) {
        const bad = await get(`/api/tenants/ferreteria/analytics/summary?${query}`);
        expect([bad.status, bad.json.error.code], query).toEqual([400, 'HILO_ERR_HTTP_VALIDATION']);
      }
      expect((await get('/api/tenants/ferreteria/exports/training.jsonl?cursor=abc')).status).toBe(400);
      expect((await get('/api/tenants/ferreteria/exports/training.jsonl?limit=0')).status).toBe(400);
      // A range that holds no turn: zeros, not errors.
      const empty = await get('/api/tenants/ferreteria/analytics/summary?from=2025-01-01&to=2025-01-31');
      expect(empty.json).toMatchObject({ conversations: 0, messages: 0, escalation_rate: null, turn_ms_p50: null, csat_avg: null });
    });
  });
}

function expectNoCanary(text: string): void {
  const folded = text.toLowerCase();
  for (const needle of ['zoraida', 'canarito', 'example.com', '5550199', '555-0199', '829-555']) expect(folded, needle).not.toContain(needle);
}

describe('analytics (memory mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHiloForTest();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('should answer 501 with a coded error after authenticating', async () => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/analytics/summary`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    expect(res.status).toBe(501);
    expect(((await res.json()) as any).error.code).toBe('HILO_ERR_ANALYTICS_UNAVAILABLE');
    const anonymous = await fetch(`${server.baseUrl}/api/tenants/ferreteria/exports/training.jsonl`);
    expect(anonymous.status).toBe(401);
  });
});
