import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../fakes/crm-receiver.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * A lead the CRM refuses for good must not vanish: the outbox gives up, logs `crm.lead_failed`,
 * alerts Slack with the lead id (no personal data) and counts it on /metrics.
 */

const CRM_SECRET = 'e2e-crm-failure-secret-0123456';
const EMAIL = 'rafael.pena@obrasdelsur.do';

let crm: FakeCrmReceiver;
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  // The CRM rejects the lead (422: final, no retry).
  crm = await startFakeCrmReceiver({ secret: CRM_SECRET, clock: systemClock, failures: [{ status: 422, body: '{"error":"missing field"}' }] });
  slack = await startFakeSlack();
  server = await startHiloForTest({
    env: { HILO_CRM_WEBHOOK_URL: crm.url, HILO_CRM_WEBHOOK_SECRET: CRM_SECRET, HILO_SLACK_WEBHOOK_URL: slack.webhookUrl },
  });
});

afterAll(async () => {
  await server?.close();
  await crm?.close();
  await slack?.close();
});

async function say(from: string, text: string): Promise<{ state: { value: string; context: Record<string, any> } }> {
  const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender: from, text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { state: { value: string; context: Record<string, any> } };
}

const ANSWERS: Record<string, string> = {
  name: 'Rafael Peña',
  email: EMAIL,
  company_name: 'Obras del Sur SRL',
  interest_area: 'Ventas',
  problem_statement: 'Necesitamos blocks y cemento para una nave de 800 m2 en San Pedro.',
  urgency_level: 'Medio',
};

describe('a lead the CRM never accepts', () => {
  it('should alert Slack with the lead id, log it and count it, without sending personal data', async () => {
    const from = `crm-failure-${process.pid}`;
    let t = await say(from, 'Buenas, quiero una cotización de materiales para mi empresa');
    for (let i = 0; i < 10 && t.state.value.startsWith('workflow.form.collecting'); i++) {
      t = await say(from, ANSWERS[(t.state.context.expecting as { field: string }).field] ?? 'no');
    }
    t = await say(from, 'sí, correcto');
    const leadId = t.state.context.lead.leadId as string;
    expect(leadId).toMatch(/^L-/);

    await server.hilo.drainOutbox();
    expect(crm.requests.map((r) => r.status)).toEqual([422]);
    expect(crm.applied).toEqual([]);
    const alerts = slack.messages.filter((m) => String(m.text).includes('no llegó al CRM'));
    expect(alerts).toHaveLength(1);
    const alert = JSON.stringify(alerts[0]);
    expect(alert).toContain(leadId);
    expect(alert).toContain('HILO_ERR_CRM_REJECTED');
    expect(alert).not.toContain(EMAIL);
    expect(alert).not.toContain('Rafael');

    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^hilo_outbox_failed_total\{kind="crm\.lead"\} 1$/m);
    expect(metrics).toMatch(/^hilo_outbox_delivered_total\{kind="slack\.crmFailed"\} 1$/m);
  }, 60_000);
});
