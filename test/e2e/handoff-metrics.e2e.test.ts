import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * A handoff notice that reached no agent room must not look delivered on /metrics: with no
 * Rocket.Chat configured the notice is counted as skipped; with Rocket.Chat it is delivered.
 */

let server: TestServer | null = null;
let rocket: FakeRocketChat | null = null;

afterEach(async () => {
  await server?.close();
  await rocket?.close();
  server = null;
  rocket = null;
});

async function handOff(s: TestServer, sender: string): Promise<void> {
  const res = await fetch(`${s.baseUrl}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text: 'quiero hablar con una persona por favor' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { state: { value: string } };
  expect(body.state.value).toMatch(/^handoff/);
  await s.hilo.drainOutbox();
}

type OutboxMetrics = { delivered: Record<string, number>; skipped: Record<string, number>; failed: Record<string, number> };

async function outboxMetrics(s: TestServer): Promise<{ json: OutboxMetrics; text: string }> {
  const json = ((await (await fetch(`${s.baseUrl}/metrics.json`)).json()) as { outbox: OutboxMetrics }).outbox;
  const text = await (await fetch(`${s.baseUrl}/metrics`)).text();
  return { json, text };
}

describe('handoff notices on /metrics', () => {
  it('should count a handoff notice as skipped, not delivered, when no Rocket.Chat is configured', async () => {
    server = await startHiloForTest();
    await handOff(server, `metrics-no-rc-${process.pid}`);
    const { json, text } = await outboxMetrics(server);
    expect(json.skipped['handoff.notify']).toBe(1);
    expect(json.delivered['handoff.notify']).toBeUndefined();
    expect(text).toMatch(/^hilo_outbox_skipped_total\{kind="handoff\.notify"\} 1$/m);
    expect(text).not.toMatch(/^hilo_outbox_delivered_total\{kind="handoff\.notify"\}/m);
  }, 30_000);

  it('should count it as delivered when Rocket.Chat accepted it', async () => {
    rocket = await startFakeRocketChat();
    server = await startHiloForTest({ env: { HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl } });
    await handOff(server, `metrics-rc-${process.pid}`);
    expect(rocket.messages.length).toBeGreaterThanOrEqual(1);
    const { json } = await outboxMetrics(server);
    expect(json.delivered['handoff.notify']).toBe(1);
    expect(json.skipped['handoff.notify']).toBeUndefined();
  }, 30_000);
});
